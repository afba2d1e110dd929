// Access keys of IAM users, given/when/then: CreateAccessKey, UpdateAccessKey, DeleteAccessKey and
// ListAccessKeys (IAM API Reference, each action's page,
// https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateAccessKey.html …), the quota of two
// keys per user (IAM User Guide "IAM and AWS STS quotas",
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html), and what a kept key
// can do once it is made inactive or deleted (IAM User Guide "Manage access keys for IAM users",
// https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html).
import { describe, expect, it } from 'vitest';
import { accessKeyId, secretAccessKey } from '../../src/engine/ids.js';
import type { World } from '../../src/engine/world.js';
import {
  asKept,
  assumeRoleAs,
  asRoot,
  asUser,
  field,
  inline,
  keep,
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
  type Param,
} from './sts-helpers.js';

const ADMIN = asUser(PROD, 'admin');
const CI = userArn(PROD, 'ci');

const world = (): World =>
  production(
    user(PROD, 'admin'),
    inline(userArn(PROD, 'admin'), 'Admin', [{ Effect: 'Allow', Action: ['iam:*', 'sts:AssumeRole'], Resource: '*' }]),
    user(PROD, 'bob'),
    user(PROD, 'ci'),
    inline(CI, 'Ci', [{ Effect: 'Allow', Action: ['s3:ListAllMyBuckets', 'iam:*AccessKey*'], Resource: '*' }]),
    role(PROD, 'ops', trustWith([{ Effect: 'Allow', Principal: { AWS: rootArn(PROD) }, Action: 'sts:AssumeRole' }])),
    inline(roleArn(PROD, 'ops'), 'Keys', [{ Effect: 'Allow', Action: 'iam:*', Resource: '*' }]),
  );

const iam = (action: string, params: Record<string, Param> = {}, caller = ADMIN) => sts(caller, `iam:${action}`, params);
const list = s3(asKept('ci-key'), 's3:ListAllMyBuckets', '*');

describe('CreateAccessKey', () => {
  it('given an administrator, when it creates a key for user ci, then IAM answers the AccessKey with its secret and the key is Active', () => {
    const c = outcome(world(), iam('CreateAccessKey', { UserName: 'ci' }));
    const id = accessKeyId('AKIA', PROD, 'test', `${CI}#0`);
    expect(c.resource).toBe(CI);
    expect(c.response).toEqual({
      AccessKey: {
        UserName: 'ci',
        AccessKeyId: id,
        Status: 'Active',
        SecretAccessKey: secretAccessKey('test', id),
        CreateDate: '2026-01-01T09:00:00Z',
      },
    });
  });

  it('given no UserName, when user ci calls it, then the key is the calling user’s and the request is authorized on ci', () => {
    const { world: w, events } = run(world(), iam('CreateAccessKey', {}, asUser(PROD, 'ci')));
    expect(events.map((e) => e.type)).toEqual(['RequestAllowed', 'AccessKeyCreated']);
    expect(w.iam.users[CI]!.accessKeys).toHaveLength(1);
  });

  it('given no UserName, when a role session calls it, then IAM answers ValidationError: the credentials are not a user’s (AWS-observed)', () => {
    const w = keep(world(), assumeRoleAs(ADMIN, roleArn(PROD, 'ops'), 'ops')(), 'ops');
    const c = outcome(w, iam('CreateAccessKey', {}, asKept('ops')));
    expect(c.error).toEqual({ code: 'ValidationError', message: 'Must specify userName when calling with non-User credentials' });
  });

  it('given no UserName, when the root user calls it, then iamsim refuses: it does not model the root user’s keys', () => {
    const c = outcome(world(), iam('CreateAccessKey', {}, asRoot(PROD)));
    expect(c.error?.code).toBe('ValidationError');
    expect(c.notes.join(' ')).toContain('does not model access keys of the root user');
  });

  it('given a user with two keys, one inactive, when a third is created, then LimitExceeded: AccessKeysPerUser is 2', () => {
    let w = keep(world(), iam('CreateAccessKey', { UserName: 'ci' }), 'ci-key');
    w = run(w, iam('UpdateAccessKey', { UserName: 'ci', AccessKeyId: { credentials: 'ci-key' }, Status: 'Inactive' })).world;
    w = run(w, iam('CreateAccessKey', { UserName: 'ci' })).world;
    expect(outcome(w, iam('CreateAccessKey', { UserName: 'ci' })).error).toEqual({
      code: 'LimitExceeded',
      message: 'Cannot exceed quota for AccessKeysPerUser: 2',
    });
  });

  it('given an unknown user, then NoSuchEntity; given a bad name, then ValidationError before authorization', () => {
    expect(outcome(world(), iam('CreateAccessKey', { UserName: 'nobody' })).error).toEqual({
      code: 'NoSuchEntity',
      message: 'The user with name nobody cannot be found.',
    });
    const bad = outcome(world(), iam('CreateAccessKey', { UserName: 'bad name' }, asUser(PROD, 'bob')));
    expect(bad.error?.code).toBe('ValidationError');
    // IAM's own wording for a name outside its pattern (observed for userName)
    expect(bad.error?.message).toBe(
      'The specified value for userName is invalid. It must contain only alphanumeric characters and/or the following: +=,.@_-',
    );
  });

  it('given a user whose policy does not allow it, then AccessDenied and no key', () => {
    const w = production(user(PROD, 'bob'), user(PROD, 'ci'));
    const { events } = run(w, iam('CreateAccessKey', { UserName: 'ci' }, asUser(PROD, 'bob')));
    expect(events.map((e) => e.type)).toEqual(['RequestDenied']);
  });
});

