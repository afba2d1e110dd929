// Built-in web identity providers, given/when/then: Amazon Cognito identity pools and Google are
// trusted by STS without an IAM OIDC provider in the role's account; a trust policy names them in
// Principal.Federated and their tokens carry their own keys.
// AWS: Amazon Cognito Developer Guide "Role trust and permissions"
// (https://docs.aws.amazon.com/cognito/latest/developerguide/role-trust-and-permissions.html); IAM
// User Guide "IAM and AWS STS condition context keys", "Available keys for AWS web identity
// federation" (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_iam-condition-keys.html#condition-keys-wif).
import { describe, expect, it } from 'vitest';
import type { AnyEvent } from '../../src/engine/events.js';
import type { AnyCommand } from '../../src/engine/events.js';
import type { World } from '../../src/engine/world.js';
import { account, bucket, given, inline, PROD, role, roleArn, start, when } from './given.js';
import { prepared, provider, spec, webIdentityCall } from './oidc-helpers.js';
import { keep, outcome } from './sts-helpers.js';

const COGNITO = 'https://cognito-identity.amazonaws.com';
const GOOGLE = 'https://accounts.google.com';
const POOL = 'us-east-1:12345678-corner-cafe-123456790ab';
const GUESTS = roleArn(PROD, 'guests');
const GOOGLE_ROLE = roleArn(PROD, 'google');

const issuer = (url: string, name: string): AnyCommand => ({
  type: 'RegisterOidcIssuer',
  data: { url, name, kind: 'external', cluster: null },
});

const cognitoTrust = {
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Principal: { Federated: 'cognito-identity.amazonaws.com' },
      Action: 'sts:AssumeRoleWithWebIdentity',
      Condition: {
        StringEquals: { 'cognito-identity.amazonaws.com:aud': POOL },
        'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': 'unauthenticated' },
      },
    },
  ],
};

const googleTrust = {
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Principal: { Federated: 'accounts.google.com' },
      Action: 'sts:AssumeRoleWithWebIdentity',
      Condition: { StringEquals: { 'accounts.google.com:aud': 'azp-value', 'accounts.google.com:oaud': 'aud-value' } },
    },
  ],
};

