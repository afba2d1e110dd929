// GetSessionToken and GetFederationToken: who may call them, durations, the credentials they issue
// and how those credentials authenticate afterwards.
import { describe, expect, it } from 'vitest';
import { accountFromAccessKeyId } from '../../src/engine/ids.js';
import {
  asKept,
  asRoot,
  asUser,
  bucketWithPolicy,
  eventType,
  field,
  inline,
  keep,
  managedPolicy,
  outcome,
  production,
  PROD,
  role,
  roleArn,
  rootArn,
  run,
  s3,
  sts,
  tagged,
  trustAccount,
  user,
  userArn,
  wait,
} from './sts-helpers.js';

const FED = (name: string) => `arn:aws:sts::${PROD}:federated-user/${name}`;

const world = () =>
  production(
    user(PROD, 'broker'),
    tagged(userArn(PROD, 'broker'), { team: 'web', tier: 'gold' }),
    inline(userArn(PROD, 'broker'), 'Broker', [
      { Effect: 'Allow', Action: 'sts:GetFederationToken', Resource: `arn:aws:sts::${PROD}:federated-user/*` },
      { Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: 'arn:aws:s3:::uploads/*' },
    ]),
    user(PROD, 'intern'),
    role(PROD, 'Any', trustAccount(PROD)),
    inline(userArn(PROD, 'intern'), 'Assume', [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: roleArn(PROD, 'Any') }]),
    ...bucketWithPolicy(PROD, 'uploads', [
      { Effect: 'Allow', Principal: { AWS: FED('partner') }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::uploads/shared/*' },
    ]),
  );

const readOwn = {
  json: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::uploads/v/*' }] },
};

describe('sts:GetSessionToken', () => {
  it('gives an IAM user 12 hours by default, up to 36, and the credentials act as the user', () => {
    const c = outcome(world(), sts(asUser(PROD, 'intern'), 'GetSessionToken'));
    expect(field(c, 'Credentials.Expiration')).toBe('2026-01-01T21:00:00Z');
    expect(Object.keys(c.response ?? {})).toEqual(['Credentials']);
    expect(accountFromAccessKeyId(field(c, 'Credentials.AccessKeyId') as string)).toBe(PROD);
    expect(outcome(world(), sts(asUser(PROD, 'intern'), 'GetSessionToken', { DurationSeconds: '129601' })).error?.code).toBe(
      'ValidationError',
    );
    const w = keep(world(), sts(asUser(PROD, 'intern'), 'GetSessionToken', { DurationSeconds: '129600' }), 't');
    const who = outcome(w, sts(asKept('t'), 'GetCallerIdentity'));
    expect(who.response).toEqual({ UserId: w.iam.users[userArn(PROD, 'intern')]!.id, Account: PROD, Arn: userArn(PROD, 'intern') });
    const later = outcome(w, s3(asKept('t'), 's3:GetObject', 'arn:aws:s3:::uploads/x'));
    expect(later.context['aws:TokenIssueTime']).toBe('2026-01-01T09:00:00Z');
    expect(later.context['aws:MultiFactorAuthPresent']).toBe('false');
    expect(later.context['aws:username']).toBe('intern');
  });

  it('caps the root user at one hour instead of refusing', () => {
    const c = outcome(world(), sts(asRoot(PROD), 'GetSessionToken', { DurationSeconds: '7200' }));
    expect(c.error).toBeNull();
    expect(field(c, 'Credentials.Expiration')).toBe('2026-01-01T10:00:00Z');
    const w = keep(world(), sts(asRoot(PROD), 'GetSessionToken'), 'root');
    expect(outcome(w, sts(asKept('root'), 'GetCallerIdentity')).response).toEqual({ UserId: PROD, Account: PROD, Arn: rootArn(PROD) });
  });

  it('needs no permission, but refuses temporary credentials', () => {
    expect(outcome(world(), sts(asUser(PROD, 'intern'), 'GetSessionToken')).evaluations).toEqual([]);
    const w = keep(world(), sts(asUser(PROD, 'intern'), 'GetSessionToken'), 't');
    expect(outcome(w, sts(asKept('t'), 'GetSessionToken')).error).toEqual({
      code: 'AccessDenied',
      message: 'Cannot call GetSessionToken with session credentials',
    });
    const r = keep(world(), sts(asUser(PROD, 'intern'), 'AssumeRole', { RoleArn: roleArn(PROD, 'Any'), RoleSessionName: 'intern' }), 'r');
    expect(outcome(r, sts(asKept('r'), 'GetSessionToken')).error?.message).toBe('Cannot call GetSessionToken with session credentials');
  });

  it('without MFA its credentials cannot call IAM', () => {
    const w = keep(world(), sts(asUser(PROD, 'intern'), 'GetSessionToken'), 't');
    expect(outcome(w, s3(asKept('t'), 'iam:ListUsers', '*')).error).toEqual({
      code: 'InvalidClientTokenId',
      message: 'The security token included in the request is invalid',
    });
  });
});

describe('sts:GetFederationToken', () => {
  const federate = (name: string, params: Parameters<typeof sts>[2] = {}) =>
    sts(asUser(PROD, 'broker'), 'GetFederationToken', { Name: name, ...params });

  it('names the federated user and returns FederatedUser and PackedPolicySize', () => {
    const c = outcome(world(), federate('visitor', { Policy: readOwn, DurationSeconds: '3600' }));
    expect(c.resource).toBe(FED('visitor'));
    expect(field(c, 'FederatedUser')).toEqual({ FederatedUserId: `${PROD}:visitor`, Arn: FED('visitor') });
    expect(field(c, 'PackedPolicySize')).toBeGreaterThan(0);
    expect(field(c, 'Credentials.Expiration')).toBe('2026-01-01T10:00:00Z');
    expect(field(outcome(world(), federate('pal')), 'PackedPolicySize')).toBe(0);
    expect(field(outcome(world(), federate('pal')), 'Credentials.Expiration')).toBe('2026-01-01T21:00:00Z');
  });

  it('needs sts:GetFederationToken on the federated user, and sts:TagSession for tags', () => {
    const denied = outcome(world(), sts(asUser(PROD, 'intern'), 'GetFederationToken', { Name: 'guest' }));
    expect(denied.error?.message).toBe(
      `User: ${userArn(PROD, 'intern')} is not authorized to perform: sts:GetFederationToken on resource: ${FED('guest')} because no identity-based policy allows the sts:GetFederationToken action`,
    );
    const tags = outcome(world(), federate('visitor', { Tags: ['team=partners'] }));
    expect(tags.error?.message).toContain('sts:TagSession');
    expect(eventType(world(), federate('visitor'))).toBe('FederationTokenIssued');
  });

  it("grants the user's policies cut down by the session policy", () => {
    const w = keep(world(), federate('visitor', { Policy: readOwn }), 'v');
    expect(outcome(w, s3(asKept('v'), 's3:GetObject', 'arn:aws:s3:::uploads/v/a')).decision).toBe('Allow');
    expect(outcome(w, s3(asKept('v'), 's3:PutObject', 'arn:aws:s3:::uploads/v/a')).evaluations[0]?.evaluation.decidedBy?.type).toBe(
      'session-policy',
    );
  });

  it("takes managed session policies from the calling user's account", () => {
    const w0 = run(
      world(),
      managedPolicy(PROD, 'ReadShared', [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::uploads/shared/*' }]),
    ).world;
    const w = keep(w0, federate('visitor', { PolicyArns: [`arn:aws:iam::${PROD}:policy/ReadShared`] }), 'v');
    expect(outcome(w, s3(asKept('v'), 's3:GetObject', 'arn:aws:s3:::uploads/shared/a')).decision).toBe('Allow');
    expect(outcome(w, s3(asKept('v'), 's3:GetObject', 'arn:aws:s3:::uploads/v/a')).decision).toBe('ImplicitDeny');
    expect(outcome(w0, federate('visitor', { PolicyArns: [`arn:aws:iam::222222222222:policy/ReadShared`] })).error?.code).toBe(
      'InvalidParameterValue',
    );
  });

  it('without a session policy grants nothing but what resource policies give the federated user', () => {
    const w = keep(world(), federate('partner'), 'p');
    expect(outcome(w, s3(asKept('p'), 's3:GetObject', 'arn:aws:s3:::uploads/v/a')).decision).toBe('ImplicitDeny');
    expect(outcome(w, s3(asKept('p'), 's3:GetObject', 'arn:aws:s3:::uploads/shared/a')).decision).toBe('Allow');
  });

  it('its requests carry the federated identity, and session tags override the user tags', () => {
    const tagging = run(
      world(),
      inline(userArn(PROD, 'broker'), 'Tagging', [{ Effect: 'Allow', Action: 'sts:TagSession', Resource: '*' }]),
    ).world;
    const w = keep(tagging, federate('visitor', { Policy: readOwn, Tags: ['Team=partners'] }), 'v');
    const c = outcome(w, s3(asKept('v'), 's3:GetObject', 'arn:aws:s3:::uploads/v/a'));
    expect(c.caller).toMatchObject({ kind: 'federated-user', arn: FED('visitor'), credentials: 'temporary' });
    expect(c.context).toMatchObject({
      'aws:PrincipalArn': FED('visitor'),
      'aws:PrincipalType': 'FederatedUser',
      'aws:userid': `${PROD}:visitor`,
      'aws:PrincipalTag/Team': 'partners',
      'aws:PrincipalTag/tier': 'gold',
    });
    expect(c.context['aws:PrincipalTag/team']).toBeUndefined();
    expect(outcome(w, sts(asKept('v'), 'GetCallerIdentity')).response).toEqual({
      UserId: `${PROD}:visitor`,
      Account: PROD,
      Arn: FED('visitor'),
    });
  });

  it('refuses temporary credentials, and its own credentials cannot call IAM', () => {
    const w = keep(world(), federate('visitor'), 'v');
    expect(outcome(w, sts(asKept('v'), 'GetFederationToken', { Name: 'again' })).error).toEqual({
      code: 'AccessDenied',
      message: 'Cannot call GetFederationToken with session credentials',
    });
    expect(outcome(w, sts(asKept('v'), 'GetSessionToken')).error?.message).toBe('Cannot call GetSessionToken with session credentials');
    expect(outcome(w, s3(asKept('v'), 'iam:ListUsers', '*')).error?.code).toBe('InvalidClientTokenId');
  });

  it('validates the name and caps the root user at one hour', () => {
    expect(outcome(world(), federate('v w')).error?.message).toBe(
      "1 validation error detected: Value 'v w' at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*",
    );
    expect(outcome(world(), sts(asUser(PROD, 'broker'), 'GetFederationToken')).error?.message).toBe(
      "1 validation error detected: Value null at 'name' failed to satisfy constraint: Member must not be null",
    );
    const root = outcome(world(), sts(asRoot(PROD), 'GetFederationToken', { Name: 'ops', DurationSeconds: '43200' }));
    expect(field(root, 'Credentials.Expiration')).toBe('2026-01-01T10:00:00Z');
  });
});

// The root user may call GetFederationToken, though AWS recommends against it (AWS STS API
// Reference "GetFederationToken": https://docs.aws.amazon.com/STS/latest/APIReference/API_GetFederationToken.html;
// IAM User Guide "Compare AWS STS credentials"); its federated user holds the root user's
// permissions cut down by the session policies.
describe('sts:GetFederationToken called by the root user', () => {
  it("gives a federated user whose session policy alone limits the root user's full access", () => {
    // given the root user's federated user with a session policy that allows reading v/
    const call = outcome(world(), sts(asRoot(PROD), 'GetFederationToken', { Name: 'ops', Policy: readOwn }));
    expect(call.notes.some((n) => n.includes('does not recommend it'))).toBe(true);
    expect(call.notes.some((n) => n.includes("holds the root user's permissions"))).toBe(true);
    const w = keep(world(), sts(asRoot(PROD), 'GetFederationToken', { Name: 'ops', Policy: readOwn }), 'ops');
    // when it reads there, and writes there
    const read = outcome(w, s3(asKept('ops'), 's3:GetObject', 'arn:aws:s3:::uploads/v/a'));
    const write = outcome(w, s3(asKept('ops'), 's3:PutObject', 'arn:aws:s3:::uploads/v/a'));
    // then no identity-based policy is needed for the read, and the session policy stops the write
    expect(read.decision).toBe('Allow');
    expect(read.caller).toMatchObject({ kind: 'federated-user', arn: FED('ops') });
    expect(write.decision).toBe('ImplicitDeny');
    expect(write.evaluations[0]?.evaluation.decidedBy?.type).toBe('session-policy');
  });

  it('without a session policy, its federated user has no permissions', () => {
    const w = keep(world(), sts(asRoot(PROD), 'GetFederationToken', { Name: 'ops' }), 'ops');
    const read = outcome(w, s3(asKept('ops'), 's3:GetObject', 'arn:aws:s3:::uploads/v/a'));
    expect(read.decision).toBe('ImplicitDeny');
    expect(read.evaluations[0]?.evaluation.decidedBy?.type).toBe('session-policy');
  });
});

describe('credentials of every kind', () => {
  it('expire with ExpiredToken before any policy is read', () => {
    let w = keep(world(), sts(asUser(PROD, 'intern'), 'GetSessionToken', { DurationSeconds: '900' }), 't');
    w = keep(w, sts(asUser(PROD, 'broker'), 'GetFederationToken', { Name: 'visitor', DurationSeconds: '900' }), 'v');
    w = run(w, wait(900)).world;
    for (const name of ['t', 'v']) {
      for (const command of [s3(asKept(name), 's3:GetObject', 'arn:aws:s3:::uploads/x'), sts(asKept(name), 'GetCallerIdentity')]) {
        const c = outcome(w, command);
        expect(c.error).toEqual({ code: 'ExpiredToken', message: 'The security token included in the request is expired' });
        expect(c.evaluations).toEqual([]);
      }
    }
  });
});
