// The OIDC side of federation: the identity providers' issuers (outside AWS: each EKS cluster's
// issuer, a CI system's token service …) and the IAM OIDC identity providers that accounts
// register for them (IAM User Guide "Create an OpenID Connect (OIDC) identity provider in IAM";
// Amazon EKS User Guide "Create an IAM OIDC provider for your cluster"). Keyed by issuer URL and
// provider ARN. The types are derived from their schemas in schema.ts.
import type { LogType } from '../log-type.js';
import type { oidcIssuerSchema, oidcProviderSchema } from './schema.js';

/** An issuer: its discovery document and the key id its JWKS publishes (the key itself is never in state). */
export type OidcIssuer = LogType<typeof oidcIssuerSchema>;
/** An IAM OIDC identity provider (CreateOpenIDConnectProvider). */
export type OidcProvider = LogType<typeof oidcProviderSchema>;

export interface OidcState {
  issuers: Record<string, OidcIssuer>;
  providers: Record<string, OidcProvider>;
}

export const initialOidcState: OidcState = { issuers: {}, providers: {} };

/**
 * ARN of the provider for `url` in `account` (URL without https://, path kept; IAM User Guide "IAM
 * identifiers").
 */
export function providerArn(account: string, url: string): string {
  return `arn:aws:iam::${account}:oidc-provider/${url.replace(/^https:\/\//, '')}`;
}

/**
 * The prefix of the provider's condition keys: the URL without https:// (IAM User Guide "IAM and
 * AWS STS condition context keys").
 */
export function keyPrefix(url: string): string {
  return url.replace(/^https:\/\//, '');
}

/** The provider of `account` whose URL is exactly `iss` (STS's lookup, case-sensitive). */
export function providerFor(state: OidcState, account: string, iss: string): OidcProvider | null {
  return state.providers[providerArn(account, iss)] ?? null;
}
