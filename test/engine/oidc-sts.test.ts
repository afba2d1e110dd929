// sts:AssumeRoleWithWebIdentity, given/when/then: a world with a cluster, its IAM OIDC provider and
// a role trusting shop:reader; the token service prepares each call, then STS decides it.
import { describe, expect, it } from 'vitest';
import type { AnyEvent } from '../../src/engine/events.js';
import type { ParamValue } from '../../src/engine/call/command.js';
import type { World } from '../../src/engine/world.js';
import { account, given, inline, PROD, role, roleArn, start, when } from './given.js';
import {
  cluster,
  fromPod,
  GITHUB,
  HOST,
  irsaTrust,
  pod,
  prepared,
  provider,
  PROVIDER,
  serviceAccount,
  spec,
  webIdentityCall,
} from './oidc-helpers.js';

const READER = roleArn(PROD, 'reader');

const world = (extra: Parameters<typeof given>[0] = []) =>
  given([
    start(),
    account(PROD, 'Production'),
    ...cluster(),
    provider(),
    role(PROD, 'reader', irsaTrust(), 7200),
    inline(READER, 'Read', [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }]),
    serviceAccount('reader', { 'eks.amazonaws.com/role-arn': READER }),
    serviceAccount('other', { 'eks.amazonaws.com/role-arn': READER }),
    pod('catalog', 'reader'),
    pod('intruder', 'other'),
    ...extra,
  ]);

type Call = Extract<AnyEvent, { data: { call: unknown } }>;

async function assume(w: World, token: ParamValue, more: Record<string, ParamValue> = {}, target = READER): Promise<Call> {
  const events = when(w, await prepared(webIdentityCall(token, target, { kind: 'anonymous' }, more), w));
  expect(events).toHaveLength(1);
  return events[0] as Call;
}

const tokenOf = (s: ReturnType<typeof fromPod>): ParamValue => ({ t: 'token', spec: s });

