// The explanation agrees with the evaluator statement for statement, and says why element by element.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compilePolicy,
  evaluate,
  explainEvaluation,
  type AuthzRequest,
  type PolicyKind,
  type PolicySet,
  type RequestPrincipal,
} from '../../src/policy/index.js';
import { A, B, anonymous, contextFor, federatedUser, roleSession, root, service, user, type Json } from './helpers.js';

const principals: RequestPrincipal[] = [
  user('alice'),
  user('bob', B),
  roleSession('app', 's1'),
  federatedUser('f', 'alice'),
  root(),
  anonymous,
  service('cloudtrail.amazonaws.com'),
];
const statementArb = (withPrincipal: boolean): fc.Arbitrary<Json> =>
  fc
    .record({
      effect: fc.constantFrom('Allow', 'Deny'),
      not: fc.boolean(),
      notResource: fc.boolean(),
      actions: fc.subarray(['*', 's3:*', 's3:Get*', 'sts:AssumeRole', 'S3:PUTOBJECT'], { minLength: 1 }),
      resources: fc.subarray(['*', 'arn:aws:s3:::bucket-a/*', 'arn:aws:s3:::${aws:username}/*', `arn:aws:iam::${A}:role/*`], {
        minLength: 1,
      }),
      principal: fc.constantFrom<unknown>(
        '*',
        { AWS: A },
        { AWS: `arn:aws:iam::${A}:user/alice` },
        { AWS: `arn:aws:iam::${A}:role/app` },
        { Service: 'cloudtrail.amazonaws.com' },
      ),
      notPrincipal: fc.boolean(),
      condition: fc.constantFrom<Json | undefined>(
        undefined,
        { StringEquals: { 'aws:PrincipalTag/team': 'blue' } },
        { StringNotEquals: { 'aws:PrincipalAccount': A } },
        { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['a'] } },
        { IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } },
        { Null: { 'aws:TokenIssueTime': 'true' } },
        { StringLike: { 'aws:PrincipalArn': '${aws:PrincipalArn}' } },
      ),
    })
    .map((s) => {
      const st: Json = {
        Effect: s.effect,
        [s.not ? 'NotAction' : 'Action']: s.actions,
        [s.notResource ? 'NotResource' : 'Resource']: s.resources,
      };
      if (withPrincipal) st[s.notPrincipal && s.effect === 'Deny' ? 'NotPrincipal' : 'Principal'] = s.principal;
      if (s.condition) st['Condition'] = s.condition;
      return st;
    });
const docArb = (withPrincipal: boolean) => fc.array(statementArb(withPrincipal), { minLength: 1, maxLength: 3 });

const requestArb = fc
  .record({
    principal: fc.constantFrom(...principals),
    action: fc.constantFrom('s3:GetObject', 's3:PutObject', 'sts:AssumeRole'),
    resource: fc.constantFrom<[string, string]>(
      ['arn:aws:s3:::bucket-a/k', A],
      ['arn:aws:s3:::alice/k', B],
      [`arn:aws:iam::${A}:role/app`, A],
    ),
    team: fc.option(fc.constantFrom('blue', 'red'), { nil: undefined }),
    ip: fc.constantFrom('10.1.2.3', '192.0.2.1'),
  })
  .map((r): AuthzRequest => {
    const context: Record<string, string | string[]> = { ...contextFor(r.principal), 'aws:SourceIp': r.ip };
    if (r.team !== undefined) context['aws:PrincipalTag/team'] = r.team;
    return { principal: r.principal, action: r.action, resource: r.resource[0], resourceAccount: r.resource[1], context };
  });

