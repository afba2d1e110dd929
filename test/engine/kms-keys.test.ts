// KMS keys: the key policy is the primary control of a key (AWS KMS Developer Guide "Key policies in
// AWS KMS", https://docs.aws.amazon.com/kms/latest/developerguide/key-policies.html; "Default key
// policy", https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html; "Allowing
// users in other accounts to use a KMS key",
// https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-modifying-external-accounts.html;
// "AWS KMS condition keys", https://docs.aws.amazon.com/kms/latest/developerguide/conditions-kms.html).
import { describe, expect, it } from 'vitest';
import type { ParamValue } from '../../src/engine/call/command.js';
import type { AnyCommand, AnyEvent } from '../../src/engine/events.js';
import { account, DEV, given, inline, PROD, start, user, userArn, when } from './given.js';

const KEY = `arn:aws:kms:us-east-1:${PROD}:key/1234abcd-12ab-44cd-96ef-1234567890ab`;

const key = (policy: object, aliases: string[] = []): AnyCommand[] => [
  {
    type: 'CreateKey',
    data: { name: 'app', arn: KEY, keyId: KEY.slice(KEY.indexOf('/') + 1), account: PROD, region: 'us-east-1', aliases },
  },
  { type: 'PutResourcePolicy', data: { arn: KEY, document: policy as Record<string, unknown> } },
];

const keyPolicy = (...statements: object[]) => ({ Version: '2012-10-17', Statement: statements });
const allowAccount = (acct: string) => ({
  Effect: 'Allow',
  Principal: { AWS: `arn:aws:iam::${acct}:root` },
  Action: 'kms:*',
  Resource: '*',
});
const allowPrincipal = (arn: string, extra: object = {}) => ({
  Effect: 'Allow',
  Principal: { AWS: arn },
  Action: 'kms:Decrypt',
  Resource: '*',
  ...extra,
});
const identityAllows = (acct: string, name: string) =>
  inline(userArn(acct, name), 'Kms', [{ Effect: 'Allow', Action: 'kms:*', Resource: '*' }]);

const decrypt = (acct: string, name: string, params: Record<string, ParamValue> = { KeyId: { t: 'text', v: KEY } }): AnyCommand => ({
  type: 'Call',
  data: {
    caller: { kind: 'user', arn: userArn(acct, name) },
    action: 'kms:Decrypt',
    resource: null,
    params,
    context: {},
    region: 'us-east-1',
  },
});

type CallEvent = Extract<AnyEvent, { data: { call: unknown } }>;
const outcome = (events: AnyEvent[]) => (events[0] as CallEvent).data.call;
const base = [start(), account(PROD, 'P'), account(DEV, 'D'), user(PROD, 'alice'), user(DEV, 'dan')];

