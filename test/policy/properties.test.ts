// Property tests of the decision algorithm: monotonicity of explicit denies and of Allow statements.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compilePolicy,
  evaluate,
  normalizeContext,
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
  roleSession('app', 's1', B),
  federatedUser('fed1', 'alice'),
  root(),
  anonymous,
  service('cloudtrail.amazonaws.com'),
];
const actions = ['s3:GetObject', 's3:PutObject', 'ec2:RunInstances', 'iam:CreateUser', 'sts:AssumeRole', 'sts:GetCallerIdentity'];
const resources: [string, string | undefined][] = [
  ['arn:aws:s3:::bucket-a/k', A],
  ['arn:aws:s3:::bucket-b/k', B],
  [`arn:aws:iam::${A}:role/app`, A],
  ['*', undefined],
];
const actionPatterns = ['*', 's3:*', 's3:Get*', 'ec2:RunInstances', 'iam:*', 'sts:AssumeRole', 'S3:PUTOBJECT'];
const resourcePatterns = [
  '*',
  'arn:aws:s3:::bucket-a/*',
  'arn:aws:s3:::bucket-*',
  `arn:aws:iam::${A}:role/*`,
  'arn:aws:s3:::${aws:username}/*',
];
const principalPatterns: unknown[] = [
  '*',
  { AWS: A },
  { AWS: `arn:aws:iam::${B}:root` },
  { AWS: `arn:aws:iam::${A}:user/alice` },
  { AWS: `arn:aws:iam::${A}:role/app` },
  { AWS: `arn:aws:sts::${A}:assumed-role/app/s1` },
  { Service: 'cloudtrail.amazonaws.com' },
];
const conditions: (Json | undefined)[] = [
  undefined,
  { Bool: { 'aws:SecureTransport': 'true' } },
  { StringEquals: { 'aws:PrincipalTag/team': 'blue' } },
  { StringNotEquals: { 'aws:PrincipalAccount': A } },
  { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['a'] } },
  { IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } },
  { Null: { 'aws:TokenIssueTime': 'true' } },
];

const statement = (withPrincipal: boolean, effect?: 'Allow' | 'Deny'): fc.Arbitrary<Json> =>
  fc
    .record({
      effect: effect === undefined ? fc.constantFrom('Allow', 'Deny') : fc.constant(effect),
      not: fc.boolean(),
      actions: fc.subarray(actionPatterns, { minLength: 1 }),
      resources: fc.subarray(resourcePatterns, { minLength: 1 }),
      principal: fc.constantFrom(...principalPatterns),
      notPrincipal: fc.boolean(),
      condition: fc.constantFrom(...conditions),
    })
    .map((s) => {
      const st: Json = { Effect: s.effect, [s.not ? 'NotAction' : 'Action']: s.actions, Resource: s.resources };
      if (withPrincipal) st[s.notPrincipal && s.effect === 'Deny' ? 'NotPrincipal' : 'Principal'] = s.principal;
      if (s.condition) st['Condition'] = s.condition;
      return st;
    });

interface Doc {
  readonly kind: PolicyKind;
  readonly statements: Json[];
}
const doc = (kind: PolicyKind, n = 3): fc.Arbitrary<Doc> =>
  fc.array(statement(kind === 'resource' || kind === 'rcp'), { minLength: 1, maxLength: n }).map((statements) => ({ kind, statements }));

interface Scenario {
  readonly identity: Doc[];
  readonly boundary: Doc | null;
  readonly session: Doc[];
  readonly resource: Doc | null;
  readonly mustAllow: boolean;
  readonly scp: Doc[][] | null;
  readonly rcp: Doc[][] | null;
}
const scenario: fc.Arbitrary<Scenario> = fc.record({
  identity: fc.array(doc('identity'), { maxLength: 2 }),
  boundary: fc.option(doc('boundary'), { nil: null }),
  session: fc.array(doc('session'), { maxLength: 2 }),
  resource: fc.option(doc('resource'), { nil: null }),
  mustAllow: fc.boolean(),
  scp: fc.option(fc.array(fc.array(doc('scp', 2), { minLength: 1, maxLength: 2 }), { minLength: 1, maxLength: 2 }), { nil: null }),
  rcp: fc.option(fc.array(fc.array(doc('rcp', 2), { minLength: 1, maxLength: 2 }), { minLength: 1, maxLength: 2 }), { nil: null }),
});

const requestArb: fc.Arbitrary<AuthzRequest> = fc
  .record({
    principal: fc.constantFrom(...principals),
    action: fc.constantFrom(...actions),
    resource: fc.constantFrom(...resources),
    team: fc.option(fc.constantFrom('blue', 'red'), { nil: undefined }),
    tags: fc.option(fc.subarray(['a', 'b']), { nil: undefined }),
    ip: fc.constantFrom('10.1.2.3', '192.0.2.1', '2001:db8::1'),
  })
  .map((r) => {
    const context = { ...contextFor(r.principal), 'aws:SourceIp': r.ip } as Record<string, string | string[]>;
    if (r.team !== undefined) context['aws:PrincipalTag/team'] = r.team;
    if (r.tags !== undefined) context['aws:TagKeys'] = r.tags;
    const [resource, owner] = r.resource;
    return { principal: r.principal, action: r.action, resource, ...(owner ? { resourceAccount: owner } : {}), context };
  });

