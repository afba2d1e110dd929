// IAM's evolve: applies IAM events to the IAM slice of the world (an immer recipe).
import type { Draft } from 'immer';
import type { IamEvent } from './events.js';
import type { IamState } from './state.js';

export function evolveIam(draft: Draft<IamState>, event: IamEvent): void {
  switch (event.type) {
    case 'AccountCreated':
      draft.accounts[event.data.id] = { id: event.data.id, name: event.data.name };
      return;
    case 'UserCreated':
      draft.users[event.data.arn] = {
        ...event.data,
        groups: [],
        inline: [],
        attached: [],
        boundary: null,
        tags: {},
        mfaDevices: [],
        accessKeys: [],
      };
      return;
    case 'GroupCreated':
      draft.groups[event.data.arn] = { ...event.data, inline: [], attached: [] };
      return;
    case 'RoleCreated':
      draft.roles[event.data.arn] = { ...event.data, inline: [], attached: [], boundary: null, tags: {} };
      return;
    case 'PolicyCreated':
      draft.policies[event.data.arn] = { ...event.data };
      return;
    case 'InlinePolicyPut': {
      const entity = principalEntity(draft, event.data.entity);
      entity.inline = entity.inline.filter((p) => p.name !== event.data.name);
      entity.inline.push({ name: event.data.name, document: event.data.document });
      return;
    }
    case 'PolicyAttached': {
      const entity = principalEntity(draft, event.data.entity);
      if (!entity.attached.includes(event.data.policy)) entity.attached.push(event.data.policy);
      return;
    }
    case 'PermissionsBoundarySet': {
      const entity = draft.users[event.data.entity] ?? draft.roles[event.data.entity];
      if (entity) entity.boundary = event.data.policy;
      return;
    }
    case 'UserAddedToGroup': {
      const user = draft.users[event.data.user];
      if (user && !user.groups.includes(event.data.group)) user.groups.push(event.data.group);
      return;
    }
    case 'EntityTagged': {
      const entity = draft.users[event.data.entity] ?? draft.roles[event.data.entity];
      if (entity) Object.assign(entity.tags, event.data.tags);
      return;
    }
    case 'AccessKeyCreated':
      draft.accessKeys[event.data.accessKeyId] = {
        accessKeyId: event.data.accessKeyId,
        user: event.data.user,
        account: event.data.account,
      };
      draft.users[event.data.user]?.accessKeys.push(event.data.accessKeyId);
      return;
    case 'MfaDeviceEnabled':
      draft.mfaDevices[event.data.serialNumber] = { ...event.data };
      draft.users[event.data.user]?.mfaDevices.push(event.data.serialNumber);
      return;
    default: {
      const unreachable: never = event;
      throw new Error(`bug: unknown IAM event ${JSON.stringify(unreachable)}`);
    }
  }
}

function principalEntity(draft: Draft<IamState>, arn: string) {
  const entity = draft.users[arn] ?? draft.groups[arn] ?? draft.roles[arn];
  if (!entity) throw new Error(`bug: no IAM entity ${arn}`);
  return entity;
}
