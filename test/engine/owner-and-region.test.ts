// Two rules of where and by whom a request is decided:
// - S3's lock-out protection: the root user of the account that owns a bucket can always call
//   s3:GetBucketPolicy, s3:PutBucketPolicy and s3:DeleteBucketPolicy, "even if their bucket policy
//   explicitly denies the root principal's access. Bucket owner root principals can only be blocked
//   from performing these API actions by VPC endpoint policies and AWS Organizations policies."
//   (Amazon S3 API Reference "PutBucketPolicy",
//   https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutBucketPolicy.html, and
//   "DeleteBucketPolicy", https://docs.aws.amazon.com/AmazonS3/latest/API/API_DeleteBucketPolicy.html)
// - global services: "all requests to these services are made to the us-east-1 Region" (IAM User
//   Guide "AWS: Denies access to AWS based on the requested Region",
//   https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_examples_aws_deny-requested-region.html),
//   so aws:RequestedRegion is us-east-1 whatever the client's Region.
import { describe, expect, it } from 'vitest';
import type { CallData } from '../../src/engine/call/command.js';
import { globalEndpoint, requestRegion } from '../../src/engine/call/region.js';
import type { CallRecord } from '../../src/engine/call-record.js';
import type { AnyCommand, AnyEvent } from '../../src/engine/events.js';
import type { PolicyDocument } from '../../src/engine/iam/state.js';
import { account, call, DEV, given, inline, PROD, start, user, userArn, when } from './given.js';

const MGMT = '999999999999';
const denyAll = (bucket: string): PolicyDocument => ({
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'DenyEveryone',
      Effect: 'Deny',
      Principal: '*',
      Action: 's3:*',
      Resource: [`arn:aws:s3:::${bucket}`, `arn:aws:s3:::${bucket}/*`],
    },
  ],
});
const bucket = (acct: string, name: string, policy: PolicyDocument): AnyCommand[] => [
  { type: 'CreateBucket', data: { name, arn: `arn:aws:s3:::${name}`, account: acct } },
  { type: 'PutResourcePolicy', data: { arn: `arn:aws:s3:::${name}`, document: policy } },
];
const callOf = (events: AnyEvent[]) => (events[0]?.data as { call: CallRecord }).call;
/** S3 carries PutBucketPolicy out (engine/services/s3.ts): a request carries its policy. */
const withPolicy = (action: string): Record<string, string> =>
  action.toLowerCase() === 's3:putbucketpolicy' ? { Policy: JSON.stringify(denyAll('ledger')) } : {};
const asRoot = (acct: string, action: string, resource: string) =>
  call({ kind: 'root', account: acct }, action, withPolicy(action), resource);
const inRegion = (command: AnyCommand, region: string): AnyCommand => ({
  type: 'Call',
  data: { ...(command.data as CallData), region },
});

describe("S3's lock-out protection for the bucket owner's root user", () => {
  const world = given([start(), account(PROD, 'Production'), account(DEV, 'Development'), ...bucket(PROD, 'ledger', denyAll('ledger'))]);

  it.each(['s3:GetBucketPolicy', 's3:PutBucketPolicy', 's3:DeleteBucketPolicy', 'S3:deletebucketpolicy'])(
    'given a bucket policy that denies everyone, when the owner account’s root user calls %s, then it is allowed, with a note',
    (action) => {
      const c = callOf(when(world, asRoot(PROD, action, 'arn:aws:s3:::ledger')));
      expect(c.outcome).toBe('allowed');
      expect(c.evaluations[0]?.evaluation.policies.some((v) => v.type === 'resource')).toBe(false);
      expect(c.notes[0]).toMatch(/^the bucket policy of ledger explicitly denies \S+ \(statement #1 DenyEveryone\), but the root user/);
      expect(c.notes[0]).toContain('only AWS Organizations policies (SCPs, RCPs) and VPC endpoint policies can block it');
    },
  );

  it('given the same bucket, when the owner’s root user reads an object, then the bucket policy’s deny stands', () => {
    const c = callOf(when(world, asRoot(PROD, 's3:GetObject', 'arn:aws:s3:::ledger/a.csv')));
    expect(c.decision).toBe('ExplicitDeny');
    expect(c.evaluations[0]?.evaluation.decidedBy?.type).toBe('resource');
    expect(c.notes).toEqual([]);
  });

  it('given the same bucket, when another account’s root user deletes the bucket policy, then the deny stands', () => {
    const c = callOf(when(world, asRoot(DEV, 's3:DeleteBucketPolicy', 'arn:aws:s3:::ledger')));
    expect(c.decision).toBe('ExplicitDeny');
    expect(c.notes).toEqual([]);
  });

  it('given the same bucket, when an administrator of the owner account puts a bucket policy, then the deny stands', () => {
    const admin = given([
      start(),
      account(PROD, 'Production'),
      user(PROD, 'alice'),
      inline(userArn(PROD, 'alice'), 'All', [{ Effect: 'Allow', Action: '*', Resource: '*' }]),
      ...bucket(PROD, 'ledger', denyAll('ledger')),
    ]);
    const c = callOf(
      when(
        admin,
        call({ kind: 'user', arn: userArn(PROD, 'alice') }, 's3:PutBucketPolicy', withPolicy('s3:PutBucketPolicy'), 'arn:aws:s3:::ledger'),
      ),
    );
    expect(c.decision).toBe('ExplicitDeny');
  });

  it('given an SCP that denies the root user, when the owner’s root user deletes the bucket policy, then the SCP denies', () => {
    const denyRoot: PolicyDocument = {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Deny', Action: '*', Resource: '*', Condition: { ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:root' } } }],
    };
    const org = given([
      start(),
      account(MGMT, 'Management'),
      account(PROD, 'Production'),
      ...bucket(PROD, 'ledger', denyAll('ledger')),
      { type: 'CreateOrganization', data: { id: 'o-a1b2c3d4e5', rootId: 'r-ab12', managementAccount: MGMT } },
      { type: 'CreateOrganizationPolicy', data: { name: 'DenyRoot', policyType: 'scp', document: denyRoot } },
      { type: 'AddAccountToOrganization', data: { account: MGMT, parent: [] } },
      { type: 'AddAccountToOrganization', data: { account: PROD, parent: [] } },
      { type: 'AttachOrganizationPolicy', data: { policy: 'DenyRoot', target: { kind: 'account', account: PROD } } },
    ] satisfies AnyCommand[]);
    const c = callOf(when(org, asRoot(PROD, 's3:DeleteBucketPolicy', 'arn:aws:s3:::ledger')));
    expect(c.decision).toBe('ExplicitDeny');
    expect(c.evaluations[0]?.evaluation.decidedBy).toEqual({ type: 'scp', name: 'DenyRoot' });
    expect(c.error?.message).toMatch(/with an explicit deny in a service control policy$/);
  });
});

