// The read calls on roles beyond GetRole (roles.ts): ListRoles (IAM API Reference, ListRoles). A
// read returns the world as it is at that step.
import { listByPath } from './paging.js';
import { roleShape } from './shapes.js';
import type { IamApi } from './types.js';

/**
 * A role as ListRoles lists it: "This operation does not return the following attributes, even
 * though they are an attribute of the returned object: PermissionsBoundary, RoleLastUsed, Tags"
 * (IAM API Reference, ListRoles).
 */
function listed(role: Record<string, unknown>): Record<string, unknown> {
  const { PermissionsBoundary: _boundary, Tags: _tags, ...rest } = role;
  return rest;
}

// "ListRoles … does not return PermissionsBoundary and Tags" (IAM API Reference, ListRoles)
const listRoles = listByPath(
  'Roles',
  (world) => world.iam.roles,
  (role, world) => listed(roleShape(role, world)),
);

export const ROLE_READ_APIS: Readonly<Record<string, IamApi>> = {
  ListRoles: listRoles,
};
