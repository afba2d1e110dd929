// IAM's response elements (IAM API Reference, Data Types: User, Group, Role, Policy, PolicyVersion,
// AccessKey, InstanceProfile), built from the world as it is now.
import type { World } from '../../world.js';
import type { IamGroup, IamRole, IamUser, InstanceProfile, ManagedPolicy } from '../state.js';
import { encodedDocument } from './documents.js';

/** When an entity was created: by a step, or with the scenario's world when it started. */
export function createDate(entity: { readonly created?: string }, world: World): string {
  return entity.created ?? world.scenario.started;
}

function tagList(tags: Readonly<Record<string, string>>): { Tags?: { Key: string; Value: string }[] } {
  const list = Object.entries(tags).map(([Key, Value]) => ({ Key, Value }));
  return list.length === 0 ? {} : { Tags: list };
}

function boundary(arn: string | null) {
  return arn === null ? {} : { PermissionsBoundary: { PermissionsBoundaryType: 'PermissionsBoundaryPolicy', PermissionsBoundaryArn: arn } };
}

export function userShape(user: IamUser, world: World): Record<string, unknown> {
  return {
    Path: user.path,
    UserName: user.name,
    UserId: user.id,
    Arn: user.arn,
    CreateDate: createDate(user, world),
    ...boundary(user.boundary),
    ...tagList(user.tags),
  };
}

export function groupShape(group: IamGroup, world: World): Record<string, unknown> {
  return { Path: group.path, GroupName: group.name, GroupId: group.id, Arn: group.arn, CreateDate: createDate(group, world) };
}

export function roleShape(role: IamRole, world: World): Record<string, unknown> {
  return {
    Path: role.path,
    RoleName: role.name,
    RoleId: role.id,
    Arn: role.arn,
    CreateDate: createDate(role, world),
    AssumeRolePolicyDocument: encodedDocument(role.trust),
    ...(role.description === null ? {} : { Description: role.description }),
    MaxSessionDuration: role.maxSessionDuration,
    ...boundary(role.boundary),
    ...tagList(role.tags),
  };
}

/**
 * How many users, groups and roles a managed policy is attached to, and is the boundary of: those of
 * `account`, the caller's, for an AWS managed policy, which every account may attach: a caller sees
 * its own account's entities, never other customers' (IAM API Reference, Policy: AttachmentCount).
 */
export function policyUse(policy: ManagedPolicy, world: World, account = policy.account): { attachments: number; boundaries: number } {
  let attachments = 0;
  let boundaries = 0;
  for (const table of [world.iam.users, world.iam.groups, world.iam.roles]) {
    for (const entity of Object.values(table)) {
      if (entity.account !== account) continue;
      if (entity.attached.includes(policy.arn)) attachments++;
      if ('boundary' in entity && entity.boundary === policy.arn) boundaries++;
    }
  }
  return { attachments, boundaries };
}

export function policyShape(policy: ManagedPolicy, world: World, account = policy.account): Record<string, unknown> {
  const use = policyUse(policy, world, account);
  const versions = policy.versions;
  const updated = versions.find((v) => v.id === policy.defaultVersion)?.created ?? createDate(policy, world);
  return {
    PolicyName: policy.name,
    PolicyId: policy.id,
    Arn: policy.arn,
    Path: policy.path,
    DefaultVersionId: policy.defaultVersion,
    AttachmentCount: use.attachments,
    PermissionsBoundaryUsageCount: use.boundaries,
    IsAttachable: true,
    ...(policy.description === undefined ? {} : { Description: policy.description }),
    CreateDate: createDate(policy, world),
    UpdateDate: updated,
    ...tagList(policy.tags),
  };
}

export function instanceProfileShape(profile: InstanceProfile, world: World): Record<string, unknown> {
  return {
    Path: profile.path,
    InstanceProfileName: profile.name,
    InstanceProfileId: profile.id,
    Arn: profile.arn,
    CreateDate: createDate(profile, world),
    Roles: profile.roles.flatMap((arn) => {
      const role = world.iam.roles[arn];
      return role ? [roleShape(role, world)] : [];
    }),
    ...tagList(profile.tags),
  };
}
