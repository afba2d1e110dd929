// Builders for organizations: OUs, member accounts, SCPs and RCPs and where they attach.

import type {
  DetachDecl,
  OrgAccountBlock,
  OrgAccountsDecl,
  OrganizationDecl,
  OrgPolicyDecl,
  OuDecl,
  OuMember,
  PolicyBody,
  Text,
} from './ast.js';
import { type Cons, loc, toArray } from './build.js';
import type { Token } from './token.js';

type Members<T> = Cons<T> | null;
type OrgMember = OrganizationDecl['members'][number];

export function organization(keyword: Token, id: Text | null, members: Members<OrgMember>): OrganizationDecl {
  return { kind: 'Organization', id, members: toArray(members), loc: loc(keyword) };
}

export function management(keyword: Token, accountName: Text): OrgMember {
  return { kind: 'Management', account: accountName, loc: loc(keyword) };
}

export function orgAccounts(keyword: Token, accounts: Cons<Text>): OrgAccountsDecl {
  return { kind: 'OrgAccounts', accounts: toArray(accounts), loc: loc(keyword) };
}

export function orgAccount(keyword: Token, accountName: Text, members: Members<OrgPolicyDecl | DetachDecl>): OrgAccountBlock {
  return { kind: 'OrgAccount', account: accountName, members: toArray(members), loc: loc(keyword) };
}

export function ou(keyword: Token, name: Text, id: Text | null, members: Members<OuMember>): OuDecl {
  return { kind: 'Ou', name, id, members: toArray(members), loc: loc(keyword) };
}

export function orgPolicy(keyword: Token, kind: 'Scp' | 'Rcp', name: Text, body: PolicyBody | null): OrgPolicyDecl {
  return { kind, name, body, loc: loc(keyword) };
}

export function detach(keyword: Token, name: Text): DetachDecl {
  return { kind: 'Detach', name, loc: loc(keyword) };
}
