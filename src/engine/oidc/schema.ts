// Schemas of the OIDC events and of what they and STS's web identity events carry: issuers, IAM
// OIDC providers, and the facts of a prepared web identity token (see token.ts).
import * as z from 'zod/mini';
import { event } from '../event-schema.js';

const kid = z.nullable(z.string());

/** What verifying the signature against the issuer's published keys found. */
export const signatureCheckSchema = z.discriminatedUnion('result', [
  z.strictObject({ result: z.literal('valid'), kid, jwksUri: z.string() }),
  z.strictObject({ result: z.literal('invalid'), kid, jwksUri: z.string() }),
  z.strictObject({ result: z.literal('unknown-kid'), kid, jwksUri: z.string() }),
  /** no issuer serves a discovery document at the token's `iss` */
  z.strictObject({ result: z.literal('no-issuer') }),
  z.strictObject({ result: z.literal('alg-not-allowed'), alg: z.string() }),
  z.strictObject({ result: z.literal('malformed') }),
  /** an OAuth 2.0 access token: opaque, unsigned; only its provider can say whether it issued it */
  z.strictObject({ result: z.literal('opaque') }),
]);

export const preparedTokenSchema = z.strictObject({
  /** where the token came from, in words */
  origin: z.string(),
  /** characters of the compact serialisation (its length is deterministic: RS256 signatures have a fixed size) */
  length: z.number(),
  /** the decoded protected header, or null when the text is not a JWT */
  header: z.nullable(z.record(z.string(), z.unknown())),
  claims: z.nullable(z.record(z.string(), z.unknown())),
  signature: signatureCheckSchema,
  /** how it was made, for the trace: "signed by …", "alg none", "claims changed after signing" … */
  forgery: z.nullable(z.string()),
  /** an OAuth 2.0 access token the scenario's provider issued (`token oauth …`): whose it is; absent for JWTs and text */
  accessToken: z.optional(z.strictObject({ provider: z.string(), appId: z.string(), userId: z.string() })),
});

/** An issuer: its discovery document and the key id its JWKS publishes (the key itself is never in state). */
export const oidcIssuerSchema = z.strictObject({
  url: z.string(), // https://…, exactly the `iss` of its tokens
  name: z.string(), // how the scenario names it (an `oidc-issuer` name, or the cluster)
  kind: z.enum(['eks', 'external']),
  /** the EKS cluster ARN, for cluster issuers */
  cluster: z.nullable(z.string()),
  kid: z.string(),
  jwksUri: z.string(),
  discovery: z.record(z.string(), z.unknown()),
});

/** An IAM OIDC identity provider (CreateOpenIDConnectProvider). */
export const oidcProviderSchema = z.strictObject({
  arn: z.string(), // arn:aws:iam::ACCT:oidc-provider/HOST/PATH
  account: z.string(),
  url: z.string(),
  clientIds: z.array(z.string()),
  thumbprints: z.array(z.string()),
  /** the cluster whose issuer `oidc-provider for cluster NAME` registered */
  cluster: z.nullable(z.string()),
});

export const oidcEvents = [
  event('OidcIssuerRegistered', { issuer: oidcIssuerSchema }),
  event('OpenIDConnectProviderCreated', { provider: oidcProviderSchema }),
] as const;
