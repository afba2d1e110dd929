// GetCallerIdentity for every kind of caller (IAM User Guide "IAM policy elements: Variables and
// tags") and GetAccessKeyInfo.
import { describe, expect, it } from 'vitest';
import { accessKeyId } from '../../src/engine/ids.js';
import {
  asKept,
  asRoot,
  asUser,
  DEV,
  eventType,
  keep,
  outcome,
  production,
  PROD,
  role,
  roleArn,
  rootArn,
  sts,
  trustAccount,
  userArn,
  userWith,
} from './sts-helpers.js';

const world = () =>
  production(
    role(PROD, 'Ops', trustAccount(PROD)),
    ...userWith(PROD, 'ann', 'All', [{ Effect: 'Allow', Action: ['sts:AssumeRole', 'sts:GetFederationToken'], Resource: '*' }]),
    { type: 'CreateAccessKey', data: { user: userArn(PROD, 'ann') } },
  );

const identity = (w: ReturnType<typeof world>, caller: Parameters<typeof sts>[0]) => outcome(w, sts(caller, 'GetCallerIdentity')).response;

describe('sts:GetCallerIdentity', () => {
  it('answers for an IAM user, the root user, a role session, a federated user and session-token credentials', () => {
    let w = world();
    const ann = w.iam.users[userArn(PROD, 'ann')]!;
    const role = w.iam.roles[roleArn(PROD, 'Ops')]!;
    w = keep(w, sts(asUser(PROD, 'ann'), 'AssumeRole', { RoleArn: role.arn, RoleSessionName: 'ann-ops' }), 'ops');
    w = keep(w, sts(asUser(PROD, 'ann'), 'GetFederationToken', { Name: 'guest' }), 'fed');
    w = keep(w, sts(asUser(PROD, 'ann'), 'GetSessionToken'), 'token');
    expect(identity(w, asUser(PROD, 'ann'))).toEqual({ UserId: ann.id, Account: PROD, Arn: ann.arn });
    expect(identity(w, asRoot(PROD))).toEqual({ UserId: PROD, Account: PROD, Arn: rootArn(PROD) });
    expect(identity(w, asKept('ops'))).toEqual({
      UserId: `${role.id}:ann-ops`,
      Account: PROD,
      Arn: `arn:aws:sts::${PROD}:assumed-role/Ops/ann-ops`,
    });
    expect(identity(w, asKept('fed'))).toEqual({
      UserId: `${PROD}:guest`,
      Account: PROD,
      Arn: `arn:aws:sts::${PROD}:federated-user/guest`,
    });
    expect(identity(w, asKept('token'))).toEqual({ UserId: ann.id, Account: PROD, Arn: ann.arn });
  });
});

