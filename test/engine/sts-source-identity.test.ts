// SourceIdentity: sts:SetSourceIdentity, the keys it puts in requests, and its persistence along a
// chain of sessions.
import { describe, expect, it } from 'vitest';
import {
  asKept,
  assumeRoleAs,
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
  s3,
  trustWith,
  userArn,
  userWith,
} from './sts-helpers.js';

const OPS = roleArn(PROD, 'Ops');
const NEXT = roleArn(PROD, 'Next');

const world = (opsActions: string[] = ['sts:AssumeRole', 'sts:SetSourceIdentity']) =>
  production(
    role(PROD, 'Ops', trustWith([{ Effect: 'Allow', Principal: { AWS: rootArn(PROD) }, Action: opsActions }])),
    inline(OPS, 'Next', [{ Effect: 'Allow', Action: ['sts:AssumeRole', 'sts:SetSourceIdentity'], Resource: NEXT }]),
    role(PROD, 'Next', trustWith([{ Effect: 'Allow', Principal: { AWS: OPS }, Action: ['sts:AssumeRole', 'sts:SetSourceIdentity'] }])),
    ...userWith(PROD, 'gina', 'Ops', [{ Effect: 'Allow', Action: ['sts:AssumeRole', 'sts:SetSourceIdentity'], Resource: '*' }]),
  );

const assume = assumeRoleAs(asUser(PROD, 'gina'), OPS, 'gina');
const chain = assumeRoleAs(asKept('s'), NEXT, 'hop');

describe('SourceIdentity on sts:AssumeRole', () => {
  it('needs sts:SetSourceIdentity in the trust policy', () => {
    const c = outcome(world(['sts:AssumeRole']), assume({ SourceIdentity: 'gina' }));
    expect(c.error?.message).toBe(`User: ${userArn(PROD, 'gina')} is not authorized to perform: sts:SetSourceIdentity on resource: ${OPS}`);
    expect(c.context['sts:SourceIdentity']).toBe('gina');
  });

  it('is echoed in the response and carried by every request of the session as aws:SourceIdentity', () => {
    const c = outcome(world(), assume({ SourceIdentity: 'gina' }));
    expect(field(c, 'SourceIdentity')).toBe('gina');
    const w = keep(world(), assume({ SourceIdentity: 'gina' }), 's');
    expect(outcome(w, s3(asKept('s'), 's3:GetObject', 'arn:aws:s3:::b/k')).context['aws:SourceIdentity']).toBe('gina');
    const none = keep(world(), assume({}), 's');
    expect(outcome(none, s3(asKept('s'), 's3:GetObject', 'arn:aws:s3:::b/k')).context['aws:SourceIdentity']).toBeUndefined();
    expect(field(outcome(world(), assume({})), 'SourceIdentity')).toBeUndefined();
  });

  describe('given a session with a source identity', () => {
    const withIdentity = () => keep(world(), assume({ SourceIdentity: 'gina' }), 's');

    it('a chained session inherits it: both aws: and sts:SourceIdentity are in the request, and it needs sts:SetSourceIdentity', () => {
      const c = outcome(withIdentity(), chain());
      expect(c.error).toBeNull();
      expect(c.context['aws:SourceIdentity']).toBe('gina');
      expect(c.context['sts:SourceIdentity']).toBe('gina');
      expect(c.evaluations.map((e) => e.action)).toEqual(['sts:AssumeRole', 'sts:SetSourceIdentity']);
      expect(field(c, 'SourceIdentity')).toBe('gina');
      const w = keep(withIdentity(), chain(), 'next');
      expect(outcome(w, s3(asKept('next'), 's3:GetObject', 'arn:aws:s3:::b/k')).context['aws:SourceIdentity']).toBe('gina');
    });

    it('passing the same value again is fine; another value is refused', () => {
      expect(outcome(withIdentity(), chain({ SourceIdentity: 'gina' })).error).toBeNull();
      const c = outcome(withIdentity(), chain({ SourceIdentity: 'mallory' }));
      expect(c.error?.code).toBe('AccessDenied');
      expect(c.error?.message).toContain('sts:SetSourceIdentity');
    });
  });
});
