// `as service NAME source-account A source-arn ARN`: the resource a service principal acts for, as
// the request context carries it (IAM User Guide "AWS global condition context keys",
// aws:SourceAccount and aws:SourceArn: the calling service passes the source's ARN and the account
// it belongs to), and the mistakes the scenario is refused for.
import { describe, expect, it } from 'vitest';
import type { CallRecord } from '../../src/engine/call-record.js';
import { failure, sim } from './run.js';

const world = `
scenario "sources"
account Acme 111111111111 {
  resource arn:aws:sns:us-east-1:111111111111:uploads {
    policy { allow principal service s3.amazonaws.com action sns:Publish resource * }
  }
}
account Mallory 444455556666 { bucket mallory-uploads }
`;

function sourceKeys(subject: string): Record<string, unknown> {
  const { events } = sim(`${world}
step "s" { as ${subject}; call sns:Publish resource arn:aws:sns:us-east-1:111111111111:uploads }`);
  const logged = events.find((e) => 'call' in (e.data as object));
  const call = (logged!.data as { call: CallRecord }).call;
  return Object.fromEntries(Object.entries(call.context).filter(([k]) => k.startsWith('aws:Source')));
}

describe('the source of a service caller', () => {
  it('a declared account by name or ID, or any 12-digit ID, in either order', () => {
    const arn = 'arn:aws:s3:::acme-uploads';
    const expected = { 'aws:SourceAccount': '111111111111', 'aws:SourceArn': arn };
    expect(sourceKeys(`service s3.amazonaws.com source-account Acme source-arn ${arn}`)).toEqual(expected);
    expect(sourceKeys(`service s3.amazonaws.com source-arn ${arn} source-account 111111111111`)).toEqual(expected);
    expect(sourceKeys(`service s3.amazonaws.com source-account "999988887777"`)).toEqual({ 'aws:SourceAccount': '999988887777' });
  });

  it('without source-account: the ARN’s account, else the declared bucket’s owner', () => {
    expect(sourceKeys('service sns.amazonaws.com source-arn arn:aws:sns:us-east-1:222233334444:alerts')).toEqual({
      'aws:SourceAccount': '222233334444',
      'aws:SourceArn': 'arn:aws:sns:us-east-1:222233334444:alerts',
    });
    expect(sourceKeys('service s3.amazonaws.com source-arn arn:aws:s3:::mallory-uploads')).toEqual({
      'aws:SourceAccount': '444455556666',
      'aws:SourceArn': 'arn:aws:s3:::mallory-uploads',
    });
  });

  it('an account that is neither declared nor 12 digits is refused, with the nearest name', () => {
    const e = failure(`${world} step "s" { as service s3.amazonaws.com source-account Malory; call sns:Publish }`);
    expect(e.message).toBe('source-account Malory is neither a declared account nor an account ID');
    expect(e.suggestion).toBe('Mallory');
  });

  it('a source that is not an ARN, or whose account field is not 12 digits, is refused', () => {
    for (const arn of ['acme-uploads', 'arn:aws:s3', 'arn:aws:sns:us-east-1:1234:topic']) {
      const e = failure(`${world} step "s" { as service s3.amazonaws.com source-arn ${arn}; call sns:Publish }`);
      expect(e.message).toBe(`source-arn ${arn} is not an ARN`);
    }
  });

  it('a source account that is not the account of the source ARN is refused; a bucket ARN has none to contradict', () => {
    const e = failure(
      `${world} step "s" { as service sns.amazonaws.com source-account Mallory source-arn arn:aws:sns:us-east-1:111111111111:t; call sns:Publish }`,
    );
    expect(e.message).toBe('source-account 444455556666 is not the account of source-arn arn:aws:sns:us-east-1:111111111111:t');
    expect(sourceKeys('service s3.amazonaws.com source-account Acme source-arn arn:aws:s3:::mallory-uploads')).toEqual({
      'aws:SourceAccount': '111111111111',
      'aws:SourceArn': 'arn:aws:s3:::mallory-uploads',
    });
  });
});
