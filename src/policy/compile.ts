// Compiles a (valid) policy document once: action sets and globs, resource patterns, principal
// sets, parsed condition values, and a per-action memo of the statements whose actions match.
import type { CompiledStatement, PolicyBody } from './compiled.js';
import { compileConditions } from './conditions/compile.js';
import { compileActions, matchAction } from './match-action.js';
import { compilePrincipal } from './match-principal.js';
import { compileResource } from './match-resource.js';
import type { CompiledPolicy, PolicyKind } from './types.js';
import { isObject } from '../json/is-object.js';
import { strings } from './json-values.js';

export interface PolicyMeta {
  readonly name: string;
  readonly kind: PolicyKind;
  readonly arn?: string;
}

export function compilePolicy(doc: unknown, meta: PolicyMeta): CompiledPolicy {
  const parsed: unknown = typeof doc === 'string' ? JSON.parse(doc) : doc;
  const root = isObject(parsed) ? parsed : {};
  const version = typeof root['Version'] === 'string' ? root['Version'] : undefined;
  // policy variables are only interpreted under Version 2012-10-17 (IAM User Guide "IAM JSON policy
  // elements: Version", "IAM policy elements: Variables and tags")
  const variables = version === '2012-10-17';
  const raw = root['Statement'];
  const list: unknown[] = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  const statements: CompiledStatement[] = [];
  list.forEach((st, index) => {
    const c = compileStatement(st, index, variables);
    if (c !== null) statements.push(c);
  });
  const compiled: PolicyBody = {
    tag: 'iamsim-policy',
    version,
    statements,
    candidates: candidatesByAction(statements),
  };
  return {
    name: meta.name,
    ...(meta.arn === undefined ? {} : { arn: meta.arn }),
    kind: meta.kind,
    statementCount: list.length,
    compiled,
  };
}

/** null when the statement can never match (no actions, bad effect, impossible condition). */
function compileStatement(st: unknown, index: number, variables: boolean): CompiledStatement | null {
  if (!isObject(st)) return null;
  const effect = st['Effect'];
  if (effect !== 'Allow' && effect !== 'Deny') return null;
  const notAction = st['Action'] === undefined && st['NotAction'] !== undefined;
  const actionList = strings(notAction ? st['NotAction'] : st['Action']);
  if (actionList.length === 0) return null;
  const notResource = st['Resource'] === undefined && st['NotResource'] !== undefined;
  const resourceEl = notResource ? st['NotResource'] : st['Resource'];
  const conditions = compileConditions(st['Condition'], variables);
  if (conditions === null) return null;
  const notPrincipal = st['Principal'] === undefined && st['NotPrincipal'] !== undefined;
  const principalEl = notPrincipal ? st['NotPrincipal'] : st['Principal'];
  const sid = typeof st['Sid'] === 'string' && st['Sid'] !== '' ? st['Sid'] : undefined;
  const resources = resourceEl === undefined ? null : strings(resourceEl).map((r) => compileResource(r, variables));
  const principal = principalEl === undefined ? null : compilePrincipal(principalEl);
  const anyResource = resources === null || (!notResource && resources.some((e) => e.k === 'glob' && e.g.k === 'all'));
  const match: { index: number; effect: 'Allow' | 'Deny'; sid?: string } = { index, effect };
  if (sid !== undefined) match.sid = sid;
  return {
    index,
    sid,
    effect,
    actions: compileActions(actionList),
    notAction,
    resources,
    notResource,
    principal,
    notPrincipal,
    conditions,
    // a principal-less statement is unconditional only where principals are not checked (scan.ts)
    unconditional: anyResource && conditions.length === 0 && !notPrincipal && (principal?.wildcard ?? true),
    match,
  };
}

const NONE: readonly CompiledStatement[] = Object.freeze([]);
const CACHE_LIMIT = 4096;

/**
 * Action matching depends only on the action, and a workload has few distinct actions: each policy
 * remembers, per lower-case action, which statements match it (IAM User Guide "IAM JSON policy
 * elements: Action"), so a request only visits those.
 */
function candidatesByAction(statements: readonly CompiledStatement[]): PolicyBody['candidates'] {
  const byId: (readonly CompiledStatement[] | undefined)[] = [];
  const byName = new Map<string, readonly CompiledStatement[]>();
  return (probe) => {
    const id = probe.actionId;
    let list = id >= 0 ? byId[id] : byName.get(probe.action);
    if (list === undefined) {
      const hits = statements.filter((s) => matchAction(s.actions, probe) !== s.notAction);
      list = hits.length === 0 ? NONE : hits;
      if (id >= 0) {
        while (byId.length < id) byId.push(undefined); // stay a dense array
        byId[id] = list;
      } else {
        if (byName.size >= CACHE_LIMIT) byName.clear();
        byName.set(probe.action, list);
      }
    }
    return list;
  };
}
