// OIDC's decider: token issuers, and the IAM OIDC providers that trust them.
import type { Decider } from '../decider.js';
import type { OidcCommand } from './commands.js';
import { decideOidc } from './decide.js';
import type { OidcEvent } from './events.js';
import { evolveOidc } from './evolve.js';
import { initialOidcState, type OidcState } from './state.js';

export const oidc: Decider<OidcCommand, OidcEvent, OidcState> = {
  commands: {
    RegisterOidcIssuer: true,
    CreateOpenIDConnectProvider: true,
  },
  events: {
    OidcIssuerRegistered: true,
    OpenIDConnectProviderCreated: true,
  },
  initialState: initialOidcState,
  decide: decideOidc,
  evolve: evolveOidc,
};
