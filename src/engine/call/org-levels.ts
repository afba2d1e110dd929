// Which SCP and RCP levels apply to a request (AWS Organizations User Guide "Service control
// policies (SCPs)", "Resource control policies (RCPs)"). SCPs filter the principals of member
// accounts — users, role sessions and the member account's root user — but not the management
// account, service-linked roles, AWS service principals or anonymous callers. RCPs filter requests
// to resources owned by member accounts, for the services RCPs support, except calls made by
// service-linked roles. Every level from the root through the OUs to the account must allow; the
// evaluator reports each level by the name given here.
import type { CompiledPolicy, OrgLevel, RequestPrincipal } from '../../policy/types.js';
import type { PolicyDocument } from '../iam/state.js';
import { orgPath, rcpAppliesTo, type OrgPolicyType, type Organization } from '../organizations/index.js';
import type { World } from '../world.js';
import { compiled } from './policies.js';

export interface OrgLevels {
  scpLevels?: OrgLevel[];
  rcpLevels?: OrgLevel[];
}

/** Whether a filter applies, or why not (null: nothing worth saying, e.g. no organization). */
type Scope = { readonly applies: true; readonly account: string } | { readonly applies: false; readonly why: string | null };

const SIGNED = new Set<RequestPrincipal['kind']>(['iamUser', 'roleSession', 'stsFederatedUser', 'root']);

/**
 * `resourceAccount` is the account that owns the resource, or null when the request names none
 * (`*`): RCPs only apply to resources. When `documents` is given, every SCP and RCP consulted is
 * added to it by name, so the trace can quote their statements.
 */
export function orgLevels(
  principal: RequestPrincipal,
  resourceAccount: string | null,
  action: string,
  world: World,
  documents?: Map<string, PolicyDocument>,
): OrgLevels {
  const org = world.organizations.organization;
  if (org === null) return {};
  const out: OrgLevels = {};
  const scp = scpScope(org, principal, world);
  if (scp.applies) out.scpLevels = levels(org, scp.account, 'scp', world, documents);
  const rcp = rcpScope(org, principal, resourceAccount, action, world);
  if (rcp.applies) out.rcpLevels = levels(org, rcp.account, 'rcp', world, documents);
  return out;
}

/** Why SCPs or RCPs were left out of a request, for the trace. */
export function orgNotes(principal: RequestPrincipal, resourceAccount: string | null, action: string, world: World): string[] {
  const org = world.organizations.organization;
  if (org === null) return [];
  const notes: string[] = [];
  for (const scope of [scpScope(org, principal, world), rcpScope(org, principal, resourceAccount, action, world)]) {
    if (!scope.applies && scope.why !== null && !notes.includes(scope.why)) notes.push(scope.why);
  }
  return notes;
}

function scpScope(org: Organization, p: RequestPrincipal, world: World): Scope {
  const account = p.accountId;
  if (!SIGNED.has(p.kind) || account === undefined) {
    const who =
      p.kind === 'servicePrincipal' ? 'AWS service principals' : p.kind === 'anonymous' ? 'anonymous callers' : 'web-identity callers';
    return { applies: false, why: `SCPs do not apply: ${who} are not principals of a member account` };
  }
  if (p.isServiceLinkedRole === true) return { applies: false, why: 'SCPs and RCPs do not apply to service-linked roles' };
  if (account === org.managementAccount) {
    return { applies: false, why: `SCPs do not apply: ${accountText(account, world)} is the organization's management account` };
  }
  if (org.accounts[account] === undefined)
    return { applies: false, why: `SCPs do not apply: ${accountText(account, world)} is outside the organization` };
  return { applies: true, account };
}

function rcpScope(org: Organization, p: RequestPrincipal, account: string | null, action: string, world: World): Scope {
  if (account === null || org.accounts[account] === undefined) return { applies: false, why: null };
  if (p.isServiceLinkedRole === true) return { applies: false, why: 'SCPs and RCPs do not apply to service-linked roles' };
  if (account === org.managementAccount) {
    return { applies: false, why: `RCPs do not apply: the resource belongs to the management account ${accountText(account, world)}` };
  }
  if (!rcpAppliesTo(action)) {
    const service = action.slice(0, action.indexOf(':')).toLowerCase();
    return { applies: false, why: `RCPs do not apply: ${service} is not one of the services RCPs support` };
  }
  return { applies: true, account };
}

function accountText(account: string, world: World): string {
  const name = world.iam.accounts[account]?.name;
  return name === undefined ? `account ${account}` : `${name} (${account})`;
}

function levels(
  org: Organization,
  account: string,
  type: OrgPolicyType,
  world: World,
  documents?: Map<string, PolicyDocument>,
): OrgLevel[] {
  const path = orgPath(org, account) ?? [];
  return path.map((target) => {
    const policies: CompiledPolicy[] = [];
    for (const id of org.attached[target] ?? []) {
      const p = org.policies[id];
      if (!p || p.type !== type) continue;
      documents?.set(p.name, p.document);
      policies.push(compiled(p.document, p.name, type));
    }
    return { name: levelName(org, target, world), policies };
  });
}

/** How the trace names a level: `root`, `ou Workloads`, `account Production`. */
export function levelName(org: Organization, target: string, world: World): string {
  if (target === org.rootId) return 'root';
  const unit = org.units[target];
  if (unit) return `ou ${unit.name}`;
  return `account ${world.iam.accounts[target]?.name ?? target}`;
}
