// IAM carries out CreateRole, GetRole and DeleteRole (IAM API Reference, "CreateRole", "GetRole",
// "DeleteRole", https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateRole.html …): validated
// before authorization, authorized on the role's ARN, then IAM's own errors or the change.
import { describe, expect, it } from 'vitest';
import type { AnyCommand, AnyEvent } from '../../src/engine/events.js';
import { evolve } from '../../src/engine/run.js';
import {
  asKept,
  asUser,
  bucketWithPolicy,
  callOf,
  inline,
  keep,
  outcome,
  production,
  PROD,
  role,
  roleArn,
  run,
  sts,
  trustAccount,
  trustWith,
  user,
  userArn,
  type Param,
} from './sts-helpers.js';
import { when } from './given.js';

const admin = [user(PROD, 'admin'), inline(userArn(PROD, 'admin'), 'Admin', [{ Effect: 'Allow', Action: '*', Resource: '*' }])];
const iam = (action: string, params: Record<string, Param>): AnyCommand => sts(asUser(PROD, 'admin'), `iam:${action}`, params);
const trust = { json: trustAccount(PROD) };

describe('CreateRole', () => {
  it('given a valid request, then the role exists with a role ID and the response is the Role element', () => {
    const w = production(...admin);
    const events = when(w, iam('CreateRole', { RoleName: 'app', Path: '/svc/', AssumeRolePolicyDocument: trust, Tags: ['team=a'] }));
    expect(events.map((e) => e.type)).toEqual(['RequestAllowed', 'RoleCreated', 'EntityTagged']);
    const created = events[1]!.data as { arn: string; id: string };
    expect(created.arn).toBe(`arn:aws:iam::${PROD}:role/svc/app`);
    expect(created.id).toMatch(/^AROA[A-Z2-7]{17}$/);
    const response = callOf(events).response as { Role: Record<string, unknown> };
    expect(response.Role).toMatchObject({ RoleName: 'app', Path: '/svc/', Arn: created.arn, RoleId: created.id, MaxSessionDuration: 3600 });
    // IAM returns the trust policy URL-encoded
    expect(decodeURIComponent(response.Role['AssumeRolePolicyDocument'] as string)).toBe(JSON.stringify(trustAccount(PROD)));
  });

  it('given a role of that name in any case, then EntityAlreadyExists (role names are unique case-insensitively)', () => {
    const w = production(...admin, role(PROD, 'App', trustAccount(PROD)));
    const c = outcome(w, iam('CreateRole', { RoleName: 'app', AssumeRolePolicyDocument: trust }));
    expect(c.error).toEqual({ code: 'EntityAlreadyExists', message: 'Role with name app already exists.' });
  });

  it('given a name outside roleNameType, then ValidationError before any policy is read', () => {
    const c = outcome(production(user(PROD, 'admin')), iam('CreateRole', { RoleName: 'a b', AssumeRolePolicyDocument: trust }));
    expect(c.error?.code).toBe('ValidationError');
    expect(c.evaluations).toEqual([]);
  });

  it('given a trust policy IAM would not store, then MalformedPolicyDocument and the trace says where', () => {
    const bad = { json: trustWith([{ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'sts:AssumeRole', Resource: '*' }]) };
    const c = outcome(production(...admin), iam('CreateRole', { RoleName: 'app', AssumeRolePolicyDocument: bad }));
    expect(c.error?.code).toBe('MalformedPolicyDocument');
    expect(c.notes.at(-1)).toMatch(/^the trust policy \(AssumeRolePolicyDocument\) is not valid at Statement\.0/);
  });

  it('given a caller without iam:CreateRole, then AccessDenied on the ARN the role would have, and nothing is created', () => {
    const events = when(
      production(user(PROD, 'bob')),
      sts(asUser(PROD, 'bob'), 'iam:CreateRole', { RoleName: 'x', AssumeRolePolicyDocument: trust }),
    );
    expect(events.map((e) => e.type)).toEqual(['RequestDenied']);
    expect(callOf(events).resource).toBe(`arn:aws:iam::${PROD}:role/x`);
  });
});

