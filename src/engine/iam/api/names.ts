// Names, paths and ARNs of IAM entities as the IAM API takes them, with IAM's constraints (IAM API
// Reference, the data types of each parameter; IAM User Guide "IAM identifiers").
import { checkLength, checkPattern, checkRequired, type Constraint } from '../../call/validation.js';
import type { World } from '../../world.js';
import type { IamOutcome } from './types.js';
import type { IamGroup, IamRole, IamUser, InstanceProfile, ManagedPolicy } from '../state.js';

export type EntityKind = 'user' | 'group' | 'role' | 'policy' | 'instance-profile';

/** IAM API Reference data types userNameType, groupNameType, roleNameType, policyNameType, instanceProfileNameType. */
export const NAME_PATTERN = '[\\w+=,.@-]+';
/** pathType: `/` or `/…/` of printable ASCII. */
export const PATH_PATTERN = '(\\u002F)|(\\u002F[\\u0021-\\u007E]+\\u002F)';

const NAME_MAX: Record<EntityKind, number> = { user: 64, group: 128, role: 64, policy: 128, 'instance-profile': 128 };

/** A parameter as text; null when absent (a JSON value is serialised, as an SDK would not send it). */
export function text(params: Readonly<Record<string, unknown>>, name: string): string | null {
  const v = params[name];
  if (v === undefined || v === null) return null;
  return typeof v === 'string' ? v : JSON.stringify(v);
}

/**
 * A required name parameter (`UserName` → member `userName`), checked against IAM's name type;
 * `max` for a type other than the kind's own (existingUserNameType: 128).
 */
export function nameParam(
  params: Readonly<Record<string, unknown>>,
  param: string,
  kind: EntityKind,
  out: Constraint[],
  max = NAME_MAX[kind],
): string {
  const member = param[0]!.toLowerCase() + param.slice(1);
  const value = text(params, param);
  checkRequired(member, value, out);
  checkLength(member, value, 1, max, out);
  if (value !== null && !new RegExp(`^${NAME_PATTERN}$`).test(value)) {
    // observed from IAM for userName (AttachUserPolicy, GetUser): not the generic pattern text; the
    // other names are taken to be worded alike
    out.push({
      member,
      value,
      constraint: `Member must satisfy regular expression pattern: ${NAME_PATTERN}`,
      message: `The specified value for ${member} is invalid. It must contain only alphanumeric characters and/or the following: +=,.@_-`,
    });
  }
  return value ?? '';
}

/** An optional `Path` (default `/`), 1–512 characters. */
export function pathParam(params: Readonly<Record<string, unknown>>, out: Constraint[]): string {
  const value = text(params, 'Path');
  checkLength('path', value, 1, 512, out);
  checkPattern('path', value, PATH_PATTERN, out);
  return value ?? '/';
}

/** arn:aws:iam::ACCOUNT:KIND/PATH/NAME (the path is part of the ARN, not of the name). */
export function entityArn(kind: EntityKind, account: string, path: string, name: string): string {
  return `arn:aws:iam::${account}:${kind}${path}${name}`;
}

type Entity<K extends EntityKind> = K extends 'user'
  ? IamUser
  : K extends 'group'
    ? IamGroup
    : K extends 'role'
      ? IamRole
      : K extends 'policy'
        ? ManagedPolicy
        : InstanceProfile;

function table<K extends EntityKind>(world: World, kind: K): Readonly<Record<string, Entity<K>>> {
  const iam = world.iam;
  const tables = { user: iam.users, group: iam.groups, role: iam.roles, policy: iam.policies, 'instance-profile': iam.instanceProfiles };
  return tables[kind] as unknown as Readonly<Record<string, Entity<K>>>;
}

/**
 * The entity of that kind and name in the account, whatever its path. IAM names are unique in an
 * account, case-insensitively (IAM User Guide "IAM identifiers": "names must be unique within an
 * account … not distinguished by case"), so `Alice` finds `alice`.
 */
export function findByName<K extends EntityKind>(world: World, kind: K, account: string, name: string): Entity<K> | null {
  const lower = name.toLowerCase();
  for (const entity of Object.values(table(world, kind))) {
    if (entity.account === account && entity.name.toLowerCase() === lower) return entity;
  }
  return null;
}

/** The ARN a request on that name is authorized on: the entity's own, or the name at path `/`. */
export function resourceOf(world: World, kind: EntityKind, account: string, name: string): string {
  return findByName(world, kind, account, name)?.arn ?? entityArn(kind, account, '/', name);
}

const WORD: Record<EntityKind, string> = {
  user: 'user',
  group: 'group',
  role: 'role',
  policy: 'policy',
  'instance-profile': 'Instance Profile',
};

/** NoSuchEntity, worded as IAM words it (IAM API Reference, "Errors" of each action; moto's wording). */
export function noSuchEntity(kind: EntityKind, name: string, account: string) {
  const message = kind === 'policy' ? `Policy ${name} was not found.` : `The ${WORD[kind]} with name ${name} cannot be found.`;
  return { ok: false as const, code: 'NoSuchEntity' as const, message, note: `account ${account} has no ${kind} named ${name}` };
}

/** A role that AWS manages for a service: IAM calls may not change it (UnmodifiableEntity). */
export function isServiceLinked(roleArn: string): boolean {
  return roleArn.includes(':role/aws-service-role/');
}

/**
 * Why IAM calls may not change or delete a role, or null when they may: a service-linked role is
 * changed only by its service (IAM User Guide "Using service-linked roles"); a role IAM Identity
 * Center provisioned for a permission set (path /aws-reserved/sso.amazonaws.com/) only by Identity
 * Center, through the permission set (IAM Identity Center User Guide "IAM roles created by IAM
 * Identity Center"; AWS re:Post Knowledge Center "identity-center-aws-reserved-sso": IAM answers
 * "Cannot perform the operation on the protected role …").
 */
export function protectedBy(roleArn: string): 'service-linked' | 'identity-center' | null {
  if (isServiceLinked(roleArn)) return 'service-linked';
  if (roleArn.includes(':role/aws-reserved/sso.amazonaws.com/')) return 'identity-center';
  return null;
}

/** IAM's UnmodifiableEntity for a protected role (AWS-observed text, rebuy-de/aws-nuke#331), or null. */
export function unmodifiableRole(
  role: { readonly arn: string; readonly name: string },
  slrNote: string,
): Extract<IamOutcome, { ok: false }> | null {
  const by = protectedBy(role.arn);
  if (by === null) return null;
  return {
    ok: false,
    code: 'UnmodifiableEntity',
    message: `Cannot perform the operation on the protected role '${role.name}' - this role is only modifiable by AWS`,
    note:
      by === 'service-linked'
        ? slrNote
        : 'an IAM Identity Center role is changed only through its permission set, which Identity Center provisions again (IAM Identity Center User Guide "IAM roles created by IAM Identity Center")',
  };
}

/** DeleteConflict, as IAM words it (a Delete… call that finds the entity still in use). */
export function conflict(message: string, note: string): IamOutcome {
  return { ok: false, code: 'DeleteConflict', message, note };
}
