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

describe('sts:GetAccessKeyInfo', () => {
  it('decodes the owning account from long-term and temporary key ids', () => {
    const w = keep(world(), sts(asUser(PROD, 'ann'), 'GetSessionToken'), 'token');
    const akia = w.iam.users[userArn(PROD, 'ann')]!.accessKeys[0]!;
    expect(outcome(w, sts(asUser(PROD, 'ann'), 'GetAccessKeyInfo', { AccessKeyId: akia })).response).toEqual({ Account: PROD });
    expect(outcome(w, sts(asKept('token'), 'GetAccessKeyInfo', { AccessKeyId: { credentials: 'token' } })).response).toEqual({
      Account: PROD,
    });
    const foreign = accessKeyId('AKIA', DEV, 'elsewhere', 'k');
    expect(outcome(w, sts(asUser(PROD, 'ann'), 'GetAccessKeyInfo', { AccessKeyId: foreign })).response).toEqual({ Account: DEV });
    expect(eventType(w, sts(asUser(PROD, 'ann'), 'GetAccessKeyInfo', { AccessKeyId: akia }))).toBe('AccessKeyInfoReturned');
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
    expect(outcome(world(), sts(asUser(PROD, 'ann'), 'GetAccessKeyInfo', { AccessKeyId: 'XXXXXXXXXXXXXXXXXXXX' })).error?.code).toBe(
      'InvalidParameterValue',
    );
  });
});
