// IAM's policy APIs, given/when/then: inline policies, managed policies and versions, attachments,
// permissions boundaries and trust policies, with IAM's errors. Sources: IAM API Reference, the page
// of each action (https://docs.aws.amazon.com/IAM/latest/APIReference/API_Operations.html); IAM User
// Guide "IAM and AWS STS quotas" (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html),
// "Versioning IAM policies" (https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_managed-versioning.html),
// "Permissions boundaries for IAM entities" (https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html),
// "Disabling permissions for temporary security credentials"
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_control-access_disable-perms.html);
// error texts AWS returns as quoted in public reports (docs/aws-rules.md, "IAM calls: policies").
import { describe, expect, it } from 'vitest';
import type { AnyCommand } from '../../src/engine/events.js';
import type { World } from '../../src/engine/world.js';
import {
  asKept,
  asUser,
  callOf,
  inline,
  keep,
  managedPolicy,
  outcome,
  production,
  PROD,
  role,
  roleArn,
  run,
  s3,
  sts,
  trustAccount,
  trustWith,
  user,
  userArn,
} from './sts-helpers.js';
import { bucket } from './given.js';

const ada = asUser(PROD, 'ada');
const admin = inline(userArn(PROD, 'ada'), 'Admin', [{ Effect: 'Allow', Action: ['iam:*', 'sts:*', 's3:*'], Resource: '*' }]);
const policyArn = (name: string) => `arn:aws:iam::${PROD}:policy/${name}`;
const doc = (statements: object[], version = '2012-10-17') => JSON.stringify({ Version: version, Statement: statements });
const readAll = doc([{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }]);

function iam(action: string, params: Record<string, string>, caller = ada): AnyCommand {
  return sts(caller, `iam:${action}`, params);
}

const world = (...commands: AnyCommand[]): World =>
  production(bucket(PROD, 'any'), user(PROD, 'ada'), admin, user(PROD, 'bob'), ...commands);

function error(w: World, command: AnyCommand) {
  return outcome(w, command).error;
}

