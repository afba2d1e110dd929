import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accessKeyId, accountFromAccessKeyId, derivedAccountId, secretAccessKey, uniqueId } from '../../src/engine/ids.js';
import { account, given, PROD, start, user, userArn } from './given.js';

describe('identifiers', () => {
  it('unique IDs have the AWS prefix and 21 characters, and are stable per seed and ARN', () => {
    const a = uniqueId('AIDA', 'seed', 'arn:aws:iam::111111111111:user/alice');
    expect(a).toMatch(/^AIDA[A-Z2-7]{17}$/);
    expect(uniqueId('AIDA', 'seed', 'arn:aws:iam::111111111111:user/alice')).toBe(a);
    expect(uniqueId('AIDA', 'other', 'arn:aws:iam::111111111111:user/alice')).not.toBe(a);
    expect(uniqueId('AROA', 'seed', 'arn:aws:iam::111111111111:role/r')).toMatch(/^AROA/);
    expect(uniqueId('AGPA', 'seed', 'g')).toMatch(/^AGPA/);
    expect(uniqueId('ANPA', 'seed', 'p')).toMatch(/^ANPA/);
  });

  it('access key IDs encode their account as AWS does (AKIA long-term, ASIA temporary)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 999_999_999_999 }),
        fc.constantFrom('AKIA' as const, 'ASIA' as const),
        fc.string(),
        (n, prefix, purpose) => {
          const acct = String(n).padStart(12, '0');
          const key = accessKeyId(prefix, acct, 'seed', purpose);
          expect(key).toMatch(new RegExp(`^${prefix}[A-Z2-7]{16}$`));
          expect(accountFromAccessKeyId(key)).toBe(acct);
        },
      ),
    );
  });

  it('decodes the publicly documented example key to its account', () => {
    // AWS's own documentation example (AWS STS API Reference "GetAccessKeyInfo"; moto reproduces
    // the layout)
    expect(accountFromAccessKeyId('ASIAY34FZKBOKMUTVV7A')).toBe('609629065308');
    expect(accountFromAccessKeyId('not-a-key')).toBeNull();
  });

  it('secrets are 40 characters and derived accounts 12 digits', () => {
    expect(secretAccessKey('s', 'AKIAX')).toMatch(/^[A-Za-z0-9+/]{40}$/);
    expect(derivedAccountId('s', 'Prod')).toMatch(/^\d{12}$/);
  });

  it('an IAM user gets an AIDA id and an AKIA access key of its account', () => {
    const world = given([
      start(),
      account(PROD, 'P'),
      user(PROD, 'alice'),
      { type: 'CreateAccessKey', data: { user: userArn(PROD, 'alice') } },
    ]);
    const u = world.iam.users[userArn(PROD, 'alice')]!;
    expect(u.id).toMatch(/^AIDA[A-Z2-7]{17}$/);
    expect(u.accessKeys).toHaveLength(1);
    expect(accountFromAccessKeyId(u.accessKeys[0]!)).toBe(PROD);
    expect(u.accessKeys[0]).toMatch(/^AKIA/);
  });
});
