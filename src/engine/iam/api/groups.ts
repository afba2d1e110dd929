// Groups: CreateGroup, GetGroup, DeleteGroup, AddUserToGroup, RemoveUserFromGroup, ListGroupsForUser
// (IAM API Reference, each action's page, https://docs.aws.amazon.com/IAM/latest/APIReference/API_AddUserToGroup.html
// and its neighbours). A group has no policies of its own for requests: its members get them, at
// once, on their next request (IAM User Guide "IAM user groups").
import { uniqueId } from '../../ids.js';
import type { World } from '../../world.js';
import type { IamGroup, IamUser } from '../state.js';
import { entityArn, findByName, nameParam, noSuchEntity, pathParam, resourceOf, text } from './names.js';
import { byName, page, PAGE_PARAMS, pageParams } from './paging.js';
import { conflict } from './names.js';
import { groupShape } from './shapes.js';
import { EXISTING_USER_MAX, listedUser } from './users.js';
import type { IamApi, IamOutcome } from './types.js';

/** Groups a user can be a member of (IAM User Guide "IAM and AWS STS quotas"). */
export const GROUPS_PER_USER = 10;

function membersOf(group: IamGroup, world: World): IamUser[] {
  return Object.values(world.iam.users)
    .filter((u) => u.groups.includes(group.arn))
    .sort(byName);
}

const createGroup: IamApi = {
  params: ['GroupName', 'Path'],
  address({ params, account }, out) {
    const name = nameParam(params, 'GroupName', 'group', out);
    const path = pathParam(params, out);
    return { resource: entityArn('group', account, path, name) };
  },
  apply({ params, account, world }): IamOutcome {
    const name = text(params, 'GroupName')!;
    const path = text(params, 'Path') ?? '/';
    const existing = findByName(world, 'group', account, name);
    if (existing !== null) {
      return {
        ok: false,
        code: 'EntityAlreadyExists',
        message: `Group with name ${name} already exists.`,
        note: `account ${account} already has group ${existing.name} (${existing.arn}); IAM names do not differ by case alone`,
      };
    }
    const arn = entityArn('group', account, path, name);
    const id = uniqueId('AGPA', world.scenario.seed, arn, world.iam.generations[arn] ?? 0);
    const group = { arn, name, path, account, id, created: world.scenario.clock };
    return {
      ok: true,
      events: [{ type: 'GroupCreated', data: group }],
      response: { Group: groupShape({ ...group, inline: [], attached: [] }, world) },
    };
  },
};

const getGroup: IamApi = {
  params: ['GroupName', ...PAGE_PARAMS],
  address({ params, account, world }, out) {
    const name = nameParam(params, 'GroupName', 'group', out);
    pageParams(params, out);
    return { resource: resourceOf(world, 'group', account, name) };
  },
  apply({ params, account, world }): IamOutcome {
    const name = text(params, 'GroupName')!;
    const group = findByName(world, 'group', account, name);
    if (group === null) return noSuchEntity('group', name, account);
    const { items, more } = page(membersOf(group, world), (u) => u.name.toLowerCase(), params);
    return {
      ok: true,
      events: [],
      response: { Group: groupShape(group, world), Users: items.map((u) => listedUser(u, world)), ...more },
    };
  },
};

const deleteGroup: IamApi = {
  params: ['GroupName'],
  address({ params, account, world }, out) {
    const name = nameParam(params, 'GroupName', 'group', out);
    return { resource: resourceOf(world, 'group', account, name) };
  },
  apply({ params, account, world }): IamOutcome {
    const name = text(params, 'GroupName')!;
    const group = findByName(world, 'group', account, name);
    if (group === null) return noSuchEntity('group', name, account);
    // IAM API Reference, DeleteGroup: "The group must not contain any users or have any attached
    // policies"; inline policies block it too. AWS does not say which it reports first.
    const members = membersOf(group, world);
    if (members.length > 0) {
      return conflict(
        'Cannot delete entity, must remove users from group first.',
        `group ${group.name} has member${members.length === 1 ? '' : 's'} ${members.map((u) => u.name).join(', ')} (RemoveUserFromGroup)`,
      );
    }
    if (group.inline.length > 0) {
      return conflict(
        'Cannot delete entity, must delete policies first.',
        `group ${group.name} has inline ${group.inline.map((p) => p.name).join(', ')} (DeleteGroupPolicy)`,
      );
    }
    if (group.attached.length > 0) {
      return conflict(
        'Cannot delete entity, must detach all policies first.',
        `group ${group.name} has ${group.attached.length} attached managed polic${group.attached.length === 1 ? 'y' : 'ies'} (DetachGroupPolicy)`,
      );
    }
    return { ok: true, events: [{ type: 'GroupDeleted', data: { arn: group.arn } }], response: {} };
  },
};

