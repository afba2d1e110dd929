// OAuth 2.0 access tokens of Login with Amazon and Facebook, given/when/then: the call names the
// provider with ProviderId, the provider knows the tokens the world issued, and the trust policy
// sees the provider's app and user keys.
// AWS: AWS STS API Reference "AssumeRoleWithWebIdentity"
// (https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoleWithWebIdentity.html: ProviderId,
// Provider, IDPRejectedClaim); IAM User Guide "IAM and AWS STS condition context keys", "Available
// keys for AWS web identity federation"
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_iam-condition-keys.html#condition-keys-wif).
import { describe, expect, it } from 'vitest';
import type { AnyEvent } from '../../src/engine/events.js';
import type { ParamValue } from '../../src/engine/call/command.js';
import { account, bucket, given, inline, PROD, role, roleArn, start, when } from './given.js';
import { prepared, spec, webIdentityCall } from './oidc-helpers.js';
import { keep, outcome } from './sts-helpers.js';

const APP = 'amzn1.application-oa2-client.5d2b8e0f4a1c';
const USER = 'amzn1.account.AF2RKKOPLYQ4XNZLS3JZ5EXAMPLE';
const FB_APP = '1234567890123';
const FB_USER = '10158765432101234';
const AMAZON_ROLE = roleArn(PROD, 'amazon');
const FB_ROLE = roleArn(PROD, 'facebook');

const trust = (provider: string, key: string, value: string) => ({
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Principal: { Federated: provider },
      Action: 'sts:AssumeRoleWithWebIdentity',
      Condition: { StringEquals: { [key]: value } },
    },
  ],
});

const world = () =>
  given([
    start(),
    account(PROD, 'Production'),
    bucket(PROD, 'saves'),
    role(PROD, 'amazon', trust('www.amazon.com', 'www.amazon.com:app_id', APP)),
    role(PROD, 'facebook', trust('graph.facebook.com', 'graph.facebook.com:app_id', FB_APP)),
    inline(FB_ROLE, 'Own', [{ Effect: 'Allow', Action: 's3:PutObject', Resource: 'arn:aws:s3:::saves/${graph.facebook.com:id}/*' }]),
  ]);

type Call = Extract<AnyEvent, { data: { call: unknown } }>;

const oauth = (provider: string, appId: string, userId: string): ParamValue => ({
  t: 'token',
  spec: spec({ kind: 'oauth', provider, appId, userId }),
});

async function assume(token: ParamValue, target: string, providerId: string | null): Promise<Call> {
  const w = world();
  const more: Record<string, ParamValue> = providerId === null ? {} : { ProviderId: { t: 'text', v: providerId } };
  const events = when(w, await prepared(webIdentityCall(token, target, { kind: 'anonymous' }, more), w));
  expect(events).toHaveLength(1);
  return events[0] as Call;
}

const REJECTED = {
  code: 'IDPRejectedClaim',
  message: 'The identity provider (IdP) reported that authentication failed. This might be because the claim is invalid.',
};