describe('a kept access key through its life', () => {
  const made = () => keep(world(), iam('CreateAccessKey', { UserName: 'ci' }), 'ci-key');
  const status = (s: string) => iam('UpdateAccessKey', { UserName: 'ci', AccessKeyId: { credentials: 'ci-key' }, Status: s });

  it('given a kept key, when it is used, then the call is made as user ci with that key', () => {
    const c = outcome(made(), list);
    expect(c.error).toBeNull();
    expect(c.caller.arn).toBe(CI);
    expect(c.caller.accessKeyId).toMatch(/^AKIA/);
  });

  it('when it is made Inactive, then it is refused with InvalidClientTokenId; made Active again, it works', () => {
    let w = run(made(), status('Inactive')).world;
    expect(outcome(w, list).error).toEqual({
      code: 'InvalidClientTokenId',
      message: 'The security token included in the request is invalid.',
    });
    w = run(w, status('Active')).world;
    expect(outcome(w, list).error).toBeNull();
  });

  it('when it is deleted, then it is refused with InvalidClientTokenId', () => {
    const w = run(made(), iam('DeleteAccessKey', { UserName: 'ci', AccessKeyId: { credentials: 'ci-key' } })).world;
    expect(outcome(w, list).error?.code).toBe('InvalidClientTokenId');
  });

  it('`as user` signs with the first key: refused while it is inactive, refused once the user has no key left', () => {
    const asCi = s3(asUser(PROD, 'ci'), 's3:ListAllMyBuckets', '*');
    let w = run(made(), status('Inactive')).world;
    expect(outcome(w, asCi).error?.code).toBe('InvalidClientTokenId');
    w = run(w, iam('DeleteAccessKey', { UserName: 'ci', AccessKeyId: { credentials: 'ci-key' } })).world;
    const c = outcome(w, asCi);
    expect(c.error?.code).toBe('InvalidClientTokenId');
    expect(c.notes.join(' ')).toContain('no access key left');
  });
});

