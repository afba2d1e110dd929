// Session tags: sts:TagSession, the request's tag keys, principal tags in later requests,
// transitive tags in role chaining, and AWS's tag rules.
import { describe, expect, it } from 'vitest';
import {
  account,
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
  sts,
  tagged,
  trustWith,
  user,
  userArn,
  userWith,
  type Param,
} from './sts-helpers.js';

const WORKER = roleArn(PROD, 'Worker');
const NEXT = roleArn(PROD, 'Next');
const ROOT = rootArn(PROD);

const world = (workerTrust: object[] = [{ Effect: 'Allow', Principal: { AWS: ROOT }, Action: ['sts:AssumeRole', 'sts:TagSession'] }]) =>
  production(
    role(PROD, 'Worker', trustWith(workerTrust)),
    tagged(WORKER, { Project: 'none', team: 'platform' }),
    inline(WORKER, 'Next', [{ Effect: 'Allow', Action: ['sts:AssumeRole', 'sts:TagSession'], Resource: NEXT }]),
    role(PROD, 'Next', trustWith([{ Effect: 'Allow', Principal: { AWS: WORKER }, Action: ['sts:AssumeRole', 'sts:TagSession'] }])),
    tagged(NEXT, { project: 'next-role' }),
    user(PROD, 'frank'),
    tagged(userArn(PROD, 'frank'), { project: 'apollo' }),
    inline(userArn(PROD, 'frank'), 'Work', [{ Effect: 'Allow', Action: ['sts:AssumeRole', 'sts:TagSession'], Resource: '*' }]),
  );

const assume = assumeRoleAs(asUser(PROD, 'frank'), WORKER, 'frank');
const chain = assumeRoleAs(asKept('s'), NEXT, 'hop');

