// sts:AssumeRoleWithSAML with real signed assertions: the SAML service (xml-crypto, @peculiar/x509)
// mints and checks each assertion, then STS decides. Sources: AWS STS API Reference
// "AssumeRoleWithSAML" (parameters, errors, response); IAM User Guide "Configure SAML assertions for
// the authentication response" (Recipient, Audience, NotOnOrAfter, the Role, RoleSessionName,
// SessionDuration, SourceIdentity, PrincipalTag and TransitiveTagKeys attributes, the saml: keys and
// NameQualifier), "Troubleshoot SAML 2.0 federation with AWS" (the messages quoted below).
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { CallCommand, ParamValue } from '../../src/engine/call/command.js';
import type { AnyCommand, AnyEvent } from '../../src/engine/events.js';
import type { AssertionSpec } from '../../src/engine/saml/assertion.js';
import { nameQualifier } from '../../src/engine/saml/state.js';
import { createKeyring } from '../../src/engine/tokens/keyring.js';
import { prepareCall } from '../../src/engine/tokens/prepare.js';
import { evolve } from '../../src/engine/run.js';
import { given, PROD, role, when } from './given.js';
import { spec, ATTR, IDP, oktaWorld, PROVIDER, ROLE } from './saml-given.js';

const trust = (actions: string[] = ['sts:AssumeRoleWithSAML'], condition: object = {}) => ({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Federated: PROVIDER }, Action: actions, Condition: condition }],
});

function world(attrs: Record<string, string[]> = {}, trustPolicy: object = trust(), maxSession = 3600) {
  const commands: AnyCommand[] = [...oktaWorld(attrs), role(PROD, 'Dev', trustPolicy, maxSession)];
  return given(commands);
}

/** The role and provider every request here names. */
const target = (): Record<string, ParamValue> => ({ RoleArn: { t: 'text', v: ROLE }, PrincipalArn: { t: 'text', v: PROVIDER } });

/** An unsigned AssumeRoleWithSAML with these parameters, prepared by the token service and decided. */
async function decideSaml(w: ReturnType<typeof world>, params: Record<string, ParamValue>): Promise<AnyEvent[]> {
  const command: CallCommand = {
    type: 'Call',
    data: { caller: { kind: 'anonymous' }, action: 'sts:AssumeRoleWithSAML', resource: null, params, context: {}, region: 'us-east-1' },
  };
  return when(w, await prepareCall(command, w, createKeyring()));
}

async function assume(w: ReturnType<typeof world>, s: AssertionSpec | string, params: Record<string, string> = {}): Promise<AnyEvent[]> {
  const p = target();
  for (const [k, v] of Object.entries(params)) p[k] = { t: 'text', v };
  p['SAMLAssertion'] = typeof s === 'string' ? { t: 'text', v: s } : { t: 'assertion', spec: s };
  return decideSaml(w, p);
}

const outcome = (events: AnyEvent[]) => {
  const e = events[0] as {
    type: string;
    data: { call: { error: { code: string; message: string } | null; response: Record<string, unknown> | null } };
  };
  return { type: e.type, error: e.data.call.error, response: e.data.call.response };
};

