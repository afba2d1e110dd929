// The OIDC evolve.
import { castDraft, type Draft } from 'immer';
import type { OidcEvent } from './events.js';
import type { OidcState } from './state.js';

export function evolveOidc(draft: Draft<OidcState>, event: OidcEvent): void {
  switch (event.type) {
    case 'OidcIssuerRegistered':
      draft.issuers[event.data.issuer.url] = castDraft(event.data.issuer);
      return;
    case 'OpenIDConnectProviderCreated':
      draft.providers[event.data.provider.arn] = castDraft(event.data.provider);
      return;
    default: {
      const unreachable: never = event;
      throw new Error(`bug: unknown OIDC event ${JSON.stringify(unreachable)}`);
    }
  }
}
