// Instance profiles and the role reads, given/when/then (IAM API Reference: CreateInstanceProfile,
// GetInstanceProfile, DeleteInstanceProfile, AddRoleToInstanceProfile, RemoveRoleFromInstanceProfile,
// ListInstanceProfiles, ListInstanceProfilesForRole, ListRoles,
// https://docs.aws.amazon.com/IAM/latest/APIReference/API_AddRoleToInstanceProfile.html …). The
// errors' texts are the ones AWS was observed to answer (docs/aws-rules.md, "IAM calls").
import { describe, expect, it } from 'vitest';
import { uniqueId } from '../../src/engine/ids.js';
import { evolve } from '../../src/engine/run.js';
import type { World } from '../../src/engine/world.js';
import {
  asUser,
  field,
  inline,
  outcome,
  production,
  PROD,
  role,
  rootArn,
  run,
  sts,
  trustWith,
  user,
  userArn,
  type Param,
} from './sts-helpers.js';

const ADMIN = asUser(PROD, 'admin');
const PROFILE = `arn:aws:iam::${PROD}:instance-profile/web`;
const trust = trustWith([{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }]);

const world = (): World =>
  production(
    user(PROD, 'admin'),
    inline(userArn(PROD, 'admin'), 'Admin', [{ Effect: 'Allow', Action: 'iam:*', Resource: '*' }]),
    role(PROD, 'web-role', trust),
    role(PROD, 'batch', trust, 3600, '/jobs/'),
    role(
      PROD,
      'AWSServiceRoleForSupport',
      trustWith([{ Effect: 'Allow', Principal: { AWS: rootArn(PROD) }, Action: 'sts:AssumeRole' }]),
      3600,
      '/aws-service-role/support.amazonaws.com/',
    ),
  );

const iam = (action: string, params: Record<string, Param> = {}) => sts(ADMIN, `iam:${action}`, params);
const withProfile = () => run(world(), iam('CreateInstanceProfile', { InstanceProfileName: 'web' })).world;
const withRole = () => run(withProfile(), iam('AddRoleToInstanceProfile', { InstanceProfileName: 'web', RoleName: 'web-role' })).world;

describe('CreateInstanceProfile', () => {
  it('given a name, path and tags, then an AIPA unique ID, no role, and the tags, authorized on the new ARN with aws:RequestTag', () => {
    const { world: w, events } = run(
      world(),
      iam('CreateInstanceProfile', { InstanceProfileName: 'web', Path: '/app/', Tags: ['team=a'] }),
    );
    const arn = `arn:aws:iam::${PROD}:instance-profile/app/web`;
    expect(events.map((e) => e.type)).toEqual(['RequestAllowed', 'InstanceProfileCreated', 'EntityTagged']);
    const c = (events[0]!.data as { call: import('../../src/engine/call-record.js').CallRecord }).call;
    expect(c.resource).toBe(arn);
    expect(c.response).toEqual({
      InstanceProfile: {
        Path: '/app/',
        InstanceProfileName: 'web',
        InstanceProfileId: uniqueId('AIPA', 'test', arn),
        Arn: arn,
        CreateDate: '2026-01-01T09:00:00Z',
        Roles: [],
        Tags: [{ Key: 'team', Value: 'a' }],
      },
    });
    expect(w.iam.instanceProfiles[arn]!.tags).toEqual({ team: 'a' });
  });

  it('given a profile of that name (in any case), then EntityAlreadyExists', () => {
    expect(outcome(withProfile(), iam('CreateInstanceProfile', { InstanceProfileName: 'WEB' })).error).toEqual({
      code: 'EntityAlreadyExists',
      message: 'Instance Profile WEB already exists.',
    });
  });

  it('given one deleted and created again, then a new unique ID', () => {
    let w = run(withProfile(), iam('DeleteInstanceProfile', { InstanceProfileName: 'web' })).world;
    w = run(w, iam('CreateInstanceProfile', { InstanceProfileName: 'web' })).world;
    expect(w.iam.instanceProfiles[PROFILE]!.id).toBe(uniqueId('AIPA', 'test', PROFILE, 1));
    expect(w.iam.instanceProfiles[PROFILE]!.id).not.toBe(uniqueId('AIPA', 'test', PROFILE));
  });

  it('given a bad path, then ValidationError', () => {
    expect(outcome(world(), iam('CreateInstanceProfile', { InstanceProfileName: 'web', Path: 'app' })).error?.message).toContain(
      "Value 'app' at 'path' failed to satisfy constraint",
    );
  });
});

