// Verifying a web identity token as STS does: decode it, then check its signature with the key
// the JWKS of the issuer named by its `iss` publishes under the header's kid (jose does the work).
import { compactVerify, createLocalJWKSet, decodeJwt, decodeProtectedHeader, errors } from 'jose';
import { STS_ALGORITHMS, type PreparedToken, type SignatureCheck } from '../oidc/token.js';
import type { World } from '../world.js';
import { builtInProvider } from '../oidc/builtin.js';
import type { Keyring } from './keyring.js';

export async function inspect(
  compact: string,
  origin: string,
  forgery: string | null,
  world: World,
  keys: Keyring,
): Promise<PreparedToken> {
  let header: Record<string, unknown>;
  let claims: Record<string, unknown>;
  try {
    header = decodeProtectedHeader(compact) as Record<string, unknown>;
    claims = decodeJwt(compact) as Record<string, unknown>;
  } catch {
    return { origin, length: compact.length, header: null, claims: null, signature: { result: 'malformed' }, forgery };
  }
  return { origin, length: compact.length, header, claims, signature: await checkSignature(compact, header, claims, world, keys), forgery };
}

async function checkSignature(
  compact: string,
  header: Record<string, unknown>,
  claims: Record<string, unknown>,
  world: World,
  keys: Keyring,
): Promise<SignatureCheck> {
  const alg = typeof header['alg'] === 'string' ? header['alg'] : 'none';
  if (!(STS_ALGORITHMS as readonly string[]).includes(alg)) return { result: 'alg-not-allowed', alg };
  const issuer = typeof claims['iss'] === 'string' ? issuerOf(claims['iss'], world) : undefined;
  if (!issuer) return { result: 'no-issuer' };
  const kid = typeof header['kid'] === 'string' ? header['kid'] : null;
  const published = { ...(await keys.key(issuer.url)).publicJwk, kid: issuer.kid, alg: 'RS256', use: 'sig' };
  const at = { kid, jwksUri: issuer.jwksUri };
  try {
    await compactVerify(compact, createLocalJWKSet({ keys: [published] }), { algorithms: [...STS_ALGORITHMS] });
    return { result: 'valid', ...at };
  } catch (e) {
    if (e instanceof errors.JWKSNoMatchingKey) return { result: 'unknown-kid', ...at };
    if (e instanceof errors.JWSSignatureVerificationFailed) return { result: 'invalid', ...at };
    if (e instanceof errors.JOSEAlgNotAllowed) return { result: 'alg-not-allowed', alg };
    if (e instanceof errors.JWSInvalid || e instanceof errors.JOSENotSupported) return { result: 'malformed' };
    throw e;
  }
}

/**
 * The issuer that serves the keys of tokens with this `iss`: the one declared with that URL, or, for
 * a built-in provider whose tokens spell their issuer two ways (Google's `accounts.google.com` and
 * `https://accounts.google.com`), the one declared with the other spelling.
 */
function issuerOf(iss: string, world: World) {
  const declared = world.oidc.issuers[iss];
  if (declared) return declared;
  for (const url of builtInProvider(iss)?.issuers ?? []) if (world.oidc.issuers[url]) return world.oidc.issuers[url];
  return undefined;
}
