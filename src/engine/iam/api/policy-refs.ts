// What the policy APIs (inline-policies.ts, managed-policies.ts, attachments.ts, boundaries.ts,
// trust.ts) share: a managed policy named by its ARN, the principal entity a request is on, the
// service-linked-role refusal, and the iam:PermissionsBoundary key (IAM User Guide "IAM condition
// context keys": iam:PermissionsBoundary "Checks that the specified policy is attached as permissions
// boundary on the IAM principal resource").
import { checkLength, checkRequired, type Constraint } from '../../call/validation.js';
import type { World } from '../../world.js';
import type { IamGroup, IamRole, IamUser, ManagedPolicy } from '../state.js';
import { findByName, noSuchEntity, resourceOf, text, unmodifiableRole } from './names.js';
import type { IamAddress, IamOutcome } from './types.js';

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

/** An AWS managed policy (arn:aws:iam::aws:policy/…): iamsim does not carry their documents. */
export function isAwsManaged(arn: string): boolean {
  return /^arn:aws[\w-]*:iam::aws:policy\//.test(arn);
}

type Failure = Extract<IamOutcome, { ok: false }>;

/**
 * The customer managed policy a request names, or IAM's NoSuchEntity. `verb` words the message:
 * Attach*Policy and the boundary APIs answer `Policy ARN does not exist or is not attachable.`
 * (AWS-observed, getmoto/moto PR #6482), the others `Policy ARN was not found.`
 */
export function findPolicy(world: World, arn: string, account: string, attaching: boolean): ManagedPolicy | Failure {
  const policy = world.iam.policies[arn];
  const message = attaching ? `Policy ${arn} does not exist or is not attachable.` : `Policy ${arn} was not found.`;
  if (isAwsManaged(arn)) {
    return {
      ok: false,
      code: 'NoSuchEntity',
      message,
      note: `${arn} is an AWS managed policy: AWS has it, but iamsim does not carry the documents of AWS managed policies (docs/language.md, "Not yet supported"), so it answers as for a policy that does not exist`,
    };
  }
  if (policy === undefined) return { ok: false, code: 'NoSuchEntity', message, note: `no managed policy ${arn} exists` };
  if (policy.account !== account) {
    return {
      ok: false,
      code: 'NoSuchEntity',
      message,
      note: `${arn} belongs to account ${policy.account}: a customer managed policy can be used only in its own account; AWS does not document the error, iamsim answers as for a policy that does not exist`,
    };
  }
  return policy;
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
