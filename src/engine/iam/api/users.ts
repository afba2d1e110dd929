// Users: CreateUser, GetUser, DeleteUser, ListUsers (IAM API Reference, each action's page,
// https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateUser.html and its neighbours).
import type { Caller } from '../../call/caller.js';
import { checkLength } from '../../call/validation.js';
import { uniqueId } from '../../ids.js';
import type { World } from '../../world.js';
import type { IamEvent } from '../events.js';
import type { IamUser } from '../state.js';
import { entityArn, findByName, nameParam, noSuchEntity, pathParam, resourceOf, text } from './names.js';
import { listByPath } from './paging.js';
import { conflict } from './names.js';
import { createDate, userShape } from './shapes.js';
import { tagListParam } from './tags.js';
import { orphanPrincipal } from './orphans.js';
import { missingBoundary } from './policy-refs.js';
import type { IamApi, IamOutcome } from './types.js';

/** existingUserNameType: the user name of the calls on an existing user (1–128, not 64). */
export const EXISTING_USER_MAX = 128;

/**
 * The user a call on a user without UserName acts on: the IAM user whose access key signed it (IAM
 * API Reference, GetUser: "IAM determines the user name implicitly based on the Amazon Web Services
 * access key ID used to sign the request"); null for any other caller.
 */
export function callerUser(who: Caller): IamUser | null {
  return who.user !== null && who.record.kind === 'iam-user' ? who.user : null;
}

/** What a user looks like in a list (ListUsers, GetGroup): without PermissionsBoundary and Tags. */
export function listedUser(user: IamUser, world: World): Record<string, unknown> {
  return { Path: user.path, UserName: user.name, UserId: user.id, Arn: user.arn, CreateDate: createDate(user, world) };
}

const createUser: IamApi = {
  params: ['UserName', 'Path', 'PermissionsBoundary', 'Tags'],
  address({ params, account }, out) {
    const name = nameParam(params, 'UserName', 'user', out);
    const path = pathParam(params, out);
    checkLength('permissionsBoundary', text(params, 'PermissionsBoundary'), 20, 2048, out);
    tagListParam(params, out, false);
    const boundary = text(params, 'PermissionsBoundary');
    const keys: Record<string, string> = boundary === null ? {} : { 'iam:PermissionsBoundary': boundary };
    return { resource: entityArn('user', account, path, name), keys };
  },
  apply({ params, account, world }) {
    const name = text(params, 'UserName')!;
    const path = text(params, 'Path') ?? '/';
    const existing = findByName(world, 'user', account, name);
    if (existing !== null) {
      return {
        ok: false,
        code: 'EntityAlreadyExists',
        message: `User with name ${name} already exists.`,
        note: `account ${account} already has user ${existing.name} (${existing.arn}); IAM names do not differ by case alone`,
      };
    }
    const tags = tagListParam(params, [], false);
    if (!tags.ok) return tags;
    const boundaryArn = text(params, 'PermissionsBoundary');
    const noBoundary = missingBoundary(world, boundaryArn, account);
    if (noBoundary !== null) return noBoundary;
    const arn = entityArn('user', account, path, name);
    const generation = world.iam.generations[arn] ?? 0;
    const id = uniqueId('AIDA', world.scenario.seed, arn, generation);
    const user = { arn, name, path, account, id, created: world.scenario.clock };
    const events: IamEvent[] = [{ type: 'UserCreated', data: user }];
    if (boundaryArn !== null) events.push({ type: 'PermissionsBoundarySet', data: { entity: arn, policy: boundaryArn } });
    if (Object.keys(tags.tags).length > 0) events.push({ type: 'EntityTagged', data: { entity: arn, tags: tags.tags } });
    const shown: IamUser = {
      ...user,
      groups: [],
      inline: [],
      attached: [],
      boundary: boundaryArn,
      tags: tags.tags,
      mfaDevices: [],
      accessKeys: [],
      loginProfile: null,
    };
    const notes =
      generation === 0
        ? []
        : [
            `a user named ${name} existed before and was deleted: this one has a new unique ID, ${id}. ` +
              'AWS turns a user ARN in a trust or resource policy into the unique ID of the user it named when the policy is saved, ' +
              'so such policies written for the old user do not apply to this one (IAM User Guide "IAM JSON policy elements: Principal"); ' +
              'iamsim keeps policies as written and matches them by ARN, as AWS matches aws:PrincipalArn conditions',
          ];
    return { ok: true, events, response: { User: userShape(shown, world) }, notes };
  },
};

