import { describe, expect, it } from 'vitest';
import type { AnyCommand, AnyEvent } from '../../src/engine/events.js';
import { account, call, DEV, given, inline, PROD, start, user, userArn, when } from './given.js';

const bucket = (acct: string, name: string, policy: object | null): AnyCommand[] => [
  { type: 'CreateBucket', data: { name, arn: `arn:aws:s3:::${name}`, account: acct } },
  ...(policy
    ? [{ type: 'PutResourcePolicy', data: { arn: `arn:aws:s3:::${name}`, document: policy as Record<string, unknown> } } as AnyCommand]
    : []),
];

const policy = (principal: unknown, effect = 'Allow') => ({
  Version: '2012-10-17',
  Statement: [{ Effect: effect, Principal: { AWS: principal }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::docs/*' }],
});

const get = (who: string, acct = PROD) =>
  call({ kind: 'user', arn: userArn(acct, who) }, 's3:GetObject', {}, 'arn:aws:s3:::docs/readme.txt');
type CallEvent = Extract<AnyEvent, { data: { call: unknown } }>;
const outcome = (events: AnyEvent[]) => (events[0] as CallEvent).data.call;

describe('authorizing a call on a resource', () => {
  it('same account: a bucket policy naming the user grants without any identity policy', () => {
    const world = given([start(), account(PROD, 'P'), user(PROD, 'carol'), ...bucket(PROD, 'docs', policy(userArn(PROD, 'carol')))]);
    const c = outcome(when(world, get('carol')));
    expect(c.outcome).toBe('allowed');
    expect(c.evaluations[0]?.evaluation.policies.map((p) => [p.type, p.name, p.verdict])).toEqual([
      ['resource', 'bucket policy of docs', 'Allow'],
    ]);
  });

  it('same account: a bucket policy naming only the account grants nothing by itself', () => {
    const world = given([start(), account(PROD, 'P'), user(PROD, 'carol'), ...bucket(PROD, 'docs', policy(PROD))]);
    const c = outcome(when(world, get('carol')));
    expect(c.outcome).toBe('denied');
    expect(c.decision).toBe('ImplicitDeny');
    expect(c.error?.code).toBe('AccessDenied');
  });

  it('cross account: the bucket policy and the identity policy must both allow', () => {
    const base = [start(), account(PROD, 'P'), account(DEV, 'D'), user(DEV, 'dan'), ...bucket(PROD, 'docs', policy(userArn(DEV, 'dan')))];
    expect(outcome(when(given(base), get('dan', DEV))).decision).toBe('ImplicitDeny');
    const withIdentity = given([
      ...base,
      inline(userArn(DEV, 'dan'), 'Read', [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }]),
    ]);
    expect(outcome(when(withIdentity, get('dan', DEV))).decision).toBe('Allow');
  });

  it('an explicit deny in the bucket policy wins over an identity allow, with AWS wording', () => {
    const world = given([
      start(),
      account(PROD, 'P'),
      user(PROD, 'carol'),
      inline(userArn(PROD, 'carol'), 'Read', [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }]),
      ...bucket(PROD, 'docs', policy('*', 'Deny')),
    ]);
    const c = outcome(when(world, get('carol')));
    expect(c.decision).toBe('ExplicitDeny');
    expect(c.error?.message).toBe(
      'User: arn:aws:iam::111111111111:user/carol is not authorized to perform: s3:GetObject on resource: arn:aws:s3:::docs/readme.txt with an explicit deny in a resource-based policy',
    );
  });

  it('uses the service error code for other services', () => {
    const world = given([start(), account(PROD, 'P'), user(PROD, 'carol')]);
    const c = outcome(
      when(
        world,
        call({ kind: 'user', arn: userArn(PROD, 'carol') }, 'dynamodb:GetItem', {}, 'arn:aws:dynamodb:us-east-1:111111111111:table/t'),
      ),
    );
    expect(c.error?.code).toBe('AccessDeniedException');
    expect(c.error?.message).toMatch(/because no identity-based policy allows the dynamodb:GetItem action$/);
  });
});
