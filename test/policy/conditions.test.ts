// Every operator family, missing keys, IfExists, set operators, multi-valued keys (IAM User Guide
// "IAM JSON policy elements: Condition operators").
import { describe, expect, it } from 'vitest';
import type { ContextValue } from '../../src/policy/index.js';
import { A, allow, decide, policy, request, user } from './helpers.js';

const alice = user('alice');

/** Does a single Allow with this Condition grant, given exactly this context? */
function holds(condition: Record<string, unknown>, context: Record<string, ContextValue>): boolean {
  const id = policy('identity', allow('s3:GetObject', '*', { Condition: condition }));
  const req = { principal: alice, action: 's3:GetObject', resource: 'arn:aws:s3:::b/k', resourceAccount: A, context };
  return decide(req, { identity: [id] }).decision === 'Allow';
}
const c = (op: string, key: string, values: unknown) => ({ [op]: { [key]: values } });

describe('String operators', () => {
  it('StringEquals is exact and case-sensitive, with no wildcards', () => {
    expect(holds(c('StringEquals', 'k:x', 'abc'), { 'k:x': 'abc' })).toBe(true);
    expect(holds(c('StringEquals', 'k:x', 'abc'), { 'k:x': 'ABC' })).toBe(false);
    expect(holds(c('StringEquals', 'k:x', 'a*'), { 'k:x': 'abc' })).toBe(false);
    expect(holds(c('StringEquals', 'k:x', 'a*'), { 'k:x': 'a*' })).toBe(true);
  });
  it('ORs values; negated operators NOR them', () => {
    expect(holds(c('StringEquals', 'k:x', ['a', 'b']), { 'k:x': 'b' })).toBe(true);
    expect(holds(c('StringNotEquals', 'k:x', ['a', 'b']), { 'k:x': 'b' })).toBe(false);
    expect(holds(c('StringNotEquals', 'k:x', ['a', 'b']), { 'k:x': 'c' })).toBe(true);
  });
  it('IgnoreCase lower-cases both sides', () => {
    expect(holds(c('StringEqualsIgnoreCase', 'k:x', 'Finance'), { 'k:x': 'FINANCE' })).toBe(true);
    expect(holds(c('StringNotEqualsIgnoreCase', 'k:x', 'Finance'), { 'k:x': 'finance' })).toBe(false);
  });
  it('StringLike globs with * and ?, over the whole value', () => {
    expect(holds(c('StringLike', 'k:x', 'ab*'), { 'k:x': 'abc/d:e' })).toBe(true);
    expect(holds(c('StringLike', 'k:x', 'a?c'), { 'k:x': 'abc' })).toBe(true);
    expect(holds(c('StringLike', 'k:x', 'b*'), { 'k:x': 'abc' })).toBe(false);
    expect(holds(c('StringNotLike', 'k:x', ['x*', 'y*']), { 'k:x': 'abc' })).toBe(true);
  });
  it('key names ignore case, including tag keys', () => {
    expect(holds(c('StringEquals', 'AWS:PrincipalTag/Team', 'blue'), { 'aws:principaltag/team': 'blue' })).toBe(true);
  });
});

describe('missing keys and IfExists', () => {
  it('positive false, negated true, IfExists true', () => {
    expect(holds(c('StringEquals', 'k:x', 'a'), {})).toBe(false);
    expect(holds(c('StringNotEquals', 'k:x', 'a'), {})).toBe(true);
    expect(holds(c('StringEqualsIfExists', 'k:x', 'a'), {})).toBe(true);
    expect(holds(c('NumericLessThan', 'k:n', '5'), {})).toBe(false);
    expect(holds(c('NotIpAddress', 'aws:SourceIp', '10.0.0.0/8'), {})).toBe(true);
    expect(holds(c('ArnNotLike', 'k:a', 'arn:*'), {})).toBe(true);
  });
  it('IfExists evaluates normally when the key is present', () => {
    expect(holds(c('StringEqualsIfExists', 'k:x', 'a'), { 'k:x': 'b' })).toBe(false);
    expect(holds(c('StringEqualsIfExists', 'k:x', 'a'), { 'k:x': 'a' })).toBe(true);
  });
  it('AND across keys and operators', () => {
    const cond = { StringEquals: { 'k:a': '1', 'k:b': '2' }, Bool: { 'k:c': 'true' } };
    expect(holds(cond, { 'k:a': '1', 'k:b': '2', 'k:c': 'true' })).toBe(true);
    expect(holds(cond, { 'k:a': '1', 'k:b': '3', 'k:c': 'true' })).toBe(false);
    expect(holds(cond, { 'k:a': '1', 'k:b': '2', 'k:c': 'false' })).toBe(false);
  });
  it('looks keys up ignoring case in the request context too', () => {
    expect(holds(c('IpAddress', 'aws:SourceIp', '10.0.0.0/8'), { 'AWS:SOURCEIP': '10.1.1.1' })).toBe(true);
    expect(holds(c('StringEquals', 'aws:principaltag/TEAM', 'x'), { 'aws:PrincipalTag/team': 'x' })).toBe(true);
  });
  it('reports the keys a condition needed but did not get', () => {
    const id = policy(
      'identity',
      allow('s3:GetObject', '*', { Condition: { StringEquals: { 'aws:SourceVpc': 'v' }, Null: { 'k:n': 'true' } } }),
    );
    const r = decide(request(alice, 's3:GetObject', 'arn:aws:s3:::b/k', A), { identity: [id] });
    expect(r.missingContextKeys).toEqual(['aws:SourceVpc']);
  });
});