describe('the Region of a request to a global service', () => {
  const world = given([
    start(),
    account(PROD, 'Production'),
    user(PROD, 'alice'),
    inline(userArn(PROD, 'alice'), 'All', [{ Effect: 'Allow', Action: '*', Resource: '*' }]),
  ]);
  const alice = { kind: 'user', arn: userArn(PROD, 'alice') } as const;

  it('given a step in eu-west-1, when it calls IAM, then the request carries us-east-1, with a note', () => {
    const c = callOf(when(world, inRegion(call(alice, 'iam:ListUsers', {}, '*'), 'eu-west-1')));
    expect(c.context['aws:RequestedRegion']).toBe('us-east-1');
    expect(c.region).toBe('us-east-1');
    expect(c.notes).toEqual([
      "iam is a global service: its single endpoint iam.amazonaws.com is in us-east-1, so the request carries aws:RequestedRegion us-east-1, not the client's Region eu-west-1",
    ]);
  });

  it('given a step in us-east-1, when it calls IAM, then nothing needs saying', () => {
    const c = callOf(when(world, call(alice, 'iam:ListUsers', {}, '*')));
    expect(c.context['aws:RequestedRegion']).toBe('us-east-1');
    expect(c.notes).toEqual([]);
  });

  it('given a step in eu-west-1, when it calls a regional service, then the request carries eu-west-1', () => {
    const c = callOf(when(world, inRegion(call(alice, 'ec2:DescribeInstances', {}, '*'), 'eu-west-1')));
    expect(c.context['aws:RequestedRegion']).toBe('eu-west-1');
    expect(c.region).toBe('eu-west-1');
    expect(c.notes).toEqual([]);
  });

  it('given a step in eu-west-1, when it calls STS, then the regional endpoint’s Region is kept', () => {
    const c = callOf(when(world, inRegion(call(alice, 'sts:GetCallerIdentity'), 'eu-west-1')));
    expect(c.region).toBe('eu-west-1');
    expect(c.notes.some((n) => n.includes('global service'))).toBe(false);
  });

  it('names the global endpoints of the services AWS lists, and no regional one', () => {
    for (const action of [
      'iam:ListUsers',
      'organizations:ListAccounts',
      'cloudfront:ListDistributions',
      'route53:ListHostedZones',
      'support:DescribeCases',
      'budgets:ViewBudget',
      'waf:ListRules',
    ])
      expect(globalEndpoint(action)?.region).toBe('us-east-1');
    expect(globalEndpoint('networkmanager:DescribeGlobalNetworks')?.region).toBe('us-west-2');
    for (const action of ['sts:AssumeRole', 's3:GetObject', 'ec2:RunInstances', 'kms:Decrypt', 'iamx:Foo'])
      expect(globalEndpoint(action)).toBeNull();
    expect(requestRegion('IAM:ListUsers', 'ap-south-1').region).toBe('us-east-1');
  });
});
