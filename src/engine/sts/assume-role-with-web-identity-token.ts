// How STS validates a web identity token (AWS STS API Reference "AssumeRoleWithWebIdentity"), in
// the order the observed messages imply (AWS publishes none): a JWT with an accepted algorithm →
// the issuer's IAM OIDC provider in the role's account → the audience among its client IDs → the
// signature, with the key its JWKS publishes under the token's kid → the time claims, with 5
// minutes of clock skew. Where AWS's wording is not on record, the message is the STS API
// reference's description of the error, and the trace says so.
import {
  builtInAudience,
  builtInKeys,
  builtInProvider,
  OAUTH_PROVIDERS,
  oauthKeys,
  oauthProvider,
  type BuiltInProvider,
  type OAuthProvider,
} from '../oidc/builtin.js';
import { keyPrefix, providerFor, type OidcProvider } from '../oidc/state.js';
import { audiences, STS_ALGORITHMS, type PreparedToken } from '../oidc/token.js';
import { isoSeconds } from '../scenario/state.js';
import type { World } from '../world.js';
import type { ErrorCode } from '../error-codes.js';

export const INVALID_TOKEN =
  'The web identity token that was passed could not be validated by Amazon Web Services. Get a new identity token from the identity provider and then retry the request.';
const REJECTED_CLAIM = 'The identity provider (IdP) reported that authentication failed. This might be because the claim is invalid.';
const NO_KEY =
  "Couldn't retrieve verification key from your identity provider,  please reference AssumeRoleWithWebIdentity documentation for requirements";
const UNDOCUMENTED = "AWS does not document its message for this case; iamsim gives the STS API reference's description of the error";
const SKEW = 300;

/**
 * Who vouches for the token: an IAM OIDC provider of the role's account, or a provider STS trusts
 * without one (src/engine/oidc/builtin.ts). `name` is what Principal.Federated, aws:FederatedProvider
 * and the response's Provider hold: the provider's ARN, or the built-in provider's name.
 */
export type Federation =
  | { readonly kind: 'iam'; readonly name: string; readonly provider: OidcProvider }
  | { readonly kind: 'built-in'; readonly name: string; readonly provider: BuiltInProvider }
  | { readonly kind: 'oauth'; readonly name: string; readonly provider: OAuthProvider; readonly appId: string; readonly userId: string };

export type TokenCheck =
  | { readonly ok: false; readonly code: ErrorCode; readonly message: string; readonly notes: string[] }
  | {
      readonly ok: true;
      readonly federation: Federation;
      readonly claims: { readonly [key: string]: unknown };
      readonly audience: string;
      readonly subject: string;
      readonly notes: string[];
    };

