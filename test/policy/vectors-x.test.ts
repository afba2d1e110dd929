// More worked examples (X01–X20) of the IAM User Guide's "Policy evaluation logic" rules.
import { describe, expect, it } from 'vitest';
import type { RequestPrincipal } from '../../src/policy/index.js';
import { A, B, allow, anonymous, decide, deny, federatedUser, obj, policy, request, roleSession, user } from './helpers.js';

const alice = user('alice');
const get = (p: RequestPrincipal, bucket: string, key: string, owner: string, ctx = {}) =>
  request(p, 's3:GetObject', obj(bucket, key), owner, ctx);
const fullAccess = policy('scp', allow('*', '*'), { name: 'FullAWSAccess' });

describe('variables and Version (X01–X04)', () => {
  const legacy = policy('identity', allow('s3:GetObject', 'arn:aws:s3:::bucket-a/${aws:username}/*'), { version: '2008-10-17' });
  it('X01: Version 2008-10-17 keeps ${aws:username} literal', () => {
    expect(decide(get(alice, 'bucket-a', 'alice/f', A), { identity: [legacy] }).decision).toBe('ImplicitDeny');
  });
  it('X02: … and so the literal key matches', () => {
    expect(decide(get(alice, 'bucket-a', '${aws:username}/f', A), { identity: [legacy] }).decision).toBe('Allow');
  });
  it('X03: aws:username is absent for roles, so the entry matches nothing', () => {
    const id = policy('identity', allow('s3:GetObject', 'arn:aws:s3:::bucket-a/${aws:username}/*'));
    const r = decide(get(roleSession('app', 's1'), 'bucket-a', 's1/f', A), { identity: [id] });
    expect(r.decision).toBe('ImplicitDeny');
    expect(r.missingContextKeys).toEqual(['aws:username']);
  });
  it('X04: a default value is used when the key is absent', () => {
    const id = policy('identity', allow('s3:GetObject', "arn:aws:s3:::bucket-a/${aws:username, 'shared'}/*"));
    expect(decide(get(roleSession('app', 's1'), 'bucket-a', 'shared/f', A), { identity: [id] }).decision).toBe('Allow');
    expect(decide(get(alice, 'bucket-a', 'alice/f', A), { identity: [id] }).decision).toBe('Allow');
  });
});

