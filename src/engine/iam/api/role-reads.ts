// The read calls on roles beyond GetRole (roles.ts): ListRoles (IAM API Reference, ListRoles). A
// read returns the world as it is at that step.
import { listResponse, pageParams, pathPrefixParam } from './paging.js';
import { text } from './names.js';
import { roleShape } from './shapes.js';
import type { IamApi, IamOutcome } from './types.js';

/**
 * A role as ListRoles lists it: "This operation does not return the following attributes, even
 * though they are an attribute of the returned object: PermissionsBoundary, RoleLastUsed, Tags"
 * (IAM API Reference, ListRoles).
 */
function listed(role: Record<string, unknown>): Record<string, unknown> {
  const { PermissionsBoundary: _boundary, Tags: _tags, ...rest } = role;
  return rest;
}

const listRoles: IamApi = {
  params: ['PathPrefix', 'Marker', 'MaxItems'],
  // the Service Authorization Reference gives ListRoles no resource type: it is authorized on *
  address({ params }, out) {
    pathPrefixParam(params, out);
    pageParams(params, out);
    return { resource: '*' };
  },
  apply({ params, account, world }): IamOutcome {
    const prefix = text(params, 'PathPrefix') ?? '/';
    const roles = Object.values(world.iam.roles).filter((r) => r.account === account && r.path.startsWith(prefix));
    const response = listResponse(
      roles,
      'Roles',
      (r) => r.name.toLowerCase(),
      params,
      (r) => listed(roleShape(r, world)),
    );
    return { ok: true, events: [], response };
  },
};

export const ROLE_READ_APIS: Readonly<Record<string, IamApi>> = {
  ListRoles: listRoles,
};
