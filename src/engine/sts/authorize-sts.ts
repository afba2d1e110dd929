// Authorizing an STS action: the caller's identity policies, boundary and session policies, the
// organization's SCPs and RCPs, and — for AssumeRole — the role's trust policy, which must allow
// the caller itself (IAM User Guide "Cross-account policy evaluation logic").
import type { Caller } from '../call/caller.js';
import { authorize } from '../call/authorize.js';
import { orgLevels } from '../call/org-levels.js';
import { callerPolicies, compiled } from '../call/policies.js';
import { sessionPolicies } from '../call/session-policies.js';
import type { EvaluationRecord } from '../call-record.js';
import type { ContextValue } from '../../policy/types.js';
import type { PolicyDocument } from '../iam/state.js';
import type { World } from '../world.js';

export interface StsAuthzRequest {
  readonly who: Caller;
  readonly action: string;
  readonly resource: string;
  /** the account that owns the resource; null for actions on `*` */
  readonly resourceAccount: string | null;
  readonly context: Readonly<Record<string, ContextValue>>;
  readonly trust?: { readonly name: string; readonly document: PolicyDocument };
}

export function authorizeSts(req: StsAuthzRequest, world: World): EvaluationRecord {
  const { who, action, resource, resourceAccount, context, trust } = req;
  const mine = callerPolicies(who, world);
  const documents = new Map(mine.documents);
  if (trust) documents.set(trust.name, trust.document);
  const request =
    resourceAccount === null
      ? { principal: who.principal, action, resource, context }
      : { principal: who.principal, action, resource, resourceAccount, context };
  return authorize(
    request,
    {
      identity: mine.identity,
      boundary: mine.boundary,
      session: sessionPolicies(who, world, documents),
      resource: trust ? compiled(trust.document, trust.name, 'trust') : null,
      resourceMustAllow: trust !== undefined,
      ...orgLevels(who.principal, resourceAccount, action, world, documents),
    },
    documents,
    world.scenario.detail,
  );
}

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
  req: StsAuthzRequest,
  gets: { readonly tags: boolean; readonly sourceIdentity: boolean },
  world: World,
): InTurn {
  const actions = [req.action];
  if (gets.tags) actions.push('sts:TagSession');
  if (gets.sourceIdentity) actions.push('sts:SetSourceIdentity');
  const evaluations: EvaluationRecord[] = [];
  for (const action of actions) {
    const record = authorizeSts({ ...req, action }, world);
    evaluations.push(record);
    if (record.evaluation.decision !== 'Allow') return { evaluations, refused: action };
  }
  return { evaluations, refused: null };
}
