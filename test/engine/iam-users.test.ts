// IAM users, groups, tags and console passwords as IAM carries them out, given/when/then. Each
// behaviour cites the AWS page it follows: the IAM API Reference page of the action
// (https://docs.aws.amazon.com/IAM/latest/APIReference/API_<Action>.html, parameters, errors and
// response elements), the IAM User Guide "IAM and AWS STS quotas"
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html), "Tagging IAM
// resources" (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_tags.html) and "IAM identifiers"
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html). Messages AWS does not
// document are marked where they are used (src/engine/iam/api/).
import { describe, expect, it } from 'vitest';
import type { CallRecord } from '../../src/engine/call-record.js';
import type { CallerRef } from '../../src/engine/call/command.js';
import type { AnyCommand, AnyEvent } from '../../src/engine/events.js';
import type { World } from '../../src/engine/world.js';
import {
  asKept,
  asRoot,
  asUser,
  assumeRoleAs,
  callOf,
  field,
  inline,
  keep,
  managedPolicy,
  mfaDevice,
  production,
  PROD,
  role,
  roleArn,
  rootArn,
  run,
  sts,
  tagged,
  trustWith,
  user,
  userArn,
  type Param,
} from './sts-helpers.js';

const ADMIN = asUser(PROD, 'admin');
const ALICE = userArn(PROD, 'alice');
const groupArn = (name: string) => `arn:aws:iam::${PROD}:group/${name}`;
const policyArn = (name: string) => `arn:aws:iam::${PROD}:policy/${name}`;

const iam = (action: string, params: Record<string, Param> = {}, caller: CallerRef = ADMIN): AnyCommand =>
  sts(caller, `iam:${action}`, params);

/** An administrator and alice, who may do nothing. */
const admin = (...more: AnyCommand[]): World =>
  production(
    user(PROD, 'admin'),
    inline(userArn(PROD, 'admin'), 'Admin', [{ Effect: 'Allow', Action: ['iam:*', 's3:*', 'sts:AssumeRole'], Resource: '*' }]),
    user(PROD, 'alice'),
    ...more,
  );

/** Run the commands; the call record and the events of the last one, and the world after it. */
function last(world: World, ...commands: AnyCommand[]): { world: World; events: AnyEvent[]; call: CallRecord } {
  const done = run(world, ...commands);
  return { ...done, call: callOf(done.events) };
}

const types = (events: AnyEvent[]) => events.map((e) => e.type);

describe('CreateUser', () => {
  it('given an administrator, when it creates a user with a boundary and tags, then IAM records all three and answers with the User', () => {
    const w = admin(managedPolicy(PROD, 'Boundary', [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }]));
    const { call, events } = last(
      w,
      iam('CreateUser', { UserName: 'bob', Path: '/staff/', PermissionsBoundary: policyArn('Boundary'), Tags: ['team=a'] }),
    );
    expect(call.error).toBeNull();
    expect(call.resource).toBe(`arn:aws:iam::${PROD}:user/staff/bob`);
    // Service Authorization Reference: CreateUser carries iam:PermissionsBoundary and aws:RequestTag/*
    expect(call.context['iam:PermissionsBoundary']).toBe(policyArn('Boundary'));
    expect(call.context['aws:RequestTag/team']).toBe('a');
    expect(types(events)).toEqual(['RequestAllowed', 'UserCreated', 'PermissionsBoundarySet', 'EntityTagged']);
    expect(field(call, 'User.Arn')).toBe(`arn:aws:iam::${PROD}:user/staff/bob`);
    expect(String(field(call, 'User.UserId'))).toMatch(/^AIDA[A-Z2-7]{17}$/);
    expect(field(call, 'User.PermissionsBoundary.PermissionsBoundaryArn')).toBe(policyArn('Boundary'));
    expect(field(call, 'User.Tags')).toEqual([{ Key: 'team', Value: 'a' }]);
  });

  it('given a user alice, when another is created as ALICE, then EntityAlreadyExists: names do not differ by case', () => {
    const { call, events } = last(admin(), iam('CreateUser', { UserName: 'ALICE' }));
    expect(call.error).toEqual({ code: 'EntityAlreadyExists', message: 'User with name ALICE already exists.' });
    expect(types(events)).toEqual(['RequestFailed']);
  });

  it('when the name is longer than 64 characters, then ValidationError before authorization', () => {
    const name = 'u'.repeat(65);
    const { call } = last(admin(), iam('CreateUser', { UserName: name }, asUser(PROD, 'alice')));
    expect(call.error).toEqual({
      code: 'ValidationError',
      message: `1 validation error detected: Value '${name}' at 'userName' failed to satisfy constraint: Member must have length less than or equal to 64`,
    });
  });

  it('when the boundary is no managed policy, then NoSuchEntity', () => {
    const { call } = last(admin(), iam('CreateUser', { UserName: 'bob', PermissionsBoundary: policyArn('Nope') }));
    expect(call.error).toEqual({ code: 'NoSuchEntity', message: `Policy ${policyArn('Nope')} does not exist or is not attachable.` });
  });

  it('when two tags have the same key in another case, then InvalidInput and nothing is created', () => {
    const { call, events } = last(admin(), iam('CreateUser', { UserName: 'bob', Tags: ['team=a', 'Team=b'] }));
    expect(call.error).toEqual({
      code: 'InvalidInput',
      message: 'Duplicate tag keys found. Please note that Tag keys are case insensitive.',
    });
    expect(types(events)).toEqual(['RequestFailed']);
  });

  it('when it passes 51 tags, then ValidationError (tagListType has at most 50)', () => {
    const tags = Array.from({ length: 51 }, (_, i) => `k${i}=v`);
    const { call } = last(admin(), iam('CreateUser', { UserName: 'bob', Tags: tags }));
    expect(call.error?.code).toBe('ValidationError');
    expect(call.error?.message).toContain("at 'tags' failed to satisfy constraint: Member must have length less than or equal to 50");
  });
});