describe('inline policies (PutUserPolicy, GetRolePolicy, DeleteGroupPolicy …)', () => {
  it('PutUserPolicy stores the policy, and it applies to the user at once', () => {
    const w = run(world(), iam('PutUserPolicy', { UserName: 'bob', PolicyName: 'Read', PolicyDocument: readAll })).world;
    expect(outcome(w, s3(asUser(PROD, 'bob'), 's3:GetObject', 'arn:aws:s3:::any/x')).decision).not.toBe('ImplicitDeny');
    expect(w.iam.users[userArn(PROD, 'bob')]!.inline.map((p) => p.name)).toEqual(['Read']);
  });

  it('answers MalformedPolicyDocument with where the mistake is', () => {
    const bad = doc([{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'reports/*' }]);
    const record = outcome(world(), iam('PutUserPolicy', { UserName: 'bob', PolicyName: 'Bad', PolicyDocument: bad }));
    expect(record.error).toEqual({ code: 'MalformedPolicyDocument', message: 'Resource reports/* must be in ARN format or "*".' });
    expect(record.notes.at(-1)).toContain('at Statement.0.Resource');
  });

  it('counts the OTHER inline policies of the user towards the 2,048 characters, not the one it replaces', () => {
    // ~1,100 characters each: one fits, two do not; replacing the first with itself does
    const big = doc([
      { Effect: 'Allow', Action: 's3:GetObject', Resource: Array.from({ length: 10 }, (_, i) => `arn:aws:s3:::${'b'.repeat(90)}${i}/*`) },
    ]);
    const w = run(world(), iam('PutUserPolicy', { UserName: 'bob', PolicyName: 'One', PolicyDocument: big })).world;
    expect(error(w, iam('PutUserPolicy', { UserName: 'bob', PolicyName: 'One', PolicyDocument: big }))).toBeNull();
    expect(error(w, iam('PutUserPolicy', { UserName: 'bob', PolicyName: 'Two', PolicyDocument: big }))).toEqual({
      code: 'LimitExceeded',
      message: 'Maximum policy size of 2048 bytes exceeded for user bob',
    });
  });

  it('answers NoSuchEntity for a user, or an inline policy, that does not exist', () => {
    expect(error(world(), iam('PutUserPolicy', { UserName: 'carol', PolicyName: 'P', PolicyDocument: readAll }))).toEqual({
      code: 'NoSuchEntity',
      message: 'The user with name carol cannot be found.',
    });
    expect(error(world(), iam('DeleteUserPolicy', { UserName: 'bob', PolicyName: 'P' }))).toEqual({
      code: 'NoSuchEntity',
      message: 'The user policy with name P cannot be found.',
    });
    const w = world(role(PROD, 'app', trustAccount(PROD)));
    expect(error(w, iam('GetRolePolicy', { RoleName: 'app', PolicyName: 'P' }))?.message).toBe(
      'The role policy with name P cannot be found.',
    );
  });

  it('returns the document URL-encoded, and lists the names', () => {
    const w = run(world(), iam('PutUserPolicy', { UserName: 'bob', PolicyName: 'Read', PolicyDocument: readAll })).world;
    expect(outcome(w, iam('GetUserPolicy', { UserName: 'bob', PolicyName: 'Read' })).response).toEqual({
      UserName: 'bob',
      PolicyName: 'Read',
      PolicyDocument: encodeURIComponent(readAll),
    });
    expect(outcome(w, iam('ListUserPolicies', { UserName: 'bob' })).response).toEqual({ PolicyNames: ['Read'], IsTruncated: false });
  });

  it('refuses to change a service-linked role (UnmodifiableEntity)', () => {
    const w = world(role(PROD, 'AWSServiceRoleForX', trustAccount(PROD), 3600, '/aws-service-role/x.amazonaws.com/'));
    expect(error(w, iam('PutRolePolicy', { RoleName: 'AWSServiceRoleForX', PolicyName: 'P', PolicyDocument: readAll }))).toEqual({
      code: 'UnmodifiableEntity',
      message: "Cannot perform the operation on the protected role 'AWSServiceRoleForX' - this role is only modifiable by AWS",
    });
    expect(error(w, iam('UpdateAssumeRolePolicy', { RoleName: 'AWSServiceRoleForX', PolicyDocument: doc([]) }))?.code).toBe(
      'UnmodifiableEntity',
    );
    expect(error(w, iam('DetachRolePolicy', { RoleName: 'AWSServiceRoleForX', PolicyArn: policyArn('p') }))?.code).toBe(
      'UnmodifiableEntity',
    );
  });

  // AWS re:Post Knowledge Center, "identity-center-aws-reserved-sso": editing an AWSReservedSSO_ role
  // in IAM answers "Cannot perform the operation on the protected role … - this role is only
  // modifiable by AWS" (the same from PutRolePolicy through the SDK: perkbox/cloud-access-bot#11);
  // IAM Identity Center User Guide, "IAM roles created by IAM Identity Center"
  it('refuses to change or delete a role IAM Identity Center provisioned (UnmodifiableEntity)', () => {
    const name = 'AWSReservedSSO_ReadOnly_0123456789abcdef';
    const w = world(role(PROD, name, trustAccount(PROD), 3600, '/aws-reserved/sso.amazonaws.com/eu-west-1/'));
    expect(error(w, iam('UpdateAssumeRolePolicy', { RoleName: name, PolicyDocument: doc([]) }))).toEqual({
      code: 'UnmodifiableEntity',
      message: `Cannot perform the operation on the protected role '${name}' - this role is only modifiable by AWS`,
    });
    expect(error(w, iam('PutRolePolicy', { RoleName: name, PolicyName: 'P', PolicyDocument: readAll }))?.code).toBe('UnmodifiableEntity');
    expect(error(w, iam('AttachRolePolicy', { RoleName: name, PolicyArn: policyArn('p') }))?.code).toBe('UnmodifiableEntity');
    expect(error(w, iam('DeleteRole', { RoleName: name }))?.code).toBe('UnmodifiableEntity');
  });
});

