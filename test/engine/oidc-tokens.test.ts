// Token verification with the real JOSE library: a genuine token verifies, and each forgery is
// caught where STS would catch it.
import { describe, expect, it } from 'vitest';
import { createKeyring } from '../../src/engine/tokens/keyring.js';
import { mintSpec } from '../../src/engine/tokens/mint.js';
import { inspect } from '../../src/engine/tokens/verify.js';
import type { TokenSpec } from '../../src/engine/oidc/token.js';
import { account, given, PROD, start } from './given.js';
import { cluster, fromPod, GITHUB, ISSUER, pod, serviceAccount, spec } from './oidc-helpers.js';

const world = () =>
  given([
    start(),
    account(PROD, 'Production'),
    ...cluster(),
    serviceAccount('reader', { 'eks.amazonaws.com/role-arn': `arn:aws:iam::${PROD}:role/r` }),
    pod('catalog', 'reader'),
    { type: 'RegisterOidcIssuer', data: { url: GITHUB, name: 'github', kind: 'external', cluster: null } },
  ]);

async function check(s: TokenSpec) {
  const w = world();
  const keys = createKeyring();
  const minted = await mintSpec(s, w, keys);
  return inspect(minted.compact, minted.origin, minted.forgery, w, keys);
}

describe('signing and verifying web identity tokens', () => {
  it('a projected token carries the Kubernetes claims and verifies with the cluster key', async () => {
    const t = await check(fromPod());
    expect(t.signature.result).toBe('valid');
    expect(t.header).toEqual({ alg: 'RS256', kid: world().oidc.issuers[ISSUER]!.kid });
    expect(t.claims).toMatchObject({
      aud: ['sts.amazonaws.com'],
      iss: ISSUER,
      sub: 'system:serviceaccount:shop:reader',
      iat: 1767258000,
      nbf: 1767258000,
      exp: 1767258000 + 86400,
      'kubernetes.io': { namespace: 'shop', pod: { name: 'catalog' }, serviceaccount: { name: 'reader' } },
    });
    expect(t.length).toBeGreaterThan(500);
  });

  it('the facts are the same on every run although the keys are not', async () => {
    const [a, b] = [await check(fromPod()), await check(fromPod())];
    expect(a).toEqual(b);
  });

  it('a token signed with another key fails verification (kid copied)', async () => {
    const t = await check(fromPod('catalog', { signedBy: 'attacker' }));
    expect(t.signature.result).toBe('invalid');
    expect(t.forgery).toMatch(/signed with key attacker/);
  });

  it('alg none and alg HS256 are refused by algorithm', async () => {
    expect((await check(fromPod('catalog', { alg: 'none' }))).signature).toEqual({ result: 'alg-not-allowed', alg: 'none' });
    expect((await check(fromPod('catalog', { alg: 'HS256' }))).signature).toEqual({ result: 'alg-not-allowed', alg: 'HS256' });
  });

  it('claims changed after signing break the signature', async () => {
    const t = await check(fromPod('catalog', { tampered: true, claims: { sub: 'system:serviceaccount:kube-system:admin' } }));
    expect(t.claims?.['sub']).toBe('system:serviceaccount:kube-system:admin');
    expect(t.signature.result).toBe('invalid');
  });

  it('a token naming an issuer nobody serves has no key to check', async () => {
    const t = await check(spec({ kind: 'issuer', url: GITHUB }, { claims: { iss: 'https://idp.nowhere.example' } }));
    expect(t.signature).toEqual({ result: 'no-issuer' });
  });

  it("another issuer's token claiming the cluster's iss has an unknown kid", async () => {
    const t = await check(spec({ kind: 'issuer', url: GITHUB }, { claims: { iss: ISSUER } }));
    expect(t.signature.result).toBe('unknown-kid');
  });

  it('time claims are relative to the clock, or absolute', async () => {
    const t = await check(spec({ kind: 'issuer', url: GITHUB }, { times: { exp: { rel: -3600 }, iat: { abs: 1700000000 } } }));
    expect(t.claims).toMatchObject({ exp: 1767258000 - 3600, iat: 1700000000, iss: GITHUB, aud: 'sts.amazonaws.com' });
    expect(t.signature.result).toBe('valid');
  });

  it('text that is not a JWT is malformed', async () => {
    const t = await inspect('not-a-token', 'text', null, world(), createKeyring());
    expect(t).toMatchObject({ header: null, claims: null, signature: { result: 'malformed' }, length: 11 });
  });
});
