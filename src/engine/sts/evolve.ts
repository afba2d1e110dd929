// STS's evolve: remember the sessions it issued.
import type { Draft } from 'immer';
import type { StsEvent } from './events.js';
import type { StsState } from './state.js';

export function evolveSts(draft: Draft<StsState>, event: StsEvent): void {
  switch (event.type) {
    case 'RoleAssumed':
      draft.sessions[event.data.session.accessKeyId] = event.data.session;
      return;
    case 'AssumeRoleDenied':
    case 'AssumeRoleFailed':
    case 'CallerIdentityReturned':
    case 'StsCallFailed':
      return;
    default: {
      const unreachable: never = event;
      throw new Error(`bug: unknown STS event ${JSON.stringify(unreachable)}`);
    }
  }
}