describe('UpdateAccessKey, DeleteAccessKey, ListAccessKeys', () => {
  const made = () => keep(world(), iam('CreateAccessKey', { UserName: 'ci' }), 'ci-key');

  it('given a Status outside the enum, then ValidationError before authorization', () => {
    const c = outcome(made(), iam('UpdateAccessKey', { UserName: 'ci', AccessKeyId: { credentials: 'ci-key' }, Status: 'Off' }));
    expect(c.error?.message).toBe(
      "1 validation error detected: Value 'Off' at 'status' failed to satisfy constraint: Member must satisfy enum value set: [Active, Inactive]",
    );
  });

  it('given a key of another user, or no such key, then NoSuchEntity (moto’s wording)', () => {
    const w = run(made(), iam('CreateAccessKey', {}, ADMIN)).world;
    const c = outcome(w, iam('DeleteAccessKey', { UserName: 'admin', AccessKeyId: { credentials: 'ci-key' } }));
    expect(c.error?.code).toBe('NoSuchEntity');
    expect(c.error?.message).toMatch(/^The Access Key with id AKIA\w+ cannot be found$/);
    expect(outcome(w, iam('UpdateAccessKey', { UserName: 'ci', AccessKeyId: 'AKIAAAAAAAAAAAAAAAAA', Status: 'Active' })).error?.code).toBe(
      'NoSuchEntity',
    );
  });

  it('given a key made inactive, when keys are listed, then ListAccessKeys shows its status as it is now', () => {
    const w = run(made(), iam('UpdateAccessKey', { UserName: 'ci', AccessKeyId: { credentials: 'ci-key' }, Status: 'Inactive' })).world;
    const c = outcome(w, iam('ListAccessKeys', { UserName: 'ci' }));
    expect(field(c, 'IsTruncated')).toBe(false);
    expect(field(c, 'AccessKeyMetadata')).toEqual([
      { UserName: 'ci', AccessKeyId: w.scenario.kept['ci-key'], Status: 'Inactive', CreateDate: '2026-01-01T09:00:00Z' },
    ]);
  });

  it('given MaxItems 1 and two keys, then one page with IsTruncated and a Marker for the next', () => {
    const w = run(made(), iam('CreateAccessKey', { UserName: 'ci' })).world;
    const first = outcome(w, iam('ListAccessKeys', { UserName: 'ci', MaxItems: '1' }));
    expect(field(first, 'IsTruncated')).toBe(true);
    const next = outcome(w, iam('ListAccessKeys', { UserName: 'ci', MaxItems: '1', Marker: field(first, 'Marker') as string }));
    expect(field(next, 'IsTruncated')).toBe(false);
    expect(field(next, 'AccessKeyMetadata')).toHaveLength(1);
  });

  it('given bad input (a missing Status, a MaxItems that is no integer), then ValidationError with each violation', () => {
    const missing = outcome(made(), iam('UpdateAccessKey', { UserName: 'ci', AccessKeyId: { credentials: 'ci-key' } }));
    expect(missing.error?.message).toBe(
      "1 validation error detected: Value null at 'status' failed to satisfy constraint: Member must not be null",
    );
    const paging = outcome(made(), iam('ListAccessKeys', { UserName: 'ci', MaxItems: 'ten' }));
    expect(paging.error?.message).toBe(
      "1 validation error detected: Value 'ten' at 'maxItems' failed to satisfy constraint: Member must be an integer",
    );
    const shortId = outcome(made(), iam('DeleteAccessKey', { UserName: 'ci', AccessKeyId: 'AKIA' }));
    expect(shortId.error?.message).toContain(
      "Value 'AKIA' at 'accessKeyId' failed to satisfy constraint: Member must have length greater than or equal to 16",
    );
  });

  it('given an unknown user, then each of them answers NoSuchEntity', () => {
    for (const [action, params] of [
      ['UpdateAccessKey', { UserName: 'nobody', AccessKeyId: { credentials: 'ci-key' }, Status: 'Active' }],
      ['DeleteAccessKey', { UserName: 'nobody', AccessKeyId: { credentials: 'ci-key' } }],
      ['ListAccessKeys', { UserName: 'nobody' }],
    ] as const) {
      expect(outcome(made(), iam(action, params)).error?.message).toBe('The user with name nobody cannot be found.');
    }
  });
});
