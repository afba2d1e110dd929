// iam:PassRole, where AWS checks it: a service that is handed a role (Lambda's Role, EC2's
// IamInstanceProfile, CloudFormation's RoleARN) authorizes, after the call itself, the same caller's iam:PassRole on the role,
// with iam:PassedToService (the service principal that will assume it) and iam:AssociatedResourceArn
// (the function or instance it is attached to) in the context (IAM User Guide "Grant a user
// permissions to pass a role to an AWS service",
// https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html, and "IAM and AWS STS
// condition context keys", https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_iam-condition-keys.html).
//
// It is a permission the service checks, not a request it makes (no API of its own), so it is
// decided on the caller's own request context with the keys above and without the role's tags
// (unlike the requests a service makes for the caller: resources/on-behalf.ts).
import type { Caller } from './caller.js';
import { authorizeCall } from './authorize-call.js';
import { iamEntityFacts, requestContext } from './context.js';
import { accessDeniedMessage } from './record.js';
import { arnAccount } from '../resources/owner.js';
import type { ContextValue, Decision } from '../../policy/types.js';
import type { EvaluationRecord } from '../call-record.js';
import type { World } from '../world.js';

export interface PassRoleRequest {
  readonly who: Caller;
  readonly role: string; // the role's ARN
  readonly service: string; // iam:PassedToService
  /** iam:AssociatedResourceArn, for the services that fill it (null: the key is absent) */
  readonly associated: string | null;
  readonly region: string;
  readonly stepContext: Readonly<Record<string, ContextValue>>;
}

export interface PassRoleOutcome {
  readonly evaluation: EvaluationRecord | null;
  readonly decision: Decision;
  readonly note: string;
  /** IAM's access-denied wording for iam:PassRole (the service wraps it in its own error) */
  readonly message: string | null;
}

export function authorizePassRole(req: PassRoleRequest, world: World): PassRoleOutcome {
  const { who, role } = req;
  const action = 'iam:PassRole';
  const roleAccount = arnAccount(role);
  const keys: Record<string, ContextValue> = { 'iam:PassedToService': req.service };
  if (req.associated !== null) keys['iam:AssociatedResourceArn'] = req.associated;
  const shown = Object.entries(keys)
    .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
    .join(', ');
  if (roleAccount !== null && who.record.account !== null && roleAccount !== who.record.account) {
    // IAM User Guide, id_roles_use_passrole: "You cannot use the PassRole permission to pass a cross-account role."
    const message = accessDeniedMessage(who.record.arn, action, role, 'ImplicitDeny', null);
    const note = `iam:PassRole on ${role}: the role is in account ${roleAccount}, not the caller's, and a role cannot be passed across accounts`;
    return { evaluation: null, decision: 'ImplicitDeny', note, message };
  }
  // "You cannot limit permissions to pass a role based on tags attached to the role using the
  // ResourceTag/key-name condition key" (id_roles_use_passrole): the role's tags are not in the context
  const facts = { account: iamEntityFacts(role, world)?.account ?? roleAccount ?? who.record.account, tags: {} };
  const context = requestContext(who, world, req.region, facts, { ...keys, ...req.stepContext });
  const evaluation = authorizeCall({ who, action, resource: role, resourceAccount: facts.account, context }, world);
  const decision = evaluation.evaluation.decision;
  const passed = `the request hands role ${role} to ${req.service}, so it authorizes the caller's iam:PassRole on it too (${shown})`;
  if (decision === 'Allow') return { evaluation, decision, note: `${passed}: allowed`, message: null };
  const message = accessDeniedMessage(who.record.arn, action, role, decision, evaluation.evaluation.decidedBy?.type ?? null);
  return { evaluation, decision, note: `${passed}: ${decision}, so the call fails`, message };
}
