// SAML commands. The resolver checks the names; the decider derives the certificate's facts.
import type { SamlUser } from './state.js';

export type SamlCommand =
  | {
      readonly type: 'RegisterSamlIdentityProvider';
      readonly data: { readonly name: string; readonly entityId: string; readonly users: Readonly<Record<string, SamlUser>> };
    }
  | { readonly type: 'CreateSAMLProvider'; readonly data: { readonly account: string; readonly name: string; readonly idp: string } };
