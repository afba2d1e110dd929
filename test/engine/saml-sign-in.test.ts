// The console sign-in through AWS's SAML endpoint (src/engine/saml/sign-in.ts): given a world with an
// IdP, its IAM SAML provider and a role, when the browser posts a user's assertion, then the events
// of the POST, the sign-in endpoint's sts:AssumeRoleWithSAML and its answer. Sources: IAM User Guide
// "Enable SAML 2.0 federated principals to access the AWS Management Console" (the endpoint calls
// AssumeRoleWithSAML for the user; several roles: the user is first prompted to select one),
// "Configure SAML assertions for the authentication response" (Role; SessionDuration 900–43200
// seconds, one hour without it), "Use IAM roles" (a console URL made with AssumeRoleWithSAML lasts
// 15 min–12 h; the role's maximum is its CLI/API session duration), "Troubleshoot SAML 2.0
// federation with AWS" (the page's errors quoted below).
import { describe, expect, it } from 'vitest';
import type { AnyCommand, AnyEvent } from '../../src/engine/events.js';
import { runScenario } from '../../src/engine/run-scenario.js';
import type { AssertionSpec } from '../../src/engine/saml/assertion.js';
import { PROD, role } from './given.js';
import { spec, ATTR, oktaWorld, PROVIDER, ROLE } from './saml-given.js';

const OTHER = `arn:aws:iam::${PROD}:role/Ops`;

const trust = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Federated: PROVIDER }, Action: 'sts:AssumeRoleWithSAML' }],
};

function world(attrs: Record<string, string[]>): AnyCommand[] {
  return [...oktaWorld(attrs), role(PROD, 'Dev', trust, 3600), role(PROD, 'Ops', { ...trust, Statement: [] }, 3600)];
}

/** When the browser posts alice's assertion (choosing `role`): the events of the sign-in, after the world's. */
async function signIn(attrs: Record<string, string[]>, s: AssertionSpec = spec(), role: string | null = null): Promise<AnyEvent[]> {
  const declared = world(attrs);
  const commands: AnyCommand[] = [...declared, { type: 'SignInWithSaml', data: { assertion: { t: 'assertion', spec: s }, role } }];
  const { events } = await runScenario(commands.map((command) => ({ command, meta: {} })));
  const posted = events.findIndex((e) => e.type === 'SamlResponsePosted');
  return events.slice(posted) as AnyEvent[];
}

type Answer = {
  type: string;
  data: { call: { error: { code: string; message: string } | null; response: Record<string, unknown> | null } };
};
const answer = (events: AnyEvent[]) => events[events.length - 1] as unknown as Answer;
const expiration = (events: AnyEvent[]) => (answer(events).data.call.response?.['Credentials'] as { Expiration: string }).Expiration;

describe('console sign-in through the SAML endpoint', () => {
  it('one role listed: the endpoint assumes it and opens the console for one hour without SessionDuration', async () => {
    const events = await signIn({});
    expect(events.map((e) => e.type)).toEqual(['SamlResponsePosted', 'RoleAssumedWithSAML', 'ConsoleSignInAnswered']);
    expect(answer(events).data.call.response).toMatchObject({
      ConsoleLogin: 'Success',
      AssumedRoleUser: { Arn: `arn:aws:sts::${PROD}:assumed-role/Dev/alice` },
    });
    expect(expiration(events)).toBe('2026-03-02T09:30:00Z');
  });

  it("SessionDuration decides the console session, beyond the role's maximum CLI/API session duration", async () => {
    expect(expiration(await signIn({ [`${ATTR}SessionDuration`]: ['28800'] }))).toBe('2026-03-02T16:30:00Z');
  });

  it('a SessionDuration outside 900–43200 seconds is refused by the page', async () => {
    for (const v of ['600', '46800', 'eight hours']) {
      const events = await signIn({ [`${ATTR}SessionDuration`]: [v] });
      expect(events.map((e) => e.type)).toEqual(['SamlResponsePosted', 'ConsoleSignInRefused']);
      expect(answer(events).data.call.error).toEqual({
        code: 'AuthSamlInvalidSamlResponseException',
        message: 'Your request included an invalid SAML response. To logout, click here.',
      });
    }
  });

  it('several roles and none picked: the role selection page, and no call to STS', async () => {
    const events = await signIn({ [`${ATTR}Role`]: [`${ROLE},${PROVIDER}`, `${OTHER},${PROVIDER}`] });
    expect(events.map((e) => e.type)).toEqual(['SamlResponsePosted', 'ConsoleSignInAnswered']);
    expect(answer(events).data.call.response).toEqual({ Page: 'Select a role', Roles: [ROLE, OTHER] });
  });

  it('several roles and one picked: that role is assumed', async () => {
    const events = await signIn({ [`${ATTR}Role`]: [`${OTHER},${PROVIDER}`, `${ROLE},${PROVIDER}`] }, spec(), ROLE);
    expect(answer(events).type).toBe('ConsoleSignInAnswered');
    expect(answer(events).data.call.response?.['ConsoleLogin']).toBe('Success');
  });

  it('no Role attribute, or a role it does not list: the invalid SAML response page', async () => {
    for (const events of [await signIn({ [`${ATTR}Role`]: [] }), await signIn({}, spec(), OTHER)]) {
      expect(answer(events).type).toBe('ConsoleSignInRefused');
      expect(answer(events).data.call.error?.message).toBe('Your request included an invalid SAML response. To logout, click here.');
    }
  });

  it("STS's refusals, as the sign-in page shows them", async () => {
    const page = async (attrs: Record<string, string[]>, s: AssertionSpec = spec(), role: string | null = null) =>
      answer(await signIn(attrs, s, role)).data.call.error;
    expect(await page({ [`${ATTR}RoleSessionName`]: [] })).toEqual({
      code: 'InvalidIdentityToken',
      message:
        'RoleSessionName is required in AuthnResponse (service: AWSSecurityTokenService; status code: 400; error code: InvalidIdentityToken)',
    });
    expect(await page({}, spec({ signedBy: 'attacker' }))).toEqual({
      code: 'InvalidIdentityToken',
      message: 'Response signature invalid (service: AWSSecurityTokenService; status code: 400; error code: InvalidIdentityToken)',
    });
    expect(await page({}, spec({ fields: { Issuer: 'https://other' } }))).toEqual({
      code: 'AuthSamlInvalidSamlResponseException',
      message:
        'Failed to assume role: Issuer not present in specified provider (service: AWSOpenIdDiscoveryService; status code: 400; error code: AuthSamlInvalidSamlResponseException)',
    });
    // Ops's trust policy allows no one
    expect(await page({ [`${ATTR}Role`]: [`${OTHER},${PROVIDER}`] })).toEqual({
      code: 'AccessDenied',
      message:
        'Not authorized to perform sts:AssumeRoleWithSAML (service: AWSSecurityTokenService; status code: 403; error code: AccessDenied)',
    });
  });

  it('posts to the regional sign-in endpoint the assertion names as Recipient', async () => {
    const regional = 'https://eu-west-1.signin.aws.amazon.com/saml';
    const events = await signIn({}, spec({ fields: { Recipient: regional, Audience: regional } }));
    expect(events[0]).toMatchObject({ type: 'SamlResponsePosted', data: { endpoint: regional, region: 'eu-west-1' } });
    expect(answer(events).data.call.response?.['ConsoleLogin']).toBe('Success');
  });
});
