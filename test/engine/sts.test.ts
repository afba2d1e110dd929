import { describe, expect, it } from 'vitest';
import type { AnyEvent } from '../../src/engine/events.js';
import { evolve } from '../../src/engine/run.js';
import { accountFromAccessKeyId } from '../../src/engine/ids.js';
import { account, call, DEV, given, inline, PROD, role, roleArn, start, trustAccount, user, userArn, when } from './given.js';

const cross = () =>
  given([
    start(),
    account(PROD, 'Production'),
    account(DEV, 'Development'),
    role(PROD, 'UpdateApp', trustAccount(DEV), 7200),
    user(DEV, 'alice'),
    user(DEV, 'bob'),
    inline(userArn(DEV, 'alice'), 'Assume', [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: roleArn(PROD, 'UpdateApp') }]),
  ]);

const assume = (who: string, params: Record<string, string> = {}) =>
  call({ kind: 'user', arn: userArn(DEV, who) }, 'sts:AssumeRole', {
    RoleArn: roleArn(PROD, 'UpdateApp'),
    RoleSessionName: who,
    ...params,
  });

type CallEvent = Extract<AnyEvent, { data: { call: unknown } }>;
const only = (events: AnyEvent[]) => {
  expect(events).toHaveLength(1);
  return events[0] as CallEvent;
};

