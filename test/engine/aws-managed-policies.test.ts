// AWS managed policies: one policy under the account `aws`, usable from every account, changed by AWS
// alone. Sources: IAM User Guide "AWS managed policies"
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_managed-vs-inline.html#aws-managed-policies:
// "You cannot change the permissions defined in AWS managed policies"); IAM API Reference, AttachRolePolicy,
// GetPolicy, DeletePolicy, CreatePolicyVersion; AWS STS API Reference, AssumeRole (PolicyArns), and the
// AWS CLI Command Reference, `aws sts get-federation-token`, whose example passes the AWS managed policy
// arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess as a session policy; IAM Identity Center User Guide
// "Permission sets" (AWS managed policies in a permission set).
import { describe, expect, it } from 'vitest';
import type { AnyCommand } from '../../src/engine/events.js';
import type { World } from '../../src/engine/world.js';
import { account, DEV, given, PROD, start } from './given.js';
import { asKept, asUser, inline, keep, outcome, role, roleArn, run, s3, sts, trustAccount, user, userArn } from './sts-helpers.js';

const READ_ONLY = 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess';
const awsPolicy = (name: string, statements: object[], path = '/'): AnyCommand => ({
  type: 'CreatePolicy',
  data: {
    arn: `arn:aws:iam::aws:policy${path}${name}`,
    name,
    path,
    account: 'aws',
    document: { Version: '2012-10-17', Statement: statements },
  },
});
const attach = (entity: string, policy: string): AnyCommand => ({ type: 'AttachPolicy', data: { entity, policy } });

const admin = asUser(PROD, 'ada');
const iam = (action: string, params: Record<string, string>, caller = admin) => sts(caller, `iam:${action}`, params);

const world = (...more: AnyCommand[]): World =>
  given([
    start(),
    account(PROD, 'Production'),
    account(DEV, 'Development'),
    awsPolicy('AmazonS3ReadOnlyAccess', [{ Effect: 'Allow', Action: ['s3:Get*', 's3:List*'], Resource: '*' }]),
    user(PROD, 'ada'),
    inline(userArn(PROD, 'ada'), 'Admin', [{ Effect: 'Allow', Action: '*', Resource: '*' }]),
    user(PROD, 'rita'),
    attach(userArn(PROD, 'rita'), READ_ONLY),
    user(DEV, 'dev'),
    attach(userArn(DEV, 'dev'), READ_ONLY),
    { type: 'CreateBucket', data: { arn: 'arn:aws:s3:::data', name: 'data', account: PROD } },
    ...more,
  ]);

describe('an AWS managed policy in the world', () => {
  it('given it attached to users of two accounts, when each calls, then it grants in both (one policy, every account)', () => {
    const w = world();
    expect(outcome(w, s3(asUser(PROD, 'rita'), 's3:GetObject', 'arn:aws:s3:::data/a')).decision).toBe('Allow');
    expect(outcome(w, s3(asUser(PROD, 'rita'), 's3:PutObject', 'arn:aws:s3:::data/a')).decision).toBe('ImplicitDeny');
    const record = outcome(w, s3(asUser(DEV, 'dev'), 's3:ListAllMyBuckets', '*'));
    expect(record.decision).toBe('Allow');
    expect(JSON.stringify(record.evaluations)).toContain('"AWS managed AmazonS3ReadOnlyAccess"');
  });

  it('when AttachRolePolicy names it, then it is attached by its own ARN and the request carries iam:PolicyARN', () => {
    const w0 = world(role(PROD, 'App', trustAccount(PROD)));
    const { world: w, events } = run(w0, iam('AttachRolePolicy', { RoleName: 'App', PolicyArn: READ_ONLY }));
    expect(events.map((e) => e.type)).toEqual(['RequestAllowed', 'PolicyAttached']);
    expect(w.iam.roles[roleArn(PROD, 'App')]!.attached).toEqual([READ_ONLY]);
    expect(outcome(w0, iam('AttachRolePolicy', { RoleName: 'App', PolicyArn: READ_ONLY })).context['iam:PolicyARN']).toBe(READ_ONLY);
  });

  it('when GetPolicy names it, then IAM answers from any account, counting the attachments of the caller’s account only', () => {
    const record = outcome(world(), iam('GetPolicy', { PolicyArn: READ_ONLY }));
    expect(record.error).toBeNull();
    expect(record.response).toMatchObject({
      Policy: { Arn: READ_ONLY, Path: '/', AttachmentCount: 1, PolicyName: 'AmazonS3ReadOnlyAccess' },
    });
  });

  it.each([
    ['DeletePolicy', {}],
    [
      'CreatePolicyVersion',
      { PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }) },
    ],
    ['SetDefaultPolicyVersion', { VersionId: 'v1' }],
    ['DeletePolicyVersion', { VersionId: 'v1' }],
  ])('when %s names it, then the request is denied whatever the caller may do, and the policy is unchanged', (action, params) => {
    const w = world();
    const { world: after, events } = run(w, iam(action, { PolicyArn: READ_ONLY, ...params }));
    expect(events.map((e) => e.type)).toEqual(['RequestDenied']);
    const record = outcome(w, iam(action, { PolicyArn: READ_ONLY, ...params }));
    expect(record.error).toEqual({
      code: 'AccessDenied',
      message: `User: ${userArn(PROD, 'ada')} is not authorized to perform: iam:${action} on resource: ${READ_ONLY}`,
    });
    expect(record.notes.at(-1)).toContain('AWS managed policy');
    expect(after.iam.policies[READ_ONLY]).toBe(w.iam.policies[READ_ONLY]);
  });

  it('when a call names an AWS managed policy the scenario does not declare, then IAM answers NoSuchEntity and says why', () => {
    const w = world(role(PROD, 'App', trustAccount(PROD)));
    const missing = 'arn:aws:iam::aws:policy/ReadOnlyAccess';
    const record = outcome(w, iam('AttachRolePolicy', { RoleName: 'App', PolicyArn: missing }));
    expect(record.error).toEqual({ code: 'NoSuchEntity', message: `Policy ${missing} does not exist or is not attachable.` });
    expect(record.notes.at(-1)).toContain('aws-managed-policy');
    expect(
      outcome(
        w,
        iam('CreateRole', {
          RoleName: 'B',
          AssumeRolePolicyDocument: JSON.stringify(trustAccount(PROD)),
          PermissionsBoundary: missing,
        }),
      ).error?.code,
    ).toBe('NoSuchEntity');
  });

  it('when it is a permissions boundary, then it caps what the identity policies grant', () => {
    const w = run(world(), iam('PutUserPermissionsBoundary', { UserName: 'ada', PermissionsBoundary: READ_ONLY })).world;
    expect(outcome(w, s3(admin, 's3:GetObject', 'arn:aws:s3:::data/a')).decision).toBe('Allow');
    expect(outcome(w, s3(admin, 's3:PutObject', 'arn:aws:s3:::data/a')).decision).toBe('ImplicitDeny');
  });
});

