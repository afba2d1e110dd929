// Action, resource and principal matching edge cases (IAM User Guide "IAM JSON policy element
// reference").
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RequestPrincipal } from '../../src/policy/index.js';
import { compileGlob, matchGlob } from '../../src/policy/glob.js';
import { A, B, allow, anonymous, decide, federatedUser, policy, request, roleSession, root, service, user } from './helpers.js';

const alice = user('alice');

function allowed(action: unknown, resource: unknown, reqAction: string, reqResource: string): boolean {
  const id = policy('identity', allow(action, resource));
  return decide(request(alice, reqAction, reqResource, A), { identity: [id] }).decision === 'Allow';
}

describe('glob engine', () => {
  it.each([
    ['*', '', true],
    ['a*', 'abc', true],
    ['*c', 'abc', true],
    ['a?c', 'abc', true],
    ['a?c', 'ac', false],
    ['a*b*c', 'aXbYc', true],
    ['a*b*c', 'acb', false],
    ['a**c', 'ac', true],
    ['*a?*', 'xxay', true],
    ['ab', 'abc', false],
    ['a*a', 'a', false],
    ['?', '', false],
  ])('%s ~ %s → %s', (pattern, subject, expected) => {
    expect(matchGlob(compileGlob(pattern), subject)).toBe(expected);
  });
});

describe('glob engine agrees with a regular-expression oracle', () => {
  const toRegex = (p: string) => new RegExp(`^${[...p].map((ch) => (ch === '*' ? '.*' : ch === '?' ? '.' : ch)).join('')}$`, 's');
  it('for random patterns and subjects', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[ab*?:/]{0,8}$/), fc.stringMatching(/^[ab:/]{0,10}$/), (pattern, subject) => {
        expect(matchGlob(compileGlob(pattern), subject)).toBe(toRegex(pattern).test(subject));
      }),
      { seed: 7, numRuns: 3000 },
    );
  });
});

describe('resource patterns agree with a regular-expression oracle', () => {
  // head: `*` ending a segment may cross colons, other `*`/`?` stay inside their segment; tail: anything
  const oracle = (pattern: string): RegExp => {
    const parts = pattern.split(':');
    const head = parts
      .slice(0, 5)
      .map((seg) =>
        [...seg]
          .map((ch, j) => (ch === '*' ? (j === seg.length - 1 ? '.*' : '[^:]*') : ch === '?' ? '[^:]' : ch.replace(/[.-]/g, '\\$&')))
          .join(''),
      );
    const tail =
      parts.length > 5
        ? [...parts.slice(5).join(':')].map((ch) => (ch === '*' ? '.*' : ch === '?' ? '.' : ch.replace(/[.-/]/g, '\\$&'))).join('')
        : null;
    return new RegExp(`^${head.join(':')}${tail === null ? '' : `:${tail}`}$`, 's');
  };
  const seg = fc.constantFrom('', '*', 'us-*', 'us-east-1', 'u?-east-1', '*-1', '1111*', '111122223333');
  const res = fc.constantFrom('b/*', 'b/k', '*', 'b/*/x', 'b/?', 'log:*', 'b');
  const value = fc.tuple(
    fc.constantFrom('', 'us-east-1', 'us-west-1', 'eu:x'),
    fc.constantFrom('', '111122223333', '1:2'),
    fc.constantFrom('b/k', 'b/1/x', 'b', 'log:g:s', 'b/'),
  );
  it('for generated ARN patterns and values', () => {
    fc.assert(
      fc.property(seg, seg, res, value, (region, account, r, [vr, va, vres]) => {
        const pattern = `arn:aws:s3:${region}:${account}:${r}`;
        const subject = `arn:aws:s3:${vr}:${va}:${vres}`;
        const id = policy('identity', allow('s3:GetObject', pattern));
        const got = decide(request(alice, 's3:GetObject', subject, A), { identity: [id] }).decision === 'Allow';
        expect(got).toBe(oracle(pattern).test(subject));
      }),
      { seed: 11, numRuns: 1500 },
    );
  });
});

describe('actions', () => {
  it('is case-insensitive in prefix and name', () => {
    expect(allowed('IAM:listaccesskeys', '*', 'iam:ListAccessKeys', '*')).toBe(true);
  });
  it('globs the action name with * and ?', () => {
    expect(allowed('s3:Get*', '*', 's3:GetObject', '*')).toBe(true);
    expect(allowed('s3:Get?bject', '*', 's3:GetObject', '*')).toBe(true);
    expect(allowed('s3:Get?bject', '*', 's3:GetObjectAcl', '*')).toBe(false);
  });
  it('requires equal prefixes', () => {
    expect(allowed('s3:*', '*', 's3control:GetJob', '*')).toBe(false);
    expect(allowed('ec2:Describe*', '*', 's3:DescribeJob', '*')).toBe(false);
  });
  it('never matches malformed patterns', () => {
    expect(allowed('iam: ListUsers', '*', 'iam:ListUsers', '*')).toBe(false);
    expect(allowed('iam:', '*', 'iam:ListUsers', '*')).toBe(false);
  });
  it('accepts a list: any entry matches', () => {
    expect(allowed(['ec2:RunInstances', 's3:PutObject'], '*', 's3:PutObject', '*')).toBe(true);
  });
  it('Deny NotAction denies everything not listed', () => {
    const id = policy('identity', [allow('*', '*'), { Effect: 'Deny', NotAction: ['s3:*', 'iam:Get*'], Resource: '*' }]);
    const d = (a: string) => decide(request(alice, a, '*', undefined), { identity: [id] }).decision;
    expect(d('ec2:RunInstances')).toBe('ExplicitDeny');
    expect(d('s3:ListAllMyBuckets')).toBe('Allow');
    expect(d('iam:GetUser')).toBe('Allow');
    expect(d('iam:CreateUser')).toBe('ExplicitDeny');
  });
});

