// Builders for policy bodies: native statements (`allow action … resource …`), `json {…}` and
// `file "…"`. Each clause mirrors one element of IAM's JSON statement.

import type { Clause, Condition, OidcProviderForCluster, PolicyBody, PrincipalItem, Ref, ResourceItem, Statement, Text } from './ast.js';
import { type Cons, loc, toArray } from './build.js';
import type { Token } from './token.js';

export function statements(open: Token, list: Cons<Statement> | null): PolicyBody {
  return { kind: 'Statements', statements: toArray(list), loc: loc(open) };
}

export function policyFile(keyword: Token, path: Text): PolicyBody {
  return { kind: 'PolicyFile', path, loc: loc(keyword) };
}

export function statement(effect: Token, value: 'Allow' | 'Deny', clauses: Cons<Clause>): Statement {
  return { kind: 'Statement', effect: value, clauses: toArray(clauses), loc: loc(effect) };
}

export function sid(keyword: Token, name: Text): Clause {
  return { kind: 'Sid', sid: name, loc: loc(keyword) };
}

/** `principal …` or `not-principal …` */
export function principals(keyword: Token, items: Cons<PrincipalItem>): Clause {
  const kind = keyword.text === 'not-principal' ? 'NotPrincipal' : 'Principal';
  return { kind, items: toArray(items), loc: loc(keyword) };
}

/** `action …` or `not-action …` */
export function actions(keyword: Token, items: Cons<Text>): Clause {
  const kind = keyword.text === 'not-action' ? 'NotAction' : 'Action';
  return { kind, items: toArray(items), loc: loc(keyword) };
}

/** `resource …` or `not-resource …` */
export function resources(keyword: Token, items: Cons<ResourceItem>): Clause {
  const kind = keyword.text === 'not-resource' ? 'NotResource' : 'Resource';
  return { kind, items: toArray(items), loc: loc(keyword) };
}

export function condition(keyword: Token, operator: Text, key: Text, values: Cons<ResourceItem>): Condition {
  return { kind: 'Condition', operator, key, values: toArray(values), loc: loc(keyword) };
}

export function anyPrincipal(star: Token): PrincipalItem {
  return { kind: 'AnyPrincipal', loc: loc(star) };
}

export function servicePrincipal(keyword: Token, name: Text): PrincipalItem {
  return { kind: 'ServicePrincipal', name, loc: loc(keyword) };
}

export function federatedPrincipal(keyword: Token, target: Text | Ref | OidcProviderForCluster): PrincipalItem {
  return { kind: 'FederatedPrincipal', target, loc: loc(keyword) };
}