const compile = (d: Doc, i: string) =>
  compilePolicy({ Version: '2012-10-17', Statement: d.statements }, { name: `${d.kind}-${i}`, kind: d.kind });

function build(s: Scenario): PolicySet {
  const levels = (l: Doc[][] | null) =>
    l?.map((docs, i) => ({ name: `level ${i}`, policies: docs.map((d, j) => compile(d, `${i}.${j}`)) }));
  const scpLevels = levels(s.scp);
  const rcpLevels = levels(s.rcp);
  return {
    identity: s.identity.map((d, i) => compile(d, String(i))),
    boundary: s.boundary && compile(s.boundary, 'b'),
    session: s.session.map((d, i) => compile(d, String(i))),
    resource: s.resource && compile(s.resource, 'r'),
    resourceMustAllow: s.mustAllow,
    ...(scpLevels ? { scpLevels } : {}),
    ...(rcpLevels ? { rcpLevels } : {}),
  };
}

/** Adds a policy somewhere (any kind, any statements): never lifts an explicit deny. */
const addition = fc.record({
  where: fc.constantFrom('identity', 'session', 'boundary', 'resource', 'scp', 'rcp'),
  extra: doc('resource', 2),
});

function addPolicy(s: Scenario, where: string, extra: Doc): Scenario {
  const as = (kind: PolicyKind): Doc => ({ kind, statements: extra.statements });
  const strip = (kind: PolicyKind): Doc => ({ kind, statements: extra.statements.map(({ Principal: _p, NotPrincipal: _n, ...st }) => st) });
  switch (where) {
    case 'identity':
      return { ...s, identity: [...s.identity, strip('identity')] };
    case 'session':
      return { ...s, session: [...s.session, strip('session')] };
    case 'boundary':
      return s.boundary ? s : { ...s, boundary: strip('boundary') };
    case 'resource':
      return s.resource
        ? { ...s, resource: { ...s.resource, statements: [...s.resource.statements, ...extra.statements] } }
        : { ...s, resource: as('resource') };
    case 'scp':
      return { ...s, scp: [...(s.scp ?? [[strip('scp')]]).map((l, i) => (i === 0 ? [...l, strip('scp')] : l))] };
    default:
      return { ...s, rcp: [...(s.rcp ?? [[as('rcp')]]).map((l, i) => (i === 0 ? [...l, as('rcp')] : l))] };
  }
}

/** Adds one Allow statement to an existing policy (or a new identity/resource policy). */
function addAllow(s: Scenario, where: string, st: Json): Scenario {
  const { Principal: _p, NotPrincipal: _n, ...bare } = st;
  const push = (d: Doc, x: Json): Doc => ({ ...d, statements: [...d.statements, x] });
  switch (where) {
    case 'identity':
      return { ...s, identity: [...s.identity, { kind: 'identity', statements: [bare] }] };
    case 'session':
      return s.session.length === 0 ? s : { ...s, session: s.session.map((d, i) => (i === 0 ? push(d, bare) : d)) };
    case 'boundary':
      return s.boundary ? { ...s, boundary: push(s.boundary, bare) } : s;
    case 'resource':
      return { ...s, resource: s.resource ? push(s.resource, st) : { kind: 'resource', statements: [st] } };
    case 'scp':
      return s.scp ? { ...s, scp: s.scp.map((l) => l.map((d, j) => (j === 0 ? push(d, bare) : d))) } : s;
    default:
      return s.rcp ? { ...s, rcp: s.rcp.map((l) => l.map((d, j) => (j === 0 ? push(d, st) : d))) } : s;
  }
}

describe('evaluator properties', () => {
  it('an explicit deny is never overturned by adding policies', () => {
    fc.assert(
      fc.property(scenario, requestArb, addition, (s, req, add) => {
        fc.pre(evaluate(req, build(s)).decision === 'ExplicitDeny');
        expect(evaluate(req, build(addPolicy(s, add.where, add.extra))).decision).toBe('ExplicitDeny');
      }),
      { seed: 20240601, numRuns: 400 },
    );
  });

  it('adding an Allow statement never turns an Allow into a deny', () => {
    fc.assert(
      fc.property(
        scenario,
        requestArb,
        fc.constantFrom('identity', 'session', 'boundary', 'resource', 'scp', 'rcp'),
        statement(true, 'Allow'),
        (s, req, where, st) => {
          fc.pre(evaluate(req, build(s)).decision === 'Allow');
          expect(evaluate(req, build(addAllow(s, where, st))).decision).toBe('Allow');
        },
      ),
      { seed: 20240602, numRuns: 400 },
    );
  });

  it('a pre-normalised context gives the same evaluation', () => {
    fc.assert(
      fc.property(scenario, requestArb, (s, req) => {
        const set = build(s);
        expect(evaluate({ ...req, context: normalizeContext(req.context) }, set)).toEqual(evaluate(req, set));
      }),
      { seed: 20240604, numRuns: 200 },
    );
  });

  it('decisions are deterministic and plain data', () => {
    fc.assert(
      fc.property(scenario, requestArb, (s, req) => {
        const set = build(s);
        const a = evaluate(req, set);
        expect(evaluate(req, set)).toEqual(a);
        expect(JSON.parse(JSON.stringify(a))).toEqual(a);
      }),
      { seed: 20240603, numRuns: 200 },
    );
  });
});
