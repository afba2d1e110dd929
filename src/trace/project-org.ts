// The organization part of the trace model, folded from the Organizations events.
import type { OrganizationsEvent } from '../engine/organizations/index.js';
import type { TraceModel } from './model.js';

export function projectOrganization(model: TraceModel, event: OrganizationsEvent): void {
  if (event.type === 'OrganizationCreated') {
    const { id, rootId, managementAccount } = event.data;
    model.organization = {
      id,
      rootId,
      managementAccount,
      policies: [],
      nodes: [{ kind: 'root', id: rootId, name: 'root', parent: null, policies: [] }],
    };
    return;
  }
  const org = model.organization;
  if (org === null) return;
  switch (event.type) {
    case 'OrganizationPolicyCreated':
      org.policies.push({ id: event.data.id, name: event.data.name, type: event.data.policyType, awsManaged: event.data.awsManaged });
      return;
    case 'OrganizationalUnitCreated':
      org.nodes.push({ kind: 'ou', id: event.data.id, name: event.data.name, parent: event.data.parent, policies: [] });
      return;
    case 'AccountJoinedOrganization': {
      const name = model.accounts.find((a) => a.id === event.data.account)?.name ?? event.data.account;
      org.nodes.push({ kind: 'account', id: event.data.account, name, parent: event.data.parent, policies: [] });
      return;
    }
    case 'OrganizationPolicyAttached':
      org.nodes.find((n) => n.id === event.data.target)?.policies.push(event.data.policy);
      return;
    case 'OrganizationPolicyDetached': {
      const node = org.nodes.find((n) => n.id === event.data.target);
      const index = node?.policies.indexOf(event.data.policy) ?? -1;
      if (node && index >= 0) node.policies.splice(index, 1);
      return;
    }
    default: {
      const unreachable: never = event;
      throw new Error(`bug: the trace does not know event ${JSON.stringify(unreachable)}`);
    }
  }
}
