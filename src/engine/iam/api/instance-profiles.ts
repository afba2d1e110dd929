// Instance profiles: CreateInstanceProfile, GetInstanceProfile, DeleteInstanceProfile,
// AddRoleToInstanceProfile, RemoveRoleFromInstanceProfile, ListInstanceProfiles,
// ListInstanceProfilesForRole (IAM API Reference, each action's page; IAM User Guide "Use instance
// profiles"). An instance profile holds at most one role, the role an EC2 instance launched with
// it gets credentials for.
import { uniqueId } from '../../ids.js';
import type { Constraint } from '../../call/validation.js';
import type { IamEvent } from '../events.js';
import type { InstanceProfile, IamRole } from '../state.js';
import { listByPath, listResponse, pageParams } from './paging.js';
import { entityArn, findByName, nameParam, noSuchEntity, pathParam, resourceOf, text } from './names.js';
import { conflict, unmodifiableRole } from './names.js';
import { tagListParam } from './tags.js';
import { authorizePassRole } from '../../call/pass-role.js';
import { instanceProfileShape } from './shapes.js';
import type { IamApi, IamOutcome, IamRequest } from './types.js';

/** IAM User Guide "IAM and AWS STS quotas": instance profiles in an account (default). */
const INSTANCE_PROFILES_PER_ACCOUNT = 1000;

/** AWS-observed wording (GetInstanceProfile, DeleteInstanceProfile), unlike the other entities'. */
function noSuchProfile(name: string, account: string): Extract<IamOutcome, { ok: false }> {
  return { ...noSuchEntity('instance-profile', name, account), message: `Instance Profile ${name} cannot be found.` };
}

function profileAddress({ params, account, world }: IamRequest, out: Constraint[]) {
  const name = nameParam(params, 'InstanceProfileName', 'instance-profile', out);
  return { resource: resourceOf(world, 'instance-profile', account, name) };
}

type Pair = { readonly ok: true; readonly profile: InstanceProfile; readonly role: IamRole } | Extract<IamOutcome, { ok: false }>;

function profileAndRole({ params, account, world }: IamRequest): Pair {
  const profileName = text(params, 'InstanceProfileName')!;
  const profile = findByName(world, 'instance-profile', account, profileName);
  if (profile === null) return noSuchProfile(profileName, account);
  const roleName = text(params, 'RoleName')!;
  const role = findByName(world, 'role', account, roleName);
  if (role === null) return noSuchEntity('role', roleName, account);
  return { ok: true, profile, role };
}

/**
 * A call that puts a role in an instance profile or takes it out: both name the profile and the
 * role, need both to exist, and refuse a service-linked role before anything else is checked.
 */
function roleInProfile(change: (profile: InstanceProfile, role: IamRole, request: IamRequest) => IamOutcome): IamApi {
  return {
    params: ['InstanceProfileName', 'RoleName'],
    address(request, out) {
      const address = profileAddress(request, out);
      nameParam(request.params, 'RoleName', 'role', out);
      return address;
    },
    apply(request): IamOutcome {
      const pair = profileAndRole(request);
      if (!pair.ok) return pair;
      const refused = unmodifiableRole(pair.role, 'a service-linked role is managed by its service');
      if (refused !== null) return refused;
      return change(pair.profile, pair.role, request);
    },
  };
}

const createInstanceProfile: IamApi = {
  params: ['InstanceProfileName', 'Path', 'Tags'],
  address({ params, account }, out) {
    const name = nameParam(params, 'InstanceProfileName', 'instance-profile', out);
    const path = pathParam(params, out);
    tagListParam(params, out, false);
    return { resource: entityArn('instance-profile', account, path, name) };
  },
  apply({ params, account, world }): IamOutcome {
    const name = text(params, 'InstanceProfileName')!;
    const path = text(params, 'Path') ?? '/';
    const existing = findByName(world, 'instance-profile', account, name);
    if (existing !== null) {
      return {
        ok: false,
        code: 'EntityAlreadyExists',
        message: `Instance Profile ${name} already exists.`,
        note: `account ${account} already has instance profile ${existing.name} (${existing.arn}); the message is moto's, AWS's own is not documented`,
      };
    }
    const count = Object.values(world.iam.instanceProfiles).filter((p) => p.account === account).length;
    if (count >= INSTANCE_PROFILES_PER_ACCOUNT) {
      return {
        ok: false,
        code: 'LimitExceeded',
        message: `Cannot exceed quota for InstanceProfilesPerAccount: ${INSTANCE_PROFILES_PER_ACCOUNT}`,
        note: `account ${account} already has ${count} instance profiles`,
      };
    }
    const arn = entityArn('instance-profile', account, path, name);
    const id = uniqueId('AIPA', world.scenario.seed, arn, world.iam.generations[arn] ?? 0);
    const profile = { arn, name, path, account, id, created: world.scenario.clock };
    const tagged = tagListParam(params, [], false);
    if (!tagged.ok) return tagged;
    const tags = tagged.tags;
    const events: IamEvent[] = [{ type: 'InstanceProfileCreated', data: profile }];
    if (Object.keys(tags).length > 0) events.push({ type: 'EntityTagged', data: { entity: arn, tags } });
    return { ok: true, events, response: { InstanceProfile: instanceProfileShape({ ...profile, roles: [], tags }, world) } };
  },
};