const world = (extra: AnyCommand[] = []) =>
  given([
    start(),
    account(PROD, 'Production'),
    bucket(PROD, 'app'),
    issuer(COGNITO, 'cognito'),
    issuer(GOOGLE, 'google'),
    role(PROD, 'guests', cognitoTrust),
    inline(GUESTS, 'Read', [
      { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::app/${cognito-identity.amazonaws.com:sub}/*' },
    ]),
    role(PROD, 'google', googleTrust),
    ...extra,
  ]);

type Call = Extract<AnyEvent, { data: { call: unknown } }>;

async function assume(w: World, url: string, claims: Record<string, unknown>, target: string): Promise<Call> {
  const token = { t: 'token' as const, spec: spec({ kind: 'issuer', url }, { claims }) };
  const events = when(w, await prepared(webIdentityCall(token, target), w));
  expect(events).toHaveLength(1);
  return events[0] as Call;
}

const guest = { aud: POOL, sub: 'us-east-1:guest-1', amr: ['unauthenticated'] };

describe('built-in web identity providers', () => {
  describe('given a role trusting an Amazon Cognito identity pool, and no IAM OIDC provider', () => {
    it('a guest token of the pool gets a session; Provider and aws:FederatedProvider are cognito-identity.amazonaws.com', async () => {
      const e = await assume(world(), COGNITO, guest, GUESTS);
      expect(e.type).toBe('RoleAssumedWithWebIdentity');
      const r = e.data.call.response as Record<string, unknown>;
      expect(r['Provider']).toBe('cognito-identity.amazonaws.com');
      expect(r['Audience']).toBe(POOL);
      expect(e.data.call.context).toMatchObject({
        'aws:FederatedProvider': 'cognito-identity.amazonaws.com',
        'cognito-identity.amazonaws.com:aud': POOL,
        'cognito-identity.amazonaws.com:sub': 'us-east-1:guest-1',
        'cognito-identity.amazonaws.com:amr': ['unauthenticated'],
      });
    });

    it('an authenticated token (amr without unauthenticated) is refused by the trust policy', async () => {
      const e = await assume(world(), COGNITO, { ...guest, amr: ['authenticated', 'graph.facebook.com'] }, GUESTS);
      expect(e.type).toBe('AssumeRoleWithWebIdentityDenied');
      expect(e.data.call.error).toEqual({ code: 'AccessDenied', message: 'Not authorized to perform sts:AssumeRoleWithWebIdentity' });
    });

    it("another pool's token is refused: the pool ID is the token's aud", async () => {
      const e = await assume(world(), COGNITO, { ...guest, aud: 'us-east-1:other-pool' }, GUESTS);
      expect(e.type).toBe('AssumeRoleWithWebIdentityDenied');
    });

    it('a token without aud is refused before the trust policy', async () => {
      const e = await assume(world(), COGNITO, { sub: 'us-east-1:guest-1', aud: [] }, GUESTS);
      expect(e.data.call.error).toEqual({ code: 'InvalidIdentityToken', message: 'Missing a required claim: aud' });
    });

    it("the session keeps the provider's sub for policy variables", async () => {
      const e = await assume(world(), COGNITO, guest, GUESTS);
      if (e.type !== 'RoleAssumedWithWebIdentity') throw new Error(e.type);
      expect(e.data.session.webIdentity).toEqual({
        provider: 'cognito-identity.amazonaws.com',
        subject: 'us-east-1:guest-1',
        audience: POOL,
      });
    });

    it("a later call of the session carries aws:FederatedProvider and the provider's aud and sub keys", async () => {
      const w = world();
      const token = { t: 'token' as const, spec: spec({ kind: 'issuer', url: COGNITO }, { claims: guest }) };
      const kept = keep(w, await prepared(webIdentityCall(token, GUESTS), w), 'guest');
      const c = outcome(kept, {
        type: 'Call',
        data: {
          caller: { kind: 'kept', name: 'guest' },
          action: 's3:GetObject',
          resource: 'arn:aws:s3:::app/us-east-1:guest-1/a.jpg',
          params: {},
          context: {},
          region: 'us-east-1',
        },
      });
      expect(c.decision).toBe('Allow'); // ${cognito-identity.amazonaws.com:sub} in the role's policy
      expect(c.context).toMatchObject({
        'aws:FederatedProvider': 'cognito-identity.amazonaws.com',
        'cognito-identity.amazonaws.com:aud': POOL,
        'cognito-identity.amazonaws.com:sub': 'us-east-1:guest-1',
      });
    });

    it('an IAM OIDC provider registered for the same URL is used instead (iamsim assumes; AWS does not document the case)', async () => {
      const e = await assume(world([provider(COGNITO, [POOL])]), COGNITO, guest, GUESTS);
      expect(e.type).toBe('AssumeRoleWithWebIdentityDenied'); // the trust policy names the built-in provider, not the ARN
      expect(e.data.call.notes.join('\n')).toMatch(
        /IAM OIDC provider arn:aws:iam::111111111111:oidc-provider\/cognito-identity.amazonaws.com matches/,
      );
    });
  });

  describe('given a role trusting Google', () => {
    it('accounts.google.com:aud is the azp and :oaud the aud of a hybrid app token', async () => {
      const e = await assume(world(), GOOGLE, { aud: 'aud-value', azp: 'azp-value', sub: '1234' }, GOOGLE_ROLE);
      expect(e.type).toBe('RoleAssumedWithWebIdentity');
      expect(e.data.call.context).toMatchObject({
        'accounts.google.com:aud': 'azp-value',
        'accounts.google.com:oaud': 'aud-value',
        'accounts.google.com:sub': '1234',
      });
      expect((e.data.call.response as Record<string, unknown>)['Provider']).toBe('accounts.google.com');
    });

    it("a token whose iss is Google's other spelling, accounts.google.com, verifies with the same issuer's keys", async () => {
      const e = await assume(world(), GOOGLE, { iss: 'accounts.google.com', aud: 'aud-value', azp: 'azp-value', sub: '1234' }, GOOGLE_ROLE);
      expect(e.type).toBe('RoleAssumedWithWebIdentity');
      expect(e.data.call.notes.join('\n')).toMatch(/signature verified/);
    });

    it('without azp, both keys hold the aud', async () => {
      const e = await assume(world(), GOOGLE, { aud: 'azp-value', sub: '1234' }, GOOGLE_ROLE);
      expect(e.type).toBe('AssumeRoleWithWebIdentityDenied');
      expect(e.data.call.context).toMatchObject({ 'accounts.google.com:aud': 'azp-value', 'accounts.google.com:oaud': 'azp-value' });
    });

    it("a Cognito token does not match the trust policy's Google principal", async () => {
      const e = await assume(world(), COGNITO, { aud: 'azp-value', sub: '1234' }, GOOGLE_ROLE);
      expect(e.type).toBe('AssumeRoleWithWebIdentityDenied');
    });
  });

  it('any other issuer still needs an IAM OIDC provider', async () => {
    const other = 'https://idp.example.com';
    const e = await assume(world([issuer(other, 'other')]), other, { aud: 'x', sub: 'y' }, GUESTS);
    expect(e.data.call.error).toEqual({
      code: 'InvalidIdentityToken',
      message: `No OpenIDConnect provider found in your account for ${other}`,
    });
  });
});
