// What an IAM call in a step changed in the world (its events, and resource policies rewritten), in words: the trace's `change` lines. The World
// section shows the world the scenario declares; a change made by a step is shown in that step.
import type { LoggedEvent } from '../engine/events.js';

type IamChange = Extract<
  LoggedEvent,
  {
    type:
      | 'UserCreated'
      | 'GroupCreated'
      | 'RoleCreated'
      | 'PolicyCreated'
      | 'InlinePolicyPut'
      | 'PolicyAttached'
      | 'PermissionsBoundarySet'
      | 'UserAddedToGroup'
      | 'EntityTagged'
      | 'AccessKeyCreated'
      | 'UserDeleted'
      | 'GroupDeleted'
      | 'RoleDeleted'
      | 'PolicyDeleted'
      | 'UserRemovedFromGroup'
      | 'InlinePolicyDeleted'
      | 'PolicyDetached'
      | 'PermissionsBoundaryDeleted'
      | 'EntityUntagged'
      | 'TrustPolicyUpdated'
      | 'PolicyVersionCreated'
      | 'DefaultPolicyVersionSet'
      | 'PolicyVersionDeleted'
      | 'AccessKeyStatusChanged'
      | 'AccessKeyDeleted'
      | 'LoginProfileCreated'
      | 'LoginProfileUpdated'
      | 'LoginProfileDeleted'
      | 'InstanceProfileCreated'
      | 'InstanceProfileDeleted'
      | 'RoleAddedToInstanceProfile'
      | 'RoleRemovedFromInstanceProfile'
      | 'ResourcePolicyPut'
      | 'ResourcePolicyDeleted';
  }
>;

const CHANGES: ReadonlySet<string> = new Set<IamChange['type']>([
  'UserCreated',
  'GroupCreated',
  'RoleCreated',
  'PolicyCreated',
  'InlinePolicyPut',
  'PolicyAttached',
  'PermissionsBoundarySet',
  'UserAddedToGroup',
  'EntityTagged',
  'AccessKeyCreated',
  'UserDeleted',
  'GroupDeleted',
  'RoleDeleted',
  'PolicyDeleted',
  'UserRemovedFromGroup',
  'InlinePolicyDeleted',
  'PolicyDetached',
  'PermissionsBoundaryDeleted',
  'EntityUntagged',
  'TrustPolicyUpdated',
  'PolicyVersionCreated',
  'DefaultPolicyVersionSet',
  'PolicyVersionDeleted',
  'AccessKeyStatusChanged',
  'AccessKeyDeleted',
  'LoginProfileCreated',
  'LoginProfileUpdated',
  'LoginProfileDeleted',
  'InstanceProfileCreated',
  'InstanceProfileDeleted',
  'RoleAddedToInstanceProfile',
  'RoleRemovedFromInstanceProfile',
  'ResourcePolicyPut',
  'ResourcePolicyDeleted',
]);

export function isIamChange(event: LoggedEvent): event is IamChange {
  return CHANGES.has(event.type);
}

/** `role/Deploy` → `role Deploy`; `arn:aws:s3:::b` → `bucket b`; any other ARN as it is. */
function named(arn: string): string {
  const m = /^arn:[^:]+:iam::\d{12}:(user|group|role|policy|instance-profile)\/(?:.*\/)?([^/]+)$/.exec(arn);
  if (m) return `${m[1]} ${m[2]}`;
  return arn.startsWith('arn:aws:s3:::') && !arn.includes('/') ? `bucket ${arn.slice('arn:aws:s3:::'.length)}` : arn;
}

/** The line a step's trace shows for a change its call made. */
export function changeText(event: IamChange): string {
  switch (event.type) {
    case 'UserCreated':
    case 'GroupCreated':
    case 'RoleCreated':
    case 'PolicyCreated':
    case 'InstanceProfileCreated':
      return `created ${named(event.data.arn)}: ${event.data.arn}  ${event.data.id}`;
    case 'UserDeleted':
    case 'GroupDeleted':
    case 'RoleDeleted':
    case 'PolicyDeleted':
    case 'InstanceProfileDeleted':
      return `deleted ${named(event.data.arn)}`;
    case 'InlinePolicyPut':
      return `${named(event.data.entity)}: inline policy ${event.data.name} put`;
    case 'InlinePolicyDeleted':
      return `${named(event.data.entity)}: inline policy ${event.data.name} deleted`;
    case 'PolicyAttached':
      return `${named(event.data.entity)}: ${named(event.data.policy)} attached`;
    case 'PolicyDetached':
      return `${named(event.data.entity)}: ${named(event.data.policy)} detached`;
    case 'PermissionsBoundarySet':
      return `${named(event.data.entity)}: permissions boundary ${named(event.data.policy)}`;
    case 'PermissionsBoundaryDeleted':
      return `${named(event.data.entity)}: permissions boundary removed`;
    case 'UserAddedToGroup':
      return `${named(event.data.user)} added to ${named(event.data.group)}`;
    case 'UserRemovedFromGroup':
      return `${named(event.data.user)} removed from ${named(event.data.group)}`;
    case 'EntityTagged':
      return `${named(event.data.entity)}: tagged ${Object.entries(event.data.tags)
        .map(([k, v]) => `${k}=${v}`)
        .join(', ')}`;
    case 'EntityUntagged':
      return `${named(event.data.entity)}: tags ${event.data.keys.join(', ')} removed`;
    case 'TrustPolicyUpdated':
      return `${named(event.data.role)}: trust policy replaced`;
    case 'ResourcePolicyPut':
      return `${named(event.data.arn)}: resource-based policy replaced`;
    case 'ResourcePolicyDeleted':
      return `${named(event.data.arn)}: resource-based policy deleted`;
    case 'PolicyVersionCreated':
      return `${named(event.data.policy)}: version ${event.data.versionId} created${event.data.setAsDefault ? ', now the default' : ''}`;
    case 'DefaultPolicyVersionSet':
      return `${named(event.data.policy)}: default version is now ${event.data.versionId}`;
    case 'PolicyVersionDeleted':
      return `${named(event.data.policy)}: version ${event.data.versionId} deleted`;
    case 'AccessKeyCreated':
      return `${named(event.data.user)}: access key ${event.data.accessKeyId} created (Active)`;
    case 'AccessKeyStatusChanged':
      return `access key ${event.data.accessKeyId} is now ${event.data.status}`;
    case 'AccessKeyDeleted':
      return `access key ${event.data.accessKeyId} deleted`;
    case 'LoginProfileCreated':
      return `${named(event.data.user)}: console password set${event.data.passwordResetRequired ? ' (must be reset at first sign-in)' : ''}`;
    case 'LoginProfileUpdated':
      return `${named(event.data.user)}: console password changed${event.data.passwordResetRequired ? ' (must be reset at next sign-in)' : ''}`;
    case 'LoginProfileDeleted':
      return `${named(event.data.user)}: console password removed`;
    case 'RoleAddedToInstanceProfile':
      return `${named(event.data.role)} added to ${named(event.data.profile)}`;
    case 'RoleRemovedFromInstanceProfile':
      return `${named(event.data.role)} removed from ${named(event.data.profile)}`;
    default: {
      const unreachable: never = event;
      throw new Error(`bug: no words for change ${JSON.stringify(unreachable)}`);
    }
  }
}