describe('KMS key policies', () => {
  it('an identity policy alone grants nothing when the key policy does not allow the account', () => {
    const world = given([...base, identityAllows(PROD, 'alice'), ...key(keyPolicy(allowPrincipal(`arn:aws:iam::${PROD}:role/other`)))]);
    const c = outcome(when(world, decrypt(PROD, 'alice')));
    expect(c.resource).toBe(KEY);
    expect(c.decision).toBe('ImplicitDeny');
    expect(c.error).toEqual({
      code: 'AccessDeniedException',
      message: `User: arn:aws:iam::${PROD}:user/alice is not authorized to perform: kms:Decrypt on resource: ${KEY} because no resource-based policy allows the kms:Decrypt action`,
    });
    expect(c.evaluations[0]?.evaluation.policies.map((p) => [p.type, p.name, p.verdict])).toEqual([
      ['identity', 'inline Kms (user alice)', 'Allow'],
      ['resource', 'key policy of app', 'NoMatch'],
    ]);
  });

  it('a key policy allowing the account lets identity policies grant, and needs one', () => {
    const withoutIdentity = given([...base, ...key(keyPolicy(allowAccount(PROD)))]);
    const denied = outcome(when(withoutIdentity, decrypt(PROD, 'alice')));
    expect(denied.decision).toBe('ImplicitDeny');
    expect(denied.error?.message).toMatch(/because no identity-based policy allows the kms:Decrypt action$/);
    const withIdentity = given([...base, identityAllows(PROD, 'alice'), ...key(keyPolicy(allowAccount(PROD)))]);
    expect(outcome(when(withIdentity, decrypt(PROD, 'alice'))).decision).toBe('Allow');
  });

  it('a key policy naming the caller suffices alone in the same account', () => {
    const world = given([...base, ...key(keyPolicy(allowPrincipal(userArn(PROD, 'alice'))))]);
    expect(outcome(when(world, decrypt(PROD, 'alice'))).decision).toBe('Allow');
  });

  it('an identity policy Deny still applies where the key policy names the caller', () => {
    const world = given([
      ...base,
      inline(userArn(PROD, 'alice'), 'No', [{ Effect: 'Deny', Action: 'kms:Decrypt', Resource: '*' }]),
      ...key(keyPolicy(allowPrincipal(userArn(PROD, 'alice')))),
    ]);
    expect(outcome(when(world, decrypt(PROD, 'alice'))).decision).toBe('ExplicitDeny');
  });

  it('cross account: the key policy must allow the external principal and its identity policy too', () => {
    const named = key(keyPolicy(allowAccount(PROD), allowPrincipal(userArn(DEV, 'dan'))));
    expect(outcome(when(given([...base, ...named]), decrypt(DEV, 'dan'))).decision).toBe('ImplicitDeny');
    expect(outcome(when(given([...base, identityAllows(DEV, 'dan'), ...named]), decrypt(DEV, 'dan'))).decision).toBe('Allow');
    const notNamed = key(keyPolicy(allowAccount(PROD)));
    expect(outcome(when(given([...base, identityAllows(DEV, 'dan'), ...notNamed]), decrypt(DEV, 'dan'))).decision).toBe('ImplicitDeny');
  });

  it('cross account: an operation KMS does not allow across accounts fails whatever the policies say', () => {
    const everything = { Effect: 'Allow', Principal: { AWS: userArn(DEV, 'dan') }, Action: 'kms:*', Resource: '*' };
    const world = given([...base, identityAllows(DEV, 'dan'), ...key(keyPolicy(everything))]);
    const schedule: AnyCommand = {
      type: 'Call',
      data: {
        caller: { kind: 'user', arn: userArn(DEV, 'dan') },
        action: 'kms:ScheduleKeyDeletion',
        resource: null,
        params: { KeyId: { t: 'text', v: KEY } },
        context: {},
        region: 'us-east-1',
      },
    };
    const events = when(world, schedule);
    expect(events[0]?.type).toBe('RequestFailed');
    const c = outcome(events);
    expect(c.error?.code).toBe('AccessDeniedException');
    expect(c.notes[0]).toMatch(/^KMS does not allow kms:ScheduleKeyDeletion on a key of another account/);
    expect(outcome(when(world, decrypt(DEV, 'dan'))).decision).toBe('Allow');
  });

  it('the root user is denied a key whose policy does not allow the account', () => {
    const world = given([...base, ...key(keyPolicy(allowPrincipal(userArn(PROD, 'alice'))))]);
    const c = outcome(
      when(world, {
        type: 'Call',
        data: {
          caller: { kind: 'root', account: PROD },
          action: 'kms:DescribeKey',
          resource: null,
          params: { KeyId: { t: 'text', v: KEY } },
          context: {},
          region: 'us-east-1',
        },
      } as AnyCommand),
    );
    expect(c.decision).toBe('ImplicitDeny');
  });

  it('KeyId may be an alias name, an alias ARN or a bare key ID of the caller’s account', () => {
    const world = given([...base, ...key(keyPolicy(allowPrincipal(userArn(PROD, 'alice'))), ['alias/app'])]);
    for (const v of ['alias/app', `arn:aws:kms:us-east-1:${PROD}:alias/app`, KEY.slice(KEY.indexOf('/') + 1)]) {
      const c = outcome(when(world, decrypt(PROD, 'alice', { KeyId: { t: 'text', v } })));
      expect([v, c.resource, c.decision]).toEqual([v, KEY, 'Allow']);
    }
  });

  it('fills kms:CallerAccount and the encryption context keys from the request', () => {
    const condition = { Condition: { StringEquals: { 'kms:EncryptionContext:dept': 'finance', 'kms:CallerAccount': PROD } } };
    const world = given([...base, ...key(keyPolicy(allowPrincipal(userArn(PROD, 'alice'), condition)))]);
    const ec = (dept: string): Record<string, ParamValue> => ({
      KeyId: { t: 'text', v: KEY },
      EncryptionContext: { t: 'json', v: { dept, project: 'x' } },
    });
    const allowed = outcome(when(world, decrypt(PROD, 'alice', ec('finance'))));
    expect(allowed.decision).toBe('Allow');
    expect(allowed.context).toMatchObject({
      'kms:CallerAccount': PROD,
      'kms:EncryptionContext:dept': 'finance',
      'kms:EncryptionContext:project': 'x',
      'kms:EncryptionContextKeys': ['dept', 'project'],
    });
    expect(outcome(when(world, decrypt(PROD, 'alice', ec('hr')))).decision).toBe('ImplicitDeny');
    const none = outcome(when(world, decrypt(PROD, 'alice')));
    expect(Object.keys(none.context).filter((k) => k.startsWith('kms:EncryptionContext'))).toEqual([]);
  });
});
