// Worked examples V01–V20 of the IAM User Guide's "Policy evaluation logic" rules.
import { describe, expect, it } from 'vitest';
import { A, B, allow, decide, deny, obj, policy, request, roleSession, user } from './helpers.js';

const alice = user('alice');
const sess = roleSession('app', 'sess1');
const getB = request(alice, 's3:GetObject', obj('bucket-b', 'report.csv'), B);
const getA = (p = alice) => request(p, 's3:GetObject', obj('bucket-a', 'data.csv'), A);
const bucketPolicy = (principal: unknown, bucket = 'bucket-a') =>
  policy('resource', {
    Effect: 'Allow',
    Principal: principal,
    Action: 's3:GetObject',
    Resource: `arn:aws:s3:::${bucket}/*`,
  });
const idGetB = policy('identity', allow('s3:GetObject', 'arn:aws:s3:::bucket-b/*'));

describe('cross account (V01–V04)', () => {
  it('V01: only the resource side allows → ImplicitDeny by identity', () => {
    const r = decide(getB, {
      resource: bucketPolicy({ AWS: `arn:aws:iam::${A}:user/alice` }, 'bucket-b'),
    });
    expect(r.decision).toBe('ImplicitDeny');
    expect(r.sameAccount).toBe(false);
    expect(r.decidedBy?.type).toBe('identity');
  });

  it('V02: only the identity side allows → ImplicitDeny by resource', () => {
    const r = decide(getB, { identity: [idGetB] });
    expect(r.decision).toBe('ImplicitDeny');
    expect(r.decidedBy).toEqual({ type: 'resource' });
    expect(r.reason).toBe(
      'cross-account: the identity policy allows but there is no resource-based policy on arn:aws:s3:::bucket-b/report.csv',
    );
    expect(decide(getB, {}).decidedBy).toEqual({ type: 'resource' });
  });

  it.each([A, `arn:aws:iam::${A}:root`])('V03: both sides allow (account principal %s)', (p) => {
    const rp = bucketPolicy({ AWS: p }, 'bucket-b');
    const r = decide(getB, { identity: [idGetB], resource: rp });
    expect(r.decision).toBe('Allow');
    expect(r.decidedBy).toEqual({ type: 'resource', name: rp.name });
    const rv = r.policies.find((v) => v.type === 'resource');
    expect(rv?.matched).toEqual([{ index: 0, effect: 'Allow', principalMatch: 'account' }]);
  });

  it("V04: the resource account's RCP denies outsiders → ExplicitDeny", () => {
    const full = policy('rcp', { Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }, { name: 'RCPFullAWSAccess' });
    const guard = policy(
      'rcp',
      {
        Effect: 'Deny',
        Principal: '*',
        Action: 's3:*',
        Resource: '*',
        Condition: {
          StringNotEqualsIfExists: { 'aws:PrincipalOrgID': 'o-bbbbbbbbbb' },
          BoolIfExists: { 'aws:PrincipalIsAWSService': 'false' },
        },
      },
      { name: 'DenyOutsiders' },
    );
    const r = decide(getB, {
      identity: [idGetB],
      resource: bucketPolicy({ AWS: A }, 'bucket-b'),
      rcpLevels: [
        { name: 'root r-bbbb', policies: [full] },
        { name: 'ou Prod', policies: [full] },
        { name: `account ${B}`, policies: [full, guard] },
      ],
    });
    expect(r.decision).toBe('ExplicitDeny');
    expect(r.decidedBy).toEqual({ type: 'rcp', name: 'DenyOutsiders' });
    expect(r.missingContextKeys).toContain('aws:PrincipalOrgID');
  });
});

