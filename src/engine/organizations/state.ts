// The organization: its root, OUs, member accounts and policies, keyed by ID (plain objects only).
import type { PolicyDocument } from '../iam/state.js';
import type { OrgPolicyType } from './commands.js';

export interface OrgPolicy {
  readonly id: string; // p-FullAWSAccess, p-RCPFullAWSAccess, or p- + 8 from the seed
  readonly name: string;
  readonly type: OrgPolicyType;
  readonly awsManaged: boolean;
  readonly document: PolicyDocument;
}

export interface OrgUnit {
  readonly id: string; // ou-<root>-<8>
  readonly name: string;
  readonly parent: string; // the root's or an OU's id
}

export interface Organization {
  readonly id: string; // o- + 10
  readonly arn: string;
  readonly rootId: string; // r- + 4
  readonly managementAccount: string;
  units: Record<string, OrgUnit>;
  /** member account id → the id of the root or OU it sits in */
  accounts: Record<string, string>;
  policies: Record<string, OrgPolicy>;
  /** target id (root, OU or account id) → attached policy ids, in the order they were attached */
  attached: Record<string, string[]>;
}

export interface OrganizationsState {
  organization: Organization | null;
}

export const initialOrganizationsState: OrganizationsState = { organization: null };

/** The AWS managed policies every root, OU and account starts with (Organizations User Guide). */
export const FULL_AWS_ACCESS: OrgPolicy = {
  id: 'p-FullAWSAccess',
  name: 'FullAWSAccess',
  type: 'scp',
  awsManaged: true,
  document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] },
};

export const RCP_FULL_AWS_ACCESS: OrgPolicy = {
  id: 'p-RCPFullAWSAccess',
  name: 'RCPFullAWSAccess',
  type: 'rcp',
  awsManaged: true,
  document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }] },
};

/** The ids from the root down to the account: [root, OU…, account]; null outside the organization. */
export function orgPath(org: Organization, account: string): string[] | null {
  let parent = org.accounts[account];
  if (parent === undefined) return null;
  const path = [account];
  while (parent !== org.rootId) {
    const unit: OrgUnit | undefined = org.units[parent];
    if (!unit) throw new Error(`bug: account ${account} sits in unknown parent ${parent}`);
    path.unshift(unit.id);
    parent = unit.parent;
  }
  path.unshift(org.rootId);
  return path;
}

/** `o-a1b2c3d4e5/r-ab12/ou-ab12-11111111/`: the entity path of the OU (or root) holding the account. */
export function orgEntityPath(org: Organization, account: string): string | null {
  const path = orgPath(org, account);
  return path === null ? null : `${org.id}/${path.slice(0, -1).join('/')}/`;
}