describe('sts:AssumeRoleWithWebIdentity', () => {
  describe('given a cluster, its provider and a role trusting shop:reader', () => {
    it('trades the genuine token for a session, with every response field', async () => {
      const e = await assume(world(), tokenOf(fromPod()));
      expect(e.type).toBe('RoleAssumedWithWebIdentity');
      const r = e.data.call.response as Record<string, unknown>;
      expect(r['SubjectFromWebIdentityToken']).toBe('system:serviceaccount:shop:reader');
      expect(r['Provider']).toBe(PROVIDER);
      expect(r['Audience']).toBe('sts.amazonaws.com');
      expect(r['AssumedRoleUser']).toEqual({
        AssumedRoleId: expect.stringMatching(/^AROA[A-Z2-7]{17}:test$/),
        Arn: `arn:aws:sts::${PROD}:assumed-role/reader/test`,
      });
      expect((r['Credentials'] as Record<string, string>)['Expiration']).toBe('2026-01-01T10:00:00Z');
      expect(r['PackedPolicySize']).toBeUndefined();
      expect(e.data.call.context[`${HOST}:sub`]).toBe('system:serviceaccount:shop:reader');
      expect(e.data.call.context[`${HOST}:aud`]).toBe('sts.amazonaws.com');
    });

    it('refuses another service account with AccessDenied from the trust policy', async () => {
      const e = await assume(world(), tokenOf(fromPod('intruder')));
      expect(e.type).toBe('AssumeRoleWithWebIdentityDenied');
      expect(e.data.call.error).toEqual({ code: 'AccessDenied', message: 'Not authorized to perform sts:AssumeRoleWithWebIdentity' });
    });

    it('refuses a token whose issuer has no provider in the role account', async () => {
      const w = world([{ type: 'RegisterOidcIssuer', data: { url: GITHUB, name: 'github', kind: 'external', cluster: null } }]);
      const e = await assume(w, tokenOf(spec({ kind: 'issuer', url: GITHUB }, { claims: { sub: 'repo:o/r:ref:refs/heads/main' } })));
      expect(e.data.call.error).toEqual({
        code: 'InvalidIdentityToken',
        message: `No OpenIDConnect provider found in your account for ${GITHUB}`,
      });
    });

    it('refuses an audience that is not a client ID', async () => {
      const e = await assume(world(), tokenOf(fromPod('catalog', { claims: { aud: ['sts.amazon.com'] } })));
      expect(e.data.call.error).toEqual({ code: 'InvalidIdentityToken', message: 'Incorrect token audience' });
    });

    it('refuses a token without aud', async () => {
      const e = await assume(world(), tokenOf(fromPod('catalog', { claims: { aud: null } })));
      expect(e.data.call.error?.message).toBe('Missing a required claim: aud');
    });

    it('refuses each forgery with InvalidIdentityToken', async () => {
      for (const forged of [
        fromPod('catalog', { signedBy: 'x' }),
        fromPod('catalog', { alg: 'none' }),
        fromPod('catalog', { alg: 'HS256' }),
        fromPod('intruder', { tampered: true, claims: { sub: 'system:serviceaccount:shop:reader' } }),
      ]) {
        const e = await assume(world(), tokenOf(forged));
        expect(e.type).toBe('AssumeRoleWithWebIdentityFailed');
        expect(e.data.call.error?.code).toBe('InvalidIdentityToken');
      }
    });

    it('refuses an expired token past the 5-minute skew with ExpiredTokenException', async () => {
      const e = await assume(world(), tokenOf(fromPod('catalog', { times: { exp: { rel: -301 } } })));
      expect(e.data.call.error).toEqual({
        code: 'ExpiredTokenException',
        message: 'Token expired: current date/time 1767258000 must be before the expiration date/time1767257699',
      });
      const within = await assume(world(), tokenOf(fromPod('catalog', { times: { exp: { rel: -299 } } })));
      expect(within.type).toBe('RoleAssumedWithWebIdentity');
    });

    it('rejects a token not yet valid with IDPRejectedClaim', async () => {
      const e = await assume(world(), tokenOf(fromPod('catalog', { times: { nbf: { rel: 3600 } } })));
      expect(e.data.call.error?.code).toBe('IDPRejectedClaim');
    });

    it('refuses a non-integer time claim', async () => {
      const e = await assume(world(), tokenOf(fromPod('catalog', { claims: { exp: 1767260000.5 } })));
      expect(e.data.call.error?.code).toBe('InvalidIdentityToken');
    });

    it('validates RoleSessionName and DurationSeconds as the model does', async () => {
      const bad = await assume(world(), tokenOf(fromPod()), { RoleSessionName: { t: 'text', v: 'a b' } });
      expect(bad.data.call.error?.message).toBe(
        "1 validation error detected: Value 'a b' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*",
      );
      const long = await assume(world(), tokenOf(fromPod()), { DurationSeconds: { t: 'text', v: '10800' } });
      expect(long.data.call.error).toEqual({
        code: 'ValidationError',
        message: 'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.',
      });
      const ok = await assume(world(), tokenOf(fromPod()), { DurationSeconds: { t: 'text', v: '7200' } });
      expect((ok.data.call.response as { Credentials: { Expiration: string } }).Credentials.Expiration).toBe('2026-01-01T11:00:00Z');
    });

    it('answers a missing role as a denial', async () => {
      const e = await assume(world(), tokenOf(fromPod()), {}, roleArn(PROD, 'nope'));
      expect(e.data.call.error?.message).toBe('Not authorized to perform sts:AssumeRoleWithWebIdentity');
    });

    it('session tags in the token need sts:TagSession, and become principal tags', async () => {
      const tags = { 'https://aws.amazon.com/tags': { principal_tags: { team: ['blue'] }, transitive_tag_keys: ['team'] } };
      const denied = await assume(world(), tokenOf(fromPod('catalog', { claims: tags })));
      expect(denied.data.call.evaluations.map((x) => x.action)).toEqual(['sts:AssumeRoleWithWebIdentity', 'sts:TagSession']);
      const trust = irsaTrust();
      const tagging = { ...trust, Statement: [{ ...trust.Statement[0]!, Action: ['sts:AssumeRoleWithWebIdentity', 'sts:TagSession'] }] };
      const w = world([role(PROD, 'tagged', tagging)]);
      const e = await assume(w, tokenOf(fromPod('catalog', { claims: tags })), {}, roleArn(PROD, 'tagged'));
      expect(e.type).toBe('RoleAssumedWithWebIdentity');
      if (e.type === 'RoleAssumedWithWebIdentity') expect(e.data.session.tags).toEqual({ team: 'blue' });
      expect((e.data.call.response as Record<string, unknown>)['PackedPolicySize']).toEqual(expect.any(Number));
    });

    it('the events carry the token facts, never the signed text', async () => {
      const e = await assume(world(), tokenOf(fromPod()));
      const text = JSON.stringify(e);
      expect(text).not.toMatch(/eyJ[\w-]+\.eyJ/);
      expect(e.data.call.params['WebIdentityToken']).toMatch(/^<JWT RS256, \d+ characters>$/);
    });
  });
});