// AWS STS API Reference "GetAccessKeyInfo" and "GetSessionToken" (Permissions):
// https://docs.aws.amazon.com/STS/latest/APIReference/API_GetAccessKeyInfo.html,
// https://docs.aws.amazon.com/STS/latest/APIReference/API_GetSessionToken.html
describe('sts:GetAccessKeyInfo', () => {
  const lookUp = { Effect: 'Allow', Action: 'sts:GetAccessKeyInfo', Resource: '*' };
  const withLookUp = () =>
    production(
      role(PROD, 'Ops', trustAccount(PROD)),
      ...userWith(PROD, 'ann', 'All', [{ Effect: 'Allow', Action: ['sts:AssumeRole', 'sts:GetFederationToken'], Resource: '*' }, lookUp]),
      { type: 'CreateAccessKey', data: { user: userArn(PROD, 'ann') } },
    );

  it('decodes the owning account from long-term and temporary key ids for a caller whose policy allows it', () => {
    const w = keep(withLookUp(), sts(asUser(PROD, 'ann'), 'GetSessionToken'), 'token');
    const akia = w.iam.users[userArn(PROD, 'ann')]!.accessKeys[0]!;
    expect(outcome(w, sts(asUser(PROD, 'ann'), 'GetAccessKeyInfo', { AccessKeyId: akia })).response).toEqual({ Account: PROD });
    expect(outcome(w, sts(asUser(PROD, 'ann'), 'GetAccessKeyInfo', { AccessKeyId: { credentials: 'token' } })).response).toEqual({
      Account: PROD,
    });
    const foreign = accessKeyId('AKIA', DEV, 'elsewhere', 'k');
    expect(outcome(w, sts(asUser(PROD, 'ann'), 'GetAccessKeyInfo', { AccessKeyId: foreign })).response).toEqual({ Account: DEV });
    expect(eventType(w, sts(asUser(PROD, 'ann'), 'GetAccessKeyInfo', { AccessKeyId: akia }))).toBe('AccessKeyInfoReturned');
  });

  it('needs sts:GetAccessKeyInfo in an identity-based policy', () => {
    // given a user whose policies do not allow the lookup
    const w = world();
    const akia = w.iam.users[userArn(PROD, 'ann')]!.accessKeys[0]!;
    // when she looks a key up
    const call = outcome(w, sts(asUser(PROD, 'ann'), 'GetAccessKeyInfo', { AccessKeyId: akia }));
    // then STS refuses, as for any action no policy allows
    expect(call.outcome).toBe('denied');
    expect(call.error).toEqual({
      code: 'AccessDenied',
      message: `User: ${userArn(PROD, 'ann')} is not authorized to perform: sts:GetAccessKeyInfo on resource: * because no identity-based policy allows the sts:GetAccessKeyInfo action`,
    });
  });

  it('is allowed to the root user, who needs no policy', () => {
    const w = world();
    const akia = w.iam.users[userArn(PROD, 'ann')]!.accessKeys[0]!;
    expect(outcome(w, sts(asRoot(PROD), 'GetAccessKeyInfo', { AccessKeyId: akia })).response).toEqual({ Account: PROD });
  });

  it('refuses GetSessionToken and GetFederationToken credentials, whatever their policies allow', () => {
    // given MFA-less and MFA session tokens and a federated user of a user who may look keys up
    let w = keep(withLookUp(), sts(asUser(PROD, 'ann'), 'GetSessionToken'), 'token');
    w = keep(
      w,
      sts(asUser(PROD, 'ann'), 'GetFederationToken', {
        Name: 'guest',
        Policy: JSON.stringify({ Version: '2012-10-17', Statement: [lookUp] }),
      }),
      'fed',
    );
    for (const [name, note] of [
      ['token', 'credentials from GetSessionToken may call no STS action but AssumeRole and GetCallerIdentity'],
      ['fed', 'credentials from GetFederationToken may call no STS action but GetCallerIdentity'],
    ] as const) {
      // when they look a key up
      const call = outcome(w, sts(asKept(name), 'GetAccessKeyInfo', { AccessKeyId: { credentials: name } }));
      // then STS refuses before any policy is read
      expect(call.outcome).toBe('error');
      expect(call.error?.code).toBe('AccessDenied');
      expect(call.evaluations).toEqual([]);
      expect(call.notes[0]).toContain(note);
    }
  });

  it('validates the key id with the AWS message format', () => {
    expect(outcome(world(), sts(asUser(PROD, 'ann'), 'GetAccessKeyInfo', { AccessKeyId: 'AKIA-SHORT' })).error).toEqual({
      code: 'ValidationError',
      message:
        "2 validation errors detected: Value 'AKIA-SHORT' at 'accessKeyId' failed to satisfy constraint: Member must have length greater than or equal to 16; Value 'AKIA-SHORT' at 'accessKeyId' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w]*",
    });
    expect(outcome(world(), sts(asUser(PROD, 'ann'), 'GetAccessKeyInfo')).error?.message).toBe(
      "1 validation error detected: Value null at 'accessKeyId' failed to satisfy constraint: Member must not be null",
    );
    expect(outcome(world(), sts(asRoot(PROD), 'GetAccessKeyInfo', { AccessKeyId: 'XXXXXXXXXXXXXXXXXXXX' })).error?.code).toBe(
      'InvalidParameterValue',
    );
  });
});