describe('a user deleted and created again', () => {
  it('gets a new unique ID, and its old credentials stay invalid', () => {
    const w = admin(user(PROD, 'bob'));
    const oldId = w.iam.users[userArn(PROD, 'bob')]!.id;
    const deleted = last(w, iam('DeleteUser', { UserName: 'bob' }));
    expect(types(deleted.events)).toEqual(['RequestAllowed', 'UserDeleted']);
    // a deleted user's requests: InvalidClientTokenId (src/engine/call/caller.ts)
    const asBob = last(deleted.world, sts(asUser(PROD, 'bob'), 's3:ListAllMyBuckets'));
    expect(asBob.call.error).toEqual({ code: 'InvalidClientTokenId', message: 'The security token included in the request is invalid.' });
    const again = last(deleted.world, iam('CreateUser', { UserName: 'bob' }));
    const newId = String(field(again.call, 'User.UserId'));
    // IAM User Guide "IAM identifiers": "the old IAM user John and the new IAM user John have different unique IDs"
    expect(newId).not.toBe(oldId);
    expect(again.world.iam.users[userArn(PROD, 'bob')]!.id).toBe(newId);
    expect(again.call.notes.join('\n')).toContain('iamsim keeps policies as written and matches them by ARN');
  });

  it("does not let the deleted user's GetSessionToken credentials act as anyone: InvalidClientTokenId (AWS does not document the case)", () => {
    const bob = userArn(PROD, 'bob');
    const w = admin(
      user(PROD, 'bob'),
      { type: 'CreateGroup', data: { arn: groupArn('G'), name: 'G', path: '/', account: PROD } },
      inline(groupArn('G'), 'Sts', [{ Effect: 'Allow', Action: ['sts:GetSessionToken', 's3:*'], Resource: '*' }]),
      { type: 'AddUserToGroup', data: { user: bob, group: groupArn('G') } },
    );
    const kept = keep(w, sts(asUser(PROD, 'bob'), 'GetSessionToken'), 'bob-token');
    const gone = run(kept, iam('RemoveUserFromGroup', { GroupName: 'G', UserName: 'bob' }), iam('DeleteUser', { UserName: 'bob' })).world;
    expect(gone.iam.users[bob]).toBeUndefined();
    const c = last(gone, sts(asKept('bob-token'), 's3:ListAllMyBuckets')).call;
    expect(c.error).toEqual({ code: 'InvalidClientTokenId', message: 'The security token included in the request is invalid.' });
    expect(c.decision).toBeNull();
  });

  // IAM User Guide "AWS JSON policy elements: Principal": a principal ARN is stored as its unique ID,
  // so a policy written for the deleted user does not apply to a new user of the same name
  it('is not matched by a bucket policy written for the old user: the policy now names the old unique ID', () => {
    const bucket: AnyCommand[] = [
      { type: 'CreateBucket', data: { arn: 'arn:aws:s3:::b', name: 'b', account: PROD } },
      {
        type: 'PutResourcePolicy',
        data: {
          arn: 'arn:aws:s3:::b',
          document: {
            Version: '2012-10-17',
            Statement: [
              { Effect: 'Allow', Principal: { AWS: userArn(PROD, 'bob') }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' },
            ],
          },
        },
      },
    ];
    const w = admin(user(PROD, 'bob'), ...bucket);
    const oldId = w.iam.users[userArn(PROD, 'bob')]!.id;
    const again = run(w, iam('DeleteUser', { UserName: 'bob' }), iam('CreateUser', { UserName: 'bob' })).world;
    expect(JSON.stringify(again.resources.byArn['arn:aws:s3:::b']!.policy)).toContain(`"AWS":"${oldId}"`);
    const read = last(again, {
      type: 'Call',
      data: {
        caller: asUser(PROD, 'bob'),
        action: 's3:GetObject',
        resource: 'arn:aws:s3:::b/k',
        params: {},
        context: {},
        region: 'us-east-1',
      },
    });
    expect(read.call.decision).toBe('ImplicitDeny');
  });
});

describe('GetUser', () => {
  it('given UserName, when the user exists, then the User with its tags; when not, NoSuchEntity', () => {
    const w = admin(tagged(ALICE, { team: 'a' }));
    expect(field(last(w, iam('GetUser', { UserName: 'alice' })).call, 'User.Tags')).toEqual([{ Key: 'team', Value: 'a' }]);
    expect(last(w, iam('GetUser', { UserName: 'nobody' })).call.error).toEqual({
      code: 'NoSuchEntity',
      message: 'The user with name nobody cannot be found.',
    });
  });

  it('without UserName, then it is about the IAM user that signs the request', () => {
    const { call } = last(admin(), iam('GetUser'));
    expect(call.resource).toBe(userArn(PROD, 'admin'));
    expect(field(call, 'User.UserName')).toBe('admin');
  });

  it('without UserName from a role session, then ValidationError: IAM cannot tell which user', () => {
    const trust = trustWith([{ Effect: 'Allow', Principal: { AWS: rootArn(PROD) }, Action: 'sts:AssumeRole' }]);
    const w = admin(
      role(PROD, 'ops', trust),
      inline(roleArn(PROD, 'ops'), 'Read', [{ Effect: 'Allow', Action: 'iam:GetUser', Resource: '*' }]),
    );
    const kept = keep(w, assumeRoleAs(ADMIN, roleArn(PROD, 'ops'), 'admin')({}), 's');
    expect(last(kept, iam('GetUser', {}, asKept('s'))).call.error).toEqual({
      code: 'ValidationError',
      message: 'Must specify userName when calling with non-User credentials',
    });
  });

  it('without UserName from the root user, then the root user itself, with its account ID as UserId', () => {
    const { call } = last(admin(), iam('GetUser', {}, asRoot(PROD)));
    expect(call.response).toEqual({ User: { UserId: PROD, Arn: rootArn(PROD), CreateDate: '2026-01-01T09:00:00Z' } });
  });
});

describe("DeleteUser: what must go first (IAM API Reference, DeleteUser's list, in its order)", () => {
  const bob = userArn(PROD, 'bob');
  const conflict = (w: World) => last(w, iam('DeleteUser', { UserName: 'bob' })).call.error;

  it('a console password before an access key', () => {
    const w = run(
      admin(user(PROD, 'bob'), { type: 'CreateAccessKey', data: { user: bob } }),
      iam('CreateLoginProfile', { UserName: 'bob', Password: 'Pa55-word!' }),
    ).world;
    expect(conflict(w)).toEqual({ code: 'DeleteConflict', message: 'Cannot delete entity, must delete login profile first.' });
  });

  it('an access key', () => {
    expect(conflict(admin(user(PROD, 'bob'), { type: 'CreateAccessKey', data: { user: bob } }))).toEqual({
      code: 'DeleteConflict',
      message: 'Cannot delete entity, must delete access keys first.',
    });
  });

  it('an MFA device before an inline policy', () => {
    const w = admin(
      user(PROD, 'bob'),
      mfaDevice(PROD, 'bob', 'bob-token', null),
      inline(bob, 'P', [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }]),
    );
    expect(conflict(w)).toEqual({ code: 'DeleteConflict', message: 'Cannot delete entity, must delete MFA device first.' });
  });

  it('an inline policy before an attached one', () => {
    const w = admin(
      user(PROD, 'bob'),
      inline(bob, 'P', [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }]),
      managedPolicy(PROD, 'M', [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }]),
      { type: 'AttachPolicy', data: { entity: bob, policy: policyArn('M') } },
    );
    expect(conflict(w)).toEqual({ code: 'DeleteConflict', message: 'Cannot delete entity, must delete policies first.' });
  });

  it('an attached policy before a group membership', () => {
    const w = admin(
      user(PROD, 'bob'),
      managedPolicy(PROD, 'M', [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }]),
      { type: 'AttachPolicy', data: { entity: bob, policy: policyArn('M') } },
      { type: 'CreateGroup', data: { arn: groupArn('G'), name: 'G', path: '/', account: PROD } },
      { type: 'AddUserToGroup', data: { user: bob, group: groupArn('G') } },
    );
    expect(conflict(w)).toEqual({ code: 'DeleteConflict', message: 'Cannot delete entity, must detach all policies first.' });
  });

  it('a group membership', () => {
    const w = admin(
      user(PROD, 'bob'),
      { type: 'CreateGroup', data: { arn: groupArn('G'), name: 'G', path: '/', account: PROD } },
      { type: 'AddUserToGroup', data: { user: bob, group: groupArn('G') } },
    );
    expect(conflict(w)).toEqual({ code: 'DeleteConflict', message: 'Cannot delete entity, must remove users from group first.' });
  });

  it('an unknown user: NoSuchEntity', () => {
    expect(conflict(admin())).toEqual({ code: 'NoSuchEntity', message: 'The user with name bob cannot be found.' });
  });
});