describe('AddRoleToInstanceProfile and RemoveRoleFromInstanceProfile', () => {
  it('given an empty profile, when a role is added, then iam:PassRole is decided too, and GetInstanceProfile lists the role', () => {
    const { world: w, events } = run(withProfile(), iam('AddRoleToInstanceProfile', { InstanceProfileName: 'web', RoleName: 'web-role' }));
    expect(events.map((e) => e.type)).toEqual(['RequestAllowed', 'RoleAddedToInstanceProfile']);
    const c = (events[0]!.data as { call: import('../../src/engine/call-record.js').CallRecord }).call;
    expect(c.resource).toBe(PROFILE);
    expect(c.evaluations.map((e) => e.action)).toEqual(['iam:AddRoleToInstanceProfile', 'iam:PassRole']);
    // IAM API Reference, AddRoleToInstanceProfile: iam:AssociatedResourceArn is arn:aws:ec2:*:ACCOUNT:instance/*
    expect(c.notes.join(' ')).toContain(`iam:AssociatedResourceArn="arn:aws:ec2:*:${PROD}:instance/*"`);
    const got = outcome(w, iam('GetInstanceProfile', { InstanceProfileName: 'web' }));
    expect((field(got, 'InstanceProfile.Roles') as { RoleName: string }[]).map((r) => r.RoleName)).toEqual(['web-role']);
  });

  it('given a caller that may add roles to profiles but not pass this one, then AccessDenied for iam:PassRole and no change', () => {
    const w = run(
      production(
        user(PROD, 'ops'),
        inline(userArn(PROD, 'ops'), 'Profiles', [
          { Effect: 'Allow', Action: ['iam:CreateInstanceProfile', 'iam:AddRoleToInstanceProfile'], Resource: '*' },
          {
            Effect: 'Allow',
            Action: 'iam:PassRole',
            Resource: '*',
            Condition: { StringEquals: { 'iam:PassedToService': 'lambda.amazonaws.com' } },
          },
        ]),
        role(PROD, 'web-role', trust),
      ),
      sts(asUser(PROD, 'ops'), 'iam:CreateInstanceProfile', { InstanceProfileName: 'web' }),
    ).world;
    const { events } = run(
      w,
      sts(asUser(PROD, 'ops'), 'iam:AddRoleToInstanceProfile', { InstanceProfileName: 'web', RoleName: 'web-role' }),
    );
    expect(events.map((e) => e.type)).toEqual(['RequestDenied']);
    const c = (events[0]!.data as { call: import('../../src/engine/call-record.js').CallRecord }).call;
    expect(c.error?.message).toBe(
      `User: arn:aws:iam::${PROD}:user/ops is not authorized to perform: iam:PassRole on resource: arn:aws:iam::${PROD}:role/web-role because no identity-based policy allows the iam:PassRole action`,
    );
  });

  it('given a profile that holds a role, when another is added, then LimitExceeded: one role per profile', () => {
    expect(outcome(withRole(), iam('AddRoleToInstanceProfile', { InstanceProfileName: 'web', RoleName: 'batch' })).error).toEqual({
      code: 'LimitExceeded',
      message: 'Cannot exceed quota for InstanceSessionsPerInstanceProfile: 1',
    });
  });

  it('given a service-linked role, then UnmodifiableEntity', () => {
    const c = outcome(withProfile(), iam('AddRoleToInstanceProfile', { InstanceProfileName: 'web', RoleName: 'AWSServiceRoleForSupport' }));
    expect(c.error?.code).toBe('UnmodifiableEntity');
  });

  it('given unknown names, then NoSuchEntity with IAM’s wording for each', () => {
    expect(outcome(world(), iam('AddRoleToInstanceProfile', { InstanceProfileName: 'nope', RoleName: 'web-role' })).error).toEqual({
      code: 'NoSuchEntity',
      message: 'Instance Profile nope cannot be found.',
    });
    expect(outcome(withProfile(), iam('AddRoleToInstanceProfile', { InstanceProfileName: 'web', RoleName: 'nope' })).error).toEqual({
      code: 'NoSuchEntity',
      message: 'The role with name nope cannot be found.',
    });
    expect(
      outcome(withProfile(), iam('RemoveRoleFromInstanceProfile', { InstanceProfileName: 'web', RoleName: 'web-role' })).error?.code,
    ).toBe('NoSuchEntity');
  });

  it('given a profile with its role, when the role is removed, then the profile is empty again', () => {
    const w = run(withRole(), iam('RemoveRoleFromInstanceProfile', { InstanceProfileName: 'web', RoleName: 'web-role' })).world;
    expect(w.iam.instanceProfiles[PROFILE]!.roles).toEqual([]);
  });
});

describe('DeleteInstanceProfile, and DeleteRole of a role in a profile', () => {
  it('given a profile that holds a role, then both deletions are DeleteConflict', () => {
    const message = 'Cannot delete entity, must remove roles from instance profile first.';
    expect(outcome(withRole(), iam('DeleteInstanceProfile', { InstanceProfileName: 'web' })).error).toEqual({
      code: 'DeleteConflict',
      message,
    });
    expect(outcome(withRole(), iam('DeleteRole', { RoleName: 'web-role' })).error).toEqual({ code: 'DeleteConflict', message });
  });

  it('given an unknown profile, then NoSuchEntity', () => {
    expect(outcome(world(), iam('GetInstanceProfile', { InstanceProfileName: 'nope' })).error?.message).toBe(
      'Instance Profile nope cannot be found.',
    );
  });
});