describe('OAuth 2.0 access tokens (ProviderId)', () => {
  describe('given a role trusting www.amazon.com for one app', () => {
    it('an access token Login with Amazon issued to a user of the app gets a session; Provider is ProviderId', async () => {
      const e = await assume(oauth('www.amazon.com', APP, USER), AMAZON_ROLE, 'www.amazon.com');
      expect(e.type).toBe('RoleAssumedWithWebIdentity');
      const r = e.data.call.response as Record<string, unknown>;
      expect(r['Provider']).toBe('www.amazon.com');
      expect(r['SubjectFromWebIdentityToken']).toBe(USER); // AWS does not document it for access tokens: iamsim assumes
      expect(r['Audience']).toBe(APP);
      expect(e.data.call.context).toMatchObject({
        'aws:FederatedProvider': 'www.amazon.com',
        'www.amazon.com:app_id': APP,
        'www.amazon.com:user_id': USER,
      });
    });

    it("a user of another app is refused by the trust policy's www.amazon.com:app_id", async () => {
      const e = await assume(oauth('www.amazon.com', 'amzn1.application-oa2-client.other', USER), AMAZON_ROLE, 'www.amazon.com');
      expect(e.type).toBe('AssumeRoleWithWebIdentityDenied');
      expect(e.data.call.error).toEqual({ code: 'AccessDenied', message: 'Not authorized to perform sts:AssumeRoleWithWebIdentity' });
    });

    it('text the provider never issued gets IDPRejectedClaim, and the trace says AWS does not document the case', async () => {
      const e = await assume({ t: 'text', v: 'Atza|forged-token' }, AMAZON_ROLE, 'www.amazon.com');
      expect(e.type).toBe('AssumeRoleWithWebIdentityFailed');
      expect(e.data.call.error).toEqual(REJECTED);
      expect(e.data.call.notes.join('\n')).toMatch(/AWS does not document which error/);
    });

    it("another provider's token named as www.amazon.com's is rejected by Login with Amazon", async () => {
      const e = await assume(oauth('graph.facebook.com', APP, FB_USER), AMAZON_ROLE, 'www.amazon.com');
      expect(e.data.call.error).toEqual(REJECTED);
    });

    it('an access token sent without ProviderId is read as a JWT, and is not one', async () => {
      const e = await assume(oauth('www.amazon.com', APP, USER), AMAZON_ROLE, null);
      expect(e.data.call.error?.code).toBe('InvalidIdentityToken');
    });

    it('a ProviderId STS does not support gets InvalidIdentityToken (iamsim assumes)', async () => {
      const e = await assume(oauth('www.amazon.com', APP, USER), AMAZON_ROLE, 'accounts.google.com');
      expect(e.data.call.error?.code).toBe('InvalidIdentityToken');
      expect(e.data.call.notes.join('\n')).toMatch(/AWS does not document what STS answers for another ProviderId/);
    });

    it('a ProviderId shorter than 4 characters is a ValidationError', async () => {
      const e = await assume(oauth('www.amazon.com', APP, USER), AMAZON_ROLE, 'x');
      expect(e.data.call.error?.code).toBe('ValidationError');
      expect(e.data.call.error?.message).toMatch(/providerId.*Member must have length greater than or equal to 4/);
    });
  });

  describe('given a role trusting graph.facebook.com', () => {
    it('the trust policy sees graph.facebook.com:app_id and :id', async () => {
      const e = await assume(oauth('graph.facebook.com', FB_APP, FB_USER), FB_ROLE, 'graph.facebook.com');
      expect(e.type).toBe('RoleAssumedWithWebIdentity');
      expect(e.data.call.context).toMatchObject({
        'aws:FederatedProvider': 'graph.facebook.com',
        'graph.facebook.com:app_id': FB_APP,
        'graph.facebook.com:id': FB_USER,
      });
    });

    it('a later call of the session keeps graph.facebook.com:id, and not app_id', async () => {
      const w = world();
      const call = webIdentityCall(
        oauth('graph.facebook.com', FB_APP, FB_USER),
        FB_ROLE,
        { kind: 'anonymous' },
        {
          ProviderId: { t: 'text', v: 'graph.facebook.com' },
        },
      );
      const kept = keep(w, await prepared(call, w), 'fb');
      const c = outcome(kept, {
        type: 'Call',
        data: {
          caller: { kind: 'kept', name: 'fb' },
          action: 's3:PutObject',
          resource: `arn:aws:s3:::saves/${FB_USER}/slot1`,
          params: {},
          context: {},
          region: 'us-east-1',
        },
      });
      expect(c.decision).toBe('Allow');
      expect(c.context).toMatchObject({ 'aws:FederatedProvider': 'graph.facebook.com', 'graph.facebook.com:id': FB_USER });
      expect(c.context['graph.facebook.com:app_id']).toBeUndefined();
    });
  });
});