export function checkToken(token: PreparedToken, roleAccount: string, world: World): TokenCheck {
  const fail = (code: ErrorCode, message: string, ...notes: string[]): TokenCheck => ({ ok: false, code, message, notes });
  const invalid = (why: string) => fail('InvalidIdentityToken', INVALID_TOKEN, why, UNDOCUMENTED);
  const { header, claims } = token;
  if (header === null || claims === null) return invalid(`${token.origin} is not a JWT (three base64url parts: header, claims, signature)`);
  const alg = header['alg'];
  if (typeof alg !== 'string' || !(STS_ALGORITHMS as readonly string[]).includes(alg)) {
    return invalid(`the token's alg is ${JSON.stringify(alg ?? null)}: STS accepts only tokens signed with ${STS_ALGORITHMS.join(', ')}`);
  }
  const iss = claims['iss'];
  if (typeof iss !== 'string') return fail('InvalidIdentityToken', 'Missing a required claim: iss');
  const provider = providerFor(world.oidc, roleAccount, iss);
  const builtIn = provider === null ? builtInProvider(iss) : null;
  if (provider === null && builtIn === null) {
    const known = Object.values(world.oidc.providers)
      .filter((p) => p.account === roleAccount)
      .map((p) => p.url);
    const note = `STS looks for an IAM OIDC provider whose URL is exactly the token's iss in the role's account ${roleAccount}; it has ${known.length ? known.join(', ') : 'none'}`;
    return fail('InvalidIdentityToken', `No OpenIDConnect provider found in your account for ${iss}`, note);
  }
  const federation: Federation =
    provider !== null ? { kind: 'iam', name: provider.arn, provider } : { kind: 'built-in', name: builtIn!.name, provider: builtIn! };
  const notes =
    provider !== null
      ? [`IAM OIDC provider ${provider.arn} matches the token's issuer ${iss}`]
      : [
          `the role's account ${roleAccount} has no IAM OIDC provider for ${iss}, and needs none: ${iss} is the issuer of ${builtIn!.label}, a provider STS trusts as ${builtIn!.name}`,
        ];
  const auds = audiences(claims);
  if (auds === null || (builtIn !== null && auds.length === 0))
    return fail('InvalidIdentityToken', 'Missing a required claim: aud', ...notes);
  let audience: string;
  if (provider !== null) {
    const matched = auds.find((a) => provider.clientIds.includes(a));
    if (matched === undefined) {
      const ids = provider.clientIds.length ? provider.clientIds.join(', ') : 'none';
      return fail(
        'InvalidIdentityToken',
        'Incorrect token audience',
        ...notes,
        `the token's audience ${JSON.stringify(claims['aud'])} is not among the provider's client IDs (${ids})`,
      );
    }
    audience = matched;
    notes.push(
      `audience ${audience} is one of the provider's client IDs${auds.length > 1 ? ' (iamsim accepts a token when any element of its aud array matches, as OIDC Core does)' : ''}`,
    );
  } else {
    audience = builtInAudience(builtIn!, claims, auds);
    notes.push(
      `a built-in provider has no list of client IDs: the audience ${audience}${audience === auds[0] ? '' : " (the token's azp)"} is for the trust policy to check, with ${builtIn!.name}:aud`,
    );
  }
  const sig = token.signature;
  switch (sig.result) {
    case 'no-issuer':
      return fail(
        'InvalidIdentityToken',
        NO_KEY,
        ...notes,
        `STS fetches ${iss}/.well-known/openid-configuration, but no issuer in the scenario serves it (declare it with oidc-issuer, or it is a cluster's)`,
      );
    case 'unknown-kid':
      return fail(
        'InvalidIdentityToken',
        NO_KEY,
        ...notes,
        `the issuer's JWKS (${sig.jwksUri}) has no key with the token's kid ${sig.kid ?? '(none)'}`,
      );
    case 'invalid':
      return fail(
        'InvalidIdentityToken',
        INVALID_TOKEN,
        ...notes,
        `the signature does not verify with key ${sig.kid} of ${sig.jwksUri}${token.forgery ? `: ${token.forgery}` : ''}`,
        UNDOCUMENTED,
      );
    case 'alg-not-allowed':
    case 'malformed':
    case 'opaque':
      return invalid(`the JOSE library refused the token (${sig.result})`);
    case 'valid':
      notes.push(
        `signature verified (${alg}) with key ${sig.kid} from ${sig.jwksUri}, found through ${iss}/.well-known/openid-configuration`,
      );
      break;
    default: {
      const unreachable: never = sig;
      throw new Error(`bug: unknown signature check ${JSON.stringify(unreachable)}`);
    }
  }
  const now = Math.floor(Date.parse(world.scenario.clock) / 1000);
  for (const name of ['exp', 'iat', 'nbf']) {
    const value = claims[name];
    if (value !== undefined && !Number.isInteger(value)) {
      return invalid(`the ${name} claim is ${JSON.stringify(value)}: STS requires integer NumericDates`);
    }
  }
  const exp = claims['exp'];
  if (typeof exp !== 'number') return fail('InvalidIdentityToken', 'Missing a required claim: exp', ...notes);
  if (exp + SKEW <= now) {
    return fail(
      'ExpiredTokenException',
      `Token expired: current date/time ${now} must be before the expiration date/time${exp}`,
      ...notes,
      `the token expired at ${isoSeconds(exp * 1000)}; STS allows 5 minutes of clock skew and the clock reads ${world.scenario.clock}`,
    );
  }
  if (exp <= now) notes.push(`the token expired ${now - exp} seconds ago, within STS's 5 minutes of clock skew`);
  for (const name of ['nbf', 'iat']) {
    const value = claims[name];
    if (typeof value === 'number' && value > now + SKEW) {
      return fail(
        'IDPRejectedClaim',
        REJECTED_CLAIM,
        ...notes,
        `the token's ${name} is ${isoSeconds(value * 1000)}, more than 5 minutes after ${world.scenario.clock}: not yet valid (AWS documents no rule for ${name}; iamsim rejects the claim)`,
      );
    }
  }
  const sub = claims['sub'];
  if (typeof sub !== 'string') return fail('InvalidIdentityToken', 'Missing a required claim: sub', ...notes);
  notes.push(`the token is valid until ${isoSeconds(exp * 1000)}; its subject is ${sub}`);
  return { ok: true, federation, claims, audience, subject: sub, notes };
}