/** The user and the group a membership call names, or IAM's NoSuchEntity (the user is looked up first). */
function membership(
  params: Readonly<Record<string, unknown>>,
  account: string,
  world: World,
): { user: IamUser; group: IamGroup } | IamOutcome {
  const userName = text(params, 'UserName')!;
  const groupName = text(params, 'GroupName')!;
  const user = findByName(world, 'user', account, userName);
  if (user === null) return noSuchEntity('user', userName, account);
  const group = findByName(world, 'group', account, groupName);
  if (group === null) return noSuchEntity('group', groupName, account);
  return { user, group };
}

const membershipParams: IamApi['address'] = ({ params, account, world }, out) => {
  const group = nameParam(params, 'GroupName', 'group', out);
  nameParam(params, 'UserName', 'user', out, EXISTING_USER_MAX);
  // Service Authorization Reference: AddUserToGroup and RemoveUserFromGroup act on the group, not the user
  return { resource: resourceOf(world, 'group', account, group) };
};

const addUserToGroup: IamApi = {
  params: ['GroupName', 'UserName'],
  address: membershipParams,
  apply({ params, account, world }): IamOutcome {
    const both = membership(params, account, world);
    if ('ok' in both) return both;
    const { user, group } = both;
    if (user.groups.includes(group.arn)) {
      return { ok: true, events: [], response: {}, notes: [`user ${user.name} is already in group ${group.name}: nothing changes`] };
    }
    if (user.groups.length >= GROUPS_PER_USER) {
      return {
        ok: false,
        code: 'LimitExceeded',
        message: `Cannot exceed quota for GroupsPerUser: ${GROUPS_PER_USER}`,
        note:
          `user ${user.name} is already in ${user.groups.length} groups, IAM's quota (IAM User Guide "IAM and AWS STS quotas"); ` +
          "AWS's message follows its pattern for quotas, this one is not documented",
      };
    }
    return {
      ok: true,
      events: [{ type: 'UserAddedToGroup', data: { user: user.arn, group: group.arn } }],
      response: {},
      notes: [`the policies of group ${group.name} apply to user ${user.name} from its next request`],
    };
  },
};

const removeUserFromGroup: IamApi = {
  params: ['GroupName', 'UserName'],
  address: membershipParams,
  apply({ params, account, world }): IamOutcome {
    const both = membership(params, account, world);
    if ('ok' in both) return both;
    const { user, group } = both;
    if (!user.groups.includes(group.arn)) {
      return {
        ok: false,
        code: 'NoSuchEntity',
        message: `User ${user.name} not in group ${group.name}`,
        note: "the user is not a member of the group (the message is moto's; AWS does not document it)",
      };
    }
    return { ok: true, events: [{ type: 'UserRemovedFromGroup', data: { user: user.arn, group: group.arn } }], response: {} };
  },
};

const listGroupsForUser: IamApi = {
  params: ['UserName', ...PAGE_PARAMS],
  address({ params, account, world }, out) {
    const name = nameParam(params, 'UserName', 'user', out, EXISTING_USER_MAX);
    pageParams(params, out);
    return { resource: resourceOf(world, 'user', account, name) };
  },
  apply({ params, account, world }): IamOutcome {
    const name = text(params, 'UserName')!;
    const user = findByName(world, 'user', account, name);
    if (user === null) return noSuchEntity('user', name, account);
    const groups = user.groups.flatMap((arn) => world.iam.groups[arn] ?? []).sort(byName);
    const { items, more } = page(groups, (g) => g.name.toLowerCase(), params);
    return { ok: true, events: [], response: { Groups: items.map((g) => groupShape(g, world)), ...more } };
  },
};

export const GROUP_APIS: Readonly<Record<string, IamApi>> = {
  CreateGroup: createGroup,
  GetGroup: getGroup,
  DeleteGroup: deleteGroup,
  AddUserToGroup: addUserToGroup,
  RemoveUserFromGroup: removeUserFromGroup,
  ListGroupsForUser: listGroupsForUser,
};