const getUser: IamApi = {
  params: ['UserName'],
  address({ params, account, world, who }, out) {
    if (text(params, 'UserName') === null) {
      const self = callerUser(who);
      if (self !== null) return { resource: self.arn, notes: [`without UserName, GetUser is about the caller: user ${self.name}`] };
      return { resource: who.record.kind === 'root' ? `arn:aws:iam::${account}:root` : '*' };
    }
    const name = nameParam(params, 'UserName', 'user', out, EXISTING_USER_MAX);
    return { resource: resourceOf(world, 'user', account, name) };
  },
  apply({ params, account, world, who }): IamOutcome {
    const name = text(params, 'UserName');
    if (name === null) {
      const self = callerUser(who);
      if (self !== null) return { ok: true, events: [], response: { User: userShape(self, world) } };
      if (who.record.kind === 'root') {
        // the root user's own record: its account ID as UserId (AWS does not document it; the AWS CLI shows this shape)
        const root = { UserId: account, Arn: `arn:aws:iam::${account}:root`, CreateDate: world.scenario.started };
        return {
          ok: true,
          events: [],
          response: { User: root },
          notes: ["the root user's GetUser: its account ID as UserId and no UserName"],
        };
      }
      return {
        ok: false,
        code: 'ValidationError',
        message: 'Must specify userName when calling with non-User credentials',
        note: `${who.record.label} is not an IAM user, so GetUser needs UserName (AWS does not document whether this is checked before authorization; iamsim checks it after)`,
      };
    }
    const user = findByName(world, 'user', account, name);
    if (user === null) return noSuchEntity('user', name, account);
    return { ok: true, events: [], response: { User: userShape(user, world) } };
  },
};

const deleteUser: IamApi = {
  params: ['UserName'],
  address({ params, account, world }, out) {
    const name = nameParam(params, 'UserName', 'user', out, EXISTING_USER_MAX);
    return { resource: resourceOf(world, 'user', account, name) };
  },
  apply({ params, account, world }): IamOutcome {
    const name = text(params, 'UserName')!;
    const user = findByName(world, 'user', account, name);
    if (user === null) return noSuchEntity('user', name, account);
    // IAM API Reference, DeleteUser: remove, in this order, the password, access keys, signing
    // certificates, SSH public keys, Git credentials, MFA devices, inline policies, attached managed
    // policies and group memberships. iamsim does not model signing certificates, SSH public keys and
    // service-specific credentials, so they never block a deletion here.
    if (user.loginProfile !== null) {
      return conflict(
        'Cannot delete entity, must delete login profile first.',
        `user ${user.name} has a console password (DeleteLoginProfile)`,
      );
    }
    if (user.accessKeys.length > 0) {
      return conflict(
        'Cannot delete entity, must delete access keys first.',
        `user ${user.name} has access key${user.accessKeys.length === 1 ? '' : 's'} ${user.accessKeys.join(', ')} (DeleteAccessKey)`,
      );
    }
    if (user.mfaDevices.length > 0) {
      return conflict(
        'Cannot delete entity, must delete MFA device first.',
        `user ${user.name} has MFA device ${user.mfaDevices.join(', ')} (DeactivateMFADevice)`,
      );
    }
    if (user.inline.length > 0) {
      return conflict(
        'Cannot delete entity, must delete policies first.',
        `user ${user.name} has inline ${user.inline.map((p) => p.name).join(', ')} (DeleteUserPolicy)`,
      );
    }
    if (user.attached.length > 0) {
      return conflict(
        'Cannot delete entity, must detach all policies first.',
        `user ${user.name} has ${user.attached.length} attached managed polic${user.attached.length === 1 ? 'y' : 'ies'} (DetachUserPolicy)`,
      );
    }
    if (user.groups.length > 0) {
      const groups = user.groups.map((g) => world.iam.groups[g]?.name ?? g);
      return conflict(
        'Cannot delete entity, must remove users from group first.',
        `user ${user.name} is in group${groups.length === 1 ? '' : 's'} ${groups.join(', ')} (RemoveUserFromGroup)`,
      );
    }
    const orphaned = orphanPrincipal(world, user.arn, user.id);
    return {
      ok: true,
      events: [{ type: 'UserDeleted', data: { arn: user.arn } }, ...orphaned.events],
      response: {},
      notes: [
        `requests signed as ${user.name} now fail with InvalidClientTokenId; a user created again with this name gets a new unique ID`,
        ...orphaned.notes,
      ],
    };
  },
};

// ListUsers leaves out PermissionsBoundary and Tags (IAM API Reference, ListUsers)
const listUsers = listByPath('Users', (world) => world.iam.users, listedUser);

export const USER_APIS: Readonly<Record<string, IamApi>> = {
  CreateUser: createUser,
  GetUser: getUser,
  DeleteUser: deleteUser,
  ListUsers: listUsers,
};
