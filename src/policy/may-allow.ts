// Whether a policy has an Allow statement whose Action (or NotAction) covers an action and whose
// Resource may cover a resource, whatever its principal and conditions: a cheap filter that lets a
// question about many principals (`simulate who-can`, `simulate paths`) evaluate only those that
// might be allowed. It decides nothing: every candidate it keeps is decided by the evaluator
// (evaluate.ts). A resource pattern with policy variables, and NotResource, may match anything.
import { bodyOf, type CompiledStatement } from './compiled.js';
import { matchAction } from './match-action.js';
import { matchResourceEntry } from './match-resource.js';
import type { Probe } from './probe.js';
import type { CompiledPolicy } from './types.js';

const answers = new WeakMap<CompiledPolicy, Map<string, boolean>>();

export function mayAllowAction(policy: CompiledPolicy, action: string, resource: string | null = null): boolean {
  const lower = action.toLowerCase();
  const key = resource === null ? lower : `${lower} ${resource}`;
  let byRequest = answers.get(policy);
  if (byRequest === undefined) answers.set(policy, (byRequest = new Map()));
  let answer = byRequest.get(key);
  if (answer === undefined) {
    const colon = lower.indexOf(':');
    // matchAction and the glob and regex resource entries read only the action's parts of a probe
    const probe = { action: lower, service: lower.slice(0, colon), actionName: lower.slice(colon + 1) } as Probe;
    answer = bodyOf(policy).statements.some(
      (s) => s.effect === 'Allow' && matchAction(s.actions, probe) !== s.notAction && (resource === null || mayCover(s, resource, probe)),
    );
    if (byRequest.size > 64) byRequest.clear();
    byRequest.set(key, answer);
  }
  return answer;
}

function mayCover(s: CompiledStatement, resource: string, probe: Probe): boolean {
  if (s.resources === null || s.notResource) return true;
  return s.resources.some((e) => e.k === 'tmpl' || matchResourceEntry(e, resource, probe));
}