describe('ListInstanceProfiles, ListInstanceProfilesForRole, ListRoles', () => {
  it('given a profile with a role, then each list shows the world as it is', () => {
    const w = withRole();
    expect(field(outcome(w, iam('ListInstanceProfiles')), 'InstanceProfiles')).toHaveLength(1);
    expect(field(outcome(w, iam('ListInstanceProfiles', { PathPrefix: '/other/' })), 'InstanceProfiles')).toEqual([]);
    const forRole = outcome(w, iam('ListInstanceProfilesForRole', { RoleName: 'web-role' }));
    expect(forRole.resource).toBe(`arn:aws:iam::${PROD}:role/web-role`);
    expect((field(forRole, 'InstanceProfiles') as { InstanceProfileName: string }[]).map((p) => p.InstanceProfileName)).toEqual(['web']);
    expect(field(outcome(w, iam('ListInstanceProfilesForRole', { RoleName: 'batch' })), 'InstanceProfiles')).toEqual([]);
    expect(outcome(w, iam('ListInstanceProfilesForRole', { RoleName: 'nope' })).error?.code).toBe('NoSuchEntity');
  });

  it('ListInstanceProfiles and ListRoles leave out the tags (and a role’s boundary), as their API pages say', () => {
    const w = run(world(), iam('CreateInstanceProfile', { InstanceProfileName: 'web', Tags: ['team=a'] })).world;
    const [profile] = field(outcome(w, iam('ListInstanceProfiles')), 'InstanceProfiles') as Record<string, unknown>[];
    expect(profile).not.toHaveProperty('Tags');
    expect(field(outcome(w, iam('GetInstanceProfile', { InstanceProfileName: 'web' })), 'InstanceProfile.Tags')).toEqual([
      { Key: 'team', Value: 'a' },
    ]);
    const tagged = run(
      w,
      iam('CreateRole', { RoleName: 'tagged', AssumeRolePolicyDocument: JSON.stringify(trust), Tags: ['team=a'] }),
    ).world;
    const roles = field(outcome(tagged, iam('ListRoles')), 'Roles') as Record<string, unknown>[];
    expect(roles.find((r) => r['RoleName'] === 'tagged')).not.toHaveProperty('Tags');
  });

  it('ListRoles is authorized on * and filters by PathPrefix, names in alphabetical order whatever their case', () => {
    const all = outcome(world(), iam('ListRoles'));
    expect(all.resource).toBe('*');
    expect((field(all, 'Roles') as { RoleName: string }[]).map((r) => r.RoleName)).toEqual([
      'AWSServiceRoleForSupport',
      'batch',
      'web-role',
    ]);
    const jobs = outcome(world(), iam('ListRoles', { PathPrefix: '/jobs/' }));
    expect((field(jobs, 'Roles') as { RoleName: string }[]).map((r) => r.RoleName)).toEqual(['batch']);
    expect(outcome(world(), iam('ListRoles', { PathPrefix: 'jobs' })).error?.code).toBe('ValidationError');
    expect(outcome(world(), iam('ListRoles', { MaxItems: '0' })).error?.code).toBe('ValidationError');
  });
});

describe('bad input and quotas', () => {
  it('given Tags of the wrong shape, or too long a name, then ValidationError and nothing is created', () => {
    const tags = run(world(), iam('CreateInstanceProfile', { InstanceProfileName: 'web', Tags: { json: 'team' } }));
    expect(tags.events.map((e) => e.type)).toEqual(['RequestFailed']);
    const long = outcome(world(), iam('CreateInstanceProfile', { InstanceProfileName: 'x'.repeat(129) }));
    expect(long.error?.message).toContain(
      "at 'instanceProfileName' failed to satisfy constraint: Member must have length less than or equal to 128",
    );
  });

  it('given 1000 instance profiles in the account, then LimitExceeded: InstanceProfilesPerAccount', () => {
    let w = world();
    for (let i = 0; i < 1000; i++) {
      const arn = `arn:aws:iam::${PROD}:instance-profile/p${i}`;
      w = evolve(w, { type: 'InstanceProfileCreated', data: { arn, name: `p${i}`, path: '/', account: PROD, id: `AIPA${i}` } });
    }
    expect(outcome(w, iam('CreateInstanceProfile', { InstanceProfileName: 'web' })).error).toEqual({
      code: 'LimitExceeded',
      message: 'Cannot exceed quota for InstanceProfilesPerAccount: 1000',
    });
  });

  it('given an empty profile, when it is deleted, then it is gone and GetInstanceProfile answers NoSuchEntity', () => {
    const { world: w, events } = run(withProfile(), iam('DeleteInstanceProfile', { InstanceProfileName: 'web' }));
    expect(events.map((e) => e.type)).toEqual(['RequestAllowed', 'InstanceProfileDeleted']);
    expect(outcome(w, iam('GetInstanceProfile', { InstanceProfileName: 'web' })).error?.code).toBe('NoSuchEntity');
  });
});
