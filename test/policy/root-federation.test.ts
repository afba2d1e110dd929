// A federated user made by the root user (AWS STS API Reference "GetFederationToken", Permissions:
// https://docs.aws.amazon.com/STS/latest/APIReference/API_GetFederationToken.html; IAM User Guide
// "Compare AWS STS credentials": https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_sts-comparison.html):
// its permissions are the root user's — full access in its account, less what SCPs deny — cut down
// by its session policies.
import { describe, expect, it } from 'vitest';
import type { RequestPrincipal } from '../../src/policy/index.js';
import { explainRules } from '../../src/policy/explain-rules.js';
import { isRootFederatedUser } from '../../src/policy/root-permissions.js';
import { A, B, allow, decide, deny, federatedUser, policy, request } from './helpers.js';

const rootFed: RequestPrincipal = {
  kind: 'stsFederatedUser',
  accountId: A,
  arn: `arn:aws:sts::${A}:federated-user/reporter`,
  underlyingUserArn: `arn:aws:iam::${A}:root`,
};
const get = (p: RequestPrincipal, owner = A) => request(p, 's3:GetObject', 'arn:aws:s3:::bkt/k', owner);
const names = (principal: string) =>
  policy('resource', { Effect: 'Allow', Principal: { AWS: principal }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::bkt/*' });
const readBucket = () => policy('session', allow('s3:GetObject', 'arn:aws:s3:::bkt/*'), { name: 'inline session policy' });

describe('a federated user of the root user', () => {
  it('is recognised by the root ARN behind it, not an IAM user', () => {
    expect(isRootFederatedUser(rootFed)).toBe(true);
    expect(isRootFederatedUser(federatedUser('guest', 'alice'))).toBe(false);
    expect(isRootFederatedUser({ kind: 'root', accountId: A, arn: `arn:aws:iam::${A}:root` })).toBe(false);
  });

  it('needs no identity-based policy: a session policy that allows is enough in its own account', () => {
    // given a session policy allowing reads and no identity-based policy at all
    const set = { identity: [], session: [readBucket()] };
    // when it reads an object of its account
    const e = decide(get(rootFed), set);
    // then the root user's implicit full access and the session policy allow it
    expect(e.decision).toBe('Allow');
    expect(e.reason).toContain('the root user behind this federated user has implicit full access');
  });

  it('is limited by its session policies', () => {
    const e = decide(request(rootFed, 's3:PutObject', 'arn:aws:s3:::bkt/k', A), { session: [readBucket()] });
    expect(e.decision).toBe('ImplicitDeny');
    expect(e.decidedBy).toEqual({ type: 'session-policy', name: 'inline session policy' });
  });

  it('has no permissions without a session policy', () => {
    const e = decide(get(rootFed), { session: [] });
    expect(e.decision).toBe('ImplicitDeny');
    expect(e.reason).toContain('a federated-user session without a session policy has no permissions');
  });

  it('is still filtered by SCPs', () => {
    // given SCP levels where one denies the read
    const scpLevels = [
      { name: 'root', policies: [policy('scp', allow('*', '*')), policy('scp', deny('s3:GetObject', '*'), { name: 'NoReads' })] },
    ];
    // when it reads
    const e = decide(get(rootFed), { session: [readBucket()], scpLevels });
    // then the SCP's explicit deny decides
    expect(e.decision).toBe('ExplicitDeny');
    expect(e.decidedBy).toEqual({ type: 'scp', name: 'NoReads' });
  });

  it('needs the resource side in another account, as the root user does', () => {
    const session = [readBucket()];
    expect(decide(get(rootFed, B), { session }).decision).toBe('ImplicitDeny');
    expect(decide(get(rootFed, B), { session, resource: names(A) }).decision).toBe('Allow');
  });

  it('says so in the rules of the explanation', () => {
    const req = get(rootFed);
    const set = { identity: [], session: [readBucket()] };
    const identity = explainRules(req, set, decide(req, set)).find((r) => r.rule === 'identity');
    expect(identity).toMatchObject({ outcome: 'allows' });
    expect(identity?.text).toContain("holds the root user's implicit full access");
  });
});
