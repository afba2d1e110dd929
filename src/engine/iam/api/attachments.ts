// Managed policies attached to users, groups and roles: Attach/Detach User/Group/RolePolicy and
// ListAttached User/Group/RolePolicies (IAM API Reference, each action's page). The request carries
// iam:PolicyARN, and, on a user or role, iam:PermissionsBoundary (Service Authorization Reference,
// IAM). At most 10 managed policies per user, group or role by default (IAM User Guide "IAM and AWS
// STS quotas").
import { checkLength, checkPattern, type Constraint } from '../../call/validation.js';
import { nameParam, resourceOf, text } from './names.js';
import {
  arnParam,
  findPolicy,
  findPrincipal,
  isFailure,
  nameParamOf,
  protectedRole,
  title,
  type PrincipalKind,
  onPrincipal,
} from './policy-refs.js';
import { pageParams } from './paging.js';
import type { IamApi } from './types.js';

const MAX_ATTACHED = 10;
/** The quota's name in IAM's message: PoliciesPerRole and PoliciesPerGroup are AWS-observed, PoliciesPerUser follows their pattern. */
const QUOTA = { user: 'PoliciesPerUser', group: 'PoliciesPerGroup', role: 'PoliciesPerRole' } as const;

function addressOf(kind: PrincipalKind) {
  return ({ params, account, world }: Parameters<IamApi['address']>[0], out: Constraint[]) => {
    const name = nameParam(params, nameParamOf(kind), kind, out);
    const policy = arnParam(params, 'PolicyArn', out);
    const address = onPrincipal(world, kind, account, name);
    return { ...address, keys: { 'iam:PolicyARN': policy, ...address.keys } };
  };
}

function attach(kind: PrincipalKind): IamApi {
  return {
    params: [nameParamOf(kind), 'PolicyArn'],
    address: addressOf(kind),
    apply({ params, account, world }) {
      const entity = findPrincipal(world, kind, account, text(params, nameParamOf(kind))!);
      if (isFailure(entity)) return entity;
      const denied = protectedRole(entity, kind);
      if (denied !== null) return denied;
      const policy = findPolicy(world, text(params, 'PolicyArn')!, account, true);
      if (isFailure(policy)) return policy;
      if (entity.attached.includes(policy.arn)) {
        return {
          ok: true,
          events: [],
          response: {},
          notes: [`policy ${policy.name} is already attached to ${kind} ${entity.name}: IAM answers success and nothing changes`],
        };
      }
      if (entity.attached.length >= MAX_ATTACHED) {
        return {
          ok: false,
          code: 'LimitExceeded',
          message: `Cannot exceed quota for ${QUOTA[kind]}: ${MAX_ATTACHED}`,
          note: `${kind} ${entity.name} already has ${entity.attached.length} managed policies attached, the default quota${kind === 'user' ? " (AWS's message for users is not documented; iamsim words it as for roles and groups)" : ''}`,
        };
      }
      return {
        ok: true,
        events: [{ type: 'PolicyAttached', data: { entity: entity.arn, policy: policy.arn } }],
        response: {},
        notes: [
          `IAM evaluates the default version (${policy.defaultVersion}) of policy ${policy.name} for ${kind} ${entity.name} from now on${kind === 'role' ? ', in its sessions already issued too' : ''}`,
        ],
      };
    },
  };
}

function detach(kind: PrincipalKind): IamApi {
  return {
    params: [nameParamOf(kind), 'PolicyArn'],
    address: addressOf(kind),
    apply({ params, account, world }) {
      const entity = findPrincipal(world, kind, account, text(params, nameParamOf(kind))!);
      if (isFailure(entity)) return entity;
      const denied = protectedRole(entity, kind);
      if (denied !== null) return denied;
      const arn = text(params, 'PolicyArn')!;
      if (!entity.attached.includes(arn)) {
        return {
          ok: false,
          code: 'NoSuchEntity',
          message: `Policy ${arn} was not found.`,
          note: `${arn} is not attached to ${kind} ${entity.name}`,
        };
      }
      return { ok: true, events: [{ type: 'PolicyDetached', data: { entity: entity.arn, policy: arn } }], response: {} };
    },
  };
}

/** policyPathType, the PathPrefix of ListAttached*Policies. */
const PATH_PREFIX_PATTERN = '((/[A-Za-z0-9\\.,\\+@=_-]+)*)/';

function listAttached(kind: PrincipalKind): IamApi {
  return {
    params: [nameParamOf(kind), 'PathPrefix', 'Marker', 'MaxItems'],
    address({ params, account, world }, out) {
      const name = nameParam(params, nameParamOf(kind), kind, out);
      checkLength('pathPrefix', text(params, 'PathPrefix'), 1, 512, out);
      checkPattern('pathPrefix', text(params, 'PathPrefix'), PATH_PREFIX_PATTERN, out);
      pageParams(params, out);
      return { resource: resourceOf(world, kind, account, name) };
    },
    apply({ params, account, world }) {
      const entity = findPrincipal(world, kind, account, text(params, nameParamOf(kind))!);
      if (isFailure(entity)) return entity;
      const prefix = text(params, 'PathPrefix') ?? '/';
      const attached = entity.attached.flatMap((arn) => {
        const policy = world.iam.policies[arn];
        return policy !== undefined && policy.path.startsWith(prefix) ? [{ PolicyName: policy.name, PolicyArn: policy.arn }] : [];
      });
      return { ok: true, events: [], response: { AttachedPolicies: attached, IsTruncated: false } };
    },
  };
}

const KINDS: readonly PrincipalKind[] = ['user', 'group', 'role'];

export const ATTACHMENT_APIS: Readonly<Record<string, IamApi>> = Object.fromEntries(
  KINDS.flatMap((kind) => [
    [`Attach${title(kind)}Policy`, attach(kind)],
    [`Detach${title(kind)}Policy`, detach(kind)],
    [`ListAttached${title(kind)}Policies`, listAttached(kind)],
  ]),
);