describe('explainEvaluation', () => {
  it('finds exactly the statements the evaluator matched, in every consulted policy', () => {
    fc.assert(
      fc.property(
        fc.record({
          identity: docArb(false),
          boundary: fc.option(docArb(false), { nil: null }),
          session: fc.option(docArb(false), { nil: null }),
          resource: fc.option(docArb(true), { nil: null }),
          scp: fc.option(docArb(false), { nil: null }),
          rcp: fc.option(docArb(true), { nil: null }),
          mustAllow: fc.boolean(),
        }),
        requestArb,
        (docs, req) => {
          const texts = new Map<string, unknown>();
          const pol = (statements: Json[], name: string, kind: PolicyKind) => {
            const doc = { Version: '2012-10-17', Statement: statements };
            texts.set(name, doc);
            return compilePolicy(doc, { name, kind });
          };
          const set: PolicySet = {
            identity: [pol(docs.identity, 'id', 'identity')],
            boundary: docs.boundary && pol(docs.boundary, 'pb', 'boundary'),
            session: docs.session ? [pol(docs.session, 'sp', 'session')] : [],
            resource: docs.resource && pol(docs.resource, 'rp', 'resource'),
            resourceMustAllow: docs.mustAllow,
            ...(docs.scp ? { scpLevels: [{ name: 'root', policies: [pol(docs.scp, 'scp', 'scp')] }] } : {}),
            ...(docs.rcp ? { rcpLevels: [{ name: 'root', policies: [pol(docs.rcp, 'rcp', 'rcp')] }] } : {}),
          };
          const e = evaluate(req, set);
          const d = explainEvaluation(req, set, e, (n) => texts.get(n));
          expect(d.policies.map((p) => p.name)).toEqual(e.policies.map((p) => p.name));
          e.policies.forEach((v, i) => {
            const found = d.policies[i]!.statements.filter((s) => s.matched).map((s) => s.index);
            expect(found).toEqual(v.matched.map((m) => m.index));
          });
          expect(d.rules[d.rules.length - 1]!.outcome).toBe('decides');
        },
      ),
      { numRuns: 400 },
    );
  });

  it('resolves policy variables, names the matching values and the rule behind a missing key', () => {
    const doc = {
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'Own',
          Effect: 'Allow',
          Action: ['s3:PutObject', 's3:Get*'],
          Resource: 'arn:aws:s3:::home/${aws:username}/*',
          Condition: { StringEqualsIfExists: { 'aws:PrincipalTag/team': 'blue' } },
        },
        { Effect: 'Allow', Action: 'ec2:*', Resource: '*' },
        { Effect: 'Maybe', Action: 's3:*', Resource: '*' },
      ],
    };
    const set: PolicySet = { identity: [compilePolicy(doc, { name: 'p', kind: 'identity' })] };
    const req: AuthzRequest = {
      principal: user('alice'),
      action: 's3:GetObject',
      resource: 'arn:aws:s3:::home/alice/x',
      resourceAccount: A,
      context: { ...contextFor(user('alice')), 'aws:username': 'alice' },
    };
    const d = explainEvaluation(req, set, evaluate(req, set), () => doc);
    const [own, ec2, bad] = d.policies[0]!.statements;
    expect(own).toMatchObject({
      sid: 'Own',
      matched: true,
      action: { matching: ['s3:Get*'] },
      resource: { values: [{ resolved: 'home/alice/*'.replace(/^/, 'arn:aws:s3:::'), matches: true }] },
    });
    expect(own?.conditions?.[0]).toMatchObject({ holds: true, rule: 'the key is absent and IfExists makes the condition true' });
    expect(ec2).toEqual({ index: 1, effect: 'Allow', matched: false, action: { element: 'Action', matching: [], matched: false } });
    expect(bad?.never).toBe('its Effect "Maybe" is neither Allow nor Deny');
    expect(d.rules.map((r) => r.rule)).toEqual([
      'explicit-deny',
      'rcp',
      'scp',
      'resource',
      'identity',
      'boundary',
      'session-policy',
      'combine',
    ]);
  });

  it('explains Deny with NotPrincipal for a caller with a permissions boundary', () => {
    const rp = {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Deny', NotPrincipal: { AWS: `arn:aws:iam::${A}:user/alice` }, Action: 's3:*', Resource: '*' }],
    };
    const pb = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] };
    const set: PolicySet = {
      identity: [],
      boundary: compilePolicy(pb, { name: 'pb', kind: 'boundary' }),
      resource: compilePolicy(rp, { name: 'rp', kind: 'resource' }),
    };
    const req: AuthzRequest = {
      principal: user('alice'),
      action: 's3:GetObject',
      resource: 'arn:aws:s3:::b/k',
      resourceAccount: A,
      context: contextFor(user('alice')),
    };
    const docs: Record<string, unknown> = { rp, pb };
    const d = explainEvaluation(req, set, evaluate(req, set), (n) => docs[n]);
    const st = d.policies.find((p) => p.name === 'rp')!.statements[0]!;
    expect(st.principal?.rule).toMatch(/permissions boundary/);
    expect(d.rules.map((r) => r.outcome)).toEqual(['decides']);
  });

  // Where AWS's documentation is silent, the explanation says so where the case arises, and only
  // there (docs/aws-rules.md "Where AWS is silent").
  describe('readings AWS does not document', () => {
    const explainOne = (statement: Json, context: Record<string, string | string[]>) => {
      const doc = { Version: '2012-10-17', Statement: [statement] };
      const set: PolicySet = { identity: [compilePolicy(doc, { name: 'p', kind: 'identity' })] };
      const req: AuthzRequest = {
        principal: user('alice'),
        action: 's3:GetObject',
        resource: 'arn:aws:s3:::b/k',
        resourceAccount: A,
        context: { ...contextFor(user('alice')), ...context },
      };
      const e = evaluate(req, set);
      return { decision: e.decision, st: explainEvaluation(req, set, e, () => doc).policies[0]!.statements[0]! };
    };
    const cond = (op: string, key: string, v: string) => ({
      Effect: 'Allow',
      Action: 's3:GetObject',
      Resource: '*',
      Condition: { [op]: { [key]: v } },
    });
    const silent = /^AWS does not document this case.*iamsim assumes/;

    it('ForAnyValue…IfExists on an absent key', () => {
      const { decision, st } = explainOne(cond('ForAnyValue:StringEqualsIfExists', 'aws:TagKeys', 'team'), {});
      expect(decision).toBe('ImplicitDeny');
      expect(st.conditions?.[0]).toMatchObject({ holds: false, rule: expect.stringMatching(silent) });
      // present: no note
      expect(
        explainOne(cond('ForAnyValue:StringEqualsIfExists', 'aws:TagKeys', 'team'), { 'aws:TagKeys': ['team'] }).st.conditions?.[0]?.rule,
      ).toBeUndefined();
    });
    it('a bare operator on a multivalued key, with one value and with several', () => {
      const one = explainOne(cond('StringNotEquals', 'aws:CalledVia', 'z'), { 'aws:CalledVia': ['a'] });
      const two = explainOne(cond('StringNotEquals', 'aws:CalledVia', 'z'), { 'aws:CalledVia': ['a', 'b'] });
      expect([one.decision, two.decision]).toEqual(['Allow', 'ImplicitDeny']);
      expect(one.st.conditions?.[0]?.rule).toMatch(/one value compares as a single value/);
      expect(two.st.conditions?.[0]?.rule).toMatch(/no bare operator matches them, negated or not/);
      expect(explainOne(cond('StringEquals', 'aws:CalledVia', 'a'), { 'aws:CalledVia': ['a', 'b'] }).st.conditions?.[0]?.rule).toMatch(
        /no bare operator matches them/,
      );
      // a single-valued key: no note
      expect(
        explainOne(cond('StringNotEquals', 'aws:CalledViaFirst', 'z'), { 'aws:CalledViaFirst': 'a' }).st.conditions?.[0]?.rule,
      ).toBeUndefined();
    });
    it('a NotResource entry whose variable has no value', () => {
      const st = { Effect: 'Allow', Action: 's3:GetObject', NotResource: 'arn:aws:s3:::b/${aws:PrincipalTag/team}/*' };
      const absent = explainOne(st, {});
      expect(absent.decision).toBe('Allow');
      expect(absent.st.resource).toMatchObject({ element: 'NotResource', matched: true, rule: expect.stringMatching(silent) });
      expect(explainOne(st, { 'aws:PrincipalTag/team': 'blue' }).st.resource?.rule).toBeUndefined();
      // Resource: the documented rule alone (the entry matches nothing), no note
      expect(explainOne({ ...st, NotResource: undefined, Resource: st.NotResource }, {}).st.resource?.rule).toBeUndefined();
    });
  });
});
