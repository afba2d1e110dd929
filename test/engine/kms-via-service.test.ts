// A KMS request a service makes for the caller: an SSE-KMS s3:PutObject makes S3 ask KMS for a data
// key with the caller's credentials, and KMS authorizes the caller for kms:GenerateDataKey with
// kms:ViaService = s3.REGION.amazonaws.com (AWS KMS Developer Guide "AWS KMS condition keys",
// kms:ViaService, https://docs.aws.amazon.com/kms/latest/developerguide/conditions-kms.html#conditions-kms-via-service;
// Amazon S3 User Guide "Using server-side encryption with AWS KMS keys (SSE-KMS)", Permissions and
// Encryption context, https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingKMSEncryption.html).
// Without it the upload fails with S3's Access Denied (AWS re:Post Knowledge Center, "Why do I get
// an Access Denied error when I upload a large file to my Amazon S3 bucket with an AWS KMS key?",
// https://repost.aws/knowledge-center/s3-large-file-encryption-kms-key).
import { describe, expect, it } from 'vitest';
import type { AnyCommand, AnyEvent } from '../../src/engine/events.js';
import { account, bucket, call, DEV, given, inline, PROD, start, user, userArn, when } from './given.js';

const KEY = `arn:aws:kms:us-east-1:${PROD}:key/1234abcd-12ab-44cd-96ef-1234567890ab`;

const key = (statements: object[]): AnyCommand[] => [
  {
    type: 'CreateKey',
    data: {
      name: 'uploads',
      arn: KEY,
      keyId: KEY.slice(KEY.indexOf('/') + 1),
      account: PROD,
      region: 'us-east-1',
      aliases: ['alias/uploads'],
    },
  },
  { type: 'PutResourcePolicy', data: { arn: KEY, document: { Version: '2012-10-17', Statement: statements } } },
];

const throughS3 = (principal: string, extra: object = {}) => ({
  Effect: 'Allow',
  Principal: { AWS: principal },
  Action: 'kms:GenerateDataKey',
  Resource: '*',
  Condition: { StringEquals: { 'kms:ViaService': 's3.us-east-1.amazonaws.com', ...extra } },
});

const mayUpload = (acct: string, name: string) =>
  inline(userArn(acct, name), 'Upload', [{ Effect: 'Allow', Action: 's3:PutObject', Resource: '*' }]);
const alice = { kind: 'user' as const, arn: userArn(PROD, 'alice') };
const upload = (params: Record<string, string>) =>
  call(alice, 's3:PutObject', { Bucket: 'reports', Key: 'q1.csv', ServerSideEncryption: 'aws:kms', ...params });

type CallEvent = Extract<AnyEvent, { data: { call: unknown } }>;
const outcome = (events: AnyEvent[]) => (events[0] as CallEvent).data.call;
const base = [start(), account(PROD, 'P'), account(DEV, 'D'), user(PROD, 'alice'), bucket(PROD, 'reports'), mayUpload(PROD, 'alice')];