describe('DeleteRole', () => {
  const withRole = (...more: AnyCommand[]) => production(...admin, role(PROD, 'app', trustAccount(PROD)), ...more);

  it('given an inline policy, then DeleteConflict until it is deleted', () => {
    const c = outcome(
      withRole(inline(roleArn(PROD, 'app'), 'p', [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }])),
      iam('DeleteRole', { RoleName: 'app' }),
    );
    expect(c.error).toEqual({ code: 'DeleteConflict', message: 'Cannot delete entity, must delete policies first.' });
  });

  it('given a role in an instance profile, then DeleteConflict', () => {
    const profile = `arn:aws:iam::${PROD}:instance-profile/web`;
    const changes: AnyEvent[] = [
      { type: 'InstanceProfileCreated', data: { arn: profile, name: 'web', path: '/', account: PROD, id: 'AIPAEXAMPLEEXAMPLE1' } },
      { type: 'RoleAddedToInstanceProfile', data: { profile, role: roleArn(PROD, 'app') } },
    ];
    const w = changes.reduce(evolve, withRole());
    const c = outcome(w, iam('DeleteRole', { RoleName: 'app' }));
    expect(c.error).toEqual({ code: 'DeleteConflict', message: 'Cannot delete entity, must remove roles from instance profile first.' });
  });

  it('given a service-linked role, then UnmodifiableEntity', () => {
    const slr = {
      type: 'CreateRole',
      data: {
        arn: `arn:aws:iam::${PROD}:role/aws-service-role/ecs.amazonaws.com/AWSServiceRoleForECS`,
        name: 'AWSServiceRoleForECS',
        path: '/aws-service-role/ecs.amazonaws.com/',
        account: PROD,
        maxSessionDuration: 3600,
        trust: trustAccount(PROD),
        description: null,
      },
    } as AnyCommand;
    const c = outcome(production(...admin, slr), iam('DeleteRole', { RoleName: 'AWSServiceRoleForECS' }));
    expect(c.error?.code).toBe('UnmodifiableEntity');
  });

  it('given policies that name the role, then they name its unique ID once it is deleted, and a new role of that name is not the old one', () => {
    const target = role(
      PROD,
      'target',
      trustWith([{ Effect: 'Allow', Principal: { AWS: roleArn(PROD, 'app') }, Action: 'sts:AssumeRole' }]),
    );
    const w = withRole(
      target,
      ...bucketWithPolicy(PROD, 'data', [
        { Effect: 'Allow', Principal: { AWS: roleArn(PROD, 'app') }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::data/*' },
      ]),
    );
    const oldId = w.iam.roles[roleArn(PROD, 'app')]!.id;
    const session = keep(w, sts(asUser(PROD, 'admin'), 'AssumeRole', { RoleArn: roleArn(PROD, 'app'), RoleSessionName: 'before' }), 'old');
    const deleted = run(session, iam('DeleteRole', { RoleName: 'app' }));
    expect(deleted.events.map((e) => e.type)).toEqual(['RequestAllowed', 'RoleDeleted', 'TrustPolicyUpdated', 'ResourcePolicyPut']);
    expect(JSON.stringify(deleted.world.iam.roles[roleArn(PROD, 'target')]!.trust)).toContain(`"AWS":"${oldId}"`);
    // the old session: no policy names it any more
    const s3 = sts(asKept('old'), 's3:GetObject', {});
    const read = outcome(deleted.world, {
      ...s3,
      data: { ...(s3 as { data: object }).data, resource: 'arn:aws:s3:::data/k' },
    } as AnyCommand);
    expect(read.decision).toBe('ImplicitDeny');
    expect(read.notes.join(' ')).toContain('has been deleted, so this session has no identity-based policies');
    // a new role of the same name gets a new unique ID
    const recreated = run(deleted.world, iam('CreateRole', { RoleName: 'app', AssumeRolePolicyDocument: trust })).world;
    expect(recreated.iam.roles[roleArn(PROD, 'app')]!.id).not.toBe(oldId);
  });
});

describe('an IAM action that IAM does not carry out', () => {
  it('is authorized as any call, and the trace says nothing changed', () => {
    const c = outcome(production(...admin), iam('ListAccountAliases', {}));
    expect(c.decision).toBe('Allow');
    expect(c.response).toBeNull();
    expect(c.notes.at(-1)).toBe(
      'iamsim authorizes iam:ListAccountAliases but does not carry it out: the world does not change and there is no response',
    );
  });
});
