// Principal matching in resource-based policies, trust policies and RCPs (IAM User Guide "AWS JSON
// policy elements: Principal", "AWS JSON policy elements: NotPrincipal"). An account id and
// `arn:aws:iam::ACCT:root` both mean the account (any of its principals); a role ARN matches every
// session of that role by partition, account and role NAME (the session ARN has no path); user,
// session and federated-user ARNs match exactly; unique ids stand for their entity.
import { isObject } from '../json/is-object.js';
import type { Probe } from './probe.js';
import type { RequestPrincipal } from './types.js';
import { strings } from './json-values.js';

export type PrincipalMatch = 'direct' | 'role' | 'userOfFederated' | 'account';

export interface PrincipalMatcher {
  readonly wildcard: boolean;
  readonly accounts: ReadonlySet<string>;
  readonly users: ReadonlySet<string>;
  readonly roles: ReadonlySet<string>; // partition:account:rolename (lower-case name)
  readonly sessions: ReadonlySet<string>;
  readonly federatedUsers: ReadonlySet<string>;
  readonly userIds: ReadonlySet<string>;
  readonly roleIds: ReadonlySet<string>;
  readonly services: ReadonlySet<string>; // lower-case
  readonly federated: ReadonlySet<string>;
  readonly canonical: ReadonlySet<string>;
}

const ACCOUNT_ID = /^\d{12}$/;
const ARN = /^arn:([^:]+):([^:]+):[^:]*:(\d{12}):(.+)$/;

type Building = { -readonly [K in keyof PrincipalMatcher]: K extends 'wildcard' ? boolean : Set<string> };

export function compilePrincipal(element: unknown): PrincipalMatcher {
  const m: Building = {
    wildcard: element === '*',
    accounts: new Set(),
    users: new Set(),
    roles: new Set(),
    sessions: new Set(),
    federatedUsers: new Set(),
    userIds: new Set(),
    roleIds: new Set(),
    services: new Set(),
    federated: new Set(),
    canonical: new Set(),
  };
  if (!isObject(element)) return m;
  const obj = element;
  for (const v of strings(obj['AWS'])) {
    if (v === '*') m.wildcard = true;
    else if (ACCOUNT_ID.test(v)) m.accounts.add(v);
    else if (v.startsWith('AIDA')) m.userIds.add(v);
    else if (v.startsWith('AROA')) m.roleIds.add(v);
    else addArn(m, v);
  }
  for (const v of strings(obj['Service'])) m.services.add(v.toLowerCase());
  for (const v of strings(obj['Federated'])) m.federated.add(v);
  for (const v of strings(obj['CanonicalUser'])) m.canonical.add(v);
  return m;
}

function addArn(m: Building, v: string): void {
  const a = ARN.exec(v);
  if (a === null) return;
  const partition = a[1]!;
  const service = a[2]!;
  const account = a[3]!;
  const res = a[4]!;
  if (service === 'iam' && res === 'root') m.accounts.add(account);
  else if (service === 'iam' && res.startsWith('user/')) m.users.add(v);
  else if (service === 'iam' && res.startsWith('role/')) {
    m.roles.add(`${partition}:${account}:${lastSegment(res).toLowerCase()}`);
  } else if (service === 'sts' && res.startsWith('assumed-role/')) m.sessions.add(v);
  else if (service === 'sts' && res.startsWith('federated-user/')) m.federatedUsers.add(v);
}

function lastSegment(res: string): string {
  return res.slice(res.lastIndexOf('/') + 1);
}