describe('managed policies and their versions', () => {
  const create = iam('CreatePolicy', { PolicyName: 'Deploy', PolicyDocument: readAll });
  const version = (setAsDefault = 'false') =>
    iam('CreatePolicyVersion', { PolicyArn: policyArn('Deploy'), PolicyDocument: readAll, SetAsDefault: setAsDefault });

  it('CreatePolicy makes v1 the default, and refuses a name the account has, whatever its case', () => {
    const made = run(world(), create);
    expect((callOf(made.events).response as { Policy: { DefaultVersionId: string } }).Policy.DefaultVersionId).toBe('v1');
    expect(error(made.world, iam('CreatePolicy', { PolicyName: 'deploy', PolicyDocument: readAll }))).toEqual({
      code: 'EntityAlreadyExists',
      message: 'A policy called deploy already exists. Duplicate names are not allowed.',
    });
  });

  it('requires Version 2012-10-17 in a managed policy', () => {
    expect(error(world(), iam('CreatePolicy', { PolicyName: 'Old', PolicyDocument: JSON.stringify({ Statement: [] }) }))?.code).toBe(
      'MalformedPolicyDocument',
    );
    const old = doc([{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }], '2008-10-17');
    expect(error(world(), iam('CreatePolicy', { PolicyName: 'Old', PolicyDocument: old }))?.message).toBe(
      'Policy document must be version 2012-10-17 or greater.',
    );
  });

  it('keeps at most five versions, and never reuses a version number', () => {
    let w = run(world(), create, version(), version(), version(), version()).world;
    expect(error(w, version())).toEqual({
      code: 'LimitExceeded',
      message: 'A managed policy can have up to 5 versions. Before you create a new version, you must delete an existing version.',
    });
    w = run(w, iam('DeletePolicyVersion', { PolicyArn: policyArn('Deploy'), VersionId: 'v5' })).world;
    expect((outcome(w, version()).response as { PolicyVersion: { VersionId: string } }).PolicyVersion.VersionId).toBe('v6');
  });

  it('refuses to delete the default version (DeleteConflict), or a version that does not exist', () => {
    const w = run(world(), create).world;
    expect(error(w, iam('DeletePolicyVersion', { PolicyArn: policyArn('Deploy'), VersionId: 'v1' }))).toEqual({
      code: 'DeleteConflict',
      message: 'Cannot delete the default version of a policy.',
    });
    expect(error(w, iam('DeletePolicyVersion', { PolicyArn: policyArn('Deploy'), VersionId: 'v7' }))?.code).toBe('NoSuchEntity');
  });

  it('refuses a version ID IAM cannot read before authorizing the request (ValidationError)', () => {
    const record = outcome(run(world(), create).world, iam('GetPolicyVersion', { PolicyArn: policyArn('Deploy'), VersionId: '1' }));
    expect(record.error?.code).toBe('ValidationError');
    expect(record.decision).toBeNull();
  });

  it('DeletePolicy: DeleteConflict while attached, while a boundary, while it has other versions', () => {
    const w = run(world(), create).world;
    const attached = run(w, iam('AttachUserPolicy', { UserName: 'bob', PolicyArn: policyArn('Deploy') })).world;
    expect(error(attached, iam('DeletePolicy', { PolicyArn: policyArn('Deploy') }))?.message).toBe(
      'Cannot delete a policy attached to entities.',
    );
    const bounding = run(w, iam('PutUserPermissionsBoundary', { UserName: 'bob', PermissionsBoundary: policyArn('Deploy') })).world;
    expect(error(bounding, iam('DeletePolicy', { PolicyArn: policyArn('Deploy') }))?.message).toBe(
      'Cannot delete a policy attached to entities.',
    );
    const versioned = run(w, version()).world;
    expect(error(versioned, iam('DeletePolicy', { PolicyArn: policyArn('Deploy') }))?.message).toBe(
      "This policy has more than one version. Before you delete a policy, you must delete the policy's versions. The default version is deleted with the policy.",
    );
    const gone = run(w, iam('DeletePolicy', { PolicyArn: policyArn('Deploy') })).world;
    expect(error(gone, iam('GetPolicy', { PolicyArn: policyArn('Deploy') }))).toEqual({
      code: 'NoSuchEntity',
      message: `Policy ${policyArn('Deploy')} was not found.`,
    });
  });

  it('a new default version changes what a session already issued may do, at once', () => {
    const trust = trustWith([{ Effect: 'Allow', Principal: { AWS: userArn(PROD, 'ada') }, Action: 'sts:AssumeRole' }]);
    let w = world(
      role(PROD, 'app', trust),
      managedPolicy(PROD, 'AppPolicy', [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }]),
      {
        type: 'AttachPolicy',
        data: { entity: roleArn(PROD, 'app'), policy: policyArn('AppPolicy') },
      },
    );
    w = keep(w, sts(ada, 'AssumeRole', { RoleArn: roleArn(PROD, 'app'), RoleSessionName: 'ss' }), 'app');
    const get = s3(asKept('app'), 's3:GetObject', 'arn:aws:s3:::any/x');
    expect(outcome(w, get).decision).not.toBe('ImplicitDeny');
    const narrower = doc([{ Effect: 'Allow', Action: 's3:ListBucket', Resource: '*' }]);
    w = run(w, iam('CreatePolicyVersion', { PolicyArn: policyArn('AppPolicy'), PolicyDocument: narrower, SetAsDefault: 'true' })).world;
    expect(outcome(w, get).decision).toBe('ImplicitDeny');
    w = run(w, iam('SetDefaultPolicyVersion', { PolicyArn: policyArn('AppPolicy'), VersionId: 'v1' })).world;
    expect(outcome(w, get).decision).not.toBe('ImplicitDeny');
  });
});