describe('an AWS managed policy as a session policy', () => {
  const assume = (params: Record<string, unknown>) =>
    sts(admin, 'sts:AssumeRole', { RoleArn: roleArn(PROD, 'App'), RoleSessionName: 'ada', ...params } as Record<string, string>);

  it('given PolicyArns naming it, then the session may do only what the role and the policy both allow', () => {
    const w0 = world(
      role(PROD, 'App', trustAccount(PROD)),
      inline(roleArn(PROD, 'App'), 'All', [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }]),
    );
    const w = keep(w0, assume({ PolicyArns: [READ_ONLY] }), 'app');
    expect(outcome(w, s3(asKept('app'), 's3:GetObject', 'arn:aws:s3:::data/a')).decision).toBe('Allow');
    const put = outcome(w, s3(asKept('app'), 's3:PutObject', 'arn:aws:s3:::data/a'));
    expect(put.decision).toBe('ImplicitDeny');
    expect(JSON.stringify(put.evaluations)).toContain('"AWS managed AmazonS3ReadOnlyAccess (session policy)"');
  });

  it('given PolicyArns naming one the scenario does not declare, then STS answers InvalidParameterValue', () => {
    const w0 = world(role(PROD, 'App', trustAccount(PROD)));
    const record = outcome(w0, assume({ PolicyArns: ['arn:aws:iam::aws:policy/ReadOnlyAccess'] }));
    expect(record.error?.code).toBe('InvalidParameterValue');
    expect(record.notes.at(-1)).toContain('aws-managed-policy');
  });
});

describe('an AWS managed policy in an Identity Center permission set', () => {
  it('given a permission set naming it, when it is provisioned to an account, then the AWSReservedSSO_ role has it attached by its ARN', () => {
    const w = world(
      {
        type: 'EnableIdentityCenter',
        data: {
          account: PROD,
          region: 'us-east-1',
          accessControlAttributes: [],
          users: [{ userName: 'jane', groups: [], attributes: {} }],
          groups: [],
          permissionSets: [
            { name: 'Reader', managed: [READ_ONLY], customerManaged: [], inline: null, boundary: null, sessionDuration: 3600 },
          ],
        },
      },
      { type: 'CreateAccountAssignment', data: { principalType: 'USER', principal: 'jane', permissionSet: 'Reader', account: DEV } },
    );
    const provisioned = Object.values(w.iam.roles).filter((r) => r.account === DEV && r.name.startsWith('AWSReservedSSO_Reader_'));
    expect(provisioned).toHaveLength(1);
    expect(provisioned[0]!.attached).toEqual([READ_ONLY]);
  });
});

describe('a declared default version (`version vN`)', () => {
  // IAM API Reference, GetPolicy (DefaultVersionId) and CreatePolicyVersion: the next version's id
  // follows the highest so far
  it('given a policy declared at v3, then GetPolicy says v3 and the next version is v4', () => {
    const declared: AnyCommand = {
      type: 'CreatePolicy',
      data: {
        arn: `arn:aws:iam::${PROD}:policy/Reports`,
        name: 'Reports',
        path: '/',
        account: PROD,
        version: 'v3',
        document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] },
      },
    };
    const w = world(declared);
    const arn = `arn:aws:iam::${PROD}:policy/Reports`;
    expect(outcome(w, iam('GetPolicy', { PolicyArn: arn })).response).toMatchObject({ Policy: { DefaultVersionId: 'v3' } });
    const document = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:ListBucket', Resource: '*' }] });
    const created = outcome(w, iam('CreatePolicyVersion', { PolicyArn: arn, PolicyDocument: document }));
    expect(created.response).toMatchObject({ PolicyVersion: { VersionId: 'v4', IsDefaultVersion: false } });
  });
});
