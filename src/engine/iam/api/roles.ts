// Roles: CreateRole, GetRole, DeleteRole (IAM API Reference, each action's page).
import { uniqueId } from '../../ids.js';
import { checkInteger, checkLength } from '../../call/validation.js';
import type { IamEvent } from '../events.js';
import { documentParam, readDocument } from './documents.js';
import { entityArn, findByName, nameParam, noSuchEntity, pathParam, resourceOf, text } from './names.js';
import { orphanPrincipal } from './orphans.js';
import { conflict, unmodifiableRole } from './names.js';
import { missingBoundary, onPrincipal } from './policy-refs.js';
import { roleShape } from './shapes.js';
import { tagListParam } from './tags.js';
import type { IamApi, IamOutcome, IamRequest } from './types.js';

const createRole: IamApi = {
  params: ['RoleName', 'AssumeRolePolicyDocument', 'Path', 'Description', 'MaxSessionDuration', 'PermissionsBoundary', 'Tags'],
  address({ params, account }, out) {
    const name = nameParam(params, 'RoleName', 'role', out);
    const path = pathParam(params, out);
    documentParam(params, 'AssumeRolePolicyDocument', out);
    checkLength('description', text(params, 'Description'), 0, 1000, out);
    checkInteger('maxSessionDuration', text(params, 'MaxSessionDuration'), 3600, 43200, out);
    checkLength('permissionsBoundary', text(params, 'PermissionsBoundary'), 20, 2048, out);
    tagListParam(params, out, false);
    const boundary = text(params, 'PermissionsBoundary');
    const keys: Record<string, string> = boundary === null ? {} : { 'iam:PermissionsBoundary': boundary };
    return { resource: entityArn('role', account, path, name), keys };
  },
  apply({ params, account, world }) {
    const name = text(params, 'RoleName')!;
    const path = text(params, 'Path') ?? '/';
    const existing = findByName(world, 'role', account, name);
    if (existing !== null) {
      return {
        ok: false,
        code: 'EntityAlreadyExists',
        message: `Role with name ${name} already exists.`,
        note: `account ${account} already has role ${existing.name} (${existing.arn})`,
      };
    }
    const trust = readDocument(text(params, 'AssumeRolePolicyDocument')!, 'trust', 'the trust policy (AssumeRolePolicyDocument)');
    if (!trust.ok) return trust;
    const boundaryArn = text(params, 'PermissionsBoundary');
    const noBoundary = missingBoundary(world, boundaryArn, account);
    if (noBoundary !== null) return noBoundary;
    const arn = entityArn('role', account, path, name);
    const id = uniqueId('AROA', world.scenario.seed, arn, world.iam.generations[arn] ?? 0);
    const maxSession = text(params, 'MaxSessionDuration');
    const tagged = tagListParam(params, [], false);
    if (!tagged.ok) return tagged;
    const tags = tagged.tags;
    const role = {
      arn,
      name,
      path,
      account,
      id,
      created: world.scenario.clock,
      maxSessionDuration: maxSession === null ? 3600 : Number(maxSession),
      trust: trust.document,
      description: text(params, 'Description'),
    };
    const events: IamEvent[] = [{ type: 'RoleCreated', data: role }];
    if (boundaryArn !== null) events.push({ type: 'PermissionsBoundarySet', data: { entity: arn, policy: boundaryArn } });
    if (Object.keys(tags).length > 0) events.push({ type: 'EntityTagged', data: { entity: arn, tags } });
    const shown = { ...role, inline: [], attached: [], boundary: boundaryArn, tags };
    return { ok: true, events, response: { Role: roleShape(shown, world) } };
  },
};

const getRole: IamApi = {
  params: ['RoleName'],
  address({ params, account, world }, out) {
    const name = nameParam(params, 'RoleName', 'role', out);
    return { resource: resourceOf(world, 'role', account, name) };
  },
  apply({ params, account, world }): IamOutcome {
    const name = text(params, 'RoleName')!;
    const role = findByName(world, 'role', account, name);
    if (role === null) return noSuchEntity('role', name, account);
    return { ok: true, events: [], response: { Role: roleShape(role, world) } };
  },
};

const deleteRole: IamApi = {
  params: ['RoleName'],
  // the Service Authorization Reference lists iam:PermissionsBoundary for DeleteRole: the role's boundary
  address({ params, account, world }, out) {
    const name = nameParam(params, 'RoleName', 'role', out);
    return onPrincipal(world, 'role', account, name);
  },
  apply({ params, account, world }): IamOutcome {
    const name = text(params, 'RoleName')!;
    const role = findByName(world, 'role', account, name);
    if (role === null) return noSuchEntity('role', name, account);
    const refused = unmodifiableRole(
      role,
      'a service-linked role is deleted through its service (iam:DeleteServiceLinkedRole), not with DeleteRole',
    );
    if (refused !== null) return refused;
    // IAM API Reference, DeleteRole: "remove the following attached items: Inline policies …
    // Attached managed policies … Instance profile"; AWS does not say which error comes first when
    // several remain, so iamsim checks them in that order
    if (role.inline.length > 0) {
      return conflict(
        'Cannot delete entity, must delete policies first.',
        `role ${name} has inline ${role.inline.map((p) => p.name).join(', ')}`,
      );
    }
    if (role.attached.length > 0) {
      return conflict(
        'Cannot delete entity, must detach all policies first.',
        `role ${name} has ${role.attached.length} attached managed polic${role.attached.length === 1 ? 'y' : 'ies'}`,
      );
    }
    const profiles = Object.values(world.iam.instanceProfiles).filter((p) => p.roles.includes(role.arn));
    if (profiles.length > 0) {
      return conflict(
        'Cannot delete entity, must remove roles from instance profile first.',
        `role ${name} is in ${profiles.map((p) => `instance profile ${p.name}`).join(', ')}`,
      );
    }
    const orphaned = orphanPrincipal(world, role.arn, role.id);
    return {
      ok: true,
      events: [{ type: 'RoleDeleted', data: { arn: role.arn } }, ...orphaned.events],
      response: {},
      notes: [...liveSessionsNote(world, role.id, name), ...orphaned.notes],
    };
  },
};

/** What becomes of the role's sessions that have not expired (the role's permissions go with it). */
function liveSessionsNote(world: IamRequest['world'], roleId: string, name: string): string[] {
  const clock = Date.parse(world.scenario.clock);
  const live = Object.values(world.sts.sessions).filter(
    (s) => s.kind === 'role-session' && s.roleId === roleId && Date.parse(s.expiration) > clock,
  ).length;
  if (live === 0) return [];
  const one = live === 1;
  return [
    `${live} unexpired session${one ? '' : 's'} of role ${name} keep${one ? 's its' : ' their'} credentials, which no longer carry any permission: ` +
      'the role and its policies are gone, and a role created again with this name gets a new unique ID, so they do not regain them',
  ];
}

export const ROLE_APIS: Readonly<Record<string, IamApi>> = {
  CreateRole: createRole,
  GetRole: getRole,
  DeleteRole: deleteRole,
};