describe('Numeric, Date, Bool, Binary, Null', () => {
  it('Numeric compares numbers with the request value on the left', () => {
    expect(holds(c('NumericLessThan', 'k:n', '10'), { 'k:n': '9' })).toBe(true);
    expect(holds(c('NumericLessThan', 'k:n', '10'), { 'k:n': '10' })).toBe(false);
    expect(holds(c('NumericLessThanEquals', 'k:n', 10), { 'k:n': '10.0' })).toBe(true);
    expect(holds(c('NumericGreaterThan', 'k:n', '1e3'), { 'k:n': '1001' })).toBe(true);
    expect(holds(c('NumericGreaterThanEquals', 'k:n', '-1'), { 'k:n': '-1' })).toBe(true);
    expect(holds(c('NumericEquals', 'k:n', '3'), { 'k:n': '03' })).toBe(true);
    expect(holds(c('NumericNotEquals', 'k:n', '3'), { 'k:n': '4' })).toBe(true);
  });
  it('unparseable request values fail positive and negated operators alike', () => {
    expect(holds(c('NumericEquals', 'k:n', '3'), { 'k:n': 'three' })).toBe(false);
    expect(holds(c('NumericNotEquals', 'k:n', '3'), { 'k:n': 'three' })).toBe(false);
    expect(holds(c('DateNotEquals', 'k:d', '2020-01-01'), { 'k:d': 'yesterday' })).toBe(false);
    expect(holds(c('NotIpAddress', 'aws:SourceIp', '10.0.0.0/8'), { 'aws:SourceIp': 'nope' })).toBe(false);
  });
  it('Date accepts ISO-8601 forms and epoch seconds', () => {
    const now = { 'aws:CurrentTime': '2024-06-01T12:00:00Z' };
    expect(holds(c('DateLessThan', 'aws:CurrentTime', '2024-06-02'), now)).toBe(true);
    expect(holds(c('DateGreaterThan', 'aws:CurrentTime', '2024-06-01T11:59:59.5Z'), now)).toBe(true);
    expect(holds(c('DateEquals', 'aws:CurrentTime', '2024-06-01T14:00:00+02:00'), now)).toBe(true);
    expect(holds(c('DateEquals', 'aws:CurrentTime', '1717243200'), now)).toBe(true);
    expect(holds(c('DateLessThanEquals', 'aws:EpochTime', '2024-06-01T12:00:00Z'), { 'aws:EpochTime': '1717243200' })).toBe(true);
    expect(holds(c('DateGreaterThanEquals', 'aws:CurrentTime', '2024-06-01T12:00:00'), now)).toBe(true);
    expect(holds(c('DateNotEquals', 'aws:CurrentTime', '2024-06-01T12:00:00Z'), now)).toBe(false);
  });
  it('Bool compares true/false (any case)', () => {
    expect(holds(c('Bool', 'aws:SecureTransport', 'true'), { 'aws:SecureTransport': 'TRUE' })).toBe(true);
    expect(holds(c('Bool', 'aws:SecureTransport', true), { 'aws:SecureTransport': 'false' })).toBe(false);
    expect(holds(c('Bool', 'aws:SecureTransport', 'false'), { 'aws:SecureTransport': 'yes' })).toBe(false);
  });
  it('BinaryEquals compares the decoded bytes', () => {
    expect(holds(c('BinaryEquals', 'k:b', 'QmluYXJ5'), { 'k:b': 'QmluYXJ5' })).toBe(true);
    expect(holds(c('BinaryEquals', 'k:b', 'QmluYXJ5'), { 'k:b': 'QmluYXJ6' })).toBe(false);
  });
  it('Null tests presence', () => {
    expect(holds(c('Null', 'k:x', 'true'), {})).toBe(true);
    expect(holds(c('Null', 'k:x', 'true'), { 'k:x': 'v' })).toBe(false);
    expect(holds(c('Null', 'k:x', 'false'), { 'k:x': 'v' })).toBe(true);
    expect(holds(c('Null', 'k:x', ['true', 'false']), {})).toBe(true);
  });
});

