// The authorization of an AssumeRole request (IAM User Guide "IAM and AWS STS condition context
// keys"; AWS STS API Reference "AssumeRole"): the request context STS builds, then sts:AssumeRole,
// sts:TagSession when the new session gets tags (passed, or inherited as transitive tags — EKS Pod
// Identity users see chained calls fail on sts:TagSession for exactly that reason) and
// sts:SetSourceIdentity when it gets a source identity (passed, or inherited in a chain — iamsim's
// reading of the IAM User Guide; AWS states it only for the set case). Each is evaluated against
// the trust policy and the caller's own policies; the first that is not allowed decides the
// AccessDenied.
import type { Caller } from '../call/caller.js';
import { requestContext } from '../call/context.js';
import type { EvaluationRecord } from '../call-record.js';
import type { ContextValue } from '../../policy/types.js';
import type { IamRole } from '../iam/state.js';
import type { World } from '../world.js';
import type { AssumeRoleParams } from './assume-role-request.js';
import { authorizeSts } from './authorize-sts.js';
import { mfaContext } from './mfa.js';
import type { MfaAuth } from './state.js';
import { overlayTags } from './tags.js';

export interface TrustInput {
  readonly who: Caller;
  readonly role: IamRole;
  readonly params: AssumeRoleParams;
  /** MFA validated in this very request (SerialNumber + TokenCode) */
  readonly mfa: MfaAuth | null;
  /** transitive tags the calling session passes on */
  readonly inherited: Readonly<Record<string, string>>;
  /** the source identity the new session will carry (requested, or inherited) */
  readonly sourceIdentity: string | null;
  readonly region: string;
  readonly stepContext: Readonly<Record<string, ContextValue>>;
}

export interface TrustOutcome {
  readonly context: Record<string, ContextValue>;
  readonly evaluations: EvaluationRecord[];
  /** the action that was not allowed, or null when all were */
  readonly refused: string | null;
}

export function evaluateTrust(input: TrustInput, world: World): TrustOutcome {
  const { who, role, params: p } = input;
  const context = trustContext(input, world);
  const actions = ['sts:AssumeRole'];
  if (p.tags.length > 0 || Object.keys(input.inherited).length > 0) actions.push('sts:TagSession');
  if (input.sourceIdentity !== null) actions.push('sts:SetSourceIdentity');
  const trust = { name: `trust policy of role ${role.name}`, document: role.trust };
  const evaluations: EvaluationRecord[] = [];
  for (const action of actions) {
    const record = authorizeSts({ who, action, resource: role.arn, resourceAccount: role.account, context, trust }, world);
    evaluations.push(record);
    if (record.evaluation.decision !== 'Allow') return { context, evaluations, refused: action };
  }
  return { context, evaluations, refused: null };
}

/**
 * The caller's keys, then what STS adds for this request: sts:RoleSessionName, sts:ExternalId,
 * sts:SourceIdentity, the request's tags (aws:RequestTag/*, aws:TagKeys, sts:TransitiveTagKeys), the
 * MFA of this request, and aws:ResourceTag/* from the role's tags overlaid by inherited transitive
 * tags. The step's own `context` goes on top.
 */
function trustContext(input: TrustInput, world: World): Record<string, ContextValue> {
  const p = input.params;
  const keys: Record<string, ContextValue> = { 'sts:RoleSessionName': p.sessionName };
  if (p.externalId !== null) keys['sts:ExternalId'] = p.externalId;
  if (input.sourceIdentity !== null) keys['sts:SourceIdentity'] = input.sourceIdentity;
  for (const t of p.tags) keys[`aws:RequestTag/${t.key}`] = t.value;
  if (p.tags.length > 0) keys['aws:TagKeys'] = p.tags.map((t) => t.key);
  if (p.transitiveTagKeys.length > 0) keys['sts:TransitiveTagKeys'] = [...p.transitiveTagKeys];
  if (input.mfa !== null) Object.assign(keys, mfaContext(input.mfa, world.scenario.clock));
  const resource = { account: input.role.account, tags: overlayTags(input.role.tags, input.inherited) };
  return requestContext(input.who, world, input.region, resource, { ...keys, ...input.stepContext });
}