describe('session tags on sts:AssumeRole', () => {
  describe('given a trust policy that allows sts:AssumeRole but not sts:TagSession', () => {
    const noTagging = () => world([{ Effect: 'Allow', Principal: { AWS: ROOT }, Action: 'sts:AssumeRole' }]);

    it('assumes the role without tags', () => {
      expect(outcome(noTagging(), assume({})).error).toBeNull();
    });

    it('refuses tags, naming sts:TagSession in the AccessDenied', () => {
      const c = outcome(noTagging(), assume({ Tags: ['project=apollo'] }));
      expect(c.error?.message).toBe(`User: ${userArn(PROD, 'frank')} is not authorized to perform: sts:TagSession on resource: ${WORKER}`);
      expect(c.evaluations.map((e) => e.action)).toEqual(['sts:AssumeRole', 'sts:TagSession']);
      expect(c.evaluations[1]?.evaluation.decidedBy?.type).toBe('trust');
    });
  });

  describe('given a trust policy that constrains the tags', () => {
    const constrained = () =>
      world([
        { Effect: 'Allow', Principal: { AWS: ROOT }, Action: 'sts:AssumeRole' },
        {
          Effect: 'Allow',
          Principal: { AWS: ROOT },
          Action: 'sts:TagSession',
          Condition: {
            StringEquals: { 'aws:RequestTag/project': '${aws:PrincipalTag/project}' },
            'ForAllValues:StringEquals': { 'sts:TransitiveTagKeys': ['project'] },
          },
        },
      ]);

    it('puts aws:RequestTag/*, aws:TagKeys and sts:TransitiveTagKeys in the request', () => {
      const c = outcome(constrained(), assume({ Tags: { json: [{ Key: 'project', Value: 'apollo' }] }, TransitiveTagKeys: ['project'] }));
      expect(c.error).toBeNull();
      expect(c.context['aws:RequestTag/project']).toBe('apollo');
      expect(c.context['aws:TagKeys']).toEqual(['project']);
      expect(c.context['sts:TransitiveTagKeys']).toEqual(['project']);
    });

    it('refuses a tag value the condition does not accept, and a transitive key it does not list', () => {
      expect(outcome(constrained(), assume({ Tags: ['project=gemini'] })).error?.code).toBe('AccessDenied');
      expect(outcome(constrained(), assume({ Tags: ['project=apollo', 'cost=1'], TransitiveTagKeys: ['cost'] })).error?.code).toBe(
        'AccessDenied',
      );
    });
  });

  describe('given a tagged session', () => {
    it('session tags become aws:PrincipalTag/*, overriding role tags case-insensitively', () => {
      const w = keep(world(), assume({ Tags: { json: { project: 'apollo' } } }), 's');
      const c = outcome(w, s3(asKept('s'), 's3:GetObject', 'arn:aws:s3:::b/k'));
      expect(c.context['aws:PrincipalTag/project']).toBe('apollo');
      expect(c.context['aws:PrincipalTag/Project']).toBeUndefined();
      expect(c.context['aws:PrincipalTag/team']).toBe('platform');
    });

    it('a non-transitive tag stays behind when the session assumes another role', () => {
      const w = keep(keep(world(), assume({ Tags: ['project=apollo'] }), 's'), chain(), 'next');
      expect(outcome(w, s3(asKept('next'), 's3:GetObject', 'arn:aws:s3:::b/k')).context['aws:PrincipalTag/project']).toBe('next-role');
    });
  });

  describe('given a session with a transitive tag', () => {
    const transitive = () => keep(world(), assume({ Tags: ['project=apollo', 'shift=night'], TransitiveTagKeys: ['PROJECT'] }), 's');

    it("the next session inherits it, over the next role's own tag", () => {
      const c = outcome(transitive(), chain());
      expect(c.error).toBeNull();
      expect(c.context['aws:ResourceTag/project']).toBe('apollo');
      const w = keep(transitive(), chain(), 'next');
      const later = outcome(w, s3(asKept('next'), 's3:GetObject', 'arn:aws:s3:::b/k'));
      expect(later.context['aws:PrincipalTag/project']).toBe('apollo');
      expect(later.context['aws:PrincipalTag/shift']).toBeUndefined();
      expect(field(c, 'PackedPolicySize')).toBeGreaterThan(0);
    });

    it('carrying it on needs sts:TagSession', () => {
      const w = production(
        role(PROD, 'Worker', trustWith([{ Effect: 'Allow', Principal: { AWS: ROOT }, Action: ['sts:AssumeRole', 'sts:TagSession'] }])),
        inline(WORKER, 'Next', [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: NEXT }]),
        role(PROD, 'Next', trustWith([{ Effect: 'Allow', Principal: { AWS: WORKER }, Action: 'sts:AssumeRole' }])),
        ...userWith(PROD, 'frank', 'Work', [{ Effect: 'Allow', Action: ['sts:AssumeRole', 'sts:TagSession'], Resource: '*' }]),
      );
      const tagged1 = keep(w, assume({ Tags: ['project=apollo'], TransitiveTagKeys: ['project'] }), 's');
      expect(outcome(tagged1, chain()).error?.message).toContain('is not authorized to perform: sts:TagSession');
      const plain = keep(w, assume({}), 's');
      expect(outcome(plain, chain()).error).toBeNull();
    });

    it('a chained call may not set an inherited key again, whatever its case', () => {
      expect(outcome(transitive(), chain({ Tags: ['Project=gemini'] })).error).toEqual({
        code: 'InvalidParameterValue',
        message:
          "One of the specified transitive tag keys can't be set because it conflicts with a transitive tag key from the calling session.",
      });
      expect(outcome(transitive(), chain({ Tags: ['shift=day'] })).error).toBeNull();
    });
  });

  describe('given a role in another account', () => {
    const OTHER = '222222222222';
    const cross = (callerActions: string[]) =>
      production(
        account(OTHER, 'Other'),
        role(
          PROD,
          'Worker',
          trustWith([{ Effect: 'Allow', Principal: { AWS: rootArn(OTHER) }, Action: ['sts:AssumeRole', 'sts:TagSession'] }]),
        ),
        ...userWith(OTHER, 'olga', 'Hop', [{ Effect: 'Allow', Action: callerActions, Resource: WORKER }]),
      );
    const tagging = sts(asUser(OTHER, 'olga'), 'AssumeRole', { RoleArn: WORKER, RoleSessionName: 'olga', Tags: ['team=x'] });

    it("needs sts:TagSession on the caller's side as well as in the trust policy", () => {
      const c = outcome(cross(['sts:AssumeRole']), tagging);
      expect(c.error?.message).toContain('sts:TagSession');
      expect(c.evaluations[1]?.evaluation.decidedBy?.type).toBe('identity');
      expect(outcome(cross(['sts:AssumeRole', 'sts:TagSession']), tagging).error).toBeNull();
    });
  });

  describe("AWS's tag rules", () => {
    const cases: [string, Record<string, Param>, { code: string; message: string }][] = [
      [
        'the same key twice in two cases',
        { Tags: ['team=a', 'Team=b'] },
        { code: 'InvalidParameterValue', message: 'Duplicate tag keys found. Please note that Tag keys are case insensitive.' },
      ],
      [
        'a transitive key that is not a tag',
        { Tags: ['team=a'], TransitiveTagKeys: ['project'] },
        { code: 'InvalidParameterValue', message: 'The specified transitive tag key must be included in the requested tags.' },
      ],
      [
        'a key with the reserved aws: prefix',
        { Tags: ['aws:team=a'] },
        {
          code: 'ValidationError',
          message:
            "1 validation error detected: Value 'aws:team' at 'tags.1.member.key' failed to satisfy constraint: Member must not begin with the reserved prefix aws:",
        },
      ],
      [
        'a key with a character outside the tag alphabet',
        { Tags: ['team!=a'] },
        {
          code: 'ValidationError',
          message:
            "1 validation error detected: Value 'team!' at 'tags.1.member.key' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+",
        },
      ],
      [
        'a value over 256 characters',
        { Tags: [`team=${'v'.repeat(257)}`] },
        {
          code: 'ValidationError',
          message: `1 validation error detected: Value '${'v'.repeat(257)}' at 'tags.1.member.value' failed to satisfy constraint: Member must have length less than or equal to 256`,
        },
      ],
      [
        'more than 50 tags',
        { Tags: Array.from({ length: 51 }, (_, i) => `k${i}=v`) },
        {
          code: 'ValidationError',
          message:
            "1 validation error detected: Value at 'tags' failed to satisfy constraint: Member must have length less than or equal to 50",
        },
      ],
    ];
    for (const [what, params, error] of cases) {
      it(`refuses ${what}`, () => expect(outcome(world(), assume(params)).error).toEqual(error));
    }

    it('accepts a transitive key in another case than its tag, and an empty value', () => {
      expect(outcome(world(), assume({ Tags: ['Team=', 'project=x'], TransitiveTagKeys: ['team'] })).error).toBeNull();
    });
  });
});