describe('attachments', () => {
  const policies = Array.from({ length: 11 }, (_, i) =>
    managedPolicy(PROD, `p${i}`, [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }]),
  );

  it('allows 10 managed policies per role; the 11th is LimitExceeded', () => {
    let w = world(role(PROD, 'app', trustAccount(PROD)), ...policies);
    for (let i = 0; i < 10; i++) w = run(w, iam('AttachRolePolicy', { RoleName: 'app', PolicyArn: policyArn(`p${i}`) })).world;
    expect(error(w, iam('AttachRolePolicy', { RoleName: 'app', PolicyArn: policyArn('p10') }))).toEqual({
      code: 'LimitExceeded',
      message: 'Cannot exceed quota for PoliciesPerRole: 10',
    });
    // attaching one already attached changes nothing and is not refused
    expect(run(w, iam('AttachRolePolicy', { RoleName: 'app', PolicyArn: policyArn('p0') })).events.map((e) => e.type)).toEqual([
      'RequestAllowed',
    ]);
  });

  it('answers NoSuchEntity for a policy that does not exist, of another account, or an AWS managed one the world does not hold', () => {
    const w = world(...policies);
    for (const arn of [policyArn('nope'), 'arn:aws:iam::222222222222:policy/p0', 'arn:aws:iam::aws:policy/AdministratorAccess']) {
      expect(error(w, iam('AttachUserPolicy', { UserName: 'bob', PolicyArn: arn }))).toEqual({
        code: 'NoSuchEntity',
        message: `Policy ${arn} does not exist or is not attachable.`,
      });
    }
  });

  it('DetachGroupPolicy of a policy not attached is NoSuchEntity', () => {
    const w = world(...policies, {
      type: 'CreateGroup',
      data: { arn: `arn:aws:iam::${PROD}:group/devs`, name: 'devs', path: '/', account: PROD },
    });
    expect(error(w, iam('DetachGroupPolicy', { GroupName: 'devs', PolicyArn: policyArn('p0') }))).toEqual({
      code: 'NoSuchEntity',
      message: `Policy ${policyArn('p0')} was not found.`,
    });
  });

  it('carries iam:PolicyARN, which a policy may scope attachments by', () => {
    const scoped = inline(userArn(PROD, 'bob'), 'AttachReadOnly', [
      { Effect: 'Allow', Action: 'iam:AttachUserPolicy', Resource: '*', Condition: { ArnEquals: { 'iam:PolicyARN': policyArn('p1') } } },
    ]);
    const w = world(...policies, scoped);
    const bob = asUser(PROD, 'bob');
    expect(error(w, iam('AttachUserPolicy', { UserName: 'bob', PolicyArn: policyArn('p1') }, bob))).toBeNull();
    expect(outcome(w, iam('AttachUserPolicy', { UserName: 'bob', PolicyArn: policyArn('p2') }, bob)).decision).toBe('ImplicitDeny');
  });
});