describe('organizations (X05–X07, X19)', () => {
  const idGet = policy('identity', allow('s3:GetObject', 'arn:aws:s3:::bucket-a/*'));
  const levels = [
    { name: 'root r-aaaa', policies: [fullAccess] },
    { name: 'ou Dev', policies: [policy('scp', allow('ec2:*', '*'), { name: 'Ec2Only' })] },
  ];
  it('X05: an OU level without a matching Allow blocks a member account', () => {
    const r = decide(get(alice, 'bucket-a', 'f', A), { identity: [idGet], scpLevels: levels });
    expect(r.decision).toBe('ImplicitDeny');
    expect(r.decidedBy).toEqual({ type: 'scp', name: 'ou Dev' });
    expect(r.reason).toBe('no service control policy at ou Dev allows s3:GetObject');
  });
  it('X06: the management account has no SCP levels → Allow', () => {
    expect(decide(get(alice, 'bucket-a', 'f', A), { identity: [idGet] }).decision).toBe('Allow');
  });
  it('X07: SCPs do not affect service-linked roles', () => {
    const slr: RequestPrincipal = {
      ...roleSession('AWSServiceRoleForExample', 'x', A, '/aws-service-role/'),
      isServiceLinkedRole: true,
    };
    const denyS3 = policy('scp', deny('s3:*', '*'));
    const scpLevels = [{ name: `account ${A}`, policies: [fullAccess, denyS3] }];
    expect(decide(get(slr, 'bucket-a', 'f', A), { identity: [idGet], scpLevels }).decision).toBe('Allow');
    expect(decide(get(alice, 'bucket-a', 'f', A), { identity: [idGet], scpLevels }).decision).toBe('ExplicitDeny');
  });
  it('X19: anonymous callers ignore SCPs', () => {
    const rp = policy('resource', { Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::bucket-a/*' });
    const scpLevels = [{ name: 'root', policies: [fullAccess, policy('scp', deny('s3:*', '*'))] }];
    const r = decide(get(anonymous, 'bucket-a', 'f', A), { resource: rp, scpLevels });
    expect(r.decision).toBe('Allow');
    expect(r.policies.map((v) => v.type)).toEqual(['resource']);
  });
});

describe('special cases and conditions (X08–X12, X20)', () => {
  it('X08: GetCallerIdentity is allowed despite Deny *', () => {
    const r = decide(request(alice, 'sts:GetCallerIdentity', '*', undefined), { identity: [policy('identity', deny('*', '*'))] });
    expect(r.decision).toBe('Allow');
    expect(r.decidedBy).toBeNull();
  });

  it('X09: a bare operator on a multi-valued key fails; ForAnyValue works', () => {
    const key = `arn:aws:kms:us-east-1:${A}:key/k1`;
    const keyPolicy = policy('resource', { Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${A}:root` }, Action: 'kms:*', Resource: '*' });
    const ctx = { 'aws:CalledVia': ['cloudformation.amazonaws.com', 'dynamodb.amazonaws.com'], 'aws:ViaAWSService': 'true' };
    const id = (op: string) =>
      policy('identity', allow('kms:Decrypt', '*', { Condition: { [op]: { 'aws:CalledVia': 'cloudformation.amazonaws.com' } } }));
    const r = (op: string) =>
      decide(request(alice, 'kms:Decrypt', key, A, ctx), { identity: [id(op)], resource: keyPolicy, resourceMustAllow: true });
    expect(r('StringEquals').decision).toBe('ImplicitDeny');
    expect(r('ForAnyValue:StringEquals').decision).toBe('Allow');
  });

  it('X10: ArnLike compares components; StringLike spans colons', () => {
    const value = 'arn:aws:someservice:us-east-2:999999999999:store/abc:111122223333:finance/document.txt';
    const id = (op: string) =>
      policy('identity', allow('s3:GetObject', '*', { Condition: { [op]: { 'aws:SourceArn': `arn:aws:someservice:*:${A}:finance/*` } } }));
    const r = (op: string) => decide(get(alice, 'bucket-a', 'f', A, { 'aws:SourceArn': value }), { identity: [id(op)] }).decision;
    expect(r('ArnLike')).toBe('ImplicitDeny');
    expect(r('StringLike')).toBe('Allow');
  });

  it('X11: resource wildcards span "/"', () => {
    const id = policy('identity', allow('s3:GetObject', 'arn:aws:s3:::bucket-a/*/test/*'));
    expect(decide(get(alice, 'bucket-a', '1/2/test/x.jpg', A), { identity: [id] }).decision).toBe('Allow');
  });

  it('X12: a Deny with StringNotEqualsIfExists still denies when the key is absent', () => {
    const id = policy('identity', [
      allow('s3:*', '*'),
      deny('s3:*', '*', { Condition: { StringNotEqualsIfExists: { 'aws:SourceVpc': 'vpc-1' } } }),
    ]);
    expect(decide(get(alice, 'bucket-a', 'f', A), { identity: [id] }).decision).toBe('ExplicitDeny');
    expect(decide(get(alice, 'bucket-a', 'f', A, { 'aws:SourceVpc': 'vpc-1' }), { identity: [id] }).decision).toBe('Allow');
  });

  it('X20: ForAllValues:StringNotEquals forbids listed tag keys', () => {
    const id = policy(
      'identity',
      allow('iam:TagUser', `arn:aws:iam::${A}:user/*`, {
        Condition: { 'ForAllValues:StringNotEquals': { 'aws:TagKeys': ['Secret'] } },
      }),
    );
    const tag = (keys?: string[]) =>
      decide(request(alice, 'iam:TagUser', `arn:aws:iam::${A}:user/bob`, A, keys ? { 'aws:TagKeys': keys } : {}), { identity: [id] })
        .decision;
    expect(tag(['Dept', 'Secret'])).toBe('ImplicitDeny');
    expect(tag(['Dept'])).toBe('Allow');
    expect(tag()).toBe('Allow');
  });
});

describe('sessions, federation and trust (X13–X18)', () => {
  const sess = roleSession('app', 's1');
  it('X13: Principal * narrowed by aws:PrincipalArn = role counts as direct', () => {
    const rp = policy('resource', {
      Effect: 'Allow',
      Principal: '*',
      Action: 's3:GetObject',
      Resource: 'arn:aws:s3:::bucket-a/*',
      Condition: { ArnEquals: { 'aws:PrincipalArn': `arn:aws:iam::${A}:role/app` } },
    });
    const r = decide(get(sess, 'bucket-a', 'f', A), { boundary: policy('boundary', allow('ec2:*', '*')), resource: rp });
    expect(r.decision).toBe('Allow');
  });

  it('X14: a session-ARN grant is not limited by the session policy (AWS docs)', () => {
    const rp = policy('resource', {
      Effect: 'Allow',
      Principal: { AWS: `arn:aws:sts::${A}:assumed-role/app/s1` },
      Action: 's3:GetObject',
      Resource: 'arn:aws:s3:::bucket-a/*',
    });
    const r = decide(get(sess, 'bucket-a', 'f', A), { session: [policy('session', allow('ec2:*', '*'))], resource: rp });
    expect(r.decision).toBe('Allow');
  });

  it('X15: a federated user without a session policy has no permissions', () => {
    const fed = federatedUser('fed1', 'alice');
    const r = decide(get(fed, 'bucket-a', 'f', A), { identity: [policy('identity', allow('s3:GetObject', 'arn:aws:s3:::bucket-a/*'))] });
    expect(r.decision).toBe('ImplicitDeny');
    expect(r.decidedBy).toEqual({ type: 'session-policy' });
  });

  it('X16: cross-account grants never bypass the boundary', () => {
    const rp = policy('resource', {
      Effect: 'Allow',
      Principal: { AWS: `arn:aws:sts::${A}:assumed-role/app/s1` },
      Action: 's3:GetObject',
      Resource: 'arn:aws:s3:::bucket-b/*',
    });
    const boundary = policy('boundary', allow('ec2:*', '*'), { name: 'Ec2Only' });
    const r = decide(get(sess, 'bucket-b', 'f', B), {
      identity: [policy('identity', allow('s3:GetObject', 'arn:aws:s3:::bucket-b/*'))],
      boundary,
      resource: rp,
    });
    expect(r.decision).toBe('ImplicitDeny');
    expect(r.decidedBy).toEqual({ type: 'boundary', name: 'Ec2Only' });
  });

  const trust = (principal: unknown) =>
    policy('trust', { Effect: 'Allow', Principal: principal, Action: 'sts:AssumeRole' }, { name: 'trust target' });
  const assume = request(alice, 'sts:AssumeRole', `arn:aws:iam::${A}:role/target`, A);

  it('X17: same-account trust naming the user suffices', () => {
    const r = decide(assume, { resource: trust({ AWS: `arn:aws:iam::${A}:user/alice` }), resourceMustAllow: true });
    expect(r.decision).toBe('Allow');
    expect(r.decidedBy).toEqual({ type: 'trust', name: 'trust target' });
    expect(r.policies[0]?.type).toBe('trust');
  });

  it('X18: a trust policy naming only the account needs the identity Allow too', () => {
    const r = decide(assume, { resource: trust({ AWS: A }), resourceMustAllow: true });
    expect(r.decision).toBe('ImplicitDeny');
    expect(r.decidedBy).toEqual({ type: 'identity' });
    const id = policy('identity', allow('sts:AssumeRole', `arn:aws:iam::${A}:role/target`));
    expect(decide(assume, { identity: [id], resource: trust({ AWS: A }), resourceMustAllow: true }).decision).toBe('Allow');
  });
});
