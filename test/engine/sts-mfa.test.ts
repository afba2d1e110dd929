// MFA with AssumeRole and GetSessionToken: AWS's three failure messages, and the MFA keys the
// trust policy and every later request of the session see.
import { describe, expect, it } from 'vitest';
import {
  asKept,
  assumeRoleAs,
  asUser,
  inline,
  keep,
  mfaDevice,
  outcome,
  production,
  PROD,
  role,
  roleArn,
  rootArn,
  run,
  s3,
  sts,
  trustWith,
  user,
  userArn,
  wait,
  type Param,
} from './sts-helpers.js';

const ADMIN = roleArn(PROD, 'Admin');
const SERIAL = `arn:aws:iam::${PROD}:mfa/dana-token`;

const world = () =>
  production(
    role(
      PROD,
      'Admin',
      trustWith([
        {
          Effect: 'Allow',
          Principal: { AWS: rootArn(PROD) },
          Action: 'sts:AssumeRole',
          Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' }, NumericLessThan: { 'aws:MultiFactorAuthAge': '3600' } },
        },
      ]),
    ),
    inline(ADMIN, 'All', [{ Effect: 'Allow', Action: '*', Resource: '*' }]),
    user(PROD, 'dana'),
    user(PROD, 'eric'),
    mfaDevice(PROD, 'dana', 'dana-token', '246810'),
    mfaDevice(PROD, 'eric', 'eric-token', '111111'),
    mfaDevice(PROD, 'dana', 'dana-blank', null),
    inline(userArn(PROD, 'dana'), 'MayAssume', [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: ADMIN }]),
  );

const assume = assumeRoleAs(asUser(PROD, 'dana'), ADMIN, 'dana');

describe('MFA with sts:AssumeRole', () => {
  describe('given a role whose trust policy demands a fresh MFA', () => {
    it('without MFA, long-term keys carry no aws:MultiFactorAuthPresent, so the condition fails', () => {
      const c = outcome(world(), assume({}));
      expect(c.error?.code).toBe('AccessDenied');
      expect(c.context['aws:MultiFactorAuthPresent']).toBeUndefined();
      expect(c.evaluations[0]?.evaluation.missingContextKeys).toContain('aws:MultiFactorAuthPresent');
    });

    it('wants both SerialNumber and TokenCode', () => {
      for (const params of [{ SerialNumber: SERIAL }, { TokenCode: '246810' }] as Record<string, Param>[]) {
        expect(outcome(world(), assume(params)).error).toEqual({
          code: 'AccessDenied',
          message: 'MultiFactorAuthentication failed, must provide both MFA serial number and one time pass code.',
        });
      }
    });

    it('refuses a wrong code with the AssumeRole wording, before any policy', () => {
      const c = outcome(world(), assume({ SerialNumber: SERIAL, TokenCode: '135790' }));
      expect(c.error).toEqual({ code: 'AccessDenied', message: 'MultiFactorAuthentication failed with invalid MFA one time pass code.' });
      expect(c.evaluations).toEqual([]);
    });

    it("refuses another user's device, and a device the scenario gives no code", () => {
      const unvalidated =
        'MultiFactorAuthentication failed, unable to validate MFA code.  Please verify your MFA serial number is valid and associated with this user.';
      expect(outcome(world(), assume({ SerialNumber: `arn:aws:iam::${PROD}:mfa/eric-token`, TokenCode: '111111' })).error?.message).toBe(
        unvalidated,
      );
      expect(outcome(world(), assume({ SerialNumber: `arn:aws:iam::${PROD}:mfa/nobody`, TokenCode: '111111' })).error?.message).toBe(
        unvalidated,
      );
      expect(outcome(world(), assume({ SerialNumber: `arn:aws:iam::${PROD}:mfa/dana-blank`, TokenCode: '246810' })).error?.message).toBe(
        'MultiFactorAuthentication failed with invalid MFA one time pass code.',
      );
    });

    it('with the right code the request carries MFA, and so does every request of the session', () => {
      const c = outcome(world(), assume({ SerialNumber: SERIAL, TokenCode: '246810' }));
      expect(c.error).toBeNull();
      expect(c.context['aws:MultiFactorAuthPresent']).toBe('true');
      expect(c.context['aws:MultiFactorAuthAge']).toBe('0');
      let w = keep(world(), assume({ SerialNumber: SERIAL, TokenCode: '246810' }), 'admin');
      w = run(w, wait(600)).world;
      const later = outcome(w, s3(asKept('admin'), 's3:ListAllMyBuckets', '*'));
      expect(later.context['aws:MultiFactorAuthPresent']).toBe('true');
      expect(later.context['aws:MultiFactorAuthAge']).toBe('600');
      expect(later.context['aws:TokenIssueTime']).toBe('2026-01-01T09:00:00Z');
    });

    it('a session without MFA reports aws:MultiFactorAuthPresent = false', () => {
      let w = production(
        role(PROD, 'Open', trustWith([{ Effect: 'Allow', Principal: { AWS: userArn(PROD, 'dana') }, Action: 'sts:AssumeRole' }])),
        user(PROD, 'dana'),
      );
      w = keep(w, sts(asUser(PROD, 'dana'), 'AssumeRole', { RoleArn: roleArn(PROD, 'Open'), RoleSessionName: 'plain' }), 'plain');
      const later = outcome(w, s3(asKept('plain'), 's3:ListAllMyBuckets', '*'));
      expect(later.context['aws:MultiFactorAuthPresent']).toBe('false');
      expect(later.context['aws:MultiFactorAuthAge']).toBeUndefined();
    });
  });
});