describe('permissions boundaries: the condition that keeps the boundary attached', () => {
  const boundary = managedPolicy(PROD, 'Boundary', [{ Effect: 'Allow', Action: ['s3:GetObject', 'iam:*'], Resource: '*' }]);
  const other = managedPolicy(PROD, 'Other', [{ Effect: 'Allow', Action: '*', Resource: '*' }]);
  // IAM User Guide "Permissions boundaries for IAM entities": CreateOrChangeOnlyWithBoundary
  const delegated = inline(userArn(PROD, 'bob'), 'Delegated', [
    {
      Effect: 'Allow',
      Action: ['iam:AttachUserPolicy', 'iam:PutUserPermissionsBoundary', 'iam:PutUserPolicy', 'iam:DeleteUserPermissionsBoundary'],
      Resource: '*',
      Condition: { StringEquals: { 'iam:PermissionsBoundary': policyArn('Boundary') } },
    },
  ]);
  const bob = asUser(PROD, 'bob');
  const w = () =>
    world(boundary, other, delegated, {
      type: 'PutPermissionsBoundary',
      data: { entity: userArn(PROD, 'bob'), policy: policyArn('Boundary') },
    });

  it('lets the user attach a policy to itself only while the boundary is on it, and caps what it grants', () => {
    const attached = run(w(), iam('AttachUserPolicy', { UserName: 'bob', PolicyArn: policyArn('Other') }, bob)).world;
    expect(outcome(attached, s3(bob, 's3:GetObject', 'arn:aws:s3:::any/x')).decision).not.toBe('ImplicitDeny');
    expect(outcome(attached, s3(bob, 's3:PutObject', 'arn:aws:s3:::any/x')).decision).toBe('ImplicitDeny');
  });

  it('refuses replacing the boundary by another, and removing it', () => {
    expect(
      outcome(w(), iam('PutUserPermissionsBoundary', { UserName: 'bob', PermissionsBoundary: policyArn('Other') }, bob)).decision,
    ).toBe('ImplicitDeny');
    expect(error(w(), iam('PutUserPermissionsBoundary', { UserName: 'bob', PermissionsBoundary: policyArn('Boundary') }, bob))).toBeNull();
    // the key is the boundary the user has: removing it is allowed by this statement, which is why AWS's example also denies it
    const record = outcome(w(), iam('DeleteUserPermissionsBoundary', { UserName: 'bob' }, bob));
    expect(record.context?.['iam:PermissionsBoundary']).toBe(policyArn('Boundary'));
  });

  it('a user without the boundary gets no iam:PermissionsBoundary key, so the condition does not match', () => {
    const none = world(boundary, other, delegated);
    expect(outcome(none, iam('AttachUserPolicy', { UserName: 'bob', PolicyArn: policyArn('Other') }, bob)).decision).toBe('ImplicitDeny');
  });
});

