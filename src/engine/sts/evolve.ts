// STS's evolve: remember the sessions it issued.
import { castDraft, type Draft } from 'immer';
import type { StsEvent } from './events.js';
import type { StsState } from './state.js';

export function evolveSts(draft: Draft<StsState>, event: StsEvent): void {
  switch (event.type) {
    case 'RoleAssumed':
    case 'SessionTokenIssued':
    case 'FederationTokenIssued':
    case 'RoleAssumedWithWebIdentity':
    case 'RoleAssumedWithSAML':
      draft.sessions[event.data.session.accessKeyId] = castDraft(event.data.session);
      return;
    case 'AssumeRoleDenied':
    case 'AssumeRoleFailed':
    case 'CallerIdentityReturned':
    case 'AccessKeyInfoReturned':
    case 'AuthorizationMessageDecoded':
    case 'StsCallFailed':
    case 'AssumeRoleWithWebIdentityDenied':
    case 'AssumeRoleWithWebIdentityFailed':
    case 'AssumeRoleWithSAMLDenied':
    case 'AssumeRoleWithSAMLFailed':
      return;
    default: {
      const unreachable: never = event;
      throw new Error(`bug: unknown STS event ${JSON.stringify(unreachable)}`);
    }
  }
}