/**
 * An OAuth 2.0 access token named by ProviderId (AWS STS API Reference "AssumeRoleWithWebIdentity":
 * "Specify this value only for OAuth 2.0 access tokens. Currently www.amazon.com and
 * graph.facebook.com are the only supported identity providers"). STS asks the provider about the
 * token; in iamsim the provider knows the tokens the scenario says it issued (`token oauth …`), and
 * nothing else. AWS documents neither the order of these checks nor which error each case gets: an
 * unsupported ProviderId gets InvalidIdentityToken (STS cannot validate the token), a token the
 * provider did not issue gets IDPRejectedClaim ("The identity provider (IdP) reported that
 * authentication failed"), with the API reference's descriptions as messages.
 */
export function checkAccessToken(token: PreparedToken, providerId: string): TokenCheck {
  const fail = (code: ErrorCode, message: string, ...notes: string[]): TokenCheck => ({ ok: false, code, message, notes });
  const provider = oauthProvider(providerId);
  if (provider === null) {
    return fail(
      'InvalidIdentityToken',
      INVALID_TOKEN,
      `ProviderId ${providerId} is not a provider of OAuth 2.0 access tokens STS supports (${OAUTH_PROVIDERS.map((p) => p.name).join(', ')}); OpenID Connect ID tokens are sent without ProviderId`,
      `AWS does not document what STS answers for another ProviderId; iamsim assumes InvalidIdentityToken, with the STS API reference's description of the error`,
    );
  }
  const issued = token.accessToken;
  if (issued === undefined || issued.provider !== provider.name) {
    const what =
      issued !== undefined
        ? `${token.origin}, not by ${provider.name}`
        : token.header !== null
          ? `${token.origin}: a JWT, not an access token ${provider.name} issued (OpenID Connect ID tokens are sent without ProviderId)`
          : `${token.origin}: no access token ${provider.name} issued`;
    return fail(
      'IDPRejectedClaim',
      REJECTED_CLAIM,
      `STS asks ${provider.label} (${provider.name}) to validate the access token, and it does not recognise it: ${what}`,
      "AWS does not document which error an access token its provider rejects gets; iamsim answers IDPRejectedClaim, the error the STS API reference gives when the identity provider reports that authentication failed, with the reference's description as the message",
    );
  }
  return {
    ok: true,
    federation: { kind: 'oauth', name: provider.name, provider, appId: issued.appId, userId: issued.userId },
    claims: {},
    audience: issued.appId,
    subject: issued.userId,
    notes: [
      `${provider.label} (${provider.name}) validates the access token: it issued it to user ${issued.userId} of app ${issued.appId}; no IAM OIDC provider is involved`,
      `AWS documents SubjectFromWebIdentityToken and Audience for OpenID Connect ID tokens (sub, and the client ID); for an access token it does not say: iamsim gives the user's id (${provider.name}:${provider.userKey}) and the app's (${provider.name}:app_id)`,
    ],
  };
}

/**
 * The trust policy's keys from the token: PREFIX:aud, :sub, :amr, :azp for an IAM OIDC provider, a
 * built-in provider's own keys otherwise (IAM User Guide "IAM and AWS STS condition context keys").
 */
export function tokenContext(
  federation: Federation,
  claims: { readonly [key: string]: unknown },
  audience: string,
): Record<string, string | string[]> {
  if (federation.kind === 'oauth') return oauthKeys(federation.provider, federation.appId, federation.userId);
  if (federation.kind === 'built-in') return builtInKeys(federation.provider, claims, audience, audiences(claims)?.[0] ?? audience);
  const prefix = keyPrefix(federation.provider.url);
  const out: Record<string, string | string[]> = { [`${prefix}:aud`]: audience };
  if (typeof claims['sub'] === 'string') out[`${prefix}:sub`] = claims['sub'];
  const amr = claims['amr'];
  if (typeof amr === 'string') out[`${prefix}:amr`] = [amr];
  else if (Array.isArray(amr)) out[`${prefix}:amr`] = amr.map(String);
  if (typeof claims['azp'] === 'string') out[`${prefix}:azp`] = claims['azp'];
  return out;
}
