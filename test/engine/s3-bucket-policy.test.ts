// S3's PutBucketPolicy and DeleteBucketPolicy, carried out (src/engine/services/s3.ts):
// - Amazon S3 API Reference, PutBucketPolicy and DeleteBucketPolicy
//   (https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutBucketPolicy.html,
//   https://docs.aws.amazon.com/AmazonS3/latest/API/API_DeleteBucketPolicy.html): the caller needs the
//   permission on the bucket and must belong to the bucket owner's account, else "405 Method Not
//   Allowed"; the owner's root user may always (the lock-out protection: owner-and-region.test.ts).
// - Amazon S3 User Guide, "Bucket policies for Amazon S3"
//   (https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucket-policies.html): at most 20 KB.
// - MalformedPolicy "Policies must be valid JSON and the first byte must be '{'" and "Policy has
//   invalid resource": S3's answers as reported by AWS CLI users (aws/aws-cli#2779).
import { describe, expect, it } from 'vitest';
import type { CallRecord } from '../../src/engine/call-record.js';
import type { AnyEvent } from '../../src/engine/events.js';
import { evolve } from '../../src/engine/evolve.js';
import type { World } from '../../src/engine/world.js';
import { account, bucket, call, DEV, given, inline, PROD, start, user, userArn, when } from './given.js';

const ALICE = { kind: 'user', arn: userArn(PROD, 'alice') } as const;
const CAROL = { kind: 'user', arn: userArn(DEV, 'carol') } as const;
const ARN = 'arn:aws:s3:::reports';

const reads = (principal: string) =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      { Effect: 'Allow', Principal: { AWS: principal }, Action: 's3:GetObject', Resource: `${ARN}/*` },
      { Effect: 'Allow', Principal: { AWS: principal }, Action: 's3:PutBucketPolicy', Resource: ARN },
    ],
  });

const world = given([
  start(),
  account(PROD, 'Production'),
  account(DEV, 'Development'),
  bucket(PROD, 'reports'),
  user(PROD, 'alice'),
  inline(userArn(PROD, 'alice'), 'All', [{ Effect: 'Allow', Action: '*', Resource: '*' }]),
  user(DEV, 'carol'),
  inline(userArn(DEV, 'carol'), 'S3', [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }]),
]);

const callOf = (events: AnyEvent[]) => (events[0]?.data as { call: CallRecord }).call;
const apply = (w: World, events: AnyEvent[]) => events.reduce(evolve, w);