describe('IpAddress (IPv4 and IPv6)', () => {
  const ip = (range: unknown, addr: string, op = 'IpAddress') => holds(c(op, 'aws:SourceIp', range), { 'aws:SourceIp': addr });
  it('matches IPv4 CIDRs and bare addresses', () => {
    expect(ip('203.0.113.0/24', '203.0.113.9')).toBe(true);
    expect(ip('203.0.113.0/24', '203.0.114.9')).toBe(false);
    expect(ip('203.0.113.9', '203.0.113.9')).toBe(true);
    expect(ip('203.0.113.9', '203.0.113.8')).toBe(false);
    expect(ip('0.0.0.0/0', '8.8.8.8')).toBe(true);
    expect(ip(['10.0.0.0/8', '192.168.0.0/16'], '192.168.3.4')).toBe(true);
  });
  it('matches IPv6 CIDRs, compressed forms and embedded IPv4', () => {
    expect(ip('2001:db8::/32', '2001:db8:1234::1')).toBe(true);
    expect(ip('2001:db8::/32', '2001:db9::1')).toBe(false);
    expect(ip('2001:DB8:0:0:0:0:0:1', '2001:db8::1')).toBe(true);
    expect(ip('2001:db8::/127', '2001:db8::1')).toBe(true);
    expect(ip('2001:db8::/128', '2001:db8::1')).toBe(false);
    expect(ip('::ffff:0:0/96', '::ffff:10.1.2.3')).toBe(true);
    expect(ip('fe80::/10', 'febf::1')).toBe(true);
    expect(ip('fe80::/10', 'fec0::1')).toBe(false);
  });
  it('rejects malformed addresses and ranges', () => {
    expect(ip('10.0.0.0/8', '10.0.0.256')).toBe(false);
    expect(ip('10.0.0.0/8', '10.0.0.256', 'NotIpAddress')).toBe(false);
    expect(ip('::/0', '1:2:3:4:5:6:7:8:9')).toBe(false);
    expect(ip('::/0', ':::')).toBe(false);
    expect(ip('::/0', '1::2::3')).toBe(false);
    expect(ip('10.0.0.0/33', '10.0.0.1')).toBe(false);
    expect(ip('::/0', '::')).toBe(true);
  });
  it('never mixes families', () => {
    expect(ip('::/0', '10.0.0.1')).toBe(false);
    expect(ip('0.0.0.0/0', '::1')).toBe(false);
    expect(ip('10.0.0.0/8', '::1', 'NotIpAddress')).toBe(true);
  });
});

describe('ARN operators', () => {
  it('ArnLike matches component-wise; ArnEquals is the same', () => {
    const v = { 'aws:SourceArn': `arn:aws:sns:us-east-1:${A}:topic` };
    expect(holds(c('ArnLike', 'aws:SourceArn', `arn:aws:sns:*:${A}:*`), v)).toBe(true);
    expect(holds(c('ArnEquals', 'aws:SourceArn', `arn:aws:sns:*:${A}:*`), v)).toBe(true);
    expect(holds(c('ArnLike', 'aws:SourceArn', 'arn:aws:sns:*:999999999999:*'), v)).toBe(false);
    expect(holds(c('ArnNotLike', 'aws:SourceArn', 'arn:aws:sns:*:999999999999:*'), v)).toBe(true);
  });
  it('a value that is not an ARN fails ArnLike and ArnNotLike', () => {
    expect(holds(c('ArnLike', 'k:a', 'arn:*'), { 'k:a': 'not-an-arn' })).toBe(false);
    expect(holds(c('ArnNotLike', 'k:a', 'arn:*'), { 'k:a': 'not-an-arn' })).toBe(false);
  });
  it('the resource component keeps its colons', () => {
    const v = { 'k:a': `arn:aws:logs:us-east-1:${A}:log-group:g:*` };
    expect(holds(c('ArnLike', 'k:a', `arn:aws:logs:us-east-1:${A}:log-group:*`), v)).toBe(true);
  });
});