/** How the caller matches a Principal element: the strongest kind, or null. */
export function matchPrincipal(m: PrincipalMatcher, probe: Probe): PrincipalMatch | null {
  // `*` grants the caller itself: boundaries and session policies "do not limit permissions granted
  // using the aws:PrincipalArn condition key with a wildcard(*) in the Principal element" (IAM User
  // Guide "AWS JSON policy elements: Principal", IAM role principals)
  if (m.wildcard) return 'direct';
  const p = probe.principal;
  switch (p.kind) {
    case 'iamUser':
      if (has(m.users, p.arn) || has(m.userIds, p.uniqueId)) return 'direct';
      break;
    case 'roleSession':
      if (p.roleGone === true) break;
      if (has(m.sessions, p.arn)) return 'direct';
      if (has(m.roleIds, p.uniqueId) || (m.roles.size > 0 && has(m.roles, roleKey(probe)))) return 'role';
      break;
    case 'stsFederatedUser':
      if (has(m.federatedUsers, p.arn)) return 'direct';
      if (has(m.users, p.underlyingUserArn)) return 'userOfFederated';
      break;
    case 'servicePrincipal':
      return p.service !== undefined && m.services.has(p.service.toLowerCase()) ? 'direct' : null;
    case 'webIdentity':
      return has(m.federated, p.federatedProvider) ? 'direct' : null;
    case 'root':
    case 'anonymous':
      break;
  }
  if (has(m.canonical, p.canonicalUserId)) return 'direct';
  return has(m.accounts, p.accountId) ? 'account' : null;
}

/**
 * NotPrincipal exempts a caller only when every identity level of it is listed (IAM User Guide "AWS
 * JSON policy elements: Principal", "AWS JSON policy elements: NotPrincipal", strict rule): user +
 * account; session + role + account; federated user + account; root: account.
 */
export function exemptByNotPrincipal(m: PrincipalMatcher, probe: Probe): boolean {
  if (m.wildcard) return true;
  const p = probe.principal;
  const account = has(m.accounts, p.accountId);
  switch (p.kind) {
    case 'iamUser':
      return account && (has(m.users, p.arn) || has(m.userIds, p.uniqueId));
    case 'roleSession':
      return account && p.roleGone !== true && has(m.sessions, p.arn) && (has(m.roleIds, p.uniqueId) || has(m.roles, roleKey(probe)));
    case 'stsFederatedUser':
      return account && has(m.federatedUsers, p.arn);
    case 'root':
      return account;
    case 'servicePrincipal':
      return p.service !== undefined && m.services.has(p.service.toLowerCase());
    case 'webIdentity':
      return has(m.federated, p.federatedProvider);
    case 'anonymous':
      return has(m.canonical, p.canonicalUserId);
  }
}

function has(set: ReadonlySet<string>, v: string | null | undefined): boolean {
  return v !== undefined && v !== null && set.size > 0 && set.has(v);
}

function roleKey(probe: Probe): string | null {
  if (probe.roleKey !== undefined) return probe.roleKey;
  probe.roleKey = sessionRoleKey(probe.principal);
  return probe.roleKey;
}

const roleKeys = new Map<string, string | null>();

/** `partition:account:rolename` for a role session, from its session ARN or its role ARN. */
function sessionRoleKey(p: RequestPrincipal): string | null {
  const id = p.arn ?? p.roleArn ?? '';
  let key = roleKeys.get(id);
  if (key === undefined) {
    key = computeRoleKey(p);
    if (roleKeys.size > 4096) roleKeys.clear();
    roleKeys.set(id, key);
  }
  return key;
}

function computeRoleKey(p: RequestPrincipal): string | null {
  const session = p.arn === undefined ? null : ARN.exec(p.arn);
  if (session !== null && session[2] === 'sts' && session[4]!.startsWith('assumed-role/')) {
    const name = session[4]!.split('/')[1] ?? '';
    return `${session[1]}:${session[3]}:${name.toLowerCase()}`;
  }
  const role = p.roleArn === undefined ? null : ARN.exec(p.roleArn);
  if (role !== null && role[4]!.startsWith('role/')) {
    return `${role[1]}:${role[3]}:${lastSegment(role[4]!).toLowerCase()}`;
  }
  return null;
}
