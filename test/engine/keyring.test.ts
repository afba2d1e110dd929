// The token service's keys: the pool the build writes (dist/token-keys.json) is taken first, and a
// missing or unusable pool leaves the keyring to make its own keys.
import { exportJWK, generateKeyPair, jwtVerify, SignJWT, importJWK } from 'jose';
import { describe, expect, it } from 'vitest';
import { createKeyring, poolFromFile } from '../../src/engine/tokens/keyring.js';

describe('the pool of keys made at build time', () => {
  it('gives RSA key pairs that sign tokens their public half verifies', async () => {
    const { privateKey } = await generateKeyPair('RS256', { modulusLength: 2048, extractable: true });
    const jwk = await exportJWK(privateKey);
    const [pair, ...rest] = poolFromFile(() => JSON.stringify({ keys: [jwk] }));
    expect(rest).toHaveLength(0);
    const { privateKey: signing, publicJwk } = await pair!;
    expect(Object.keys(publicJwk).sort()).toEqual(['e', 'kty', 'n']); // no private parameter is published
    const token = await new SignJWT({ sub: 'system:serviceaccount:demo:shop' }).setProtectedHeader({ alg: 'RS256' }).sign(signing);
    const { payload } = await jwtVerify(token, await importJWK(publicJwk, 'RS256'));
    expect(payload.sub).toBe('system:serviceaccount:demo:shop');
  });

  it('is empty when the file is missing or not JSON, and skips entries that are not RSA private keys', async () => {
    expect(
      poolFromFile(() => {
        throw new Error('ENOENT');
      }),
    ).toEqual([]);
    expect(poolFromFile(() => JSON.stringify({ nothing: true }))).toEqual([]);
    expect(poolFromFile(() => '{"keys": [')).toEqual([]);
    expect(poolFromFile(() => 'null')).toEqual([]);
    const { publicKey } = await generateKeyPair('RS256', { modulusLength: 2048, extractable: true });
    const publicJwk = await exportJWK(publicKey);
    expect(poolFromFile(() => JSON.stringify({ keys: [publicJwk, { kty: 'EC', d: 'x' }, 'text'] }))).toEqual([]);
  });

  it('one keyring gives each issuer its own key, and the same key again for the same issuer', async () => {
    const keys = createKeyring();
    const a = await keys.key('https://oidc.eks.us-east-1.amazonaws.com/id/A');
    const b = await keys.key('https://oidc.eks.us-east-1.amazonaws.com/id/B');
    expect(a.publicJwk.n).not.toBe(b.publicJwk.n);
    expect(await keys.key('https://oidc.eks.us-east-1.amazonaws.com/id/A')).toBe(a);
  });
});
