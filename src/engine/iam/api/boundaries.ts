// Permissions boundaries: Put/Delete User/RolePermissionsBoundary (IAM API Reference, each action's
// page; IAM User Guide "Permissions boundaries for IAM entities"). iam:PermissionsBoundary is the
// boundary the request sets (Put…) or the one the entity has (Delete…): a policy allowing these
// actions only with the boundary it names keeps that boundary attached.
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
import type { IamApi } from './types.js';

type BoundedKind = Exclude<PrincipalKind, 'group'>;

function putBoundary(kind: BoundedKind): IamApi {
  return {
    params: [nameParamOf(kind), 'PermissionsBoundary'],
    address({ params, account, world }, out) {
      const name = nameParam(params, nameParamOf(kind), kind, out);
      const boundary = arnParam(params, 'PermissionsBoundary', out);
      const notes = [`the request carries iam:PermissionsBoundary = ${boundary}, the permissions boundary it sets`];
      return { resource: resourceOf(world, kind, account, name), keys: { 'iam:PermissionsBoundary': boundary }, notes };
    },
    apply({ params, account, world }) {
      const entity = findPrincipal(world, kind, account, text(params, nameParamOf(kind))!);
      if (isFailure(entity)) return entity;
      const denied = protectedRole(entity, kind);
      if (denied !== null) return denied;
      const policy = findPolicy(world, text(params, 'PermissionsBoundary')!, account, true);
      if (isFailure(policy)) return policy;
      const previous = 'boundary' in entity ? entity.boundary : null;
      return {
        ok: true,
        events: [{ type: 'PermissionsBoundarySet', data: { entity: entity.arn, policy: policy.arn } }],
        response: {},
        notes: [
          `${previous === null ? 'sets' : previous === policy.arn ? 'keeps' : `replaces policy ${world.iam.policies[previous]?.name ?? previous} with`} policy ${policy.name} as the permissions boundary of ${kind} ${entity.name}: its identity-based policies grant only what the boundary also allows, from now on`,
        ],
      };
    },
  };
}

function deleteBoundary(kind: BoundedKind): IamApi {
  return {
    params: [nameParamOf(kind)],
    address({ params, account, world }, out) {
      const name = nameParam(params, nameParamOf(kind), kind, out);
      return onPrincipal(world, kind, account, name);
    },
    apply({ params, account, world }) {
      const entity = findPrincipal(world, kind, account, text(params, nameParamOf(kind))!);
      if (isFailure(entity)) return entity;
      const denied = protectedRole(entity, kind);
      if (denied !== null) return denied;
      if (!('boundary' in entity) || entity.boundary === null) {
        return {
          ok: true,
          events: [],
          response: {},
          notes: [
            `${kind} ${entity.name} has no permissions boundary: nothing changes (AWS does not document an error for this; iamsim answers success)`,
          ],
        };
      }
      return {
        ok: true,
        events: [{ type: 'PermissionsBoundaryDeleted', data: { entity: entity.arn } }],
        response: {},
        notes: [`${kind} ${entity.name} has no permissions boundary any more: its identity-based policies alone say what it may do`],
      };
    },
  };
}

const KINDS: readonly BoundedKind[] = ['user', 'role'];

export const BOUNDARY_APIS: Readonly<Record<string, IamApi>> = Object.fromEntries(
  KINDS.flatMap((kind) => [
    [`Put${title(kind)}PermissionsBoundary`, putBoundary(kind)],
    [`Delete${title(kind)}PermissionsBoundary`, deleteBoundary(kind)],
  ]),
);