describe('sts:AssumeRoleWithSAML', () => {
  it('a genuine assertion gets a session named by its RoleSessionName, with Subject, Issuer, Audience and NameQualifier', async () => {
    const o = outcome(await assume(world(), spec()));
    expect(o.type).toBe('RoleAssumedWithSAML');
    expect(o.response).toMatchObject({
      Subject: 'alice@example.com',
      SubjectType: 'persistent',
      Issuer: IDP,
      Audience: 'https://signin.aws.amazon.com/saml',
      NameQualifier: createHash('sha1').update(`${IDP}${PROD}/Okta`).digest('base64'),
      AssumedRoleUser: { Arn: `arn:aws:sts::${PROD}:assumed-role/Dev/alice` },
    });
    expect(nameQualifier(IDP, PROD, 'Okta')).toBe(o.response!['NameQualifier']);
  });

  it('refuses forged and broken assertions: another key, tampered, unsigned', async () => {
    for (const s of [spec({ signedBy: 'attacker' }), spec({ tampered: true, fields: { NameID: 'root' } }), spec({ unsigned: true })]) {
      expect(outcome(await assume(world(), s)).error).toEqual({ code: 'InvalidIdentityToken', message: 'Response signature invalid' });
    }
  });

  it('refuses an expired assertion, and accepts one within 5 minutes of clock skew', async () => {
    expect(outcome(await assume(world(), spec({ times: { NotOnOrAfter: { rel: -3600 } } }))).error?.code).toBe('ExpiredTokenException');
    expect(outcome(await assume(world(), spec({ times: { NotOnOrAfter: { rel: -120 } } }))).type).toBe('RoleAssumedWithSAML');
  });

  it('refuses a wrong Audience or Recipient, and accepts a regional sign-in endpoint', async () => {
    expect(outcome(await assume(world(), spec({ fields: { Audience: 'https://app.example.com' } }))).error?.code).toBe(
      'InvalidIdentityToken',
    );
    expect(outcome(await assume(world(), spec({ fields: { Recipient: 'https://evil.example.com/saml' } }))).error?.code).toBe(
      'InvalidIdentityToken',
    );
    const regional = 'https://eu-west-1.signin.aws.amazon.com/saml';
    const o = outcome(await assume(world(), spec({ fields: { Audience: regional, Recipient: regional } })));
    expect(o.response?.['Audience']).toBe(regional);
  });

  it('refuses a provider that does not exist and an issuer that is not the provider entity ID', async () => {
    const w = world();
    const missing = await assume(w, spec(), { PrincipalArn: `arn:aws:iam::${PROD}:saml-provider/Nope` });
    expect(outcome(missing).error).toEqual({ code: 'InvalidIdentityToken', message: "Specified provider doesn't exist" });
    expect(outcome(await assume(w, spec({ fields: { Issuer: 'https://other' } }))).error?.message).toBe(
      'Issuer not present in specified provider',
    );
  });

  it('refuses a role the Role attribute does not pair with the provider', async () => {
    const w = world({ [`${ATTR}Role`]: [`arn:aws:iam::${PROD}:role/Other,${PROVIDER}`] });
    const o = outcome(await assume(w, spec()));
    expect(o.type).toBe('AssumeRoleWithSAMLDenied');
    expect(o.error?.code).toBe('AccessDenied');
  });

  it('requires a RoleSessionName attribute of 2 to 64 allowed characters, and checks SourceIdentity', async () => {
    expect(outcome(await assume(world({ [`${ATTR}RoleSessionName`]: [] }), spec())).error?.message).toBe(
      'RoleSessionName is required in AuthnResponse',
    );
    expect(outcome(await assume(world({ [`${ATTR}RoleSessionName`]: ['a b'] }), spec())).error?.message).toBe(
      'RoleSessionName in AuthnResponse must match [a-zA-Z_0-9+=,.@-]{2,64}',
    );
    expect(outcome(await assume(world({ [`${ATTR}SourceIdentity`]: ['aws:me'] }), spec())).error?.message).toMatch(
      /^Source Identity must match/,
    );
  });

  it('session tags and a source identity need sts:TagSession and sts:SetSourceIdentity in the trust policy', async () => {
    const attrs = { [`${ATTR}PrincipalTag:Dept`]: ['eng'], [`${ATTR}SourceIdentity`]: ['alice'] };
    expect(outcome(await assume(world(attrs), spec())).error?.code).toBe('AccessDenied');
    const w = world(attrs, trust(['sts:AssumeRoleWithSAML', 'sts:TagSession', 'sts:SetSourceIdentity']));
    const events = await assume(w, spec());
    const session = (events[0] as { data: { session: { tags: object; sourceIdentity: string } } }).data.session;
    expect(session.tags).toEqual({ Dept: 'eng' });
    expect(session.sourceIdentity).toBe('alice');
  });

  it('the trust policy sees saml:aud, saml:sub, saml:sub_type, saml:iss, saml:namequalifier and attribute keys', async () => {
    const condition = {
      StringEquals: {
        'saml:aud': 'https://signin.aws.amazon.com/saml',
        'saml:sub': 'alice@example.com',
        'saml:sub_type': 'persistent',
        'saml:iss': IDP,
        'saml:namequalifier': nameQualifier(IDP, PROD, 'Okta'),
        'saml:edupersonorgdn': 'o=Example',
      },
    };
    const w = world({ 'urn:oid:1.3.6.1.4.1.5923.1.1.1.3': ['o=Example'] }, trust(['sts:AssumeRoleWithSAML'], condition));
    expect(outcome(await assume(w, spec())).type).toBe('RoleAssumedWithSAML');
    const other = world({ 'urn:oid:1.3.6.1.4.1.5923.1.1.1.3': ['o=Other'] }, trust(['sts:AssumeRoleWithSAML'], condition));
    expect(outcome(await assume(other, spec())).error?.code).toBe('AccessDenied');
  });

  // IAM User Guide "IAM and AWS STS condition context keys", "SAML role permissions policies": the
  // permissions policies of a SAML role may test saml:namequalifier, saml:sub and saml:sub_type
  // ("Uniquely identifying users in SAML-based federation"); the trust-only keys (saml:aud, saml:iss,
  // the attributes) are not listed there
  it("a SAML session's later requests carry saml:namequalifier, saml:sub and saml:sub_type, and no trust-only key", async () => {
    const w = world({ 'urn:oid:1.3.6.1.4.1.5923.1.1.1.3': ['o=Example'] });
    const assumed = await assume(w, spec());
    let after = w;
    for (const e of assumed) after = evolve(after, e);
    const session = (assumed[0]!.data as { session: { accessKeyId: string } }).session;
    const read = when(after, {
      type: 'Call',
      data: {
        caller: { kind: 'key', accessKeyId: session.accessKeyId },
        action: 's3:GetObject',
        resource: 'arn:aws:s3:::reports/q1.csv',
        params: {},
        context: {},
        region: 'us-east-1',
      },
    });
    const context = (read[0]!.data as { call: { context: Record<string, unknown> } }).call.context;
    expect(context).toMatchObject({
      'saml:namequalifier': nameQualifier(IDP, PROD, 'Okta'),
      'saml:sub': 'alice@example.com',
      'saml:sub_type': 'persistent',
    });
    for (const key of ['saml:aud', 'saml:iss', 'saml:doc', 'saml:edupersonorgdn']) expect(context).not.toHaveProperty(key);
  });

  // STS API Reference, AssumeRoleWithSAML: the session lasts DurationSeconds within the role's maximum;
  // the SessionDuration attribute is the console session's (IAM User Guide, "Configure SAML assertions
  // for the authentication response")
  it('DurationSeconds decides the session, whatever the SessionDuration attribute says; above the role maximum it is a ValidationError', async () => {
    const w = world({ [`${ATTR}SessionDuration`]: ['1800'] }, trust(), 7200);
    const events = await assume(w, spec(), { DurationSeconds: '7200' });
    const session = (events[0] as { data: { session: { issuedAt: string; expiration: string } } }).data.session;
    expect(Date.parse(session.expiration) - Date.parse(session.issuedAt)).toBe(7200_000);
    expect(outcome(await assume(world(), spec(), { DurationSeconds: '7200' })).error?.code).toBe('ValidationError');
  });

  it('text that is not a SAML response, and a missing assertion, are refused without a crash', async () => {
    expect(outcome(await assume(world(), 'bm90IGFuIGFzc2VydGlvbg==')).error?.code).toBe('InvalidIdentityToken');
    expect(outcome(await decideSaml(world(), target())).error?.code).toBe('ValidationError');
  });
});

describe('sts:AssumeRoleWithSAML given an assertion inside a list', () => {
  it('is a ValidationError, never a crash', async () => {
    const params = { ...target(), SAMLAssertion: { t: 'list', items: [{ t: 'assertion', spec: spec() }] } } as const;
    expect(outcome(await decideSaml(world(), params)).error?.code).toBe('ValidationError');
  });
});