describe('set operators and multi-valued keys', () => {
  const tags = (v?: ContextValue): Record<string, ContextValue> => (v === undefined ? {} : { 'aws:TagKeys': v });
  it('ForAllValues: vacuously true when absent or empty', () => {
    const cond = c('ForAllValues:StringEquals', 'aws:TagKeys', ['a', 'b']);
    expect(holds(cond, tags())).toBe(true);
    expect(holds(cond, tags([]))).toBe(true);
    expect(holds(cond, tags(['a', 'b']))).toBe(true);
    expect(holds(cond, tags(['a', 'c']))).toBe(false);
  });
  it('ForAnyValue: false when absent or empty', () => {
    expect(holds(c('ForAnyValue:StringEquals', 'aws:TagKeys', 'a'), tags())).toBe(false);
    expect(holds(c('ForAnyValue:StringEquals', 'aws:TagKeys', 'a'), tags([]))).toBe(false);
    expect(holds(c('ForAnyValue:StringLike', 'aws:TagKeys', 'a*'), tags(['x', 'ab']))).toBe(true);
  });
  // AWS does not document ForAnyValue…IfExists on an absent key: "Condition operators" says IfExists
  // makes an absent key true, "Single-valued vs. multivalued context keys" that ForAnyValue is false
  // for no matching key. A user observed AWS deny (AWS re:Post "ForAnyValue:StringEqualsIfExists
  // behaving unexpectedly", https://repost.aws/questions/QU9HFmDzP0QGuU-fd7rS6B7w): iamsim assumes false.
  it('ForAnyValue…IfExists: false when absent or empty (assumed: AWS is silent, observed false)', () => {
    expect(holds(c('ForAnyValue:StringEqualsIfExists', 'aws:TagKeys', 'team'), tags())).toBe(false);
    expect(holds(c('ForAnyValue:StringEqualsIfExists', 'aws:TagKeys', 'team'), tags([]))).toBe(false);
    expect(holds(c('ForAnyValue:StringNotEqualsIfExists', 'aws:TagKeys', 'team'), tags())).toBe(false);
    // present: IfExists changes nothing
    expect(holds(c('ForAnyValue:StringEqualsIfExists', 'aws:TagKeys', 'team'), tags(['team', 'x']))).toBe(true);
    expect(holds(c('ForAnyValue:StringEqualsIfExists', 'aws:TagKeys', 'team'), tags(['x']))).toBe(false);
    // ForAllValues…IfExists: both rules say true
    expect(holds(c('ForAllValues:StringEqualsIfExists', 'aws:TagKeys', 'team'), tags())).toBe(true);
  });
  it('negated base operators follow the same empty rules', () => {
    expect(holds(c('ForAllValues:StringNotEquals', 'aws:TagKeys', 'a'), tags())).toBe(true);
    expect(holds(c('ForAnyValue:StringNotEquals', 'aws:TagKeys', 'a'), tags())).toBe(false);
    expect(holds(c('ForAnyValue:StringNotEquals', 'aws:TagKeys', 'a'), tags(['a', 'b']))).toBe(true);
    expect(holds(c('ForAnyValue:StringNotEquals', 'aws:TagKeys', 'a'), tags(['a']))).toBe(false);
  });
  it('a single-valued key acts as a one-element set', () => {
    expect(holds(c('ForAnyValue:StringEquals', 'k:x', ['a', 'b']), { 'k:x': 'b' })).toBe(true);
    expect(holds(c('ForAllValues:StringEquals', 'k:x', ['a']), { 'k:x': 'b' })).toBe(false);
  });
  // "Single-valued vs. multivalued context keys": a multivalued key needs a set operator; AWS does not
  // say what a bare operator does with one. iamsim assumes: one value compares as a single value (AWS's
  // ABAC tutorial denies removing an access- tag with a bare StringLike on aws:TagKeys); two or more
  // values are no single value, and no bare operator matches them, positive or negated (the reading the
  // other evaluator of the differential run shares).
  it('a bare operator: one value compares as a single value (assumed: AWS is silent)', () => {
    expect(holds(c('StringEquals', 'aws:CalledVia', 'a'), { 'aws:CalledVia': ['a'] })).toBe(true);
    expect(holds(c('StringLike', 'aws:TagKeys', 'access-*'), { 'aws:TagKeys': ['access-project'] })).toBe(true);
    expect(holds(c('StringNotEquals', 'aws:CalledVia', 'z'), { 'aws:CalledVia': ['a'] })).toBe(true);
    expect(holds(c('StringNotEquals', 'aws:CalledVia', 'a'), { 'aws:CalledVia': ['a'] })).toBe(false);
  });
  it('a bare operator: two or more values match no operator, positive or negated (assumed)', () => {
    expect(holds(c('StringEquals', 'aws:CalledVia', 'a'), { 'aws:CalledVia': ['a', 'b'] })).toBe(false);
    expect(holds(c('StringLike', 'aws:CalledVia', '*'), { 'aws:CalledVia': ['a', 'b'] })).toBe(false);
    expect(holds(c('StringNotEquals', 'aws:CalledVia', 'z'), { 'aws:CalledVia': ['a', 'b'] })).toBe(false);
    expect(holds(c('StringNotEquals', 'aws:CalledVia', 'a'), { 'aws:CalledVia': ['a', 'b'] })).toBe(false);
  });
});

describe('operator robustness', () => {
  it('an unknown operator with an empty block is ignored; with keys it never matches', () => {
    expect(holds({ StringEqualz: {} }, {})).toBe(true);
    expect(holds({ StringEqualz: { 'k:x': 'a' } }, { 'k:x': 'a' })).toBe(false);
  });
});