describe('same account, resource policy vs principal type (V05–V11)', () => {
  it('V05: the bucket policy names the user, no identity policy → Allow', () => {
    const rp = bucketPolicy({ AWS: `arn:aws:iam::${A}:user/alice` });
    const r = decide(getA(), { resource: rp });
    expect(r.decision).toBe('Allow');
    expect(r.decidedBy).toEqual({ type: 'resource', name: rp.name });
  });

  it('V06: the bucket policy names the account, no identity policy → ImplicitDeny', () => {
    const r = decide(getA(), { resource: bucketPolicy({ AWS: `arn:aws:iam::${A}:root` }) });
    expect(r.decision).toBe('ImplicitDeny');
    expect(r.decidedBy?.type).toBe('identity');
  });

  it('V07: role ARN grant is cut by the boundary → ImplicitDeny by boundary', () => {
    const boundary = policy('boundary', allow('ec2:*', '*'), { name: 'Ec2Only' });
    const r = decide(getA(sess), {
      identity: [policy('identity', allow('s3:GetObject', 'arn:aws:s3:::bucket-a/*'))],
      boundary,
      resource: bucketPolicy({ AWS: `arn:aws:iam::${A}:role/app` }),
    });
    expect(r.decision).toBe('ImplicitDeny');
    expect(r.decidedBy).toEqual({ type: 'boundary', name: 'Ec2Only' });
  });

  it('V08: session ARN grant bypasses boundary and missing identity policy → Allow', () => {
    const r = decide(getA(sess), {
      boundary: policy('boundary', allow('ec2:*', '*')),
      resource: bucketPolicy({ AWS: `arn:aws:sts::${A}:assumed-role/app/sess1` }),
    });
    expect(r.decision).toBe('Allow');
    expect(r.policies.find((v) => v.type === 'resource')?.matched[0]?.principalMatch).toBe('direct');
  });

  it('V09: user with a boundary that does not allow, bucket names the user → Allow', () => {
    const r = decide(getA(), {
      boundary: policy('boundary', allow('ec2:*', '*')),
      resource: bucketPolicy({ AWS: `arn:aws:iam::${A}:user/alice` }),
    });
    expect(r.decision).toBe('Allow');
  });

  it('V10: role ARN grant with no policies of any kind → Allow', () => {
    const r = decide(getA(sess), { resource: bucketPolicy({ AWS: `arn:aws:iam::${A}:role/app` }) });
    expect(r.decision).toBe('Allow');
    expect(r.policies.find((v) => v.type === 'resource')?.matched[0]?.principalMatch).toBe('role');
  });

  it('V11: a session policy that does not allow cuts the role ARN grant → ImplicitDeny', () => {
    const sp = policy('session', allow('ec2:*', '*'), { name: 'inline session policy' });
    const r = decide(getA(sess), {
      identity: [policy('identity', allow('s3:GetObject', 'arn:aws:s3:::bucket-a/*'))],
      session: [sp],
      resource: bucketPolicy({ AWS: `arn:aws:iam::${A}:role/app` }),
    });
    expect(r.decision).toBe('ImplicitDeny');
    expect(r.decidedBy).toEqual({ type: 'session-policy', name: 'inline session policy' });
  });
});

