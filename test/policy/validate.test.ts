// IAM's MalformedPolicyDocument messages, the elements each policy kind allows (IAM User Guide
// "IAM JSON policy element reference") and the size limits ("IAM and AWS STS quotas").
import { describe, expect, it } from 'vitest';
import { validatePolicy, type PolicyKind } from '../../src/policy/index.js';

const V = '2012-10-17';
const doc = (st: unknown, extra: Record<string, unknown> = {}) => ({ Version: V, Statement: st, ...extra });
const ok = { Effect: 'Allow', Action: 's3:GetObject', Resource: '*' };
const messages = (d: unknown, kind: PolicyKind = 'identity') => validatePolicy(d, kind).map((p) => p.message);
const first = (d: unknown, kind: PolicyKind = 'identity') => validatePolicy(d, kind)[0];

describe('document shape', () => {
  it('accepts a single statement or a list, strings or lists', () => {
    expect(validatePolicy(doc(ok), 'identity')).toEqual([]);
    expect(validatePolicy(doc([ok, { ...ok, Action: ['s3:Get*', 'ec2:*'], Resource: ['*'] }]), 'managed')).toEqual([]);
    expect(validatePolicy(JSON.stringify(doc(ok)), 'identity')).toEqual([]);
  });
  it.each([
    ['not JSON', '{"Version": '],
    ['not an object', '[]'],
  ])('%s → Syntax errors', (_t, text) => {
    expect(messages(text)).toEqual(['Syntax errors in policy.']);
  });
  it('reports unknown keys, empty Statement and bad Version with paths', () => {
    expect(first({ ...doc(ok), Foo: 1 })).toEqual({ code: 'MalformedPolicyDocument', message: 'Syntax errors in policy.', path: ['Foo'] });
    expect(first(doc([]))?.path).toEqual(['Statement']);
    expect(first({ Version: '2013-01-01', Statement: ok })?.path).toEqual(['Version']);
    expect(first(doc([ok, { ...ok, Extra: true }]))?.path).toEqual(['Statement', 1, 'Extra']);
    expect(first(doc(ok, { Id: 5 }))?.path).toEqual(['Id']);
  });
  it('repeated keys in the text are syntax errors', () => {
    const text = `{"Version":"${V}","Statement":{"Effect":"Allow","Action":"s3:*","Resource":"*","Condition":{"StringLike":{"k:a":"x"},"StringLike":{"k:b":"y"}}}}`;
    expect(validatePolicy(text, 'identity')).toEqual([
      { code: 'MalformedPolicyDocument', message: 'Syntax errors in policy.', path: ['Statement', 'Condition', 'StringLike'] },
    ]);
  });
  it('rejects characters outside TAB, LF, CR and U+0020–U+00FF', () => {
    expect(first(doc({ ...ok, Resource: 'arn:aws:s3:::b/\u2603' }))).toMatchObject({
      message: 'Syntax errors in policy.',
      path: ['Statement', 'Resource'],
    });
    expect(validatePolicy(doc({ ...ok, Resource: 'arn:aws:s3:::b/caf\u00e9' }), 'identity')).toEqual([]);
  });
});

describe('Version', () => {
  it('managed, boundary, SCP and RCP policies need 2012-10-17', () => {
    for (const kind of ['managed', 'boundary', 'scp'] as const) {
      expect(messages({ Statement: ok }, kind)).toEqual(['Policy document must be version 2012-10-17 or greater.']);
      expect(messages({ Version: '2008-10-17', Statement: ok }, kind)).toEqual(['Policy document must be version 2012-10-17 or greater.']);
    }
    expect(messages({ Version: '2008-10-17', Statement: ok }, 'identity')).toEqual([]);
  });
});