describe('ListUsers', () => {
  it("lists the account's users under PathPrefix by name, without tags, a page at a time", () => {
    const w = run(
      admin(tagged(ALICE, { team: 'a' })),
      iam('CreateUser', { UserName: 'Carol', Path: '/staff/' }),
      iam('CreateUser', { UserName: 'bob', Path: '/staff/' }),
    ).world;
    const all = last(w, iam('ListUsers')).call.response as { Users: { UserName: string; Tags?: unknown }[] };
    expect(all.Users.map((u) => u.UserName)).toEqual(['admin', 'alice', 'bob', 'Carol']);
    expect(all.Users.every((u) => u.Tags === undefined)).toBe(true);
    const staff = last(w, iam('ListUsers', { PathPrefix: '/staff/', MaxItems: '1' })).call.response as Record<string, unknown>;
    expect(staff['Users']).toHaveLength(1);
    expect(staff['IsTruncated']).toBe(true);
    const next = last(w, iam('ListUsers', { PathPrefix: '/staff/', Marker: String(staff['Marker']) })).call.response as {
      Users: { UserName: string }[];
      IsTruncated: boolean;
    };
    expect(next.Users.map((u) => u.UserName)).toEqual(['Carol']);
    expect(next.IsTruncated).toBe(false);
  });

  it('is authorized on * (it has no resource type), and MaxItems 0 is a ValidationError', () => {
    expect(last(admin(), iam('ListUsers')).call.resource).toBe('*');
    expect(last(admin(), iam('ListUsers', { MaxItems: '0' })).call.error?.code).toBe('ValidationError');
  });
});