const getInstanceProfile: IamApi = {
  params: ['InstanceProfileName'],
  address: profileAddress,
  apply({ params, account, world }): IamOutcome {
    const name = text(params, 'InstanceProfileName')!;
    const profile = findByName(world, 'instance-profile', account, name);
    if (profile === null) return noSuchProfile(name, account);
    return { ok: true, events: [], response: { InstanceProfile: instanceProfileShape(profile, world) } };
  },
};

const deleteInstanceProfile: IamApi = {
  params: ['InstanceProfileName'],
  address: profileAddress,
  apply({ params, account, world }): IamOutcome {
    const name = text(params, 'InstanceProfileName')!;
    const profile = findByName(world, 'instance-profile', account, name);
    if (profile === null) return noSuchProfile(name, account);
    // IAM API Reference, DeleteInstanceProfile: "The instance profile must not have an associated role."
    if (profile.roles.length > 0) {
      return conflict(
        'Cannot delete entity, must remove roles from instance profile first.',
        `instance profile ${profile.name} holds ${profile.roles.map((r) => r.slice(r.lastIndexOf('/') + 1)).join(', ')}`,
      );
    }
    return { ok: true, events: [{ type: 'InstanceProfileDeleted', data: { arn: profile.arn } }], response: {} };
  },
};

const addRoleToInstanceProfile = roleInProfile((profile, role, request): IamOutcome => {
  // "An instance profile can contain only one role, and this quota cannot be increased."
  if (profile.roles.length > 0) {
    return {
      ok: false,
      code: 'LimitExceeded',
      message: 'Cannot exceed quota for InstanceSessionsPerInstanceProfile: 1',
      note: `instance profile ${profile.name} already holds ${profile.roles[0]}: an instance profile holds one role`,
    };
  }
  // "The caller of this operation must be granted the PassRole permission on the IAM role", and
  // iam:AssociatedResourceArn is then arn:aws:ec2:*:ACCOUNT:instance/* (IAM API Reference,
  // AddRoleToInstanceProfile); iam:PassedToService is taken to be EC2's, whose instances the profile serves
  const pass = authorizePassRole(
    {
      who: request.who,
      role: role.arn,
      service: 'ec2.amazonaws.com',
      associated: `arn:aws:ec2:*:${request.account}:instance/*`,
      region: request.region,
      stepContext: request.stepContext,
    },
    request.world,
  );
  const evaluations = pass.evaluation === null ? [] : [pass.evaluation];
  if (pass.decision !== 'Allow') {
    return { ok: false, code: 'AccessDenied', message: pass.message ?? '', note: pass.note, evaluations, decision: pass.decision };
  }
  return {
    ok: true,
    events: [{ type: 'RoleAddedToInstanceProfile', data: { profile: profile.arn, role: role.arn } }],
    response: {},
    notes: [pass.note],
    evaluations,
  };
});

const removeRoleFromInstanceProfile = roleInProfile((profile, role): IamOutcome => {
  if (!profile.roles.includes(role.arn)) {
    return {
      ok: false,
      code: 'NoSuchEntity',
      message: `The role with name ${role.name} cannot be found.`,
      note: `role ${role.name} is not in instance profile ${profile.name} (AWS does not document this message; iamsim uses its role-not-found wording)`,
    };
  }
  return {
    ok: true,
    events: [{ type: 'RoleRemovedFromInstanceProfile', data: { profile: profile.arn, role: role.arn } }],
    response: {},
  };
});

// "this operation does not return tags" (IAM API Reference, ListInstanceProfiles)
const listInstanceProfiles = listByPath(
  'InstanceProfiles',
  (world) => world.iam.instanceProfiles,
  (profile, world) => instanceProfileShape({ ...profile, tags: {} }, world),
);

const listInstanceProfilesForRole: IamApi = {
  params: ['RoleName', 'Marker', 'MaxItems'],
  address({ params, account, world }, out) {
    const name = nameParam(params, 'RoleName', 'role', out);
    pageParams(params, out);
    return { resource: resourceOf(world, 'role', account, name) };
  },
  apply({ params, account, world }): IamOutcome {
    const name = text(params, 'RoleName')!;
    const role = findByName(world, 'role', account, name);
    if (role === null) return noSuchEntity('role', name, account);
    const profiles = Object.values(world.iam.instanceProfiles).filter((p) => p.roles.includes(role.arn));
    const response = listResponse(
      profiles,
      'InstanceProfiles',
      (p) => p.name.toLowerCase(),
      params,
      (p) => instanceProfileShape(p, world),
    );
    return { ok: true, events: [], response };
  },
};

export const INSTANCE_PROFILE_APIS: Readonly<Record<string, IamApi>> = {
  CreateInstanceProfile: createInstanceProfile,
  GetInstanceProfile: getInstanceProfile,
  DeleteInstanceProfile: deleteInstanceProfile,
  AddRoleToInstanceProfile: addRoleToInstanceProfile,
  RemoveRoleFromInstanceProfile: removeRoleFromInstanceProfile,
  ListInstanceProfiles: listInstanceProfiles,
  ListInstanceProfilesForRole: listInstanceProfilesForRole,
};