describe('resources', () => {
  const bkt = 'arn:aws:s3:::bkt/*/test/*';
  it.each([
    ['arn:aws:s3:::bkt/1/2/test/x.jpg', true],
    ['arn:aws:s3:::bkt//test/x.jpg', true],
    ['arn:aws:s3:::bkt/1/test/', true],
    ['arn:aws:s3:::bkt/1-test/x.jpg', false],
    ['arn:aws:s3:::bkt/test/x.jpg', false],
    ['arn:aws:s3:::bkt/1/2/test.jpg', false],
  ])('%s against bkt/*/test/*', (res, expected) => {
    expect(allowed('s3:GetObject', bkt, 's3:GetObject', res)).toBe(expected);
  });
  it('wildcards in the resource part span colons', () => {
    expect(
      allowed(
        'logs:PutLogEvents',
        `arn:aws:logs:us-east-1:${A}:log-group:app*`,
        'logs:PutLogEvents',
        `arn:aws:logs:us-east-1:${A}:log-group:app:log-stream:x`,
      ),
    ).toBe(true);
  });
  it('a segment-final * may run past colons', () => {
    expect(allowed('s3:GetObject', 'arn:aws:s3:*', 's3:GetObject', 'arn:aws:s3:::bucket/key')).toBe(true);
    expect(allowed('logs:GetLogEvents', 'arn:aws:logs:us-east-1:*', 'logs:GetLogEvents', `arn:aws:logs:us-east-1:${A}:log-group:g`)).toBe(
      true,
    );
  });
  it('a wildcard that does not end a segment stays inside it', () => {
    const p = `arn:aws:ec2:us-*-1:${A}:instance/*`;
    expect(allowed('ec2:StartInstances', p, 'ec2:StartInstances', `arn:aws:ec2:us-east-1:${A}:instance/i-1`)).toBe(true);
    expect(allowed('ec2:StartInstances', p, 'ec2:StartInstances', `arn:aws:ec2:us-x:y-1:${A}:instance/i-1`)).toBe(false);
    expect(
      allowed(
        'ec2:StartInstances',
        `arn:aws:ec2:us-east-?:${A}:instance/*`,
        'ec2:StartInstances',
        `arn:aws:ec2:us-east-1:${A}:instance/i-1`,
      ),
    ).toBe(true);
  });
  it('is case-sensitive', () => {
    expect(allowed('s3:GetObject', 'arn:aws:s3:::Bucket/*', 's3:GetObject', 'arn:aws:s3:::bucket/k')).toBe(false);
  });
  it('only a literal * matches the * resource of wildcard-only actions', () => {
    expect(allowed('s3:ListAllMyBuckets', 'arn:aws:s3:::*', 's3:ListAllMyBuckets', '*')).toBe(false);
    expect(allowed('s3:ListAllMyBuckets', '*', 's3:ListAllMyBuckets', '*')).toBe(true);
  });
  it('NotResource applies to everything not listed, including the * resource', () => {
    const id = policy('identity', { Effect: 'Allow', Action: 's3:*', NotResource: 'arn:aws:s3:::secret/*' });
    const d = (r: string) => decide(request(alice, 's3:GetObject', r, A), { identity: [id] }).decision;
    expect(d('arn:aws:s3:::secret/x')).toBe('ImplicitDeny');
    expect(d('arn:aws:s3:::public/x')).toBe('Allow');
    expect(d('*')).toBe('Allow');
  });
});