describe('KMS requests made through S3 (kms:ViaService)', () => {
  it('given a key policy allowing alice through S3, when she uploads with SSE-KMS, then S3 and KMS both allow, in one call record', () => {
    const world = given([...base, ...key([throughS3(userArn(PROD, 'alice'))])]);
    const c = outcome(when(world, upload({ SSEKMSKeyId: 'alias/uploads' })));
    expect(c.outcome).toBe('allowed');
    expect(c.resource).toBe('arn:aws:s3:::reports/q1.csv');
    expect(c.evaluations.map((e) => [e.action, e.resource, e.evaluation.decision])).toEqual([
      ['s3:PutObject', 'arn:aws:s3:::reports/q1.csv', 'Allow'],
      ['kms:GenerateDataKey', KEY, 'Allow'],
    ]);
    expect(c.notes.join('\n')).toContain(
      `s3.us-east-1.amazonaws.com called kms:GenerateDataKey on key ${KEY} for the caller, with its credentials (kms:CallerAccount="${PROD}", kms:EncryptionContext:aws:s3:arn="arn:aws:s3:::reports/q1.csv"`,
    );
  });

  it('given the same key policy, when alice asks KMS directly, then kms:ViaService is absent and KMS denies', () => {
    const world = given([...base, ...key([throughS3(userArn(PROD, 'alice'))])]);
    const c = outcome(when(world, call(alice, 'kms:GenerateDataKey', { KeyId: 'alias/uploads' })));
    expect(c.decision).toBe('ImplicitDeny');
    expect(c.error?.code).toBe('AccessDeniedException');
  });

  it('given a key policy that does not name the caller, when she uploads with SSE-KMS, then S3 answers AccessDenied with the KMS decision', () => {
    const world = given([...base, ...key([throughS3(userArn(PROD, 'bob'))])]);
    const c = outcome(when(world, upload({ SSEKMSKeyId: KEY })));
    expect(c.outcome).toBe('denied');
    expect(c.decision).toBe('ImplicitDeny');
    expect(c.error).toEqual({
      code: 'AccessDenied',
      message: `User: ${userArn(PROD, 'alice')} is not authorized to perform: kms:GenerateDataKey on resource: ${KEY} because no resource-based policy allows the kms:GenerateDataKey action`,
    });
    expect(c.evaluations.map((e) => e.evaluation.decision)).toEqual(['Allow', 'ImplicitDeny']);
  });

  it('given S3 denies the upload, when she uploads with SSE-KMS, then KMS is never asked', () => {
    const world = given([
      start(),
      account(PROD, 'P'),
      user(PROD, 'alice'),
      bucket(PROD, 'reports'),
      ...key([throughS3(userArn(PROD, 'alice'))]),
    ]);
    const c = outcome(when(world, upload({ SSEKMSKeyId: 'alias/uploads' })));
    expect(c.error?.message).toContain('s3:PutObject');
    expect(c.evaluations.map((e) => e.action)).toEqual(['s3:PutObject']);
  });

  it('given an upload without SSE-KMS or without SSEKMSKeyId, then S3 asks KMS for nothing', () => {
    const world = given([...base, ...key([throughS3(userArn(PROD, 'bob'))])]);
    expect(outcome(when(world, call(alice, 's3:PutObject', { Bucket: 'reports', Key: 'q1.csv' }))).evaluations).toHaveLength(1);
    expect(outcome(when(world, upload({}))).evaluations).toHaveLength(1);
  });

  it('given an S3 Bucket Key, then the encryption context is the bucket ARN, not the object ARN', () => {
    const world = given([
      ...base,
      ...key([throughS3(userArn(PROD, 'alice'), { 'kms:EncryptionContext:aws:s3:arn': 'arn:aws:s3:::reports' })]),
    ]);
    expect(outcome(when(world, upload({ SSEKMSKeyId: 'alias/uploads', BucketKeyEnabled: 'true' }))).outcome).toBe('allowed');
    expect(outcome(when(world, upload({ SSEKMSKeyId: 'alias/uploads' }))).outcome).toBe('denied');
  });

  it('given a key policy that denies requests through S3, then an identity policy allowing kms:* does not help', () => {
    const deny = { ...throughS3('*'), Effect: 'Deny', Action: 'kms:*' };
    const world = given([
      ...base,
      inline(userArn(PROD, 'alice'), 'Kms', [{ Effect: 'Allow', Action: 'kms:*', Resource: '*' }]),
      ...key([{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${PROD}:root` }, Action: 'kms:*', Resource: '*' }, deny]),
    ]);
    const c = outcome(when(world, upload({ SSEKMSKeyId: 'alias/uploads' })));
    expect(c.decision).toBe('ExplicitDeny');
    expect(c.error?.code).toBe('AccessDenied');
    expect(outcome(when(world, call(alice, 'kms:GenerateDataKey', { KeyId: 'alias/uploads' }))).decision).toBe('Allow');
  });
});
