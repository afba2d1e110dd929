// A request signed with an access key (`simulate serve`: the key of its Signature Version 4
// signature), authenticated as AWS authenticates it: a long-term key is its IAM user's, inactive or
// deleted it is refused with InvalidClientTokenId (IAM User Guide "Manage access keys for IAM users",
// https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html); a temporary key
// is its session's, and once the session has ended it is refused with ExpiredToken (STS API
// Reference "Common Errors", https://docs.aws.amazon.com/STS/latest/APIReference/CommonErrors.html);
// GetSessionToken credentials without MFA cannot call IAM (STS API Reference "GetSessionToken",
// https://docs.aws.amazon.com/STS/latest/APIReference/API_GetSessionToken.html).
// And the engine's loop run in parts, as `simulate serve` runs it: each part from where the last left off.
import { describe, expect, it } from 'vitest';
import type { CallerRef } from '../../src/engine/call/command.js';
import { accessKeyId } from '../../src/engine/ids.js';
import { run as runLoop } from '../../src/engine/run.js';
import type { World } from '../../src/engine/world.js';
import { given, start, account } from './given.js';
import {
  assumeRoleAs,
  asUser,
  inline,
  keep,
  outcome,
  production,
  PROD,
  role,
  roleArn,
  rootArn,
  run,
  sts,
  trustWith,
  user,
  userArn,
  wait,
} from './sts-helpers.js';

const CI = userArn(PROD, 'ci');
const KEY = accessKeyId('AKIA', PROD, 'test', `${CI}#0`);
const byKey = (id: string): CallerRef => ({ kind: 'key', accessKeyId: id });

const world = (): World =>
  production(
    user(PROD, 'ci'),
    { type: 'CreateAccessKey', data: { user: CI } },
    inline(CI, 'Ci', [{ Effect: 'Allow', Action: ['sts:AssumeRole', 'iam:GetUser', 'iam:UpdateAccessKey'], Resource: '*' }]),
    role(PROD, 'ops', trustWith([{ Effect: 'Allow', Principal: { AWS: rootArn(PROD) }, Action: 'sts:AssumeRole' }])),
    inline(roleArn(PROD, 'ops'), 'Ops', [{ Effect: 'Allow', Action: 'iam:GetUser', Resource: '*' }]),
  );

const iam = (caller: CallerRef, action: string) => sts(caller, `iam:${action}`, { UserName: 'ci' });
const assumed = (w: World) => w.scenario.kept['ops']!;

describe('a request signed with a long-term access key', () => {
  it('given an active key of user ci, when it signs a call, then the caller is ci with that key', () => {
    const c = outcome(world(), iam(byKey(KEY), 'GetUser'));
    expect(c.error).toBeNull();
    expect(c.caller).toMatchObject({ kind: 'iam-user', arn: CI, credentials: 'long-term', accessKeyId: KEY, label: 'access key' });
  });

  it('given the key made inactive, then InvalidClientTokenId before any policy', () => {
    const w = run(world(), sts(asUser(PROD, 'ci'), 'iam:UpdateAccessKey', { UserName: 'ci', AccessKeyId: KEY, Status: 'Inactive' })).world;
    expect(w.iam.accessKeys[KEY]?.status).toBe('Inactive');
    const c = outcome(w, iam(byKey(KEY), 'GetUser'));
    expect(c.error).toEqual({ code: 'InvalidClientTokenId', message: 'The security token included in the request is invalid.' });
    expect(c.evaluations).toEqual([]);
  });

  it('given a key no user has (deleted, or never made), then InvalidClientTokenId', () => {
    const c = outcome(world(), iam(byKey(accessKeyId('AKIA', PROD, 'test', 'nobody')), 'GetUser'));
    expect(c.error?.code).toBe('InvalidClientTokenId');
    expect(c.notes.join(' ')).toContain('has been deleted');
  });
});

describe('a request signed with a temporary access key', () => {
  const withSession = () => keep(world(), assumeRoleAs(byKey(KEY), roleArn(PROD, 'ops'), 'ops')(), 'ops');

  it('given a role session, when its key signs a call, then the caller is the session', () => {
    const w = withSession();
    const c = outcome(w, iam(byKey(assumed(w)), 'GetUser'));
    expect(c.error).toBeNull();
    expect(c.caller).toMatchObject({ kind: 'role-session', arn: `arn:aws:sts::${PROD}:assumed-role/ops/ops`, accessKeyId: assumed(w) });
  });

  it('given the session has ended, then ExpiredToken', () => {
    const w = run(withSession(), wait(3600)).world;
    const c = outcome(w, iam(byKey(assumed(w)), 'GetUser'));
    expect(c.error).toEqual({ code: 'ExpiredToken', message: 'The security token included in the request is expired' });
    expect(c.notes.join(' ')).toContain(`credentials ${assumed(w)} expired at 2026-01-01T10:00:00Z`);
  });

  it('given a temporary key no session has, then InvalidClientTokenId', () => {
    const c = outcome(world(), iam(byKey(accessKeyId('ASIA', PROD, 'test', 'nobody')), 'GetUser'));
    expect(c.error?.code).toBe('InvalidClientTokenId');
  });

  it('given GetSessionToken credentials without MFA, when they call IAM, then InvalidClientTokenId', () => {
    const w = keep(world(), sts(byKey(KEY), 'GetSessionToken'), 'token');
    const c = outcome(w, iam(byKey(w.scenario.kept['token']!), 'GetUser'));
    expect(c.error?.code).toBe('InvalidClientTokenId');
  });
});

describe('the loop run in parts', () => {
  it('given a run cut in two, when the second part starts from the world the first left, then the events and the world are the whole run’s', () => {
    const commands = [
      start(),
      account(PROD, 'Production'),
      user(PROD, 'ci'),
      { type: 'CreateAccessKey', data: { user: CI } },
      inline(CI, 'Ci', [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }]),
      role(PROD, 'ops', trustWith([{ Effect: 'Allow', Principal: { AWS: rootArn(PROD) }, Action: 'sts:AssumeRole' }])),
      assumeRoleAs(byKey(KEY), roleArn(PROD, 'ops'), 'ops')(),
      wait(60),
      iam(byKey(KEY), 'GetUser'),
    ] as const;
    const envelopes = commands.map((command) => ({ command, meta: {} }));
    const whole = runLoop(envelopes);
    const first = runLoop(envelopes.slice(0, 5));
    const second = runLoop(envelopes.slice(5), first.world);
    expect([...first.events, ...second.events]).toEqual(whole.events);
    expect(second.world).toEqual(whole.world);
    expect(given([...commands]).iam).toEqual(whole.world.iam);
  });
});
