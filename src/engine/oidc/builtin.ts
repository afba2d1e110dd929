// The web identity providers STS trusts without an IAM OIDC identity provider in the account: a
// role's trust policy names them by their own name in Principal.Federated, and their tokens carry
// keys named after them (IAM User Guide "AWS JSON policy elements: Principal", "IAM and AWS STS
// condition context keys", section "Available keys for AWS web identity federation"; Amazon Cognito
// Developer Guide "Role trust and permissions"). Amazon Cognito identity pools and Google issue
// OpenID Connect ID tokens (JWTs), which STS verifies like any other. Login with Amazon
// (www.amazon.com) and Facebook (graph.facebook.com) issue OAuth 2.0 access tokens instead, opaque
// to everyone but their provider, which a call names with ProviderId (AWS STS API Reference
// "AssumeRoleWithWebIdentity"): OAUTH_PROVIDERS below.

export interface BuiltInProvider {
  /** what Principal.Federated names, the prefix of its keys, aws:FederatedProvider and the response's Provider */
  readonly name: string;
  /** the `iss` values of its tokens */
  readonly issuers: readonly string[];
  /** who it is, for the trace */
  readonly label: string;
}

export const BUILT_IN_PROVIDERS: readonly BuiltInProvider[] = [
  {
    name: 'cognito-identity.amazonaws.com',
    issuers: ['https://cognito-identity.amazonaws.com'],
    label: 'Amazon Cognito identity pools',
  },
  // Google's ID tokens carry either spelling of its issuer (Google Identity "OpenID Connect")
  { name: 'accounts.google.com', issuers: ['https://accounts.google.com', 'accounts.google.com'], label: 'Google' },
];

/** The built-in provider whose tokens carry this `iss`. */
export function builtInProvider(iss: string): BuiltInProvider | null {
  return BUILT_IN_PROVIDERS.find((p) => p.issuers.includes(iss)) ?? null;
}

/**
 * The keys a built-in provider's token gives the trust policy ("Available keys for AWS web identity
 * federation"): `aud`, `sub` and, for Cognito, the multivalued `amr`; for Google, `aud` is the
 * token's `azp` when it has one and its `aud` otherwise, and `oaud` is always its `aud`.
 */
export function builtInKeys(
  p: BuiltInProvider,
  claims: { readonly [key: string]: unknown },
  audience: string,
  tokenAud: string,
): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = { [`${p.name}:aud`]: audience };
  if (p.name === 'accounts.google.com') out[`${p.name}:oaud`] = tokenAud;
  if (typeof claims['sub'] === 'string') out[`${p.name}:sub`] = claims['sub'];
  if (p.name === 'cognito-identity.amazonaws.com') {
    const amr = claims['amr'];
    if (typeof amr === 'string') out[`${p.name}:amr`] = [amr];
    else if (Array.isArray(amr)) out[`${p.name}:amr`] = amr.map(String);
  }
  return out;
}

/** The audience a built-in provider's token is for: Google's `azp` when it is set, else the first `aud`. */
export function builtInAudience(p: BuiltInProvider, claims: { readonly [key: string]: unknown }, auds: readonly string[]): string {
  const azp = claims['azp'];
  return p.name === 'accounts.google.com' && typeof azp === 'string' ? azp : auds[0]!;
}

/**
 * The providers of OAuth 2.0 access tokens, "currently www.amazon.com and graph.facebook.com" (AWS
 * STS API Reference "AssumeRoleWithWebIdentity", ProviderId), with the keys that name the token's
 * app and user ("Available keys for AWS web identity federation"): www.amazon.com:app_id and
 * :user_id, graph.facebook.com:app_id and :id.
 */
export interface OAuthProvider {
  readonly name: string;
  /** the key that holds the user's id, after `NAME:` */
  readonly userKey: 'user_id' | 'id';
  readonly label: string;
}

export const OAUTH_PROVIDERS: readonly OAuthProvider[] = [
  { name: 'www.amazon.com', userKey: 'user_id', label: 'Login with Amazon' },
  { name: 'graph.facebook.com', userKey: 'id', label: 'Facebook' },
];

export function oauthProvider(name: string): OAuthProvider | null {
  return OAUTH_PROVIDERS.find((p) => p.name === name) ?? null;
}

/** Whether a trust policy's Principal.Federated may name `name` without an IAM OIDC provider. */
export function isBuiltInProviderName(name: string): boolean {
  return BUILT_IN_PROVIDERS.some((p) => p.name === name) || oauthProvider(name) !== null;
}

/** The trust policy's keys for an access token of `p` for user `userId` of app `appId`. */
export function oauthKeys(p: OAuthProvider, appId: string, userId: string): Record<string, string> {
  return { [`${p.name}:app_id`]: appId, [`${p.name}:${p.userKey}`]: userId };
}
