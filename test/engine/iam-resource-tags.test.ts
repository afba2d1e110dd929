// Tags of IAM users and roles as resource tags. The Service Authorization Reference lists
// aws:ResourceTag/${TagKey} and iam:ResourceTag/${TagKey} for the user and role resource types of IAM
// ("Actions, resources, and condition keys for AWS Identity and Access Management",
// https://docs.aws.amazon.com/service-authorization/latest/reference/list_awsidentityandaccessmanagementiam.html)
// and for the role resource of STS ("Actions, resources, and condition keys for AWS Security Token
// Service", https://docs.aws.amazon.com/service-authorization/latest/reference/list_awssecuritytokenservice.html).
import { describe, expect, it } from 'vitest';
import type { AnyCommand } from '../../src/engine/events.js';
import {
  asKept,
  assumeRoleAs,
  asUser,
  inline,
  keep,
  outcome,
  production,
  PROD,
  role,
  roleArn,
  rootArn,
  run,
  tagged,
  trustWith,
  user,
  userArn,
} from './sts-helpers.js';

const ADMIN = userArn(PROD, 'admin');
const LEAVER = userArn(PROD, 'leaver');
const SANDBOX = roleArn(PROD, 'sandbox');
const trustAccount = trustWith([{ Effect: 'Allow', Principal: { AWS: rootArn(PROD) }, Action: 'sts:AssumeRole' }]);

/**
 * The call names its user or role as the API does (UserName, RoleName): IAM authorizes it on that
 * entity's ARN (a step may not write `resource` for an IAM call IAM carries out).
 */
const iamCall = (action: string, entity: string, caller = asUser(PROD, 'admin')): AnyCommand => {
  const m = /:(user|role)\/(.+)$/.exec(entity);
  const params = m ? { [m[1] === 'user' ? 'UserName' : 'RoleName']: { t: 'text' as const, v: m[2]! } } : {};
  return { type: 'Call', data: { caller, action, params, resource: null, context: {}, region: 'us-east-1' } };
};

const world = (...statements: object[]) =>
  production(
    user(PROD, 'admin'),
    tagged(ADMIN, { project: 'blue' }),
    inline(ADMIN, 'Admin', statements),
    user(PROD, 'leaver'),
    tagged(LEAVER, { status: 'terminated', project: 'blue' }),
    role(PROD, 'sandbox', trustAccount),
    tagged(SANDBOX, { env: 'sandbox' }),
    role(PROD, 'untagged', trustAccount),
  );

describe('an IAM call on a tagged user or role', () => {
  it("given a user's tags, when iam:DeleteUser names it, then iam:ResourceTag/* and aws:ResourceTag/* hold them", () => {
    const w = world({
      Effect: 'Allow',
      Action: 'iam:DeleteUser',
      Resource: '*',
      Condition: { StringLike: { 'iam:ResourceTag/status': 'terminated' } },
    });
    const c = outcome(w, iamCall('iam:DeleteUser', LEAVER));
    expect(c.error).toBeNull();
    expect(c.context['iam:ResourceTag/status']).toBe('terminated');
    expect(c.context['aws:ResourceTag/status']).toBe('terminated');
    expect(c.context['aws:ResourceTag/project']).toBe('blue');
    expect(c.context['aws:ResourceAccount']).toBe(PROD);
  });

  it("given a role's tags, when iam:DeleteRole names it, then a condition on aws:ResourceTag/* sees them", () => {
    const w = world({
      Effect: 'Allow',
      Action: 'iam:DeleteRole',
      Resource: '*',
      Condition: { StringEquals: { 'aws:ResourceTag/env': 'sandbox' } },
    });
    expect(outcome(w, iamCall('iam:DeleteRole', SANDBOX)).error).toBeNull();
    const other = outcome(w, iamCall('iam:DeleteRole', roleArn(PROD, 'untagged')));
    expect(other.decision).toBe('ImplicitDeny');
    expect(Object.keys(other.context).filter((k) => k.includes('ResourceTag/'))).toEqual([]);
  });

  it('given a policy variable, when the caller reads a user of its own project, then the tags compare', () => {
    const w = world({
      Effect: 'Allow',
      Action: 'iam:GetUser',
      Resource: '*',
      Condition: { StringEquals: { 'aws:ResourceTag/project': '${aws:PrincipalTag/project}' } },
    });
    expect(outcome(w, iamCall('iam:GetUser', LEAVER)).error).toBeNull();
    const outsider = userArn(PROD, 'outsider');
    const other = run(w, user(PROD, 'outsider'), tagged(outsider, { project: 'red' })).world;
    expect(outcome(other, iamCall('iam:GetUser', outsider)).decision).toBe('ImplicitDeny');
  });

  it('when the resource is not a declared user or role, then no tag keys are added', () => {
    const w = world({ Effect: 'Allow', Action: 'iam:GetUser', Resource: '*' });
    const c = outcome(w, iamCall('iam:GetUser', userArn(PROD, 'nobody')));
    expect(Object.keys(c.context).filter((k) => k.includes('ResourceTag/'))).toEqual([]);
  });
});

describe('sts:AssumeRole on a tagged role', () => {
  const assume = assumeRoleAs(asUser(PROD, 'admin'), SANDBOX, 'admin');

  it("given an identity policy on iam:ResourceTag/*, when the role's tag matches, then the call is allowed", () => {
    const w = world({
      Effect: 'Allow',
      Action: 'sts:AssumeRole',
      Resource: '*',
      Condition: { StringEquals: { 'iam:ResourceTag/env': 'sandbox' } },
    });
    const c = outcome(w, assume({}));
    expect(c.error).toBeNull();
    expect(c.context['iam:ResourceTag/env']).toBe('sandbox');
    expect(c.context['aws:ResourceTag/env']).toBe('sandbox');
  });

  it('given the same policy, when the role has no such tag, then the call is implicitly denied', () => {
    const w = world({
      Effect: 'Allow',
      Action: 'sts:AssumeRole',
      Resource: '*',
      Condition: { StringEquals: { 'iam:ResourceTag/env': 'sandbox' } },
    });
    const c = outcome(w, assumeRoleAs(asUser(PROD, 'admin'), roleArn(PROD, 'untagged'), 'admin')({}));
    expect(c.decision).toBe('ImplicitDeny');
  });

  it("given a role session, when it calls IAM on a user, then the resource tags are the user's, not its role's", () => {
    const w = production(
      user(PROD, 'admin'),
      inline(ADMIN, 'Admin', [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }]),
      role(PROD, 'sandbox', trustAccount),
      tagged(SANDBOX, { env: 'sandbox' }),
      inline(SANDBOX, 'Read', [{ Effect: 'Allow', Action: 'iam:GetUser', Resource: '*' }]),
      user(PROD, 'leaver'),
      tagged(LEAVER, { status: 'terminated' }),
    );
    const c = outcome(keep(w, assume({}), 's'), iamCall('iam:GetUser', LEAVER, asKept('s')));
    expect(c.error).toBeNull();
    expect(c.context['aws:PrincipalTag/env']).toBe('sandbox');
    expect(c.context['iam:ResourceTag/status']).toBe('terminated');
    expect(c.context['iam:ResourceTag/env']).toBeUndefined();
  });
});
