// Calls sent through a VPC endpoint (AWS PrivateLink Guide "Control access to VPC endpoints using
// endpoint policies", https://docs.aws.amazon.com/vpc/latest/privatelink/vpc-endpoints-access.html;
// IAM User Guide "AWS global condition context keys",
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html):
// the endpoint policy filters them, and they carry aws:SourceVpce, aws:SourceVpc and
// aws:VpcSourceIp instead of aws:SourceIp.
import { describe, expect, it } from 'vitest';
import type { AnyCommand, AnyEvent } from '../../src/engine/events.js';
import { account, given, inline, PROD, start, user, userArn, when } from './given.js';

const ID = 'vpce-1a2b3c4d';
const endpoint = (statements: object[]): AnyCommand => ({
  type: 'CreateVpcEndpoint',
  data: {
    name: 'gw',
    id: ID,
    arn: `arn:aws:ec2:us-east-1:${PROD}:vpc-endpoint/${ID}`,
    vpc: 'vpc-111bbb22',
    account: PROD,
    region: 'us-east-1',
    service: 's3',
    document: { Statement: statements },
  },
});
const readOnly = { Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: '*' };

const call = (action: string, via: boolean): AnyCommand => ({
  type: 'Call',
  data: {
    caller: { kind: 'user', arn: userArn(PROD, 'alice') },
    action,
    resource: 'arn:aws:s3:::data/k',
    params: {},
    context: {},
    region: 'us-east-1',
    ...(via ? { via: { endpoint: ID, sourceIp: '10.0.1.25' } } : {}),
  },
});

type CallEvent = Extract<AnyEvent, { data: { call: unknown } }>;
const outcome = (events: AnyEvent[]) => (events[0] as CallEvent).data.call;
const bucket: AnyCommand = { type: 'CreateBucket', data: { name: 'data', arn: 'arn:aws:s3:::data', account: PROD } };
const base = [
  start(),
  account(PROD, 'P'),
  user(PROD, 'alice'),
  bucket,
  inline(userArn(PROD, 'alice'), 'S3', [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }]),
];

describe('a call through a VPC endpoint', () => {
  it('is created with its policy in the world', () => {
    const world = given([...base, endpoint([readOnly])]);
    expect(world.resources.vpcEndpoints[ID]).toMatchObject({ name: 'gw', vpc: 'vpc-111bbb22', service: 's3' });
  });

  it('is allowed when the endpoint policy allows, and carries the endpoint keys', () => {
    // given an endpoint whose policy allows reads, and alice allowed s3:*
    const world = given([...base, endpoint([readOnly])]);
    // when she reads through it
    const c = outcome(when(world, call('s3:GetObject', true)));
    // then it is allowed, with the endpoint policy among the consulted policies
    expect(c.decision).toBe('Allow');
    expect(c.context).toMatchObject({ 'aws:SourceVpce': ID, 'aws:SourceVpc': 'vpc-111bbb22', 'aws:VpcSourceIp': '10.0.1.25' });
    expect(c.context).not.toHaveProperty('aws:SourceIp');
    expect(c.evaluations[0]!.evaluation.policies.find((v) => v.type === 'vpc-endpoint')).toMatchObject({
      name: `${ID} (gw)`,
      verdict: 'Allow',
    });
  });

  it('is denied by the endpoint policy when it does not allow the action', () => {
    const world = given([...base, endpoint([readOnly])]);
    const c = outcome(when(world, call('s3:PutObject', true)));
    expect(c.decision).toBe('ImplicitDeny');
    expect(c.error?.message).toBe(
      `User: arn:aws:iam::${PROD}:user/alice is not authorized to perform: s3:PutObject on resource: arn:aws:s3:::data/k because no VPC endpoint policy allows the s3:PutObject action`,
    );
  });

  it('is denied explicitly by a Deny of the endpoint policy', () => {
    const world = given([
      ...base,
      endpoint([readOnly, { Effect: 'Deny', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::data/*' }]),
    ]);
    const c = outcome(when(world, call('s3:GetObject', true)));
    expect(c.decision).toBe('ExplicitDeny');
    expect(c.error?.message).toContain('with an explicit deny in a VPC endpoint policy');
  });

  it('sent over the internet instead, meets no endpoint policy and carries none of the keys', () => {
    const world = given([...base, endpoint([readOnly])]);
    const c = outcome(when(world, call('s3:PutObject', false)));
    expect(c.decision).toBe('Allow');
    for (const k of ['aws:SourceVpce', 'aws:SourceVpc', 'aws:VpcSourceIp']) expect(c.context).not.toHaveProperty(k);
    expect(c.evaluations[0]!.evaluation.policies.some((v) => v.type === 'vpc-endpoint')).toBe(false);
  });
});

describe('the bucket owner’s lock-out protection through a VPC endpoint', () => {
  // Amazon S3 API Reference, PutBucketPolicy: "Bucket owner root principals can only be blocked from
  // performing these API actions by VPC endpoint policies and AWS Organizations policies."
  const denyAll: AnyCommand = {
    type: 'PutResourcePolicy',
    data: {
      arn: 'arn:aws:s3:::data',
      document: {
        Version: '2012-10-17',
        Statement: [{ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: ['arn:aws:s3:::data', 'arn:aws:s3:::data/*'] }],
      },
    },
  };
  const putPolicy = (via: boolean): AnyCommand => ({
    type: 'Call',
    data: {
      caller: { kind: 'root', account: PROD },
      action: 's3:PutBucketPolicy',
      resource: 'arn:aws:s3:::data',
      // S3 carries PutBucketPolicy out (engine/services/s3.ts): a request carries its policy
      params: {
        Policy: {
          t: 'text',
          v: '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":"*","Action":"s3:DeleteObject","Resource":"arn:aws:s3:::data/*"}]}',
        },
      },
      context: {},
      region: 'us-east-1',
      ...(via ? { via: { endpoint: ID, sourceIp: '10.0.1.25' } } : {}),
    },
  });

  it('sets the bucket policy aside, but not an endpoint policy that does not allow the call', () => {
    // given a bucket policy denying everyone and an endpoint that allows reads only
    const world = given([...base, denyAll, endpoint([readOnly])]);
    // when the owner's root user puts the bucket policy over the internet, then through the endpoint
    const direct = outcome(when(world, putPolicy(false)));
    const through = outcome(when(world, putPolicy(true)));
    // then the lock-out protection lets the first through, and the endpoint policy stops the second
    expect(direct.decision).toBe('Allow');
    expect(through.decision).toBe('ImplicitDeny');
    expect(through.error?.message).toContain('because no VPC endpoint policy allows the s3:PutBucketPolicy action');
  });
});