describe('trust policies (UpdateAssumeRolePolicy)', () => {
  const trustAda = trustWith([{ Effect: 'Allow', Principal: { AWS: userArn(PROD, 'ada') }, Action: 'sts:AssumeRole' }]);
  const trustBob = doc([{ Effect: 'Allow', Principal: { AWS: userArn(PROD, 'bob') }, Action: 'sts:AssumeRole' }]);

  it('does not end sessions already issued: they keep working until they expire', () => {
    let w = world(
      role(PROD, 'app', trustAda),
      inline(roleArn(PROD, 'app'), 'Read', [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }]),
    );
    w = keep(w, sts(ada, 'AssumeRole', { RoleArn: roleArn(PROD, 'app'), RoleSessionName: 'ss' }), 'app');
    w = run(w, iam('UpdateAssumeRolePolicy', { RoleName: 'app', PolicyDocument: trustBob })).world;
    expect(outcome(w, s3(asKept('app'), 's3:GetObject', 'arn:aws:s3:::any/x')).decision).not.toBe('ImplicitDeny');
    // but Ada can no longer assume the role
    expect(outcome(w, sts(ada, 'AssumeRole', { RoleArn: roleArn(PROD, 'app'), RoleSessionName: 'tt' })).error?.code).toBe('AccessDenied');
  });

  it('refuses a principal that does not exist, and a document that is not a trust policy', () => {
    const w = world(role(PROD, 'app', trustAda));
    const ghost = doc([{ Effect: 'Allow', Principal: { AWS: userArn(PROD, 'ghost') }, Action: 'sts:AssumeRole' }]);
    expect(error(w, iam('UpdateAssumeRolePolicy', { RoleName: 'app', PolicyDocument: ghost }))).toEqual({
      code: 'MalformedPolicyDocument',
      message: `Invalid principal in policy: "AWS":"${userArn(PROD, 'ghost')}"`,
    });
    expect(error(w, iam('UpdateAssumeRolePolicy', { RoleName: 'app', PolicyDocument: readAll }))?.code).toBe('MalformedPolicyDocument');
    expect(error(w, iam('UpdateAssumeRolePolicy', { RoleName: 'nope', PolicyDocument: trustBob }))?.message).toBe(
      'The role with name nope cannot be found.',
    );
  });
});

describe('bad input gets IAM’s error, never a crash', () => {
  it('a policy document that is not JSON, or is a list, is MalformedPolicyDocument', () => {
    expect(error(world(), iam('PutUserPolicy', { UserName: 'bob', PolicyName: 'P', PolicyDocument: '{"Version": ' }))).toEqual({
      code: 'MalformedPolicyDocument',
      message: 'Syntax errors in policy.',
    });
    const list = outcome(world(), sts(ada, 'iam:CreatePolicy', { PolicyName: 'P', PolicyDocument: ['a', 'b'] }));
    expect(list.error?.code).toBe('MalformedPolicyDocument');
  });

  it('a missing parameter, a bad SetAsDefault, a MaxItems out of range: ValidationError before authorization', () => {
    expect(error(world(), iam('AttachUserPolicy', { UserName: 'bob' }))?.message).toBe(
      "1 validation error detected: Value null at 'policyArn' failed to satisfy constraint: Member must not be null",
    );
    expect(
      error(world(), iam('CreatePolicyVersion', { PolicyArn: policyArn('Deploy'), PolicyDocument: readAll, SetAsDefault: 'yes' }))?.message,
    ).toBe("1 validation error detected: Value 'yes' at 'setAsDefault' failed to satisfy constraint: Member must be true or false");
    expect(error(world(), iam('ListUserPolicies', { UserName: 'bob', MaxItems: '0' }))?.code).toBe('ValidationError');
    expect(error(world(), iam('CreatePolicy', { PolicyName: 'P', Path: '/a*/', PolicyDocument: readAll }))?.code).toBe('ValidationError');
  });

  it('a trust policy over 2,048 characters is LimitExceeded (ACLSizePerRole)', () => {
    const w = world(role(PROD, 'app', trustAccount(PROD)));
    const services = Array.from({ length: 60 }, (_, i) => `service${i}-${'x'.repeat(20)}.amazonaws.com`);
    const big = doc([{ Effect: 'Allow', Principal: { Service: services }, Action: 'sts:AssumeRole' }]);
    expect(error(w, iam('UpdateAssumeRolePolicy', { RoleName: 'app', PolicyDocument: big }))).toEqual({
      code: 'LimitExceeded',
      message: 'Cannot exceed quota for ACLSizePerRole: 2048',
    });
  });
});