describe('sts:AssumeRole', () => {
  describe('given a cross-account role trusting the Development account', () => {
    it('grants a session when the trust policy and the identity policy both allow', () => {
      const e = only(when(cross(), assume('alice')));
      expect(e.type).toBe('RoleAssumed');
      const r = e.data.call.response as { Credentials: Record<string, string>; AssumedRoleUser: Record<string, string> };
      expect(r.AssumedRoleUser.Arn).toBe('arn:aws:sts::111111111111:assumed-role/UpdateApp/alice');
      expect(r.AssumedRoleUser.AssumedRoleId).toMatch(/^AROA[A-Z2-7]{17}:alice$/);
      expect(r.Credentials.AccessKeyId).toMatch(/^ASIA[A-Z2-7]{16}$/);
      expect(accountFromAccessKeyId(r.Credentials.AccessKeyId!)).toBe(PROD);
      expect(r.Credentials.SecretAccessKey).toHaveLength(40);
      expect(r.Credentials.Expiration).toBe('2026-01-01T10:00:00Z');
    });

    it('refuses a caller whose identity policy does not allow, with AWS message and no reason suffix', () => {
      const e = only(when(cross(), assume('bob')));
      expect(e.type).toBe('AssumeRoleDenied');
      expect(e.data.call.decision).toBe('ImplicitDeny');
      expect(e.data.call.error).toEqual({
        code: 'AccessDenied',
        message:
          'User: arn:aws:iam::222222222222:user/bob is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::111111111111:role/UpdateApp',
      });
    });

    it('answers a role that does not exist exactly like a denial', () => {
      const e = only(
        when(
          cross(),
          call({ kind: 'user', arn: userArn(DEV, 'alice') }, 'sts:AssumeRole', { RoleArn: roleArn(PROD, 'Nope'), RoleSessionName: 'a1' }),
        ),
      );
      expect(e.type).toBe('AssumeRoleDenied');
      expect(e.data.call.error?.message).toBe(
        'User: arn:aws:iam::222222222222:user/alice is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::111111111111:role/Nope',
      );
    });

    it('refuses the root user whatever the policies say', () => {
      const e = only(
        when(
          cross(),
          call({ kind: 'root', account: DEV }, 'sts:AssumeRole', { RoleArn: roleArn(PROD, 'UpdateApp'), RoleSessionName: 'r1' }),
        ),
      );
      expect(e.data.call.error).toEqual({ code: 'AccessDenied', message: 'Roles may not be assumed by root accounts.' });
    });

    it('honours DurationSeconds up to the role maximum and refuses more', () => {
      const ok = only(when(cross(), assume('alice', { DurationSeconds: '7200' })));
      expect((ok.data.call.response as { Credentials: { Expiration: string } }).Credentials.Expiration).toBe('2026-01-01T11:00:00Z');
      const over = only(when(cross(), assume('alice', { DurationSeconds: '7201' })));
      expect(over.type).toBe('AssumeRoleFailed');
      expect(over.data.call.error).toEqual({
        code: 'ValidationError',
        message: 'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.',
      });
    });

    it('validates parameters with the AWS message format', () => {
      const short = only(when(cross(), assume('alice', { DurationSeconds: '600' })));
      expect(short.data.call.error?.message).toBe(
        "1 validation error detected: Value '600' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900",
      );
      const name = only(when(cross(), assume('alice', { RoleSessionName: 'a b' })));
      expect(name.data.call.error?.message).toBe(
        "1 validation error detected: Value 'a b' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*",
      );
      const two = only(when(cross(), assume('alice', { RoleSessionName: 'x', DurationSeconds: '50000' })));
      expect(two.data.call.error?.message).toMatch(
        /^2 validation errors detected: Value 'x' at 'roleSessionName' .*; Value '50000' at 'durationSeconds' failed to satisfy constraint: Member must have value less than or equal to 43200$/,
      );
    });
  });

  describe('given alice holds a session', () => {
    const withSession = () => {
      let world = cross();
      for (const e of when(world, assume('alice'))) world = evolve(world, e);
      for (const e of when(world, { type: 'KeepCredentials', data: { name: 's' } })) world = evolve(world, e);
      return world;
    };

    it('limits a chained session to one hour', () => {
      let world = withSession();
      for (const e of [
        role(
          PROD,
          'Next',
          {
            Version: '2012-10-17',
            Statement: [{ Effect: 'Allow', Principal: { AWS: roleArn(PROD, 'UpdateApp') }, Action: 'sts:AssumeRole' }],
          },
          43200,
        ),
      ]) {
        for (const ev of when(world, e)) world = evolve(world, ev);
      }
      const chained = only(
        when(
          world,
          call({ kind: 'kept', name: 's' }, 'sts:AssumeRole', {
            RoleArn: roleArn(PROD, 'Next'),
            RoleSessionName: 'hop',
            DurationSeconds: '7200',
          }),
        ),
      );
      expect(chained.data.call.error?.message).toBe(
        'The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.',
      );
      const ok = only(
        when(world, call({ kind: 'kept', name: 's' }, 'sts:AssumeRole', { RoleArn: roleArn(PROD, 'Next'), RoleSessionName: 'hop' })),
      );
      expect(ok.type).toBe('RoleAssumed');
    });

    it('returns the session identity from GetCallerIdentity, even against an explicit deny', () => {
      let world = withSession();
      for (const ev of when(world, inline(roleArn(PROD, 'UpdateApp'), 'DenyAll', [{ Effect: 'Deny', Action: '*', Resource: '*' }])))
        world = evolve(world, ev);
      const e = only(when(world, call({ kind: 'kept', name: 's' }, 'sts:GetCallerIdentity')));
      expect(e.type).toBe('CallerIdentityReturned');
      expect(e.data.call.response).toEqual({
        UserId: expect.stringMatching(/^AROA[A-Z2-7]{17}:alice$/),
        Account: PROD,
        Arn: 'arn:aws:sts::111111111111:assumed-role/UpdateApp/alice',
      });
    });

    it('refuses expired credentials with ExpiredToken before any policy', () => {
      let world = withSession();
      for (const ev of when(world, { type: 'AdvanceClock', data: { seconds: 3600, text: '1h' } })) world = evolve(world, ev);
      const e = only(when(world, call({ kind: 'kept', name: 's' }, 's3:GetObject', {}, 'arn:aws:s3:::b/k')));
      expect(e.type).toBe('RequestFailed');
      expect(e.data.call.error).toEqual({ code: 'ExpiredToken', message: 'The security token included in the request is expired' });
      expect(e.data.call.evaluations).toEqual([]);
    });

    it('keeps working one second before expiry', () => {
      let world = withSession();
      for (const ev of when(world, { type: 'AdvanceClock', data: { seconds: 3599, text: '3599s' } })) world = evolve(world, ev);
      const e = only(when(world, call({ kind: 'kept', name: 's' }, 'sts:GetCallerIdentity')));
      expect(e.type).toBe('CallerIdentityReturned');
    });
  });
});
