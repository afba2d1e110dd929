// Whether a policy has an Allow statement whose Action (or NotAction) covers an action, whatever its
// resource, principal and conditions: a cheap filter that lets a question about many principals
// (`simulate who-can`, `simulate paths`) evaluate only those that might be allowed. It decides
// nothing: every candidate it keeps is decided by the evaluator (evaluate.ts).
import { bodyOf } from './compiled.js';
import { matchAction } from './match-action.js';
import type { Probe } from './probe.js';
import type { CompiledPolicy } from './types.js';

const answers = new WeakMap<CompiledPolicy, Map<string, boolean>>();

export function mayAllowAction(policy: CompiledPolicy, action: string): boolean {
  const lower = action.toLowerCase();
  let byAction = answers.get(policy);
  if (byAction === undefined) answers.set(policy, (byAction = new Map()));
  let answer = byAction.get(lower);
  if (answer === undefined) {
    const colon = lower.indexOf(':');
    // matchAction reads only the action's parts of a probe
    const probe = { action: lower, service: lower.slice(0, colon), actionName: lower.slice(colon + 1) } as Probe;
    answer = bodyOf(policy).statements.some((s) => s.effect === 'Allow' && matchAction(s.actions, probe) !== s.notAction);
    byAction.set(lower, answer);
  }
  return answer;
}
