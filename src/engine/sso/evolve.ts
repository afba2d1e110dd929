// IAM Identity Center's evolve.
import { castDraft, type Draft } from 'immer';
import type { SsoEvent } from './events.js';
import { roleKey, type SsoState } from './state.js';

export function evolveSso(draft: Draft<SsoState>, event: SsoEvent): void {
  switch (event.type) {
    case 'IdentityCenterEnabled':
      draft.instance = castDraft(event.data.instance);
      for (const u of event.data.users) draft.users[u.userName] = castDraft(u);
      for (const g of event.data.groups) draft.groups[g.name] = castDraft(g);
      for (const p of event.data.permissionSets) draft.permissionSets[p.name] = castDraft(p);
      return;
    case 'AccountAssignmentCreated':
      draft.assignments.push(castDraft(event.data.assignment));
      return;
    case 'PermissionSetProvisioned':
      draft.roles[roleKey(event.data.role.account, event.data.role.permissionSet)] = castDraft(event.data.role);
      return;
    case 'PortalCallFailed':
    case 'PortalCallAnswered':
    case 'PortalSignInStarted':
      return;
    default: {
      const unreachable: never = event;
      throw new Error(`bug: unknown IAM Identity Center event ${JSON.stringify(unreachable)}`);
    }
  }
}
