// IAM's evolve: applies IAM events to the IAM slice of the world (an immer recipe).
import type { Draft } from 'immer';
import { overlayTags } from '../sts/tags.js';
import type { IamEvent } from './events.js';
import type { IamState, ManagedPolicy, PolicyDocument } from './state.js';

export function evolveIam(draft: Draft<IamState>, event: IamEvent): void {
  switch (event.type) {
    case 'AccountCreated':
      draft.accounts[event.data.id] = { id: event.data.id, name: event.data.name };
      return;
    case 'UserCreated':
      created(draft, event.data.arn);
      draft.users[event.data.arn] = {
        ...event.data,
        groups: [],
        inline: [],
        attached: [],
        boundary: null,
        tags: {},
        mfaDevices: [],
        accessKeys: [],
        loginProfile: null,
      };
      return;
    case 'GroupCreated':
      created(draft, event.data.arn);
      draft.groups[event.data.arn] = { ...event.data, inline: [], attached: [] };
      return;
    case 'RoleCreated':
      created(draft, event.data.arn);
      draft.roles[event.data.arn] = { ...event.data, inline: [], attached: [], boundary: null, tags: {} };
      return;
    case 'PolicyCreated': {
      created(draft, event.data.arn);
      const { version = 'v1', ...policy } = event.data;
      const first = {
        id: version,
        document: event.data.document,
        ...(event.data.created === undefined ? {} : { created: event.data.created }),
      };
      const next = Number(version.slice(1)) + 1;
      draft.policies[event.data.arn] = { ...policy, versions: [first], defaultVersion: version, nextVersion: next, tags: {} };
      return;
    }
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
      const entity =
        draft.users[event.data.entity] ??
        draft.roles[event.data.entity] ??
        draft.instanceProfiles[event.data.entity] ??
        draft.policies[event.data.entity];
      // tag keys are not case sensitive: a tag replaces the one of the same key in any case (IAM User
      // Guide "Tagging IAM resources")
      if (entity) entity.tags = overlayTags(entity.tags, event.data.tags);
      return;
    }
    case 'AccessKeyCreated':
      draft.accessKeys[event.data.accessKeyId] = { ...event.data, status: 'Active' };
      draft.users[event.data.user]?.accessKeys.push(event.data.accessKeyId);
      draft.keysMinted[event.data.user] = (draft.keysMinted[event.data.user] ?? 0) + 1;
      return;
    case 'MfaDeviceEnabled':
      draft.mfaDevices[event.data.serialNumber] = { ...event.data };
      draft.users[event.data.user]?.mfaDevices.push(event.data.serialNumber);
      return;
    case 'UserDeleted':
      delete draft.users[event.data.arn];
      return;
    case 'GroupDeleted':
      delete draft.groups[event.data.arn];
      return;
    case 'RoleDeleted':
      delete draft.roles[event.data.arn];
      return;
    case 'PolicyDeleted':
      delete draft.policies[event.data.arn];
      return;
    case 'UserRemovedFromGroup': {
      const user = draft.users[event.data.user];
      if (user) user.groups = user.groups.filter((g) => g !== event.data.group);
      return;
    }
    case 'InlinePolicyDeleted': {
      const entity = principalEntity(draft, event.data.entity);
      entity.inline = entity.inline.filter((p) => p.name !== event.data.name);
      return;
    }
    case 'PolicyDetached': {
      const entity = principalEntity(draft, event.data.entity);
      entity.attached = entity.attached.filter((p) => p !== event.data.policy);
      return;
    }
    case 'PermissionsBoundaryDeleted': {
      const entity = draft.users[event.data.entity] ?? draft.roles[event.data.entity];
      if (entity) entity.boundary = null;
      return;
    }
    case 'EntityUntagged': {
      const entity = draft.users[event.data.entity] ?? draft.roles[event.data.entity];
      if (entity) {
        const gone = new Set(event.data.keys.map((k) => k.toLowerCase()));
        for (const key of Object.keys(entity.tags)) if (gone.has(key.toLowerCase())) delete entity.tags[key];
      }
      return;
    }
    case 'TrustPolicyUpdated': {
      const role = draft.roles[event.data.role];
      if (role) role.trust = event.data.document as Draft<PolicyDocument>;
      return;
    }
    case 'PolicyVersionCreated': {
      const policy = draft.policies[event.data.policy];
      if (!policy) throw new Error(`bug: no managed policy ${event.data.policy}`);
      policy.versions.push({
        id: event.data.versionId,
        document: event.data.document as Draft<PolicyDocument>,
        created: event.data.created,
      });
      policy.nextVersion = Number(event.data.versionId.slice(1)) + 1;
      if (event.data.setAsDefault) setDefault(policy, event.data.versionId);
      return;
    }
    case 'DefaultPolicyVersionSet': {
      const policy = draft.policies[event.data.policy];
      if (policy) setDefault(policy, event.data.versionId);
      return;
    }
    case 'PolicyVersionDeleted': {
      const policy = draft.policies[event.data.policy];
      if (policy) policy.versions = policy.versions.filter((v) => v.id !== event.data.versionId);
      return;
    }
    case 'AccessKeyStatusChanged': {
      const key = draft.accessKeys[event.data.accessKeyId];
      if (key) key.status = event.data.status;
      return;
    }
    case 'AccessKeyDeleted': {
      const key = draft.accessKeys[event.data.accessKeyId];
      if (!key) return;
      const user = draft.users[key.user];
      if (user) user.accessKeys = user.accessKeys.filter((k) => k !== key.accessKeyId);
      delete draft.accessKeys[event.data.accessKeyId];
      return;
    }
    case 'LoginProfileCreated': {
      const user = draft.users[event.data.user];
      if (user) user.loginProfile = { created: event.data.created, passwordResetRequired: event.data.passwordResetRequired };
      return;
    }
    case 'LoginProfileUpdated': {
      const user = draft.users[event.data.user];
      if (user?.loginProfile) user.loginProfile.passwordResetRequired = event.data.passwordResetRequired;
      return;
    }
    case 'LoginProfileDeleted': {
      const user = draft.users[event.data.user];
      if (user) user.loginProfile = null;
      return;
    }
    case 'InstanceProfileCreated':
      created(draft, event.data.arn);
      draft.instanceProfiles[event.data.arn] = { ...event.data, roles: [], tags: {} };
      return;
    case 'InstanceProfileDeleted':
      delete draft.instanceProfiles[event.data.arn];
      return;
    case 'RoleAddedToInstanceProfile': {
      const profile = draft.instanceProfiles[event.data.profile];
      if (profile && !profile.roles.includes(event.data.role)) profile.roles.push(event.data.role);
      return;
    }
    case 'RoleRemovedFromInstanceProfile': {
      const profile = draft.instanceProfiles[event.data.profile];
      if (profile) profile.roles = profile.roles.filter((r) => r !== event.data.role);
      return;
    }
    default: {
      const unreachable: never = event;
      throw new Error(`bug: unknown IAM event ${JSON.stringify(unreachable)}`);
    }
  }
}

/** One more entity of this ARN has been created: the next gets another unique ID (src/engine/ids.ts). */
function created(draft: Draft<IamState>, arn: string): void {
  draft.generations[arn] = (draft.generations[arn] ?? 0) + 1;
}

function setDefault(policy: Draft<ManagedPolicy>, versionId: string): void {
  const version = policy.versions.find((v) => v.id === versionId);
  if (!version) throw new Error(`bug: policy ${policy.arn} has no version ${versionId}`);
  policy.defaultVersion = versionId;
  policy.document = version.document;
}

function principalEntity(draft: Draft<IamState>, arn: string) {
  const entity = draft.users[arn] ?? draft.groups[arn] ?? draft.roles[arn];
  if (!entity) throw new Error(`bug: no IAM entity ${arn}`);
  return entity;
}
