// Compiles a (valid) policy document once: action sets and globs, resource patterns, principal
// sets, parsed condition values, and a per-action memo of the statements whose actions match.
import type { CompiledStatement, PolicyBody } from './compiled.js';
import { compileConditions } from './conditions/compile.js';
import { compileActions, matchAction } from './match-action.js';
import { compilePrincipal } from './match-principal.js';
import { compileResource } from './match-resource.js';
import type { CompiledPolicy, PolicyKind } from './types.js';
import { isObject } from '../json/is-object.js';
import { documentParts, statementElements, strings } from './json-values.js';

export interface PolicyMeta {
  readonly name: string;
  readonly kind: PolicyKind;
  readonly arn?: string;
}

export function compilePolicy(doc: unknown, meta: PolicyMeta): CompiledPolicy {
  const parsed: unknown = typeof doc === 'string' ? JSON.parse(doc) : doc;
  const { version, variables, statements: list } = documentParts(parsed);
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
  const {
    sid,
    notAction,
    actions: actionList,
    notResource,
    resource: resourceEl,
    notPrincipal,
    principal: principalEl,
  } = statementElements(st);
  if (actionList.length === 0) return null;
  const conditions = compileConditions(st['Condition'], variables);
  if (conditions === null) return null;
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