describe('the other calls of the family', () => {
  it('GetPolicyVersion returns the document URL-encoded; ListAttachedRolePolicies filters by PathPrefix', () => {
    let w = world(role(PROD, 'app', trustAccount(PROD)));
    w = run(
      w,
      iam('CreatePolicy', { PolicyName: 'A', Path: '/team/', PolicyDocument: readAll }),
      iam('CreatePolicy', { PolicyName: 'B', PolicyDocument: readAll }),
      iam('AttachRolePolicy', { RoleName: 'app', PolicyArn: `arn:aws:iam::${PROD}:policy/team/A` }),
      iam('AttachRolePolicy', { RoleName: 'app', PolicyArn: policyArn('B') }),
    ).world;
    const got = outcome(w, iam('GetPolicyVersion', { PolicyArn: policyArn('B'), VersionId: 'v1' })).response as {
      PolicyVersion: { Document: string; IsDefaultVersion: boolean };
    };
    expect(decodeURIComponent(got.PolicyVersion.Document)).toBe(readAll);
    expect(got.PolicyVersion.IsDefaultVersion).toBe(true);
    expect(outcome(w, iam('ListAttachedRolePolicies', { RoleName: 'app', PathPrefix: '/team/' })).response).toEqual({
      AttachedPolicies: [{ PolicyName: 'A', PolicyArn: `arn:aws:iam::${PROD}:policy/team/A` }],
      IsTruncated: false,
    });
  });

  it('a group’s inline policies may hold 5,120 characters together', () => {
    const w = world({ type: 'CreateGroup', data: { arn: `arn:aws:iam::${PROD}:group/devs`, name: 'devs', path: '/', account: PROD } });
    const big = doc([
      { Effect: 'Allow', Action: 's3:GetObject', Resource: Array.from({ length: 55 }, (_, i) => `arn:aws:s3:::${'g'.repeat(80)}${i}/*`) },
    ]);
    expect(error(w, iam('PutGroupPolicy', { GroupName: 'devs', PolicyName: 'Big', PolicyDocument: big }))).toEqual({
      code: 'LimitExceeded',
      message: 'Maximum policy size of 5120 bytes exceeded for group devs',
    });
  });

  it('PutRolePermissionsBoundary needs a policy that exists; removing a boundary ends the cap', () => {
    const boundary = managedPolicy(PROD, 'Boundary', [{ Effect: 'Allow', Action: 's3:ListBucket', Resource: '*' }]);
    let w = world(boundary, inline(userArn(PROD, 'bob'), 'Read', [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }]));
    expect(error(w, iam('PutUserPermissionsBoundary', { UserName: 'bob', PermissionsBoundary: policyArn('Nope') }))).toEqual({
      code: 'NoSuchEntity',
      message: `Policy ${policyArn('Nope')} does not exist or is not attachable.`,
    });
    w = run(w, iam('PutUserPermissionsBoundary', { UserName: 'bob', PermissionsBoundary: policyArn('Boundary') })).world;
    const read = s3(asUser(PROD, 'bob'), 's3:GetObject', 'arn:aws:s3:::any/x');
    expect(outcome(w, read).decision).toBe('ImplicitDeny');
    w = run(w, iam('DeleteUserPermissionsBoundary', { UserName: 'bob' })).world;
    expect(outcome(w, read).decision).toBe('Allow');
    const slr = world(role(PROD, 'AWSServiceRoleForX', trustAccount(PROD), 3600, '/aws-service-role/x.amazonaws.com/'));
    expect(error(slr, iam('DeleteRolePermissionsBoundary', { RoleName: 'AWSServiceRoleForX' }))?.code).toBe('UnmodifiableEntity');
  });
});