describe('groups', () => {
  const withGroup = (...more: AnyCommand[]) => run(admin(), iam('CreateGroup', { GroupName: 'Admins' }), ...more).world;

  it('CreateGroup answers the Group; a second of the same name is EntityAlreadyExists', () => {
    const { call } = last(admin(), iam('CreateGroup', { GroupName: 'Admins', Path: '/ops/' }));
    expect(field(call, 'Group.Arn')).toBe(`arn:aws:iam::${PROD}:group/ops/Admins`);
    expect(String(field(call, 'Group.GroupId'))).toMatch(/^AGPA/);
    expect(last(withGroup(), iam('CreateGroup', { GroupName: 'admins' })).call.error).toEqual({
      code: 'EntityAlreadyExists',
      message: 'Group with name admins already exists.',
    });
  });

  it('a member gets the group\'s policy on its next request (IAM User Guide "IAM user groups")', () => {
    // the group's policy is declared (PutGroupPolicy is not this part's API)
    const before = withGroup(inline(groupArn('Admins'), 'S3', [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }]));
    const list = sts(asUser(PROD, 'alice'), 's3:ListAllMyBuckets');
    expect(last(before, list).call.decision).toBe('ImplicitDeny');
    const added = last(before, iam('AddUserToGroup', { GroupName: 'Admins', UserName: 'alice' }));
    expect(types(added.events)).toEqual(['RequestAllowed', 'UserAddedToGroup']);
    // AddUserToGroup is authorized on the group (Service Authorization Reference)
    expect(added.call.resource).toBe(groupArn('Admins'));
    expect(last(added.world, list).call.decision).toBe('Allow');
    const group = last(added.world, iam('GetGroup', { GroupName: 'Admins' })).call;
    expect((group.response as { Users: { UserName: string }[] }).Users.map((u) => u.UserName)).toEqual(['alice']);
    const groups = last(added.world, iam('ListGroupsForUser', { UserName: 'alice' })).call;
    expect((groups.response as { Groups: { GroupName: string }[] }).Groups.map((g) => g.GroupName)).toEqual(['Admins']);
  });

  it('AddUserToGroup of an unknown user or group: NoSuchEntity; of a member again: nothing changes', () => {
    expect(last(withGroup(), iam('AddUserToGroup', { GroupName: 'Admins', UserName: 'nobody' })).call.error?.message).toBe(
      'The user with name nobody cannot be found.',
    );
    expect(last(withGroup(), iam('AddUserToGroup', { GroupName: 'Nope', UserName: 'alice' })).call.error).toEqual({
      code: 'NoSuchEntity',
      message: 'The group with name Nope cannot be found.',
    });
    const twice = last(
      withGroup(iam('AddUserToGroup', { GroupName: 'Admins', UserName: 'alice' })),
      iam('AddUserToGroup', { GroupName: 'Admins', UserName: 'alice' }),
    );
    expect(types(twice.events)).toEqual(['RequestAllowed']);
  });

  it('the eleventh group of a user: LimitExceeded (10 groups per user)', () => {
    const w = run(
      admin(),
      ...Array.from({ length: 11 }, (_, i) => iam('CreateGroup', { GroupName: `g${i}` })),
      ...Array.from({ length: 10 }, (_, i) => iam('AddUserToGroup', { GroupName: `g${i}`, UserName: 'alice' })),
    ).world;
    expect(w.iam.users[ALICE]!.groups).toHaveLength(10);
    expect(last(w, iam('AddUserToGroup', { GroupName: 'g10', UserName: 'alice' })).call.error).toEqual({
      code: 'LimitExceeded',
      message: 'Cannot exceed quota for GroupsPerUser: 10',
    });
  });

  it('RemoveUserFromGroup of a user not in it: NoSuchEntity; of a member: removed', () => {
    expect(last(withGroup(), iam('RemoveUserFromGroup', { GroupName: 'Admins', UserName: 'alice' })).call.error?.code).toBe('NoSuchEntity');
    const w = withGroup(iam('AddUserToGroup', { GroupName: 'Admins', UserName: 'alice' }));
    const removed = last(w, iam('RemoveUserFromGroup', { GroupName: 'Admins', UserName: 'alice' }));
    expect(types(removed.events)).toEqual(['RequestAllowed', 'UserRemovedFromGroup']);
    expect(removed.world.iam.users[ALICE]!.groups).toEqual([]);
  });

  it('DeleteGroup: members, then inline, then attached policies block it; then it goes', () => {
    const member = withGroup(iam('AddUserToGroup', { GroupName: 'Admins', UserName: 'alice' }));
    const del = iam('DeleteGroup', { GroupName: 'Admins' });
    expect(last(member, del).call.error).toEqual({
      code: 'DeleteConflict',
      message: 'Cannot delete entity, must remove users from group first.',
    });
    const withInline = run(withGroup(), inline(groupArn('Admins'), 'P', [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }])).world;
    expect(last(withInline, del).call.error?.message).toBe('Cannot delete entity, must delete policies first.');
    const attached = run(withGroup(), managedPolicy(PROD, 'M', [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }]), {
      type: 'AttachPolicy',
      data: { entity: groupArn('Admins'), policy: policyArn('M') },
    }).world;
    expect(last(attached, del).call.error?.message).toBe('Cannot delete entity, must detach all policies first.');
    expect(types(last(withGroup(), del).events)).toEqual(['RequestAllowed', 'GroupDeleted']);
    expect(last(admin(), del).call.error).toEqual({ code: 'NoSuchEntity', message: 'The group with name Admins cannot be found.' });
  });
});

