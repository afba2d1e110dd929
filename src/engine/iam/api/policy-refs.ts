// What the policy APIs (inline-policies.ts, managed-policies.ts, attachments.ts, boundaries.ts,
// trust.ts) share: a managed policy named by its ARN, the principal entity a request is on, the
// service-linked-role refusal, and the iam:PermissionsBoundary key (IAM User Guide "IAM condition
// context keys": iam:PermissionsBoundary "Checks that the specified policy is attached as permissions
// boundary on the IAM principal resource").
import { checkLength, checkRequired, type Constraint } from '../../call/validation.js';
import type { World } from '../../world.js';
import type { IamGroup, IamRole, IamUser, ManagedPolicy } from '../state.js';
import { AWS_POLICY_ACCOUNT, isAwsManagedPolicy } from '../aws-managed.js';
import { findByName, noSuchEntity, resourceOf, text, unmodifiableRole } from './names.js';
import type { IamAddress, IamOutcome, IamRequest } from './types.js';
import { accessDeniedMessage } from '../../call/record.js';

export type PrincipalKind = 'user' | 'group' | 'role';
export type PrincipalEntity = IamUser | IamGroup | IamRole;

/** arnType (PolicyArn, PermissionsBoundary): a required string of 20–2048 characters. */
export function arnParam(params: Readonly<Record<string, unknown>>, param: string, out: Constraint[]): string {
  const member = param[0]!.toLowerCase() + param.slice(1);
  const value = text(params, param);
  checkRequired(member, value, out);
  checkLength(member, value, 20, 2048, out);
  return value ?? '';
}

type Failure = Extract<IamOutcome, { ok: false }>;

/**
 * The managed policy a request names, or IAM's NoSuchEntity: a customer managed policy of the
 * caller's account, or an AWS managed policy the world holds (usable from every account). `attaching`
 * words the message: Attach*Policy and the boundary APIs answer `Policy ARN does not exist or is not
 * attachable.` (AWS-observed, getmoto/moto PR #6482), the others `Policy ARN was not found.`
 */
export function findPolicy(world: World, arn: string, account: string, attaching: boolean): ManagedPolicy | Failure {
  const policy = world.iam.policies[arn];
  const message = attaching ? `Policy ${arn} does not exist or is not attachable.` : `Policy ${arn} was not found.`;
  if (policy === undefined) {
    const note = isAwsManagedPolicy(arn)
      ? `the scenario declares no AWS managed policy ${arn}: iamsim holds only the AWS managed policies a scenario declares (\`aws-managed-policy\`), so it answers as for a policy that does not exist`
      : `no managed policy ${arn} exists`;
    return { ok: false, code: 'NoSuchEntity', message, note };
  }
  if (policy.account !== account && policy.account !== AWS_POLICY_ACCOUNT) {
    return {
      ok: false,
      code: 'NoSuchEntity',
      message,
      note: `${arn} belongs to account ${policy.account}: a customer managed policy can be used only in its own account; AWS does not document the error, iamsim answers as for a policy that does not exist`,
    };
  }
  return policy;
}

/**
 * The managed policy a request would change (DeletePolicy, CreatePolicyVersion, SetDefaultPolicyVersion,
 * DeletePolicyVersion), as findPolicy finds it; an AWS managed policy is refused: "You cannot change
 * the permissions defined in AWS managed policies" (IAM User Guide "AWS managed policies"). AWS does
 * not document the answer: iamsim denies the request as no policy of the caller's could allow it,
 * with AWS's access-denied wording and no reason.
 */
export function policyToChange(request: IamRequest, action: string): ManagedPolicy | Failure {
  const policy = findPolicy(request.world, text(request.params, 'PolicyArn')!, request.account, false);
  if (isFailure(policy) || policy.account !== AWS_POLICY_ACCOUNT) return policy;
  return {
    ok: false,
    code: 'AccessDenied',
    message: accessDeniedMessage(request.who.record.arn ?? request.account, `iam:${action}`, policy.arn, 'ImplicitDeny', null),
    note: `${policy.name} is an AWS managed policy: AWS alone changes it (IAM User Guide "AWS managed policies"), so iam:${action} on it is denied whatever the caller's policies allow; AWS does not document the error`,
    decision: 'ImplicitDeny',
  };
}

/** A boundary named by ARN (CreateUser, CreateRole): a managed policy the account may use, or IAM's NoSuchEntity. */
export function missingBoundary(world: World, arn: string | null, account: string): Failure | null {
  if (arn === null) return null;
  const policy = findPolicy(world, arn, account, true);
  return isFailure(policy) ? policy : null;
}

/** The user, group or role of that name in the account, or IAM's NoSuchEntity. */
export function findPrincipal(world: World, kind: PrincipalKind, account: string, name: string): PrincipalEntity | Failure {
  return findByName(world, kind, account, name) ?? noSuchEntity(kind, name, account);
}

export function isFailure<T extends object>(found: T | Failure): found is Failure {
  return 'ok' in found && found.ok === false;
}

/** UnmodifiableEntity for a protected role (names.ts unmodifiableRole); null for any other entity. */
export function protectedRole(entity: PrincipalEntity, kind: PrincipalKind): Failure | null {
  if (kind !== 'role') return null;
  return unmodifiableRole(
    entity,
    'a service-linked role is changed only by the service it is linked to (IAM User Guide "Using service-linked roles")',
  );
}

/**
 * How a request on a user, group or role is addressed: authorized on its ARN, and, on a user or
 * role, with iam:PermissionsBoundary the boundary it has now (absent when it has none; a condition
 * on it then shows as `missing` in the trace). The Service Authorization Reference lists the key for
 * Put/Delete/Attach/Detach User/Role Policy, UpdateAssumeRolePolicy, DeleteRole and the boundary
 * APIs, not for the group APIs.
 */
export function onPrincipal(world: World, kind: PrincipalKind, account: string, name: string): IamAddress {
  const resource = resourceOf(world, kind, account, name);
  const entity = kind === 'group' ? null : findByName(world, kind, account, name);
  if (entity === null || !('boundary' in entity) || entity.boundary === null) return { resource, keys: {}, notes: [] };
  return {
    resource,
    keys: { 'iam:PermissionsBoundary': entity.boundary },
    notes: [`the request carries iam:PermissionsBoundary = ${entity.boundary}, the permissions boundary ${kind} ${entity.name} has`],
  };
}

/** `UserName` / `GroupName` / `RoleName`. */
export function nameParamOf(kind: PrincipalKind): string {
  return kind === 'user' ? 'UserName' : kind === 'group' ? 'GroupName' : 'RoleName';
}

/** `User` / `Group` / `Role`, for API names. */
export function title(kind: PrincipalKind): string {
  return kind[0]!.toUpperCase() + kind.slice(1);
}
