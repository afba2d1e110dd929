// Resource policy vs principal type, and callers beyond IAM principals (IAM User Guide "Policy
// evaluation logic").
import { describe, expect, it } from 'vitest';
import type { CompiledPolicy, PolicySet, RequestPrincipal } from '../../src/policy/index.js';
import { A, B, allow, anonymous, decide, federatedUser, policy, request, roleSession, root, service, user } from './helpers.js';

const get = (p: RequestPrincipal, owner = A) => request(p, 's3:GetObject', 'arn:aws:s3:::bkt/k', owner);
const names = (principal: string) =>
  policy('resource', { Effect: 'Allow', Principal: { AWS: principal }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::bkt/*' });
const s3 = policy('identity', allow('s3:GetObject', '*'));
const ec2 = (kind: 'boundary' | 'session') => policy(kind, allow('ec2:*', '*'));
const alice = user('alice');
const sess = roleSession('app', 's1');
const fed = federatedUser('fed1', 'alice');
const roleArn = `arn:aws:iam::${A}:role/app`;
const sessionArn = `arn:aws:sts::${A}:assumed-role/app/s1`;

describe('same-account table: resource policy vs principal type', () => {
  const rows: [string, RequestPrincipal, CompiledPolicy, Partial<PolicySet>, string][] = [
    ['user; names the user; no identity', alice, names(alice.arn!), {}, 'Allow'],
    ['user; names the account; no identity', alice, names(A), {}, 'ImplicitDeny'],
    ['session; names the role; nothing else', sess, names(roleArn), {}, 'Allow'],
    [
      'session; names the role; boundary does not allow',
      sess,
      names(roleArn),
      { identity: [s3], boundary: ec2('boundary') },
      'ImplicitDeny',
    ],
    [
      'session; names the role; session policy does not allow',
      sess,
      names(roleArn),
      { identity: [s3], session: [ec2('session')] },
      'ImplicitDeny',
    ],
    [
      'session; names the session; boundary and session policy do not allow',
      sess,
      names(sessionArn),
      { boundary: ec2('boundary'), session: [ec2('session')] },
      'Allow',
    ],
    [
      'federated; names the federated user; nothing allows',
      fed,
      names(fed.arn!),
      { boundary: ec2('boundary'), session: [ec2('session')] },
      'Allow',
    ],
    [
      'federated; names the underlying user; session policy does not allow',
      fed,
      names(alice.arn!),
      { identity: [s3], session: [ec2('session')] },
      'ImplicitDeny',
    ],
    [
      'federated; names the underlying user; session policy allows',
      fed,
      names(alice.arn!),
      { session: [policy('session', allow('s3:*', '*'))] },
      'Allow',
    ],
  ];
  it.each(rows)('%s → %s', (_title, p, rp, extra, expected) => {
    expect(decide(get(p), { resource: rp, ...extra }).decision).toBe(expected);
  });

  // A grant to every principal ("*") within the account is not limited by boundaries or session
  // policies: AWS JSON policy elements: Principal, "IAM role principals" ("Identity-based policy types,
  // such as permissions boundaries or session policies, do not limit permissions granted using the
  // aws:PrincipalArn condition key with a wildcard(*) in the Principal element, unless the
  // identity-based policies contain an explicit deny") and "All principals" ("For IAM users and role
  // principals within your account, no other permissions are required").
  describe('a wildcard principal, same account', () => {
    const everyone = (condition?: Record<string, unknown>) =>
      policy('resource', {
        Effect: 'Allow',
        Principal: '*',
        Action: 's3:GetObject',
        Resource: 'arn:aws:s3:::bkt/*',
        ...(condition === undefined ? {} : { Condition: condition }),
      });
    const onlyRole = { ArnEquals: { 'aws:PrincipalArn': roleArn } };
    const ctx = { 'aws:PrincipalArn': roleArn };
    const limits = { boundary: ec2('boundary'), session: [ec2('session')] };
    it('is not limited by a session policy or a boundary that does not allow', () => {
      expect(decide(get(sess), { resource: everyone(), ...limits }).decision).toBe('Allow');
      expect(
        decide(request(sess, 's3:GetObject', 'arn:aws:s3:::bkt/k', A, ctx), { resource: everyone(onlyRole), ...limits }).decision,
      ).toBe('Allow');
      expect(decide(get(fed), { resource: everyone(), ...limits }).decision).toBe('Allow');
    });
    it('an explicit deny in a session policy still ends it', () => {
      const deny = policy('session', { Effect: 'Deny', Action: 's3:GetObject', Resource: '*' });
      expect(decide(get(sess), { resource: everyone(), session: [deny] }).decision).toBe('ExplicitDeny');
    });
    it('across accounts the caller side must still allow', () => {
      const other = roleSession('app', 's1', B);
      expect(decide(get(other), { resource: everyone(), session: [ec2('session')] }).decision).toBe('ImplicitDeny');
    });
  });

  it.each([
    ['user', user('alice', B), `arn:aws:iam::${B}:user/alice`],
    ['session', roleSession('app', 's1', B), `arn:aws:sts::${B}:assumed-role/app/s1`],
  ])('%s of another account with a boundary that does not allow → ImplicitDeny', (_t, p, arn) => {
    expect(decide(get(p), { identity: [s3], boundary: ec2('boundary'), resource: names(arn) }).decision).toBe('ImplicitDeny');
  });
});

describe('boundary table observed on real AWS', () => {
  const allowS3 = policy('boundary', allow('s3:*', '*'));
  const cases: [boolean, boolean, boolean, string, string][] = [
    [false, false, true, 'ImplicitDeny', 'Allow'],
    [false, true, true, 'ImplicitDeny', 'Allow'],
    [true, true, false, 'Allow', 'Allow'],
    [true, false, true, 'Allow', 'Allow'],
    [true, true, true, 'Allow', 'Allow'],
    [true, false, false, 'ImplicitDeny', 'ImplicitDeny'],
    [false, true, false, 'ImplicitDeny', 'ImplicitDeny'],
  ];
  it.each(cases)('boundary %s, identity %s, resource %s → role %s, session %s', (b, id, res, viaRole, viaSession) => {
    const set = (principal: string): Partial<PolicySet> => ({
      boundary: b ? allowS3 : ec2('boundary'),
      identity: id ? [s3] : [],
      ...(res ? { resource: names(principal) } : {}),
    });
    expect(decide(get(sess), set(roleArn)).decision).toBe(viaRole);
    expect(decide(get(sess), set(sessionArn)).decision).toBe(viaSession);
  });
});

describe('other callers', () => {
  it('the root user has implicit full access in its account, not across accounts', () => {
    const r = decide(get(root()), {});
    expect(r.decision).toBe('Allow');
    expect(r.decidedBy).toBeNull();
    expect(decide(get(root(), B), {}).decision).toBe('ImplicitDeny');
    expect(decide(get(root(), B), { resource: names(A) }).decision).toBe('Allow');
  });
  it('SCPs hit a member-account root user', () => {
    const scpLevels = [{ name: 'root', policies: [policy('scp', allow('ec2:*', '*'))] }];
    expect(decide(get(root()), { scpLevels }).decision).toBe('ImplicitDeny');
  });
  it('an SCP Allow never grants by itself', () => {
    const scpLevels = [{ name: 'root', policies: [policy('scp', allow('*', '*'))] }];
    expect(decide(get(alice), { scpLevels }).decision).toBe('ImplicitDeny');
  });
  it('an SCP gap blocks even a resource-policy grant', () => {
    const scpLevels = [{ name: 'ou X', policies: [policy('scp', allow('ec2:*', '*'))] }];
    const r = decide(get(alice), { resource: names(alice.arn!), scpLevels });
    expect(r.decidedBy).toEqual({ type: 'scp', name: 'ou X' });
  });
  it('anonymous callers need a wildcard principal', () => {
    expect(decide(get(anonymous), { resource: names(A) }).decision).toBe('ImplicitDeny');
    const open = policy('resource', { Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: '*' });
    expect(decide(get(anonymous), { resource: open }).decision).toBe('Allow');
    expect(decide(get(anonymous), { identity: [s3] }).decision).toBe('ImplicitDeny');
  });
  it('service principals are decided by the resource policy; RCPs still apply', () => {
    const ct = service('cloudtrail.amazonaws.com');
    const rp = policy('resource', {
      Effect: 'Allow',
      Principal: { Service: 'cloudtrail.amazonaws.com' },
      Action: 's3:PutObject',
      Resource: '*',
    });
    const put = request(ct, 's3:PutObject', 'arn:aws:s3:::logs/AWSLogs/x', A);
    expect(decide(put, { resource: rp }).decision).toBe('Allow');
    const rcpLevels = [{ name: 'root', policies: [policy('rcp', { Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: '*' })] }];
    expect(decide(put, { resource: rp, rcpLevels }).decision).toBe('ExplicitDeny');
  });
  it('web identity: only the trust policy decides, by Federated principal', () => {
    const provider = `arn:aws:iam::${A}:oidc-provider/token.actions.githubusercontent.com`;
    const caller: RequestPrincipal = { kind: 'webIdentity', federatedProvider: provider };
    const trust = policy(
      'trust',
      {
        Effect: 'Allow',
        Principal: { Federated: provider },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: { StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:org/app:*' } },
      },
      { name: 'trust deploy' },
    );
    const call = (sub: string) =>
      decide(
        {
          principal: caller,
          action: 'sts:AssumeRoleWithWebIdentity',
          resource: `arn:aws:iam::${A}:role/deploy`,
          resourceAccount: A,
          context: { 'token.actions.githubusercontent.com:sub': sub },
        },
        { resource: trust, resourceMustAllow: true, scpLevels: [{ name: 'root', policies: [] }] },
      );
    expect(call('repo:org/app:ref:refs/heads/main').decision).toBe('Allow');
    const denied = call('repo:evil/app:ref:refs/heads/main');
    expect(denied.decision).toBe('ImplicitDeny');
    expect(denied.decidedBy).toEqual({ type: 'trust', name: 'trust deploy' });
    expect(denied.sameAccount).toBe(false);
    expect(denied.reason).toMatch(/^web-identity caller: /);
  });
  // AWS STS API Reference "AssumeRoleWithSAML": the caller is the IdP's user, named by the SAML
  // provider in PrincipalArn and matched by the trust policy's Federated principal, as a web
  // identity caller is; the reason names it as SAML federation
  it('SAML federation: only the trust policy decides, by Federated principal, and the reason says SAML', () => {
    const provider = `arn:aws:iam::${A}:saml-provider/Okta`;
    const trust = policy(
      'trust',
      { Effect: 'Allow', Principal: { Federated: provider }, Action: 'sts:AssumeRoleWithSAML' },
      { name: 'trust readers' },
    );
    const call = (federatedProvider: string) =>
      decide(
        {
          principal: { kind: 'webIdentity', federatedProvider },
          action: 'sts:AssumeRoleWithSAML',
          resource: `arn:aws:iam::${A}:role/readers`,
          resourceAccount: A,
          context: {},
        },
        { resource: trust, resourceMustAllow: true },
      );
    const allowed = call(provider);
    expect(allowed.decision).toBe('Allow');
    expect(allowed.reason).toBe(`SAML-federated caller: the trust policy allows ${provider}`);
    const other = call(`arn:aws:iam::${A}:saml-provider/Entra`);
    expect(other.decision).toBe('ImplicitDeny');
    expect(other.reason).toMatch(/^SAML-federated caller: /);
  });
  it('cross-account role assumption needs identity Allow and trust Allow', () => {
    const bob = user('bob', B);
    const trust = policy(
      'trust',
      { Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${B}:root` }, Action: 'sts:AssumeRole' },
      { name: 'trust' },
    );
    const assume = request(bob, 'sts:AssumeRole', `arn:aws:iam::${A}:role/target`, A);
    const idAllow = policy('identity', allow('sts:AssumeRole', '*'));
    expect(decide(assume, { identity: [idAllow], resource: trust, resourceMustAllow: true }).decision).toBe('Allow');
    expect(decide(assume, { resource: trust, resourceMustAllow: true }).decidedBy?.type).toBe('identity');
    const strangers = policy(
      'trust',
      { Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${A}:root` }, Action: 'sts:AssumeRole' },
      { name: 'trust' },
    );
    const r = decide(assume, { identity: [idAllow], resource: strangers, resourceMustAllow: true });
    expect(r.decidedBy).toEqual({ type: 'trust', name: 'trust' });
    expect(r.reason).toBe(
      `cross-account: the identity policy allows but no statement of the trust policy allows arn:aws:iam::${B}:user/bob`,
    );
    const neither = decide(assume, { resource: strangers, resourceMustAllow: true });
    expect(neither.decidedBy).toEqual({ type: 'trust', name: 'trust' });
  });
});

describe('explanations', () => {
  it('lists every consulted policy with its verdict and matched statements', () => {
    const id1 = policy('identity', [{ Sid: 'Read', ...allow('s3:Get*', '*') }, allow('ec2:*', '*')], { name: 'inline Read (user alice)' });
    const id2 = policy('identity', allow('ec2:*', '*'), { name: 'Ec2' });
    const b = policy('boundary', allow('s3:*', '*'), { name: 'Boundary' });
    const r = decide(get(alice), { identity: [id1, id2], boundary: b });
    expect(r.policies).toEqual([
      { type: 'identity', name: 'inline Read (user alice)', verdict: 'Allow', matched: [{ index: 0, sid: 'Read', effect: 'Allow' }] },
      { type: 'identity', name: 'Ec2', verdict: 'NoMatch', matched: [] },
      { type: 'boundary', name: 'Boundary', verdict: 'Allow', matched: [{ index: 0, effect: 'Allow' }] },
    ]);
    expect(r.decidedBy).toEqual({ type: 'identity', name: 'inline Read (user alice)' });
    expect(r.reason).toBe('same account: identity-based policy inline Read (user alice) allows s3:GetObject');
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });
  it('names the denying statement and its org level', () => {
    const full = policy('scp', allow('*', '*'), { name: 'FullAWSAccess' });
    const deny = policy('scp', { Sid: 'NoS3', Effect: 'Deny', Action: 's3:*', Resource: '*' }, { name: 'DenyS3' });
    const r = decide(get(alice), {
      identity: [s3],
      scpLevels: [
        { name: 'root r-1', policies: [full] },
        { name: 'ou Prod', policies: [full, deny] },
      ],
    });
    expect(r.decision).toBe('ExplicitDeny');
    expect(r.decidedBy).toEqual({ type: 'scp', name: 'DenyS3' });
    expect(r.reason).toBe('explicit deny in the service control policy DenyS3 (ou Prod), statement NoS3');
    expect(r.policies.find((v) => v.name === 'DenyS3')?.level).toBe('ou Prod');
  });
});