describe('MFA with sts:GetSessionToken', () => {
  it('refuses a wrong code with the GetSessionToken wording', () => {
    const c = outcome(world(), sts(asUser(PROD, 'dana'), 'GetSessionToken', { SerialNumber: SERIAL, TokenCode: '000000' }));
    expect(c.error).toEqual({
      code: 'AccessDenied',
      message:
        'MultiFactorAuthentication failed, unable to validate MFA code.  Please verify your MFA serial number is valid and associated with this user.',
    });
  });

  describe('given an MFA session token', () => {
    const withToken = () =>
      keep(world(), sts(asUser(PROD, 'dana'), 'GetSessionToken', { SerialNumber: SERIAL, TokenCode: '246810' }), 'mfa');

    it('passes its MFA to AssumeRole without a new code, as role chaining (one hour at most)', () => {
      const c = outcome(withToken(), sts(asKept('mfa'), 'AssumeRole', { RoleArn: ADMIN, RoleSessionName: 'dana' }));
      expect(c.error).toBeNull();
      expect(c.context['aws:MultiFactorAuthPresent']).toBe('true');
      const long = outcome(
        withToken(),
        sts(asKept('mfa'), 'AssumeRole', { RoleArn: ADMIN, RoleSessionName: 'dana', DurationSeconds: '7200' }),
      );
      expect(long.error?.message).toBe(
        'The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.',
      );
    });

    it('the role session it creates keeps the original MFA time', () => {
      let w = run(withToken(), wait(300)).world;
      w = keep(w, sts(asKept('mfa'), 'AssumeRole', { RoleArn: ADMIN, RoleSessionName: 'dana' }), 'admin');
      w = run(w, wait(300)).world;
      expect(outcome(w, s3(asKept('admin'), 's3:ListAllMyBuckets', '*')).context['aws:MultiFactorAuthAge']).toBe('600');
    });

    it('an MFA that has grown old fails aws:MultiFactorAuthAge conditions', () => {
      const w = run(withToken(), wait(7200)).world;
      const c = outcome(w, sts(asKept('mfa'), 'AssumeRole', { RoleArn: ADMIN, RoleSessionName: 'dana' }));
      expect(c.context['aws:MultiFactorAuthAge']).toBe('7200');
      expect(c.error?.code).toBe('AccessDenied');
      expect(c.evaluations[0]?.evaluation.decidedBy?.type).toBe('trust');
    });
  });
});
