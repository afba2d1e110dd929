// The OIDC side of federation: the identity providers' issuers (outside AWS: each EKS cluster's
// issuer, a CI system's token service …) and the IAM OIDC identity providers that accounts
// register for them (IAM User Guide "Create an OpenID Connect (OIDC) identity provider in IAM";
// Amazon EKS User Guide "Create an IAM OIDC provider for your cluster"). Keyed by issuer URL and
// provider ARN.

/** An issuer: its discovery document and the key id its JWKS publishes (the key itself is never in state). */
export interface OidcIssuer {
  readonly url: string; // https://…, exactly the `iss` of its tokens
  readonly name: string; // how the scenario names it (an `oidc-issuer` name, or the cluster)
  readonly kind: 'eks' | 'external';
  /** the EKS cluster ARN, for cluster issuers */
  readonly cluster: string | null;
  readonly kid: string;
  readonly jwksUri: string;
  readonly discovery: { readonly [key: string]: unknown };
}

/** An IAM OIDC identity provider (CreateOpenIDConnectProvider). */
export interface OidcProvider {
  readonly arn: string; // arn:aws:iam::ACCT:oidc-provider/HOST/PATH
  readonly account: string;
  readonly url: string;
  readonly clientIds: readonly string[];
  readonly thumbprints: readonly string[];
  /** the cluster whose issuer `oidc-provider for cluster NAME` registered */
  readonly cluster: string | null;
}

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
