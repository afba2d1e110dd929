// Web identity tokens as the engine sees them. A scenario describes a token (TokenSpec); before the
// call is decided, the token service (src/engine/tokens, the only place that holds keys) signs it
// with a JOSE library and verifies it against the JWKS of the issuer its `iss` names, and puts the
// deterministic facts into the command (PreparedToken): header, claims, length and the verdict on
// the signature. The signed text itself never enters a command, an event or the state, because its
// signature comes from a key made at random for each run.
import type { LogType } from '../log-type.js';
import type { preparedTokenSchema, signatureCheckSchema } from './schema.js';

/** A time claim given relative to the clock of the step (`exp: -1h`) or as an instant. */
export type TimeClaim = { readonly rel: number } | { readonly abs: number };

export interface TokenSpec {
  /** the pod's projected service-account token (by volume), or a token an issuer signs */
  readonly source:
    | { readonly kind: 'pod'; readonly pod: string; readonly volume: 'aws-iam-token' | 'eks-pod-identity-token' | null }
    | { readonly kind: 'issuer'; readonly url: string }
    /** an OAuth 2.0 access token of Login with Amazon or Facebook, for a user of an app (src/engine/oidc/builtin.ts) */
    | { readonly kind: 'oauth'; readonly provider: string; readonly appId: string; readonly userId: string };
  /** claims set or replaced (JSON values); time claims are in `times` */
  readonly claims: { readonly [name: string]: unknown };
  readonly times: { readonly [name: string]: TimeClaim };
  /** sign with a key of this name that no issuer publishes (the header keeps the issuer's kid) */
  readonly signedBy: string | null;
  /** `none`: unsigned; `HS256`: HMAC keyed with the issuer's public key (algorithm confusion) */
  readonly alg: 'none' | 'HS256' | null;
  /** the claims above were changed after the issuer signed the token */
  readonly tampered: boolean;
}

/** What verifying the signature against the issuer's published keys found (schema.ts says each field). */
export type SignatureCheck = LogType<typeof signatureCheckSchema>;
export type PreparedToken = LogType<typeof preparedTokenSchema>;

/**
 * The algorithms STS accepts for web identity tokens (AWS STS API Reference
 * "AssumeRoleWithWebIdentity").
 */
export const STS_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'ES256', 'ES384', 'ES512'] as const;

/** The audiences of a token: `aud` may be a string or an array (IRSA tokens carry an array). */
export function audiences(claims: { readonly [key: string]: unknown }): string[] | null {
  const aud = claims['aud'];
  if (typeof aud === 'string') return [aud];
  if (Array.isArray(aud) && aud.every((a): a is string => typeof a === 'string')) return [...aud];
  return null;
}

/** One line that says what a token holds. */
export function tokenSummary(t: PreparedToken): string {
  if (t.accessToken) return `${t.origin} (an opaque OAuth 2.0 access token of ${t.length} characters)`;
  if (t.header === null || t.claims === null) return `${t.origin}: not a JWT (${t.length} characters)`;
  return `${t.origin}: header ${JSON.stringify(t.header)} claims ${JSON.stringify(t.claims)}`;
}