describe('s3:PutBucketPolicy', () => {
  it('given an administrator of the owner account, when she puts a policy, then ResourcePolicyPut changes the bucket', () => {
    const events = when(world, call(ALICE, 's3:PutBucketPolicy', { Bucket: 'reports', Policy: reads(`arn:aws:iam::${DEV}:root`) }));
    expect(callOf(events).outcome).toBe('allowed');
    expect(events.map((e) => e.type)).toEqual(['RequestAllowed', 'ResourcePolicyPut']);
    const after = apply(world, events);
    expect(after.resources.byArn[ARN]?.policy).toEqual(JSON.parse(reads(`arn:aws:iam::${DEV}:root`)));
    // then a read from the other account is allowed by both sides
    const read = callOf(when(after, call(CAROL, 's3:GetObject', { Bucket: 'reports', Key: 'a.csv' })));
    expect(read.outcome).toBe('allowed');
  });

  it.each([
    ['text that is not JSON', 'Allow all', "Policies must be valid JSON and the first byte must be '{'"],
    ['a JSON object that is not a policy', '{"Version":"2012-10-17"}', 'This policy contains invalid Json'],
    ['broken JSON', '{"Version":', 'This policy contains invalid Json'],
    [
      'a statement without a principal',
      '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::reports/*"}]}',
      'Missing required field Principal',
    ],
    [
      'a principal that is no ARN',
      '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"alice"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::reports/*"}]}',
      'Invalid principal in policy',
    ],
    [
      'another bucket',
      '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::other/*"}]}',
      'Policy has invalid resource',
    ],
    [
      'more than 20 KB',
      JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: `${ARN}/${'x'.repeat(21000)}` }],
      }),
      'Policy exceeds the maximum allowed document size.',
    ],
  ])('given %s, when it is put, then MalformedPolicy before any authorization, and nothing changes', (_what, policy, message) => {
    const events = when(world, call(ALICE, 's3:PutBucketPolicy', { Bucket: 'reports', Policy: policy }));
    const c = callOf(events);
    expect(events.map((e) => e.type)).toEqual(['RequestFailed']);
    expect(c.error).toEqual({ code: 'MalformedPolicy', message });
    expect(c.evaluations).toEqual([]);
  });

  it('given no Policy, when the call is made, then MissingRequestBodyError', () => {
    const c = callOf(when(world, call(ALICE, 's3:PutBucketPolicy', { Bucket: 'reports' })));
    expect(c.error?.code).toBe('MissingRequestBodyError');
  });

  it('given no Bucket and no resource, when the call is made, then InvalidRequest', () => {
    const c = callOf(when(world, call(ALICE, 's3:PutBucketPolicy', { Policy: reads('*') })));
    expect(c.error?.code).toBe('InvalidRequest');
  });

  it('given the bucket named by the step’s resource alone, when the policy is put, then it is the bucket changed', () => {
    const events = when(world, call(ALICE, 's3:PutBucketPolicy', { Policy: reads('*') }, ARN));
    expect(events[1]).toMatchObject({ type: 'ResourcePolicyPut', data: { arn: ARN } });
  });

  it('given a bucket no account declares, when an allowed caller puts a policy, then NoSuchBucket', () => {
    const c = callOf(
      when(
        world,
        call(ALICE, 's3:PutBucketPolicy', {
          Bucket: 'elsewhere',
          ExpectedBucketOwner: PROD,
          Policy: reads('*').replaceAll('reports', 'elsewhere'),
        }),
      ),
    );
    expect(c.error?.code).toBe('NoSuchBucket');
  });

  it('given a bucket policy that allows another account to put it, when its user puts one, then 405 MethodNotAllowed and nothing changes', () => {
    const opened = apply(
      world,
      when(world, call(ALICE, 's3:PutBucketPolicy', { Bucket: 'reports', Policy: reads(`arn:aws:iam::${DEV}:root`) })),
    );
    const events = when(opened, call(CAROL, 's3:PutBucketPolicy', { Bucket: 'reports', Policy: reads('*') }));
    const c = callOf(events);
    expect(c.decision).toBe('Allow');
    expect(c.error).toEqual({ code: 'MethodNotAllowed', message: 'The specified method is not allowed against this resource.' });
    expect(events.map((e) => e.type)).toEqual(['RequestFailed']);
  });

  it('given a user without the permission, when she puts a policy, then AccessDenied and nothing changes', () => {
    const events = when(world, call(CAROL, 's3:PutBucketPolicy', { Bucket: 'reports', Policy: reads('*') }));
    expect(callOf(events).decision).toBe('ImplicitDeny');
    expect(events.map((e) => e.type)).toEqual(['RequestDenied']);
  });
});

describe('s3:DeleteBucketPolicy', () => {
  const opened = apply(
    world,
    when(world, call(ALICE, 's3:PutBucketPolicy', { Bucket: 'reports', Policy: reads(`arn:aws:iam::${DEV}:root`) })),
  );

  it('given a bucket with a policy, when the owner’s administrator deletes it, then ResourcePolicyDeleted and the bucket has none', () => {
    const events = when(opened, call(ALICE, 's3:DeleteBucketPolicy', { Bucket: 'reports' }));
    expect(events.map((e) => e.type)).toEqual(['RequestAllowed', 'ResourcePolicyDeleted']);
    expect(apply(opened, events).resources.byArn[ARN]?.policy).toBeNull();
  });

  it('given a bucket without a policy, when it is deleted, then it is allowed (S3 answers 204) and nothing changes', () => {
    const events = when(world, call(ALICE, 's3:DeleteBucketPolicy', { Bucket: 'reports' }));
    expect(events.map((e) => e.type)).toEqual(['RequestAllowed']);
    expect(callOf(events).notes.at(-1)).toContain('has no bucket policy');
  });
});
