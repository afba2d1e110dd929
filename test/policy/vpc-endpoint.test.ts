// VPC endpoint policies as a filter (AWS PrivateLink Guide "Control access to VPC endpoints using
// endpoint policies": https://docs.aws.amazon.com/vpc/latest/privatelink/vpc-endpoints-access.html —
// "An endpoint policy does not override or replace identity-based policies or resource-based
// policies"; it must contain a Principal element): it must allow, its Deny is an explicit deny, and
// it grants nothing by itself.
import { describe, expect, it } from 'vitest';
import { A, allow, anonymous, decide, obj, policy, request, root, user } from './helpers.js';

const onlyBucket = () =>
  policy(
    'resource',
    [
      {
        Sid: 'Access-to-specific-bucket-only',
        Effect: 'Allow',
        Principal: '*',
        Action: ['s3:GetObject', 's3:PutObject'],
        Resource: ['arn:aws:s3:::bkt', 'arn:aws:s3:::bkt/*'],
      },
      { Sid: 'DenyDeletes', Effect: 'Deny', Principal: '*', Action: 's3:DeleteObject', Resource: '*' },
    ],
    { name: 'vpce-1a2b3c4d (gw)' },
  );
const s3All = () => policy('identity', allow('s3:*', '*'));

describe('a VPC endpoint policy', () => {
  it('lets through what it allows, when the identity side allows too', () => {
    // given alice's identity policy allowing s3:* and an endpoint policy allowing reads of bkt
    // when she reads bkt through the endpoint
    const e = decide(request(user('alice'), 's3:GetObject', obj('bkt', 'k'), A), { identity: [s3All()], endpoint: onlyBucket() });
    // then the request is allowed, and the endpoint policy is among the consulted ones
    expect(e.decision).toBe('Allow');
    expect(e.policies.find((v) => v.type === 'vpc-endpoint')).toMatchObject({ name: 'vpce-1a2b3c4d (gw)', verdict: 'Allow' });
  });

  it('denies implicitly what it does not allow, whatever the identity side allows', () => {
    const e = decide(request(user('alice'), 's3:GetObject', obj('other', 'k'), A), { identity: [s3All()], endpoint: onlyBucket() });
    expect(e.decision).toBe('ImplicitDeny');
    expect(e.decidedBy).toEqual({ type: 'vpc-endpoint', name: 'vpce-1a2b3c4d (gw)' });
  });

  it('denies explicitly with its own Deny statement', () => {
    const e = decide(request(user('alice'), 's3:DeleteObject', obj('bkt', 'k'), A), { identity: [s3All()], endpoint: onlyBucket() });
    expect(e.decision).toBe('ExplicitDeny');
    expect(e.decidedBy).toEqual({ type: 'vpc-endpoint', name: 'vpce-1a2b3c4d (gw)' });
  });

  it('grants nothing by itself: without an identity or resource grant the request is denied', () => {
    const e = decide(request(user('alice'), 's3:GetObject', obj('bkt', 'k'), A), { identity: [], endpoint: onlyBucket() });
    expect(e.decision).toBe('ImplicitDeny');
    expect(e.decidedBy?.type).toBe('identity');
  });

  it('filters anonymous requests too', () => {
    const open = policy('resource', { Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::other/*' });
    const e = decide(request(anonymous, 's3:GetObject', obj('other', 'k'), A), { identity: [], resource: open, endpoint: onlyBucket() });
    expect(e.decision).toBe('ImplicitDeny');
    expect(e.decidedBy?.type).toBe('vpc-endpoint');
  });
});

describe('an account principal in a VPC endpoint policy', () => {
  // AWS PrivateLink Guide, "Control access to VPC endpoints using endpoint policies": with
  // "AWS": "account_id", "access is granted to the AWS account root user only, and not all users
  // and roles for the account"
  const account = () =>
    policy('resource', { Effect: 'Allow', Principal: { AWS: A }, Action: 's3:*', Resource: '*' }, { name: 'vpce-1 (e)' });

  it('lets the root user of that account through', () => {
    const e = decide(request(root(), 's3:GetObject', obj('bkt', 'k'), A), { identity: [], endpoint: account() });
    expect(e.decision).toBe('Allow');
  });

  it('does not let the account’s IAM users through', () => {
    const e = decide(request(user('alice'), 's3:GetObject', obj('bkt', 'k'), A), { identity: [s3All()], endpoint: account() });
    expect(e.decision).toBe('ImplicitDeny');
    expect(e.decidedBy?.type).toBe('vpc-endpoint');
  });
});
