// An S3 call's Bucket and Key address what S3 authorizes: arn:aws:s3:::BUCKET for a bucket-level
// action, arn:aws:s3:::BUCKET/KEY for an object-level one (Amazon S3 User Guide "Policy actions for
// Amazon S3", https://docs.aws.amazon.com/AmazonS3/latest/userguide/using-with-s3-policy-actions.html,
// and "Amazon S3 resources"; Service Authorization Reference "Actions, resources, and condition keys
// for Amazon S3", https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazons3.html).
// A full ARN is taken as written, so a bucket no account declares can be called; its owner is the
// account ExpectedBucketOwner names (Amazon S3 User Guide "Verifying bucket ownership with bucket
// owner condition", https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucket-owner-condition.html).
import { describe, expect, it } from 'vitest';
import type { CallRecord } from '../../src/engine/call-record.js';
import { failure, sim } from './run.js';

const world = `
scenario "s3 calls"
account Production 111111111111 {
  bucket productionapp
  user alice { inline Read { allow action s3:GetObject, s3:ListBucket resource * } }
}
`;

function callOf(step: string): CallRecord {
  const { events } = sim(`${world}\nstep "s" { as user Production/alice; ${step} }`);
  const logged = events.find((e) => 'call' in (e.data as object));
  return (logged!.data as { call: CallRecord }).call;
}

describe('Bucket and Key address the resource', () => {
  it('given Bucket and Key, when alice calls s3:GetObject, then it is authorized on the object', () => {
    const c = callOf('call s3:GetObject { Bucket: productionapp, Key: app/v2.zip }');
    expect(c.resource).toBe('arn:aws:s3:::productionapp/app/v2.zip');
    expect(c.params).toEqual({ Bucket: 'productionapp', Key: 'app/v2.zip' });
    expect(c.context['aws:ResourceAccount']).toBe('111111111111');
  });

  it('given only Bucket, when alice calls s3:ListBucket, then it is authorized on the bucket', () => {
    expect(callOf('call s3:ListBucket { Bucket: productionapp }').resource).toBe('arn:aws:s3:::productionapp');
  });

  it('given `Bucket: bucket NAME`, then the parameter is the bucket’s name, as the API takes it', () => {
    const c = callOf('call s3:GetObject { Bucket: bucket productionapp, Key: a }');
    expect(c.params['Bucket']).toBe('productionapp');
    expect(c.resource).toBe('arn:aws:s3:::productionapp/a');
  });

  it('given a resource that is the same object, then both are accepted', () => {
    const c = callOf('call s3:GetObject resource arn:aws:s3:::productionapp/a { Bucket: productionapp, Key: a }');
    expect(c.resource).toBe('arn:aws:s3:::productionapp/a');
  });

  it('given a resource that is another object, then the scenario is refused at the resource', () => {
    const e = failure(
      `${world}\nstep "s" { as user Production/alice; call s3:GetObject resource arn:aws:s3:::productionapp/a { Bucket: productionapp, Key: b } }`,
    );
    expect(e.message).toBe("resource arn:aws:s3:::productionapp/a is not what the call's parameters address: arn:aws:s3:::productionapp/b");
    expect(e.expected).toBe(
      'arn:aws:s3:::productionapp/b, or no resource: S3 authorizes s3:GetObject on the object its Bucket and Key name',
    );
    expect([e.pos.line, e.pos.col, e.length]).toEqual([
      8,
      'step "s" { as user Production/alice; call s3:GetObject resource '.length + 1,
      28,
    ]);
  });

  it('given a Bucket on an action that acts on neither a bucket nor an object, then the scenario is refused at the Bucket', () => {
    const e = failure(`${world}\nstep "s" { as user Production/alice; call s3:ListAllMyBuckets { Bucket: productionapp } }`);
    expect(e.message).toBe('s3:ListAllMyBuckets acts on neither a bucket nor an object, so it takes no Bucket');
    expect(e.expected).toBe("no Bucket: name the action's resource with `resource ARN` (or none, for *)");
    expect([e.pos.line, e.length]).toEqual([8, 'Bucket'.length]);
  });

  it('given the Bucket of s3:ListAccessPoints, then the call runs on *, and the trace says what the Bucket is', () => {
    const c = callOf('call s3:ListAccessPoints { Bucket: productionapp }');
    expect(c.resource).toBe('*');
    expect(c.notes).toContain(
      'Bucket productionapp is the bucket whose access points the request lists; the action has no resource type, so its resource is *',
    );
  });

  it('given half an object or a Key for a bucket, then the scenario is refused at the parameter', () => {
    const at = (step: string) => failure(`${world}\nstep "s" { as user Production/alice; ${step} }`);
    expect(at('call s3:GetObject { Bucket: productionapp }').message).toBe(
      's3:GetObject acts on an object: it needs Key as well as Bucket',
    );
    expect(at('call s3:GetObject { Key: a }').message).toBe('s3:GetObject needs Bucket, the name of its bucket');
    const key = at('call s3:ListBucket { Bucket: productionapp, Key: a }');
    expect(key.message).toBe('s3:ListBucket acts on the bucket, so it takes no Key');
    expect(key.pos.col).toBe(`step "s" { as user Production/alice; call s3:ListBucket { Bucket: productionapp, `.length + 1);
  });

  it('leaves other services’ parameters alone', () => {
    expect(callOf('call dynamodb:GetItem { Bucket: x, Key: y }').resource).toBe('*');
  });
});

