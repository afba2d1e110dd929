// Builders for IAM Identity Center: `identity-center { … }` with its users, groups, permission sets
// and account assignments (docs/language.md, "IAM Identity Center").
import type { Entry, IcUserMember, IdentityCenterDecl, IdentityCenterMember, PermissionSetMember, PolicyBody, Text } from './ast.js';
import { type Cons, loc, toArray } from './build.js';
import type { Token } from './token.js';

type Members<T> = Cons<T> | null;

export function identityCenter(keyword: Token, members: Members<IdentityCenterMember>): IdentityCenterDecl {
  return { kind: 'IdentityCenter', members: toArray(members), loc: loc(keyword) };
}

export function region(keyword: Token, name: Text): IdentityCenterMember {
  return { kind: 'IcRegion', name, loc: loc(keyword) };
}

export function attributeKeys(keyword: Token, keys: Cons<Text>): IdentityCenterMember {
  return { kind: 'IcAttributeKeys', keys: toArray(keys), loc: loc(keyword) };
}

export function user(keyword: Token, name: Text, members: Members<IcUserMember> | undefined): IdentityCenterMember {
  return { kind: 'IcUser', name, members: toArray(members ?? null), loc: loc(keyword) };
}

export function group(keyword: Token, name: Text): IdentityCenterMember {
  return { kind: 'IcGroup', name, loc: loc(keyword) };
}

export function userGroups(keyword: Token, groups: Cons<Text>): IcUserMember {
  return { kind: 'IcUserGroups', groups: toArray(groups), loc: loc(keyword) };
}

export function userAttributes(keyword: Token, entries: Entry[]): IcUserMember {
  return { kind: 'IcUserAttributes', entries, loc: loc(keyword) };
}

export function permissionSet(keyword: Token, name: Text, members: Members<PermissionSetMember> | undefined): IdentityCenterMember {
  return { kind: 'PermissionSet', name, members: toArray(members ?? null), loc: loc(keyword) };
}

export function managed(keyword: Token, arns: Cons<Text>): PermissionSetMember {
  return { kind: 'PsManaged', arns: toArray(arns), loc: loc(keyword) };
}

export function customerManaged(keyword: Token, names: Cons<Text>): PermissionSetMember {
  return { kind: 'PsCustomerManaged', names: toArray(names), loc: loc(keyword) };
}

export function inline(keyword: Token, body: PolicyBody): PermissionSetMember {
  return { kind: 'PsInline', body, loc: loc(keyword) };
}

export function boundary(keyword: Token, policy: Text): PermissionSetMember {
  return { kind: 'PsBoundary', policy, loc: loc(keyword) };
}

export function sessionDuration(keyword: Token, duration: Text): PermissionSetMember {
  return { kind: 'PsSessionDuration', duration, loc: loc(keyword) };
}

export function assign(keyword: Token, kind: Token, principal: Text, permissionSet: Text, accounts: Cons<Text>): IdentityCenterMember {
  return {
    kind: 'Assign',
    principalType: kind.text === 'user' ? 'USER' : 'GROUP',
    principal,
    permissionSet,
    accounts: toArray(accounts),
    loc: loc(keyword),
  };
}