describe('statement elements', () => {
  it('Effect: missing or unknown → syntax; mis-cased → legacy parsing', () => {
    expect(first(doc({ Action: 's3:*', Resource: '*' }))).toMatchObject({
      message: 'Syntax errors in policy.',
      path: ['Statement', 'Effect'],
    });
    expect(first(doc({ ...ok, Effect: 'invalid' }))?.message).toBe('Syntax errors in policy.');
    expect(first(doc({ ...ok, Effect: 'allow' }))?.message).toBe('The policy failed legacy parsing');
    expect(first(doc([{ ...ok, Effect: 'denY' }]))).toMatchObject({ path: ['Statement', 0, 'Effect'] });
  });
  it('Sid must be alphanumeric and unique', () => {
    expect(first(doc({ ...ok, Sid: 'has space' }))?.message).toBe(
      'Statement IDs (SID) must be alpha-numeric. Check that your input satisfies the regular expression [0-9A-Za-z]*',
    );
    expect(
      first(
        doc([
          { ...ok, Sid: 'A1' },
          { ...ok, Sid: 'A1' },
        ]),
      ),
    ).toMatchObject({
      message: 'Statement IDs (SID) in a single policy must be unique.',
      path: ['Statement', 1, 'Sid'],
    });
    expect(
      validatePolicy(
        doc([
          { ...ok, Sid: '' },
          { ...ok, Sid: '' },
        ]),
        'identity',
      ),
    ).toEqual([]);
    expect(validatePolicy(doc({ ...ok, Principal: '*', Sid: 'Allow public read' }), 'resource')).toEqual([]);
  });
  it('actions: required, one vendor prefix, one colon', () => {
    expect(messages(doc({ Effect: 'Allow', Resource: '*' }))).toEqual(['Policy statement must contain actions.']);
    expect(messages(doc({ ...ok, Action: [] }))).toEqual(['Policy statement must contain actions.']);
    expect(messages(doc({ ...ok, Action: 'GetObject' }))).toEqual([
      'Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.',
    ]);
    expect(messages(doc({ ...ok, Action: 's3:Get:Object' }))).toEqual(['Actions/Condition can contain only one colon.']);
    expect(messages(doc({ ...ok, Action: 's 3:GetObject' }))).toEqual(['Vendor s 3 is not valid']);
    expect(messages(doc({ ...ok, Action: 's3*:Get*' }))).toEqual(['Vendor s3* is not valid']);
    expect(messages(doc({ ...ok, Action: 'fsx:ListBucket' }))).toEqual([]);
    expect(first(doc({ ...ok, Action: ['s3:A', 7] }))).toMatchObject({
      message: 'Syntax errors in policy.',
      path: ['Statement', 'Action', 1],
    });
    expect(messages(doc({ ...ok, NotAction: 's3:*' }))).toEqual(['Syntax errors in policy.']);
  });
  it('resources: required, ARN-shaped, known partition, no regions for IAM and S3', () => {
    expect(messages(doc({ Effect: 'Allow', Action: 's3:*' }))).toEqual(['Policy statement must contain resources.']);
    expect(messages(doc({ ...ok, Resource: [] }))).toEqual(['Policy statement must contain resources.']);
    expect(messages(doc({ ...ok, Resource: 'bucket' }))).toEqual(['Resource bucket must be in ARN format or "*".']);
    expect(messages(doc({ ...ok, Resource: 'arn:foo:s3:::b' }))).toEqual(['Partition "foo" is not valid for resource "arn:foo:s3:::b".']);
    expect(messages(doc({ ...ok, Resource: 'arn:foo' }))).toEqual(['Partition "foo" is not valid for resource "arn:foo:*:*:*:*".']);
    expect(messages(doc({ ...ok, Resource: 'arn:aws' }))).toEqual(['Resource vendor must be fully qualified and cannot contain regexes.']);
    expect(messages(doc({ ...ok, Resource: 'arn:aws:s3*:::b' }))).toEqual([
      'Resource vendor must be fully qualified and cannot contain regexes.',
    ]);
    expect(messages(doc({ ...ok, Resource: 'arn:aws:iam:us-east-1:111122223333:user/x' }))).toEqual([
      'IAM resource arn:aws:iam:us-east-1:111122223333:user/x cannot contain region information.',
    ]);
    expect(messages(doc({ ...ok, Resource: 'arn:aws:s3:us-east-1::b' }))).toEqual([
      'Resource arn:aws:s3:us-east-1::b can not contain region information.',
    ]);
    // an access point's ARN has a Region and an account (Amazon S3 User Guide "Configuring IAM policies for using access points")
    expect(messages(doc({ ...ok, Resource: 'arn:aws:s3:us-west-2:123456789012:accesspoint/my-access-point/object/*' }))).toEqual([]);
    expect(messages(doc({ ...ok, Resource: 'arn:aws:iam::111122223333:person/x' }))[0]).toMatch(
      /^IAM resource path must either be "\*" or start with user\//,
    );
    expect(messages(doc({ ...ok, Resource: 'arn:aws:s3::bucket' }))).toEqual(['The policy failed legacy parsing']);
    expect(messages(doc({ ...ok, Resource: 'arn:aws:fdsasf' }))).toEqual([]);
    expect(messages(doc({ ...ok, Resource: 'arn:aws-cn:s3:::b/*' }))).toEqual([]);
  });
  it('conditions: case-sensitive operator names, prefixes, IfExists, values', () => {
    const cond = (c: unknown) => messages(doc({ ...ok, Condition: c }));
    expect(cond({ StringEquals: { 'aws:username': 'a' } })).toEqual([]);
    expect(cond({ 'ForAnyValue:StringLikeIfExists': { 'aws:TagKeys': ['a'] } })).toEqual([]);
    expect(cond({ 'ForAnyValue::StringEqualsIfExists': { 'aws:TagKeys': ['a'] } })).toEqual(['Syntax errors in policy.']);
    expect(cond({ stringequals: { 'aws:username': 'a' } })).toEqual(['Syntax errors in policy.']);
    expect(cond({ NullIfExists: { 'aws:username': 'true' } })).toEqual(['Syntax errors in policy.']);
    expect(cond({ Unknown: {} })).toEqual([]);
    expect(cond({})).toEqual([]);
    expect(cond({ StringEquals: { 'aws:username': [] } })).toEqual([]);
    expect(cond({ StringEquals: { 'aws:username': { a: 1 } } })).toEqual(['Syntax errors in policy.']);
    expect(cond({ StringEquals: 'x' })).toEqual(['Syntax errors in policy.']);
    expect(cond('x')).toEqual(['Syntax errors in policy.']);
    expect(cond({ NumericLessThan: { 's3:max-keys': 10 }, Bool: { 'aws:SecureTransport': true } })).toEqual([]);
    expect(cond({ DateGreaterThan: { 'aws:CurrentTime': '2019-07-16T12:00:00Z' } })).toEqual([]);
    expect(cond({ DateGreaterThan: { 'aws:CurrentTime': 'not a date' } })).toEqual(['The policy failed legacy parsing']);
    expect(cond({ StringEquals: { username: 'a' } })).toEqual([
      'Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.',
    ]);
  });
});

