// Authorizing the calls of STS that make a session: their own action, then the actions that what
// the session gets needs, each by the caller's policies, the organization's and — for a role — the
// role's trust policy (src/engine/call/authorize-call.ts).
import { authorizeCall, type CallAuthzRequest } from '../call/authorize-call.js';
import type { EvaluationRecord } from '../call-record.js';
import type { World } from '../world.js';

export interface InTurn {
  readonly evaluations: EvaluationRecord[];
  /** the action that was not allowed, or null when all were */
  readonly refused: string | null;
}

/**
 * A call that makes a session authorizes its own action, then sts:TagSession when the session gets
 * tags and sts:SetSourceIdentity when it gets a source identity (IAM User Guide "Pass session tags
 * in AWS STS", "Monitor and control actions taken with assumed roles"), in turn: the first that is
 * not allowed decides the AccessDenied.
 */
export function authorizeInTurn(
  req: CallAuthzRequest,
  gets: { readonly tags: boolean; readonly sourceIdentity: boolean },
  world: World,
): InTurn {
  const actions = [req.action];
  if (gets.tags) actions.push('sts:TagSession');
  if (gets.sourceIdentity) actions.push('sts:SetSourceIdentity');
  const evaluations: EvaluationRecord[] = [];
  for (const action of actions) {
    const record = authorizeCall({ ...req, action }, world);
    evaluations.push(record);
    if (record.evaluation.decision !== 'Allow') return { evaluations, refused: action };
  }
  return { evaluations, refused: null };
}
