// Session policies (Policy, PolicyArns) and PackedPolicySize.
import { describe, expect, it } from 'vitest';
import { packedSize } from '../../src/engine/sts/packed-size.js';
import {
  account,
  asKept,
  assumeRoleAs,
  asUser,
  DEV,
  field,
  inline,
  keep,
  managedPolicy,
  outcome,
  production,
  PROD,
  role,
  roleArn,
  s3,
  sts,
  trustAccount,
  userWith,
  type Param,
} from './sts-helpers.js';
import { bucket } from './given.js';

const DATA = roleArn(PROD, 'Data');
const doc = (...statements: object[]) => ({ Version: '2012-10-17', Statement: statements });
const readOnly = doc({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::data/*' });

const world = () =>
  production(
    account(DEV, 'Development'),
    bucket(PROD, 'data'),
    managedPolicy(PROD, 'Reports', [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::data/reports/*' }]),
    managedPolicy(DEV, 'Elsewhere', [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }]),
    role(PROD, 'Data', trustAccount(PROD)),
    inline(DATA, 'Bucket', [{ Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: 'arn:aws:s3:::data/*' }]),
    ...userWith(PROD, 'erin', 'Assume', [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: DATA }]),
  );

const assume = assumeRoleAs(asUser(PROD, 'erin'), DATA, 'erin');
const withSession = (params: Record<string, Param>) => keep(world(), assume(params), 's');

describe('session policies on sts:AssumeRole', () => {
  describe('given an inline session policy', () => {
    it('allows only what both the role and the policy allow', () => {
      const w = withSession({ Policy: { json: readOnly } });
      expect(outcome(w, s3(asKept('s'), 's3:GetObject', 'arn:aws:s3:::data/a')).decision).toBe('Allow');
      const put = outcome(w, s3(asKept('s'), 's3:PutObject', 'arn:aws:s3:::data/a'));
      expect(put.decision).toBe('ImplicitDeny');
      expect(put.evaluations[0]?.evaluation.decidedBy).toEqual({ type: 'session-policy', name: 'inline session policy' });
    });

    it('takes the policy as JSON text too, as the API does', () => {
      const w = withSession({ Policy: JSON.stringify(readOnly) });
      expect(outcome(w, s3(asKept('s'), 's3:PutObject', 'arn:aws:s3:::data/a')).decision).toBe('ImplicitDeny');
    });

    it('never grants more than the role has', () => {
      const w = withSession({ Policy: { json: doc({ Effect: 'Allow', Action: '*', Resource: '*' }) } });
      const c = outcome(w, s3(asKept('s'), 's3:DeleteObject', 'arn:aws:s3:::data/a'));
      expect(c.decision).toBe('ImplicitDeny');
      expect(c.evaluations[0]?.evaluation.decidedBy?.type).toBe('identity');
    });

    it('reports PackedPolicySize, an estimate, only when policies or tags are passed', () => {
      const c = outcome(world(), assume({ Policy: { json: readOnly } }));
      expect(field(c, 'PackedPolicySize')).toBeGreaterThan(0);
      expect(c.notes.some((n) => n.includes('estimate'))).toBe(true);
      expect(field(outcome(world(), assume({})), 'PackedPolicySize')).toBeUndefined();
    });
  });

  it("limits the roles the session may assume next: the caller's session policy applies to sts:AssumeRole too", () => {
    const w = keep(world(), assume({ Policy: { json: readOnly } }), 's');
    const hop = outcome(w, sts(asKept('s'), 'AssumeRole', { RoleArn: DATA, RoleSessionName: 'again' }));
    expect(hop.error?.code).toBe('AccessDenied');
    expect(hop.evaluations[0]?.evaluation.policies.map((p) => p.type)).toContain('session-policy');
  });

  describe('given managed session policies', () => {
    it('limits the session to them, by ARN or as {"arn": …}', () => {
      for (const arns of [[`arn:aws:iam::${PROD}:policy/Reports`], { json: [{ arn: `arn:aws:iam::${PROD}:policy/Reports` }] }] as Param[]) {
        const w = withSession({ PolicyArns: arns });
        expect(outcome(w, s3(asKept('s'), 's3:GetObject', 'arn:aws:s3:::data/reports/q1')).decision).toBe('Allow');
        const other = outcome(w, s3(asKept('s'), 's3:GetObject', 'arn:aws:s3:::data/orders/1'));
        expect(other.evaluations[0]?.evaluation.decidedBy).toEqual({ type: 'session-policy', name: 'managed Reports (session policy)' });
      }
    });

    it('refuses a policy that does not exist, or lives in another account than the role', () => {
      for (const arn of [`arn:aws:iam::${PROD}:policy/Nope`, `arn:aws:iam::${DEV}:policy/Elsewhere`]) {
        expect(outcome(world(), assume({ PolicyArns: [arn] })).error).toEqual({
          code: 'InvalidParameterValue',
          message: 'At least one Policy ARN in the PolicyArns parameter does not match an existing IAM Managed Policy ARN.',
        });
      }
    });
  });

  describe('given an invalid session policy', () => {
    it("answers MalformedPolicyDocument with IAM's words", () => {
      const withPrincipal = doc({ Effect: 'Allow', Principal: '*', Action: 's3:*', Resource: '*' });
      expect(outcome(world(), assume({ Policy: { json: withPrincipal } })).error).toEqual({
        code: 'MalformedPolicyDocument',
        message: 'Policy document should not specify a principal.',
      });
      expect(outcome(world(), assume({ Policy: '{not json' })).error).toEqual({
        code: 'MalformedPolicyDocument',
        message: 'Syntax errors in policy.',
      });
    });

    it('refuses a packed size over 100 % with PackedPolicyTooLarge', () => {
      const actions = Array.from({ length: 60 }, (_, i) => `s3:Action${i}`);
      const c = outcome(world(), assume({ Policy: { json: doc({ Effect: 'Allow', Action: actions, Resource: '*' }) } }));
      expect(c.error?.code).toBe('PackedPolicyTooLarge');
      expect(c.error?.message).toMatch(/^Packed policy consumes \d+% of allotted space, please use smaller policy\.$/);
    });
  });
});

describe('the PackedPolicySize estimate', () => {
  const example = JSON.stringify(doc({ Sid: 'Stmt1', Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: '*' }));

  it("reproduces the STS API reference's examples (8 %)", () => {
    const tags = [
      { key: 'Project', value: 'Unicorn' },
      { key: 'Team', value: 'Automation' },
      { key: 'Cost-Center', value: '12345' },
    ];
    expect(packedSize(example, [], tags).percent).toBe(8);
    expect(
      packedSize(
        example,
        [],
        [
          { key: 'Project', value: 'Pegasus' },
          { key: 'Cost-Center', value: '98765' },
        ],
      ).percent,
    ).toBe(8);
  });

  it('grows with the number of actions, as observed on AWS (about 118 % for 31 actions)', () => {
    const actions = Array.from({ length: 31 }, (_, i) => `service${i % 6}:Operation${i}`);
    const p = packedSize(JSON.stringify(doc({ Effect: 'Allow', Action: actions, Resource: '*' })), [], []).percent;
    expect(p).toBeGreaterThan(100);
    expect(p).toBeLessThan(140);
  });

  it('is 0 when nothing is packed, and blames tags when they alone overflow', () => {
    expect(packedSize(null, [], []).percent).toBe(0);
    let n = 7;
    const noise = (length: number) =>
      Array.from({ length }, () => String.fromCharCode(97 + ((n = (n * 48271) % 2147483647) % 26))).join('');
    const tags = Array.from({ length: 50 }, () => ({ key: noise(128), value: noise(256) }));
    expect(packedSize(null, [], tags).tagsPercent).toBeGreaterThan(100);
  });
});