describe('per-kind element rules', () => {
  it('identity-side kinds and SCPs forbid Principal', () => {
    for (const kind of ['identity', 'managed', 'boundary', 'session', 'scp'] as const) {
      expect(first(doc({ ...ok, Principal: '*' }), kind)).toEqual({
        code: 'MalformedPolicyDocument',
        message: 'Policy document should not specify a principal.',
        path: ['Statement', 'Principal'],
      });
    }
    expect(messages(doc({ ...ok, Effect: 'Deny', NotPrincipal: { AWS: '111122223333' } }))).toEqual([
      'Policy document should not specify a principal.',
    ]);
  });
  const trust = { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'sts:AssumeRole' };
  it('trust policies: no Resource, STS actions only, Principal required', () => {
    expect(validatePolicy(doc(trust), 'trust')).toEqual([]);
    expect(
      validatePolicy(
        doc({ ...trust, Principal: { Federated: 'accounts.google.com' }, Action: ['sts:AssumeRoleWithWebIdentity', 'sts:TagSession'] }),
        'trust',
      ),
    ).toEqual([]);
    expect(first(doc({ ...trust, Resource: '*' }), 'trust')).toMatchObject({
      message: 'Has prohibited field Resource',
      path: ['Statement', 'Resource'],
    });
    expect(messages(doc({ ...trust, Action: 's3:GetObject' }), 'trust')).toEqual([
      'Trust Policy statement actions can only be sts:AssumeRole, sts:AssumeRoleWithSAML,  and sts:AssumeRoleWithWebIdentity',
    ]);
    expect(messages(doc({ Effect: 'Allow', Action: 'sts:AssumeRole' }), 'trust')).toEqual(['Missing required field Principal']);
    expect(messages(doc({ ...trust, Principal: undefined, NotPrincipal: { AWS: '*' }, Effect: 'Deny' }), 'trust')).toEqual([
      'Syntax errors in policy.',
    ]);
  });
  it('principals: no partial wildcards, Federated only in trust, Service not *', () => {
    const rp = (principal: unknown) => messages(doc({ ...ok, Principal: principal }), 'resource');
    expect(rp('*')).toEqual([]);
    expect(
      rp({
        AWS: [
          '111122223333',
          'arn:aws:iam::111122223333:role/path/app',
          'arn:aws:sts::111122223333:assumed-role/app/s1',
          'AIDAEXAMPLE1234',
        ],
      }),
    ).toEqual([]);
    expect(rp({ AWS: 'arn:aws:iam::*:role/x' })).toEqual(['Invalid principal in policy: "AWS":"arn:aws:iam::*:role/x"']);
    expect(rp({ Service: '*' })).toEqual(['Invalid principal in policy: "Service":"*"']);
    expect(rp({ Federated: 'accounts.google.com' })).toEqual(['Invalid principal in policy: "Federated":"accounts.google.com"']);
    expect(rp({ Group: 'x' })).toEqual(['Syntax errors in policy.']);
    expect(messages(doc({ ...ok, Effect: 'Allow' }), 'resource')).toEqual(['Missing required field Principal']);
  });
  it('NotPrincipal: Deny only, resource policies only', () => {
    const np = { ...ok, NotPrincipal: { AWS: 'arn:aws:iam::111122223333:user/bob' } };
    expect(messages(doc({ ...np, Effect: 'Deny' }), 'resource')).toEqual([]);
    expect(messages(doc(np), 'resource')).toEqual(['Syntax errors in policy.']);
    expect(messages(doc({ ...np, Principal: '*', Effect: 'Deny' }), 'resource')).toEqual(['Syntax errors in policy.']);
  });
  it('RCPs: Principal "*", Deny only (except RCPFullAWSAccess), no bare * action, no NotAction', () => {
    const rcp = { Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: '*' };
    expect(validatePolicy(doc(rcp), 'rcp')).toEqual([]);
    expect(validatePolicy(doc({ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }), 'rcp')).toEqual([]);
    expect(first(doc({ ...rcp, Effect: 'Allow' }), 'rcp')?.path).toEqual(['Statement', 'Effect']);
    expect(first(doc({ ...rcp, Principal: { AWS: '111122223333' } }), 'rcp')?.path).toEqual(['Statement', 'Principal']);
    expect(first(doc({ ...rcp, Action: '*' }), 'rcp')?.path).toEqual(['Statement', 'Action']);
    expect(messages(doc({ Effect: 'Deny', Principal: '*', Action: 's3:*' }), 'rcp')).toEqual(['Policy statement must contain resources.']);
  });
});

