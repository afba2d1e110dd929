// The size quota of inline policies: the inline policies of a user, group or role together may hold
// at most 2,048 / 5,120 / 10,240 characters, white space outside strings not counted, and IAM refuses
// the policy that goes over with LimitExceeded. Sources: IAM User Guide, "IAM and AWS STS quotas"
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html); IAM API Reference,
// "GetAccountSummary" (UserPolicySizeQuota, GroupPolicySizeQuota, RolePolicySizeQuota: "the
// aggregate of all inline policies … in non-whitespace characters",
// https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetAccountSummary.html).
import { describe, expect, it } from 'vitest';
import { policySize } from '../../src/policy/index.js';
import { failure, sim } from './run.js';

/** A policy whose compact JSON has exactly `size` characters. */
function policyOf(size: number): Record<string, unknown> {
  const doc = (pad: string) => ({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: `arn:aws:s3:::bucket/${pad}` }],
  });
  const base = policySize(doc(''));
  if (size < base) throw new Error(`a policy has at least ${base} characters`);
  return doc('k'.repeat(size - base));
}

/** The policy as a `json` block, spread over lines and indented as a person would write it. */
function spaced(doc: Record<string, unknown>): string {
  return `json ${JSON.stringify(doc, null, 4)}`;
}

const owner = (kind: 'user' | 'group' | 'role', policies: string) =>
  kind === 'role'
    ? `role app { trust { allow principal account 111111111111 action sts:AssumeRole }\n${policies} }`
    : `${kind} ${kind === 'user' ? 'alice' : 'admins'} { ${policies} }`;

const scenario = (kind: 'user' | 'group' | 'role', ...sizes: number[]) =>
  `account A 111111111111 {\n${owner(kind, sizes.map((n, i) => `inline P${i} ${spaced(policyOf(n))}`).join('\n'))}\n}`;

describe('inline policies: the size quota of their owner', () => {
  for (const [kind, limit, name] of [
    ['user', 2048, 'alice'],
    ['group', 5120, 'admins'],
    ['role', 10240, 'app'],
  ] as const) {
    it(`a ${kind}'s inline policies may hold ${limit} characters, not one more`, () => {
      expect(() => sim(scenario(kind, limit))).not.toThrow();
      const e = failure(scenario(kind, limit + 1));
      expect(e.message).toBe(
        `inline policy P0 of ${kind} ${name}: LimitExceeded: Maximum policy size of ${limit} bytes exceeded for ${kind} ${name}`,
      );
    });

    it(`the quota of a ${kind} covers all its inline policies together`, () => {
      expect(() => sim(scenario(kind, limit - 300, 300))).not.toThrow();
      const e = failure(scenario(kind, limit - 300, 301));
      expect(e.message).toBe(
        `inline policy P1 of ${kind} ${name}: LimitExceeded: Maximum policy size of ${limit} bytes exceeded for ${kind} ${name}`,
      );
    });
  }

  it('white space outside strings is not counted', () => {
    const doc = policyOf(2048);
    const text = spaced(doc);
    expect(text.length).toBeGreaterThan(2048 + 50);
    expect(() => sim(`account A 111111111111 { user alice { inline P ${text} } }`)).not.toThrow();
  });

  it('white space inside strings is counted', () => {
    const withSpace = { ...policyOf(2048 - ',"Id":" "'.length), Id: ' ' };
    expect(policySize(withSpace)).toBe(2048);
    expect(() => sim(`account A 111111111111 { user alice { inline P json ${JSON.stringify(withSpace)} } }`)).not.toThrow();
    const over = { ...withSpace, Id: '  ' };
    const e = failure(`account A 111111111111 { user alice { inline P json ${JSON.stringify(over)} } }`);
    expect(e.message).toMatch(/Maximum policy size of 2048 bytes exceeded for user alice$/);
  });

  it('is refused where the policy that goes over is written', () => {
    const source = `account A 111111111111 {\n  user alice {\n    inline Small { allow action s3:GetObject resource * }\n    inline Large json ${JSON.stringify(policyOf(2048))}\n  }\n}`;
    const e = failure(source);
    expect(e.message).toMatch(
      /^inline policy Large of user alice: LimitExceeded: Maximum policy size of 2048 bytes exceeded for user alice$/,
    );
    expect(e.pos).toMatchObject({ line: 4, col: source.split('\n')[3]!.indexOf('{') + 1 });
  });

  it('counts each owner on its own: two users may each use their whole quota', () => {
    const p = JSON.stringify(policyOf(2048));
    expect(() => sim(`account A 111111111111 { user alice { inline P json ${p} } user bob { inline P json ${p} } }`)).not.toThrow();
  });

  it("a group's inline policies do not count against its members, nor managed policies against anyone", () => {
    const p = JSON.stringify(policyOf(2000));
    expect(() =>
      sim(`account A 111111111111 {
  policy Big json ${JSON.stringify(policyOf(6000))}
  group g { inline P json ${p} }
  user alice { groups g; attach Big; inline P json ${p} }
}`),
    ).not.toThrow();
  });
});