describe('a bucket the scenario does not declare', () => {
  it('given its ARN or its name, then the call is made, cross-account, with no aws:ResourceAccount', () => {
    for (const step of [
      'call s3:GetObject resource arn:aws:s3:::partner-drop/in.csv',
      'call s3:GetObject { Bucket: partner-drop, Key: in.csv }',
    ]) {
      const c = callOf(step);
      expect(c.resource).toBe('arn:aws:s3:::partner-drop/in.csv');
      expect(c.decision).toBe('ImplicitDeny');
      expect(c.evaluations[0]?.evaluation.sameAccount).toBe(false);
      expect(c.context['aws:ResourceAccount']).toBeUndefined();
      expect(c.notes[0]).toMatch(
        /^bucket partner-drop is not declared in the scenario: iamsim takes it to belong to an account the scenario does not declare/,
      );
    }
  });

  it('given ExpectedBucketOwner, then that account owns it', () => {
    const c = callOf('call s3:GetObject { Bucket: partner-drop, Key: in.csv, ExpectedBucketOwner: 444455556666 }');
    expect(c.context['aws:ResourceAccount']).toBe('444455556666');
    expect(c.evaluations[0]?.evaluation.sameAccount).toBe(false);
  });

  it('given an ExpectedBucketOwner that is a declared account, then the scenario is refused: its buckets are declared', () => {
    const e = failure(
      `${world}\nstep "s" { as user Production/alice; call s3:GetObject { Bucket: partner-drop, Key: a, ExpectedBucketOwner: 111111111111 } }`,
    );
    expect(e.message).toBe('bucket partner-drop is not declared in account Production (111111111111), which ExpectedBucketOwner names');
  });

  it('given an ExpectedBucketOwner that is no account ID, then the scenario is refused', () => {
    const e = failure(
      `${world}\nstep "s" { as user Production/alice; call s3:GetObject { Bucket: productionapp, Key: a, ExpectedBucketOwner: Production } }`,
    );
    expect(e.message).toBe('ExpectedBucketOwner Production is not an account ID');
  });

  it('a `bucket NAME` reference is still checked', () => {
    const e = failure(`${world}\nstep "s" { as user Production/alice; call s3:GetObject resource bucket productionap }`);
    expect(e.message).toBe('bucket productionap is not defined');
    expect(e.suggestion).toBe('productionapp');
  });
});
