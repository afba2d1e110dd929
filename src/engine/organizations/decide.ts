// Organizations' decide: mints IDs and records the organization a scenario declares. The
// resolver has already checked the block, so a command that does not fit the world is a bug.
import { freeze } from 'immer';
import type { World } from '../world.js';
import type { OrganizationsCommand, OrgTarget } from './commands.js';
import type { OrganizationsEvent } from './events.js';
import { organizationId, ouId, policyId, rootId } from './ids.js';
import { FULL_AWS_ACCESS, RCP_FULL_AWS_ACCESS, type Organization } from './state.js';

export function decideOrganizations(command: OrganizationsCommand, world: World): OrganizationsEvent[] {
  const seed = world.scenario.seed;
  if (command.type === 'CreateOrganization') {
    if (world.organizations.organization !== null) throw new Error('bug: the scenario has one organization');
    const { managementAccount } = command.data;
    const id = command.data.id ?? organizationId(seed);
    const root = command.data.rootId ?? rootId(seed, id);
    const arn = `arn:aws:organizations::${managementAccount}:organization/${id}`;
    return [
      { type: 'OrganizationCreated', data: { id, arn, rootId: root, managementAccount } },
      ...[FULL_AWS_ACCESS, RCP_FULL_AWS_ACCESS].map((p): OrganizationsEvent => ({
        type: 'OrganizationPolicyCreated',
        data: { id: p.id, name: p.name, policyType: p.type, awsManaged: true, document: p.document },
      })),
      ...defaults(root),
    ];
  }
  const org = world.organizations.organization;
  if (org === null) throw new Error(`bug: ${command.type} before CreateOrganization`);
  switch (command.type) {
    case 'CreateOrganizationPolicy': {
      const { name, policyType, document } = command.data;
      if (findPolicy(org, name, false) !== null) throw new Error(`bug: policy ${name} exists`);
      const id = policyId(seed, policyType, name);
      // frozen: immer does not walk it into the state (src/engine/iam/decide.ts)
      return [{ type: 'OrganizationPolicyCreated', data: { id, name, policyType, awsManaged: false, document: freeze(document) } }];
    }
    case 'CreateOrganizationalUnit': {
      const { name, parent } = command.data;
      const parentId = unitId(org, parent);
      const id = command.data.id ?? ouId(seed, org.rootId, [...parent, name]);
      if (org.units[id]) throw new Error(`bug: OU id ${id} is taken`);
      return [{ type: 'OrganizationalUnitCreated', data: { id, name, parent: parentId } }, ...defaults(id)];
    }
    case 'AddAccountToOrganization': {
      const { account, parent } = command.data;
      if (org.accounts[account] !== undefined) throw new Error(`bug: account ${account} is already a member`);
      if (!world.iam.accounts[account]) throw new Error(`bug: unknown account ${account}`);
      return [{ type: 'AccountJoinedOrganization', data: { account, parent: unitId(org, parent) } }, ...defaults(account)];
    }
    case 'AttachOrganizationPolicy': {
      const target = targetId(org, command.data.target);
      const policy = findPolicy(org, command.data.policy, true)!;
      if (org.attached[target]?.includes(policy)) throw new Error(`bug: ${command.data.policy} is already attached to ${target}`);
      return [{ type: 'OrganizationPolicyAttached', data: { policy, target } }];
    }
    case 'DetachOrganizationPolicy': {
      const target = targetId(org, command.data.target);
      const policy = findPolicy(org, command.data.policy, true)!;
      if (policy === RCP_FULL_AWS_ACCESS.id) throw new Error('bug: RCPFullAWSAccess cannot be detached');
      if (!org.attached[target]?.includes(policy)) throw new Error(`bug: ${command.data.policy} is not attached to ${target}`);
      return [{ type: 'OrganizationPolicyDetached', data: { policy, target } }];
    }
    default: {
      const unreachable: never = command;
      throw new Error(`bug: unknown Organizations command ${JSON.stringify(unreachable)}`);
    }
  }
}

/** AWS attaches FullAWSAccess and RCPFullAWSAccess to every new root, OU and account. */
function defaults(target: string): OrganizationsEvent[] {
  return [FULL_AWS_ACCESS.id, RCP_FULL_AWS_ACCESS.id].map((policy) => ({ type: 'OrganizationPolicyAttached', data: { policy, target } }));
}

function findPolicy(org: Organization, name: string, required: boolean): string | null {
  const found = Object.values(org.policies).find((p) => p.name === name);
  if (!found && required) throw new Error(`bug: no organization policy ${name}`);
  return found?.id ?? null;
}

/** The id of the root ([]) or of the OU at a path of names. */
function unitId(org: Organization, path: readonly string[]): string {
  let id = org.rootId;
  for (const name of path) {
    const unit = Object.values(org.units).find((u) => u.parent === id && u.name === name);
    if (!unit) throw new Error(`bug: no OU ${path.join('/')}`);
    id = unit.id;
  }
  return id;
}

function targetId(org: Organization, target: OrgTarget): string {
  switch (target.kind) {
    case 'root':
      return org.rootId;
    case 'ou':
      return unitId(org, target.path);
    case 'account':
      if (org.accounts[target.account] === undefined) throw new Error(`bug: account ${target.account} is not a member`);
      return target.account;
    default: {
      const unreachable: never = target;
      throw new Error(`bug: unknown target ${JSON.stringify(unreachable)}`);
    }
  }
}