describe('tags of users and roles', () => {
  it('a tag whose key differs only by case replaces the old one ("Tagging IAM resources"); ListUserTags sorts by key', () => {
    const w = admin(tagged(ALICE, { Department: 'finance', b: '1' }));
    const done = last(w, iam('TagUser', { UserName: 'alice', Tags: ['department=hr'] }));
    expect(done.world.iam.users[ALICE]!.tags).toEqual({ b: '1', department: 'hr' });
    const listed = last(done.world, iam('ListUserTags', { UserName: 'alice' })).call.response;
    expect(listed).toEqual({
      Tags: [
        { Key: 'b', Value: '1' },
        { Key: 'department', Value: 'hr' },
      ],
      IsTruncated: false,
    });
  });

  it('more than 50 tags on the user in all: LimitExceeded, and no tag is added', () => {
    const fifty = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, 'v']));
    const w = admin(tagged(ALICE, fifty));
    const { call, events } = last(w, iam('TagUser', { UserName: 'alice', Tags: ['extra=1'] }));
    expect(call.error).toEqual({ code: 'LimitExceeded', message: 'Cannot exceed quota for TagsPerUser: 50' });
    expect(types(events)).toEqual(['RequestFailed']);
    // replacing an existing key adds none
    expect(last(w, iam('TagUser', { UserName: 'alice', Tags: ['K0=w'] })).call.error).toBeNull();
  });

  it('UntagUser removes a key in any case; a key it does not have changes nothing', () => {
    const w = admin(tagged(ALICE, { Team: 'a' }));
    const done = last(w, iam('UntagUser', { UserName: 'alice', TagKeys: ['team', 'absent'] }));
    expect(done.events[1]).toEqual({ type: 'EntityUntagged', data: { entity: ALICE, keys: ['Team'] } });
    expect(done.world.iam.users[ALICE]!.tags).toEqual({});
    expect(types(last(done.world, iam('UntagUser', { UserName: 'alice', TagKeys: ['team'] })).events)).toEqual(['RequestAllowed']);
  });

  it('TagRole, UntagRole and ListRoleTags act on a role; an unknown role is NoSuchEntity', () => {
    const trust = trustWith([{ Effect: 'Allow', Principal: { AWS: rootArn(PROD) }, Action: 'sts:AssumeRole' }]);
    const w = admin(role(PROD, 'ops', trust));
    const tagged1 = last(w, iam('TagRole', { RoleName: 'ops', Tags: ['env=prod'] }));
    expect(tagged1.call.resource).toBe(roleArn(PROD, 'ops'));
    expect(last(tagged1.world, iam('ListRoleTags', { RoleName: 'ops' })).call.response).toEqual({
      Tags: [{ Key: 'env', Value: 'prod' }],
      IsTruncated: false,
    });
    const untagged = last(tagged1.world, iam('UntagRole', { RoleName: 'ops', TagKeys: ['env'] }));
    expect(untagged.world.iam.roles[roleArn(PROD, 'ops')]!.tags).toEqual({});
    expect(last(w, iam('TagRole', { RoleName: 'nope', Tags: ['a=b'] })).call.error).toEqual({
      code: 'NoSuchEntity',
      message: 'The role with name nope cannot be found.',
    });
  });

  it('TagUser without Tags, or with a reserved aws: key: ValidationError', () => {
    expect(last(admin(), iam('TagUser', { UserName: 'alice' })).call.error?.message).toBe(
      "1 validation error detected: Value null at 'tags' failed to satisfy constraint: Member must not be null",
    );
    expect(last(admin(), iam('TagUser', { UserName: 'alice', Tags: ['aws:x=1'] })).call.error?.code).toBe('ValidationError');
  });
});