describe('NotAction and conditions (V12–V18)', () => {
  it('V12: Allow NotAction iam:* grants s3 but not iam', () => {
    const id = policy('identity', { Effect: 'Allow', NotAction: 'iam:*', Resource: '*' });
    expect(decide(request(alice, 's3:PutObject', obj('bucket-a', 'new.txt'), A), { identity: [id] }).decision).toBe('Allow');
    expect(decide(request(alice, 'iam:CreateUser', `arn:aws:iam::${A}:user/x`, A), { identity: [id] }).decision).toBe('ImplicitDeny');
  });

  it('V13: Deny NotAction with BoolIfExists on a missing MFA key → ExplicitDeny', () => {
    const id = policy('identity', [
      allow('s3:*', '*'),
      { Effect: 'Deny', NotAction: 'iam:*', Resource: '*', Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } } },
    ]);
    const r = decide(request(alice, 's3:ListAllMyBuckets', '*', undefined), { identity: [id] });
    expect(r.decision).toBe('ExplicitDeny');
    expect(r.policies[0]?.matched.map((m) => m.index)).toEqual([0, 1]);
  });

  const tagPolicy = (op: string) =>
    policy(
      'identity',
      allow('iam:CreateUser', `arn:aws:iam::${A}:user/*`, {
        Condition: { [op]: { 'aws:TagKeys': ['Dept', 'CostCenter'] } },
      }),
    );
  const createUser = (tags?: string[]) =>
    request(alice, 'iam:CreateUser', `arn:aws:iam::${A}:user/newbie`, A, tags ? { 'aws:TagKeys': tags } : {});

  it('V14: ForAllValues with the key absent → Allow; with a foreign tag → ImplicitDeny', () => {
    const id = tagPolicy('ForAllValues:StringEquals');
    expect(decide(createUser(), { identity: [id] }).decision).toBe('Allow');
    expect(decide(createUser(['Dept', 'Owner']), { identity: [id] }).decision).toBe('ImplicitDeny');
    expect(decide(createUser(['Dept']), { identity: [id] }).decision).toBe('Allow');
  });

  it('V15: ForAnyValue with the key absent → ImplicitDeny', () => {
    const id = tagPolicy('ForAnyValue:StringEquals');
    expect(decide(createUser(), { identity: [id] }).decision).toBe('ImplicitDeny');
    expect(decide(createUser(['Owner', 'Dept']), { identity: [id] }).decision).toBe('Allow');
  });

  it('V16: StringNotEquals on a missing tag inside a Deny → ExplicitDeny', () => {
    const id = policy('identity', [
      allow('s3:GetObject', 'arn:aws:s3:::bucket-a/*'),
      deny('s3:*', '*', { Condition: { StringNotEquals: { 'aws:PrincipalTag/team': 'blue' } } }),
    ]);
    const r = decide(getA(), { identity: [id] });
    expect(r.decision).toBe('ExplicitDeny');
    expect(r.missingContextKeys).toEqual(['aws:PrincipalTag/team']);
    const blue = request(alice, 's3:GetObject', obj('bucket-a', 'data.csv'), A, { 'aws:PrincipalTag/team': 'blue' });
    expect(decide(blue, { identity: [id] }).decision).toBe('Allow');
  });

  it('V17: Null false requires temporary credentials', () => {
    const id = policy(
      'identity',
      allow('s3:GetObject', 'arn:aws:s3:::bucket-a/*', {
        Condition: { Null: { 'aws:TokenIssueTime': 'false' } },
      }),
    );
    expect(decide(getA(), { identity: [id] }).decision).toBe('ImplicitDeny');
    const temp = request(alice, 's3:GetObject', obj('bucket-a', 'data.csv'), A, { 'aws:TokenIssueTime': '2024-06-01T11:00:00Z' });
    expect(decide(temp, { identity: [id] }).decision).toBe('Allow');
  });

  it('V18: ArnLike aws:PrincipalArn with the assumed-role ARN never matches a session', () => {
    const rp = (value: string) =>
      policy('resource', {
        Effect: 'Allow',
        Principal: '*',
        Action: 's3:GetObject',
        Resource: 'arn:aws:s3:::bucket-a/*',
        Condition: { ArnLike: { 'aws:PrincipalArn': value } },
      });
    expect(decide(getA(sess), { resource: rp(`arn:aws:sts::${A}:assumed-role/app/*`) }).decision).toBe('ImplicitDeny');
    expect(decide(getA(sess), { resource: rp(`arn:aws:iam::${A}:role/app`) }).decision).toBe('Allow');
  });
});

describe('NotPrincipal and case traps (V19–V20)', () => {
  const bob = user('bob');
  const rp = policy('resource', [
    { Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${A}:user/bob` }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::bucket-a/*' },
    {
      Effect: 'Deny',
      NotPrincipal: { AWS: [`arn:aws:iam::${A}:user/bob`, `arn:aws:iam::${A}:root`] },
      Action: 's3:*',
      Resource: ['arn:aws:s3:::bucket-a', 'arn:aws:s3:::bucket-a/*'],
    },
  ]);
  const id = policy('identity', allow('s3:GetObject', 'arn:aws:s3:::bucket-a/*'));

  it('V19: Deny+NotPrincipal always denies a caller with a boundary', () => {
    const r = decide(getA(bob), { identity: [id], boundary: policy('boundary', allow('s3:*', '*')), resource: rp });
    expect(r.decision).toBe('ExplicitDeny');
    expect(r.decidedBy).toEqual({ type: 'resource', name: rp.name });
    expect(decide(getA(bob), { identity: [id], resource: rp }).decision).toBe('Allow');
  });

  it('V20: action and key names ignore case; resource paths and values do not', () => {
    const carol = user('carol');
    const pol = policy('identity', {
      Effect: 'Allow',
      Action: 'S3:getobject',
      Resource: 'arn:aws:s3:::reports-bucket/Finance/*',
      Condition: { StringEquals: { 'AWS:PrincipalTag/TEAM': 'finance' } },
    });
    const get = (key: string, team: string) =>
      decide(request(carol, 's3:GetObject', obj('reports-bucket', key), A, { 'aws:PrincipalTag/team': team }), { identity: [pol] })
        .decision;
    expect(get('finance/q1.csv', 'finance')).toBe('ImplicitDeny');
    expect(get('Finance/q1.csv', 'finance')).toBe('Allow');
    expect(get('Finance/q1.csv', 'Finance')).toBe('ImplicitDeny');
  });
});
