// `token …` values: a web identity token a step presents, genuine or forged. Claims are JSON values;
// time claims (exp, iat, nbf, auth_time) take an ISO-8601 instant, epoch seconds, or a signed
// duration from the step's clock (`-1h`, `+10m`).
import { OAUTH_PROVIDERS, oauthProvider } from '../../engine/oidc/builtin.js';
import type { TimeClaim, TokenSpec } from '../../engine/oidc/token.js';
import type { TokenValue, Value } from '../ast.js';
import { findIssuer, findPod } from './eks-symbols.js';
import type { BodyContext } from './context.js';

const TIME_CLAIMS = new Set(['exp', 'iat', 'nbf', 'auth_time']);
const ALGS = ['none', 'HS256'];

export function tokenSpec(v: TokenValue, ctx: BodyContext): TokenSpec {
  const { resolver } = ctx;
  const at = resolver.at;
  if (v.source.kind === 'oauth') return accessTokenSpec(v, v.source.provider, ctx);
  const source: TokenSpec['source'] =
    v.source.kind === 'pod'
      ? { kind: 'pod', pod: findPod(resolver.symbols.eks, v.source.pod, at).key, volume: null }
      : { kind: 'issuer', url: findIssuer(resolver.symbols.eks, v.source.issuer, at) };
  let signedBy: string | null = null;
  let alg: TokenSpec['alg'] = null;
  let tampered = false;
  for (const m of v.modifiers) {
    if (m.modifier === 'tampered') tampered = true;
    else if (m.modifier === 'signed-by') signedBy = m.value!.text;
    else if (ALGS.includes(m.value!.text)) alg = m.value!.text as 'none' | 'HS256';
    else
      throw at.error(m.value!.loc, `alg ${m.value!.text} is not a forgery iamsim makes`, {
        length: m.value!.text.length,
        expected: "alg none (an unsigned token) or alg HS256 (an HMAC keyed with the issuer's public key); genuine tokens are RS256",
      });
  }
  if (tampered && (v.claims ?? []).length === 0)
    throw at.error(v.loc, '`tampered` changes claims after signing, but the token gives none', {
      length: 5,
      expected: 'tampered { sub: "…" } — the claims the forger writes in',
    });
  const claims: Record<string, unknown> = {};
  const times: Record<string, TimeClaim> = {};
  for (const e of v.claims ?? []) {
    const name = e.key.text;
    if (TIME_CLAIMS.has(name) && e.value.kind === 'Text') times[name] = timeClaim(e.value.text, e.value.loc, ctx);
    else claims[name] = claimValue(e.value, ctx);
  }
  return { source, claims, times, signedBy, alg, tampered };
}

/**
 * `token oauth PROVIDER { app_id: …, user_id: … }` (Facebook: `id:`): an OAuth 2.0 access token the
 * provider issued to a user of an app. It is opaque, so it has no claims and no forgeries: a token
 * its provider did not issue is any other text.
 */
function accessTokenSpec(v: TokenValue, name: import('../ast.js').Text, ctx: BodyContext): TokenSpec {
  const at = ctx.resolver.at;
  const provider = oauthProvider(name.text);
  if (provider === null)
    throw at.error(name.loc, `${name.text} does not issue OAuth 2.0 access tokens that STS accepts`, {
      length: name.text.length,
      expected: `${OAUTH_PROVIDERS.map((p) => p.name).join(' or ')} (OpenID Connect providers sign JWTs: token issuer NAME)`,
    });
  const usage = `token oauth ${provider.name} { app_id: APP, ${provider.userKey}: USER }`;
  const m = v.modifiers[0];
  if (m !== undefined)
    throw at.error(m.loc, `an access token is opaque: \`${m.modifier}\` forges a JWT`, {
      length: m.modifier.length,
      expected: `${usage}; a token ${provider.name} did not issue is any other text`,
    });
  const given: Record<string, string> = {};
  for (const e of v.claims ?? []) {
    const key = e.key.text;
    if (key !== 'app_id' && key !== provider.userKey)
      throw at.error(e.key.loc, `an access token of ${provider.name} names its app_id and ${provider.userKey}, not ${key}`, {
        length: key.length,
        expected: usage,
      });
    if (e.value.kind !== 'Text') throw at.error(e.value.loc, `${key} is text`, { expected: usage });
    given[key] = e.value.text;
  }
  const appId = given['app_id'];
  const userId = given[provider.userKey];
  if (appId === undefined || userId === undefined)
    throw at.error(v.loc, `an access token of ${provider.name} needs its app_id and ${provider.userKey}`, { length: 5, expected: usage });
  return {
    source: { kind: 'oauth', provider: provider.name, appId, userId },
    claims: {},
    times: {},
    signedBy: null,
    alg: null,
    tampered: false,
  };
}

export function timeClaim(text: string, loc: import('../ast.js').Loc, ctx: BodyContext): TimeClaim {
  if (/^\d+$/.test(text)) return { abs: Number(text) };
  const rel = /^([+-])(\d+)([smhd]?)$/.exec(text);
  if (rel) return { rel: (rel[1] === '-' ? -1 : 1) * Number(rel[2]) * ({ s: 1, m: 60, h: 3600, d: 86400 }[rel[3] || 's'] ?? 1) };
  const ms = /^\d{4}-\d{2}-\d{2}T/.test(text) ? Date.parse(text) : NaN;
  if (!Number.isNaN(ms)) return { abs: Math.floor(ms / 1000) };
  throw ctx.resolver.at.error(loc, `"${text}" is not a time`, {
    length: text.length,
    expected: "an ISO-8601 instant, epoch seconds, or a duration from the step's clock such as -1h or +10m",
  });
}

function claimValue(v: Value, ctx: BodyContext): unknown {
  switch (v.kind) {
    case 'Text':
      return v.text;
    case 'Ref':
      return ctx.resolver.refArn(v.entity, v.target, ctx.here);
    case 'Json':
      return v.value;
    case 'List':
      return v.items.map((i) => claimValue(i, ctx));
    default:
      throw ctx.resolver.at.error(v.loc, 'a claim is text, a list or json VALUE', {
        expected: 'sub: "system:serviceaccount:ns:sa", aud: [sts.amazonaws.com], "kubernetes.io": json {…}',
      });
  }
}