describe('console passwords (login profiles)', () => {
  it('CreateLoginProfile records only whether the password must be reset: never the password', () => {
    const { call, events } = last(
      admin(),
      iam('CreateLoginProfile', { UserName: 'alice', Password: 'Pa55-word!', PasswordResetRequired: 'true' }),
    );
    expect(call.response).toEqual({ LoginProfile: { UserName: 'alice', CreateDate: '2026-01-01T09:00:00Z', PasswordResetRequired: true } });
    expect(call.params['Password']).toBe('<hidden>');
    expect(JSON.stringify(events)).not.toContain('Pa55-word!');
    expect(events[1]).toEqual({
      type: 'LoginProfileCreated',
      data: { user: ALICE, passwordResetRequired: true, created: '2026-01-01T09:00:00Z' },
    });
  });

  it('a second CreateLoginProfile: EntityAlreadyExists; without Password: ValidationError, and the password is not echoed', () => {
    const w = run(admin(), iam('CreateLoginProfile', { UserName: 'alice', Password: 'Pa55-word!' })).world;
    expect(last(w, iam('CreateLoginProfile', { UserName: 'alice', Password: 'x' })).call.error).toEqual({
      code: 'EntityAlreadyExists',
      message: 'Login Profile for user alice already exists.',
    });
    expect(last(admin(), iam('CreateLoginProfile', { UserName: 'alice' })).call.error?.message).toBe(
      "1 validation error detected: Value null at 'password' failed to satisfy constraint: Member must not be null",
    );
    const long = 'p'.repeat(129);
    const tooLong = last(admin(), iam('CreateLoginProfile', { UserName: 'alice', Password: long })).call;
    expect(tooLong.error?.code).toBe('ValidationError');
    expect(tooLong.error?.message).not.toContain(long);
  });

  it('Get, Update and Delete of a user without a password: NoSuchEntity', () => {
    const message = 'Login Profile for User alice cannot be found.';
    expect(last(admin(), iam('GetLoginProfile', { UserName: 'alice' })).call.error).toEqual({ code: 'NoSuchEntity', message });
    expect(last(admin(), iam('UpdateLoginProfile', { UserName: 'alice', Password: 'n3w-Pass!' })).call.error?.message).toBe(message);
    expect(last(admin(), iam('DeleteLoginProfile', { UserName: 'alice' })).call.error?.message).toBe(message);
  });

  it('UpdateLoginProfile changes the reset flag; DeleteLoginProfile removes the password, after which the user can be deleted', () => {
    const w = run(admin(), iam('CreateLoginProfile', { UserName: 'alice', Password: 'Pa55-word!' })).world;
    const updated = last(w, iam('UpdateLoginProfile', { UserName: 'alice', Password: 'n3w-Pass!', PasswordResetRequired: 'true' }));
    expect(updated.events[1]).toEqual({ type: 'LoginProfileUpdated', data: { user: ALICE, passwordResetRequired: true } });
    expect(field(last(updated.world, iam('GetLoginProfile', { UserName: 'alice' })).call, 'LoginProfile.PasswordResetRequired')).toBe(true);
    const gone = last(updated.world, iam('DeleteLoginProfile', { UserName: 'alice' }));
    expect(types(gone.events)).toEqual(['RequestAllowed', 'LoginProfileDeleted']);
    expect(types(last(gone.world, iam('DeleteUser', { UserName: 'alice' })).events)).toEqual(['RequestAllowed', 'UserDeleted']);
  });

  it('without UserName, the call is about the IAM user that signs it', () => {
    const w = admin(inline(ALICE, 'Own', [{ Effect: 'Allow', Action: 'iam:*LoginProfile', Resource: ALICE }]));
    const { call } = last(w, iam('CreateLoginProfile', { Password: 'Pa55-word!' }, asUser(PROD, 'alice')));
    expect(call.resource).toBe(ALICE);
    expect(field(call, 'LoginProfile.UserName')).toBe('alice');
  });
});
