// Authorizing a call: the caller's identity policies, boundary and session policies, the
// organization's SCPs and RCPs, and the resource's own policy — a resource-based policy that may
// grant access, or a role's trust policy, which must allow the caller itself (IAM User Guide
// "Policy evaluation logic", "Cross-account policy evaluation logic").
import type { ContextValue } from '../../policy/types.js';
import type { EvaluationRecord } from '../call-record.js';
import type { PolicyDocument } from '../iam/state.js';
import type { World } from '../world.js';
import { authorize } from './authorize.js';
import type { Caller } from './caller.js';
import { orgLevels } from './org-levels.js';
import { callerPolicies, compiled } from './policies.js';
import { sessionPolicies } from './session-policies.js';

export interface CallAuthzRequest {
  readonly who: Caller;
  readonly action: string;
  readonly resource: string;
  /** the account that owns the resource; null for actions on `*` */
  readonly resourceAccount: string | null;
  /** the account whose organization's policies apply to the resource, when not resourceAccount */
  readonly orgAccount?: string | null;
  readonly context: Readonly<Record<string, ContextValue>>;
  /**
   * the resource's own policy: a resource-based policy, a role's trust policy, or a KMS key policy
   * (which, like a trust policy, must allow the caller or its account itself)
   */
  readonly policy?: { readonly name: string; readonly document: PolicyDocument; readonly kind: 'resource' | 'trust' | 'key' } | null;
  /** the policy of the VPC endpoint the request went through, if it did */
  readonly endpoint?: { readonly name: string; readonly document: PolicyDocument } | null;
}

export function authorizeCall(req: CallAuthzRequest, world: World): EvaluationRecord {
  const { who, action, resource, resourceAccount, context, policy } = req;
  const mine = callerPolicies(who, world);
  const documents = new Map(mine.documents);
  if (policy) documents.set(policy.name, policy.document);
  const endpoint = req.endpoint ?? null;
  if (endpoint !== null) documents.set(endpoint.name, endpoint.document);
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
      resource: policy ? compiled(policy.document, policy.name, policy.kind === 'key' ? 'resource' : policy.kind) : null,
      resourceMustAllow: policy?.kind === 'trust' || policy?.kind === 'key',
      ...(policy?.kind === 'key' ? { keyPolicy: true } : {}),
      ...(endpoint !== null ? { endpoint: compiled(endpoint.document, endpoint.name, 'resource') } : {}),
      ...orgLevels(who.principal, req.orgAccount === undefined ? resourceAccount : req.orgAccount, action, world, documents),
    },
    documents,
    world.scenario.detail,
  );
}
