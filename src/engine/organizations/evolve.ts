// Organizations' evolve: applies Organizations events to its slice of the world (an immer recipe).
import type { Draft } from 'immer';
import type { OrganizationsEvent } from './events.js';
import type { Organization, OrganizationsState } from './state.js';

export function evolveOrganizations(draft: Draft<OrganizationsState>, event: OrganizationsEvent): void {
  if (event.type === 'OrganizationCreated') {
    draft.organization = { ...event.data, units: {}, accounts: {}, policies: {}, attached: {} };
    return;
  }
  const org: Draft<Organization> | null = draft.organization;
  if (org === null) throw new Error(`bug: ${event.type} before OrganizationCreated`);
  switch (event.type) {
    case 'OrganizationPolicyCreated': {
      const { id, name, policyType, awsManaged, document } = event.data;
      org.policies[id] = { id, name, type: policyType, awsManaged, document };
      return;
    }
    case 'OrganizationalUnitCreated':
      org.units[event.data.id] = { ...event.data };
      return;
    case 'AccountJoinedOrganization':
      org.accounts[event.data.account] = event.data.parent;
      return;
    case 'OrganizationPolicyAttached': {
      const list = (org.attached[event.data.target] ??= []);
      if (!list.includes(event.data.policy)) list.push(event.data.policy);
      return;
    }
    case 'OrganizationPolicyDetached': {
      const list = org.attached[event.data.target];
      if (list) org.attached[event.data.target] = list.filter((p) => p !== event.data.policy);
      return;
    }
    default: {
      const unreachable: never = event;
      throw new Error(`bug: unknown Organizations event ${JSON.stringify(unreachable)}`);
    }
  }
}
