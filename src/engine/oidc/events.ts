// OIDC events.
import type { OidcIssuer, OidcProvider } from './state.js';

export type OidcEvent =
  | { readonly type: 'OidcIssuerRegistered'; readonly data: { readonly issuer: OidcIssuer } }
  | { readonly type: 'OpenIDConnectProviderCreated'; readonly data: { readonly provider: OidcProvider } };