describe('size limits', () => {
  const big = (n: number) => doc({ ...ok, Resource: [`arn:aws:s3:::${'x'.repeat(n)}`] });
  it('managed policies: 6144 characters without white space', () => {
    expect(validatePolicy(big(6000), 'managed')).toEqual([]);
    expect(validatePolicy(big(6144), 'managed')).toEqual([
      { code: 'LimitExceeded', message: 'Cannot exceed quota for PolicySize: 6144', path: [] },
    ]);
    const spaced = JSON.stringify(big(6000), null, 8);
    expect(spaced.length).toBeGreaterThan(6144);
    expect(validatePolicy(spaced, 'managed')).toEqual([]);
  });
  it('inline policies: per owner, summed', () => {
    expect(validatePolicy(big(2100), 'identity')).toEqual([]);
    expect(validatePolicy(big(2100), 'identity', { inline: { owner: 'user', name: 'alice' } })[0]?.message).toBe(
      'Maximum policy size of 2048 bytes exceeded for user alice',
    );
    expect(validatePolicy(big(2100), 'identity', { inline: { owner: 'role', name: 'app' } })).toEqual([]);
    expect(validatePolicy(big(2100), 'identity', { inline: { owner: 'role', name: 'app', otherPoliciesSize: 8200 } })[0]?.message).toBe(
      'Maximum policy size of 10240 bytes exceeded for role app',
    );
  });
  it('trust policies: ACLSizePerRole, 2048 by default', () => {
    const t = (n: number) =>
      doc({
        Effect: 'Allow',
        Principal: { AWS: Array.from({ length: n }, (_, i) => `arn:aws:iam::111122223333:user/u${i}`) },
        Action: 'sts:AssumeRole',
      });
    expect(validatePolicy(t(10), 'trust')).toEqual([]);
    expect(validatePolicy(t(60), 'trust')[0]?.message).toBe('Cannot exceed quota for ACLSizePerRole: 2048');
    expect(validatePolicy(t(60), 'trust', { trustPolicyMaxSize: 4096 })).toEqual([]);
  });
});