describe('principals', () => {
  const rp = (principal: unknown) => policy('resource', { Effect: 'Allow', Principal: principal, Action: 's3:GetObject', Resource: '*' });
  const how = (p: RequestPrincipal, principal: unknown, owner = A) => {
    const r = decide(request(p, 's3:GetObject', 'arn:aws:s3:::b/k', owner), { resource: rp(principal) });
    return r.policies.find((v) => v.type === 'resource')?.matched[0]?.principalMatch ?? null;
  };
  it('* and AWS:* match everyone, including anonymous and services', () => {
    expect(how(anonymous, '*')).toBe('direct');
    expect(how(anonymous, { AWS: '*' })).toBe('direct');
    expect(how(service('cloudtrail.amazonaws.com'), '*')).toBe('direct');
  });
  it('account id and root ARN are account-level for every principal of the account', () => {
    for (const p of [alice, roleSession('app', 's'), federatedUser('f', 'alice'), root()]) {
      expect(how(p, { AWS: A })).toBe('account');
      expect(how(p, { AWS: `arn:aws:iam::${A}:root` })).toBe('account');
    }
    expect(how(user('x', B), { AWS: A })).toBeNull();
  });
  it('a role ARN matches its sessions by role name, ignoring the path', () => {
    const s = roleSession('app', 's1', A, '/team/');
    expect(how(s, { AWS: `arn:aws:iam::${A}:role/team/app` })).toBe('role');
    expect(how(s, { AWS: `arn:aws:iam::${A}:role/other/app` })).toBe('role');
    expect(how(s, { AWS: `arn:aws:iam::${B}:role/app` })).toBeNull();
    expect(how(s, { AWS: `arn:aws:iam::${A}:role/application` })).toBeNull();
  });
  it('session, user and federated-user ARNs match exactly', () => {
    expect(how(roleSession('app', 's1'), { AWS: `arn:aws:sts::${A}:assumed-role/app/s1` })).toBe('direct');
    expect(how(roleSession('app', 's2'), { AWS: `arn:aws:sts::${A}:assumed-role/app/s1` })).toBeNull();
    expect(how(user('alice', A, '/dev/'), { AWS: `arn:aws:iam::${A}:user/alice` })).toBeNull();
    expect(how(user('alice', A, '/dev/'), { AWS: `arn:aws:iam::${A}:user/dev/alice` })).toBe('direct');
    expect(how(federatedUser('f', 'alice'), { AWS: `arn:aws:sts::${A}:federated-user/f` })).toBe('direct');
  });
  it('a user ARN matches that user’s federated sessions as userOfFederated', () => {
    expect(how(federatedUser('f', 'alice'), { AWS: `arn:aws:iam::${A}:user/alice` })).toBe('userOfFederated');
  });
  it('unique ids stand for users and roles', () => {
    expect(how(alice, { AWS: 'AIDAALICE' })).toBe('direct');
    expect(how(roleSession('app', 's'), { AWS: 'AROAAPP' })).toBe('role');
  });
  it('Service and CanonicalUser match their callers', () => {
    expect(how(service('cloudtrail.amazonaws.com'), { Service: 'cloudtrail.amazonaws.com' })).toBe('direct');
    expect(how(service('config.amazonaws.com'), { Service: ['cloudtrail.amazonaws.com'] })).toBeNull();
    const canon = 'a'.repeat(64);
    expect(how({ kind: 'anonymous', canonicalUserId: canon }, { CanonicalUser: canon })).toBe('direct');
  });
  it('statements without a Principal never match in resource policies', () => {
    const r = decide(request(alice, 's3:GetObject', 'arn:aws:s3:::b/k', A), {
      resource: policy('resource', allow('s3:GetObject', '*')),
    });
    expect(r.decision).toBe('ImplicitDeny');
    expect(r.policies[0]?.verdict).toBe('NoMatch');
  });
});

describe('NotPrincipal (strict rule)', () => {
  const np = (list: string[]) =>
    policy('resource', [
      { Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: '*' },
      { Effect: 'Deny', NotPrincipal: { AWS: list }, Action: 's3:*', Resource: '*' },
    ]);
  const d = (p: RequestPrincipal, list: string[]) =>
    decide(request(p, 's3:GetObject', 'arn:aws:s3:::b/k', A), { resource: np(list) }).decision;
  const s = roleSession('app', 's1');
  const sessionArn = `arn:aws:sts::${A}:assumed-role/app/s1`;
  const roleArn = `arn:aws:iam::${A}:role/app`;
  const acct = `arn:aws:iam::${A}:root`;
  it('a user is exempt only with user and account listed', () => {
    expect(d(alice, [alice.arn!])).toBe('ExplicitDeny');
    expect(d(alice, [alice.arn!, acct])).toBe('Allow');
    expect(d(user('bob'), [alice.arn!, acct])).toBe('ExplicitDeny');
  });
  it('a session is exempt only with session, role and account listed', () => {
    expect(d(s, [roleArn, acct])).toBe('ExplicitDeny');
    expect(d(s, [sessionArn, acct])).toBe('ExplicitDeny');
    expect(d(s, [sessionArn, roleArn, acct])).toBe('Allow');
  });
  it('the root user is exempt when its account is listed', () => {
    expect(d(root(), [A])).toBe('Allow');
  });
  it('an account-level Deny principal hits everyone in that account', () => {
    const rp = policy('resource', [
      { Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: '*' },
      { Effect: 'Deny', Principal: { AWS: A }, Action: 's3:*', Resource: '*' },
    ]);
    const r = decide(request(s, 's3:GetObject', 'arn:aws:s3:::b/k', A), { resource: rp });
    expect(r.decision).toBe('ExplicitDeny');
    expect(r.policies[0]?.matched).toEqual([
      { index: 0, effect: 'Allow', principalMatch: 'direct' },
      { index: 1, effect: 'Deny', principalMatch: 'account' },
    ]);
  });
});
