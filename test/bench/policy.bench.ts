// Throughput of the policy evaluator on a fixed, generated corpus of mixed requests against realistic
// policy sets (identity policies with 10–30 statements, boundary, session policies, bucket and trust
// policies, SCP and RCP levels). Prints requests/second; asserts nothing about time.
// Run: npx vitest bench --run test/bench/policy.bench.ts
import { bench, describe } from 'vitest';
import { mulberry32 } from '../mulberry32.js';
import { rates, timeRounds } from './timing.js';
import {
  compilePolicy,
  evaluate,
  normalizeContext,
  type AuthzRequest,
  type CompiledPolicy,
  type ContextValue,
  type PolicyKind,
  type PolicySet,
  type RequestPrincipal,
} from '../../src/policy/index.js';

const A = '111122223333';
const B = '444455556666';
const ORG = 'o-abcdef1234';
const CORPUS_SIZE = 12_000;

type Json = Record<string, unknown>;

const rand = mulberry32(20240601);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;

const docs = new Map<CompiledPolicy, { doc: Json; kind: PolicyKind; name: string }>();
function pol(kind: PolicyKind, name: string, Statement: Json[]): CompiledPolicy {
  const doc = { Version: '2012-10-17', Statement };
  const cp = compilePolicy(doc, { name, kind });
  docs.set(cp, { doc, kind, name });
  return cp;
}

const services = ['s3', 'ec2', 'dynamodb', 'kms', 'sqs', 'lambda', 'logs', 'sns', 'iam'];
function developerPolicy(name: string, n: number): CompiledPolicy {
  const st: Json[] = [];
  for (let i = 0; i < n; i++) {
    const svc = services[i % services.length]!;
    const cond: Json =
      i % 3 === 0
        ? { StringEquals: { 'aws:PrincipalTag/team': ['blue', 'green'] }, Bool: { 'aws:SecureTransport': 'true' } }
        : i % 3 === 1
          ? { IpAddress: { 'aws:SourceIp': ['10.0.0.0/8', '192.168.0.0/16', '2001:db8::/32'] } }
          : { StringLike: { 'aws:ResourceTag/project': ['app-*', 'shared'] }, DateLessThan: { 'aws:CurrentTime': '2030-01-01T00:00:00Z' } };
    st.push({
      Sid: `S${i}`,
      Effect: i % 11 === 10 ? 'Deny' : 'Allow',
      Action: [`${svc}:Get*`, `${svc}:List*`, `${svc}:Describe*`, `${svc}:Put${i}*`],
      Resource: [`arn:aws:${svc}:*:${A}:*/team-${i}/*`, `arn:aws:s3:::bucket-${i}/*`, `arn:aws:${svc}:us-east-1:${A}:${i}/*`],
      Condition: cond,
    });
  }
  st.push({ Sid: 'Home', Effect: 'Allow', Action: 's3:*', Resource: 'arn:aws:s3:::home/${aws:username}/*' });
  st.push({ Sid: 'ReadAll', Effect: 'Allow', Action: ['s3:GetObject', 's3:ListBucket', 'dynamodb:Query', 'ec2:Describe*'], Resource: '*' });
  return pol('identity', name, st);
}

const devPolicies = [developerPolicy('Developers', 20), developerPolicy('Project', 10)];
const boundary = pol('boundary', 'DevBoundary', [
  { Effect: 'Allow', NotAction: ['iam:*', 'organizations:*'], Resource: '*' },
  { Effect: 'Deny', Action: 's3:DeleteBucket', Resource: '*' },
]);
const sessionPolicy = pol('session', 'session policy', [{ Effect: 'Allow', Action: ['s3:Get*', 's3:List*', 'dynamodb:*'], Resource: '*' }]);
const rolePolicy = pol('identity', 'AppRole', [
  ...Array.from({ length: 12 }, (_, i) => ({
    Effect: 'Allow',
    Action: [`sqs:SendMessage`, `sqs:Receive*`, `dynamodb:PutItem`, `s3:PutObject`],
    Resource: [`arn:aws:sqs:us-east-1:${A}:queue-${i}`, `arn:aws:dynamodb:us-east-1:${A}:table/t${i}`, `arn:aws:s3:::bucket-a/app/${i}/*`],
    Condition: { StringEqualsIfExists: { 'aws:RequestedRegion': ['us-east-1', 'eu-west-1'] } },
  })),
  { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::bucket-a/*' },
]);
const bucketPolicy = pol('resource', 'bucket-a policy', [
  {
    Sid: 'TLS',
    Effect: 'Deny',
    Principal: '*',
    Action: 's3:*',
    Resource: ['arn:aws:s3:::bucket-a', 'arn:aws:s3:::bucket-a/*'],
    Condition: { Bool: { 'aws:SecureTransport': 'false' } },
  },
  { Sid: 'Public', Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::bucket-a/public/*' },
  {
    Sid: 'App',
    Effect: 'Allow',
    Principal: { AWS: `arn:aws:iam::${A}:role/app` },
    Action: ['s3:GetObject', 's3:PutObject'],
    Resource: 'arn:aws:s3:::bucket-a/app/*',
  },
  {
    Sid: 'Partner',
    Effect: 'Allow',
    Principal: { AWS: B },
    Action: 's3:GetObject',
    Resource: 'arn:aws:s3:::bucket-a/shared/*',
    Condition: { StringEquals: { 'aws:PrincipalOrgID': ORG } },
  },
  {
    Sid: 'Trail',
    Effect: 'Allow',
    Principal: { Service: 'cloudtrail.amazonaws.com' },
    Action: 's3:PutObject',
    Resource: `arn:aws:s3:::bucket-a/AWSLogs/${A}/*`,
    Condition: { ArnLike: { 'aws:SourceArn': `arn:aws:cloudtrail:*:${A}:trail/*` } },
  },
  {
    Sid: 'NoUpload',
    Effect: 'Deny',
    NotPrincipal: { AWS: [`arn:aws:iam::${A}:role/admin`, `arn:aws:iam::${A}:root`] },
    Action: 's3:PutBucketPolicy',
    Resource: 'arn:aws:s3:::bucket-a',
  },
  {
    Sid: 'Vpce',
    Effect: 'Deny',
    Principal: '*',
    Action: 's3:PutObject',
    Resource: 'arn:aws:s3:::bucket-a/private/*',
    Condition: { StringNotEqualsIfExists: { 'aws:SourceVpce': 'vpce-1a2b3c' } },
  },
]);
const trustPolicy = pol('trust', 'trust app', [
  {
    Effect: 'Allow',
    Principal: { AWS: [`arn:aws:iam::${A}:root`, `arn:aws:iam::${B}:user/partner`] },
    Action: ['sts:AssumeRole', 'sts:TagSession'],
    Condition: { StringEquals: { 'sts:ExternalId': 'ext-123' } },
  },
  {
    Effect: 'Allow',
    Principal: { Federated: `arn:aws:iam::${A}:oidc-provider/token.actions.githubusercontent.com` },
    Action: 'sts:AssumeRoleWithWebIdentity',
    Condition: {
      StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' },
      StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:org/app:*' },
    },
  },
  {
    Effect: 'Deny',
    Principal: { AWS: '*' },
    Action: 'sts:AssumeRole',
    Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' }, StringNotEquals: { 'aws:PrincipalAccount': [A, B] } },
  },
]);
const full = pol('scp', 'FullAWSAccess', [{ Effect: 'Allow', Action: '*', Resource: '*' }]);
const guardrails = pol('scp', 'Guardrails', [
  {
    Sid: 'Regions',
    Effect: 'Deny',
    NotAction: ['iam:*', 'sts:*', 'organizations:*', 'cloudfront:*'],
    Resource: '*',
    Condition: {
      StringNotEquals: { 'aws:RequestedRegion': ['us-east-1', 'eu-west-1'] },
      ArnNotLike: { 'aws:PrincipalArn': `arn:aws:iam::*:role/admin` },
    },
  },
  { Sid: 'Leave', Effect: 'Deny', Action: 'organizations:LeaveOrganization', Resource: '*' },
  { Sid: 'Root', Effect: 'Deny', Action: '*', Resource: '*', Condition: { StringLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:root' } } },
  { Sid: 'Kms', Effect: 'Deny', Action: ['kms:ScheduleKeyDeletion', 'kms:Disable*'], Resource: '*' },
]);
const rcpFull = pol('rcp', 'RCPFullAWSAccess', [{ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }]);
const rcpPerimeter = pol('rcp', 'Perimeter', [
  {
    Effect: 'Deny',
    Principal: '*',
    Action: ['s3:*', 'sqs:*', 'kms:*'],
    Resource: '*',
    Condition: { StringNotEqualsIfExists: { 'aws:PrincipalOrgID': ORG }, BoolIfExists: { 'aws:PrincipalIsAWSService': 'false' } },
  },
]);
const scpLevels = [
  { name: 'root r-ab12', policies: [full] },
  { name: 'ou Workloads', policies: [full, guardrails] },
  { name: `account ${A}`, policies: [full] },
];
const rcpLevels = [
  { name: 'root r-ab12', policies: [rcpFull] },
  { name: `account ${A}`, policies: [rcpFull, rcpPerimeter] },
];

const alice: RequestPrincipal = { kind: 'iamUser', accountId: A, arn: `arn:aws:iam::${A}:user/alice`, uniqueId: 'AIDAALICE' };
const session: RequestPrincipal = {
  kind: 'roleSession',
  accountId: A,
  arn: `arn:aws:sts::${A}:assumed-role/app/s1`,
  roleArn: `arn:aws:iam::${A}:role/app`,
  uniqueId: 'AROAAPP',
};
const partner: RequestPrincipal = { kind: 'iamUser', accountId: B, arn: `arn:aws:iam::${B}:user/partner` };
const ghActions: RequestPrincipal = {
  kind: 'webIdentity',
  federatedProvider: `arn:aws:iam::${A}:oidc-provider/token.actions.githubusercontent.com`,
};

function context(p: RequestPrincipal): Record<string, ContextValue> {
  const ctx: Record<string, ContextValue> = {
    'aws:SecureTransport': rand() < 0.95 ? 'true' : 'false',
    'aws:CurrentTime': `2024-06-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}T12:00:00Z`,
    'aws:EpochTime': String(1717243200 + Math.floor(rand() * 1e6)),
    'aws:RequestedRegion': pick(['us-east-1', 'us-east-1', 'eu-west-1', 'ap-south-1']),
    'aws:SourceIp': pick(['10.1.2.3', '192.168.7.9', '203.0.113.5', '2001:db8::17', '2600:1f18::1']),
    'aws:ViaAWSService': 'false',
    'aws:PrincipalIsAWSService': 'false',
    'aws:ResourceTag/project': pick(['app-web', 'shared', 'legacy']),
    'aws:PrincipalTag/team': pick(['blue', 'green', 'red']),
  };
  if (p.accountId) ctx['aws:PrincipalAccount'] = p.accountId;
  if (p.kind === 'roleSession') ctx['aws:PrincipalArn'] = p.roleArn!;
  else if (p.arn) ctx['aws:PrincipalArn'] = p.arn;
  if (p.kind === 'iamUser') ctx['aws:username'] = p.arn!.slice(p.arn!.lastIndexOf('/') + 1);
  if (p.kind === 'iamUser' && p.accountId === A) ctx['aws:PrincipalOrgID'] = ORG;
  if (rand() < 0.3) ctx['aws:TagKeys'] = ['project', 'team'];
  return ctx;
}

interface Case {
  readonly req: AuthzRequest;
  readonly set: PolicySet;
}

function makeCase(): Case {
  const r = rand();
  const key = `k${Math.floor(rand() * 1000)}`;
  if (r < 0.4) {
    const svc = pick(services);
    const resource =
      svc === 's3'
        ? `arn:aws:s3:::${pick(['bucket-3', 'bucket-7', 'home'])}/${pick(['alice', 'team-3'])}/${key}`
        : `arn:aws:${svc}:us-east-1:${A}:thing/team-${Math.floor(rand() * 20)}/${key}`;
    const action = `${svc}:${pick(['GetItem', 'ListThings', 'DescribeX', 'Put3Y', 'PutObject', 'Delete'])}`;
    return {
      req: { principal: alice, action, resource, resourceAccount: A, context: context(alice) },
      set: { identity: devPolicies, boundary, scpLevels, rcpLevels },
    };
  }
  if (r < 0.7) {
    const action = pick(['s3:GetObject', 's3:PutObject', 'sqs:SendMessage', 'dynamodb:PutItem', 'dynamodb:Query']);
    const resource = action.startsWith('s3')
      ? `arn:aws:s3:::bucket-a/${pick(['app/3', 'app/11', 'public', 'private'])}/${key}`
      : action.startsWith('sqs')
        ? `arn:aws:sqs:us-east-1:${A}:queue-${Math.floor(rand() * 15)}`
        : `arn:aws:dynamodb:us-east-1:${A}:table/t${Math.floor(rand() * 15)}`;
    const set: PolicySet = {
      identity: [rolePolicy],
      session: rand() < 0.5 ? [sessionPolicy] : [],
      scpLevels,
      rcpLevels,
      ...(action.startsWith('s3') ? { resource: bucketPolicy } : {}),
    };
    return { req: { principal: session, action, resource, resourceAccount: A, context: context(session) }, set };
  }
  if (r < 0.8) {
    const req = {
      principal: partner,
      action: 's3:GetObject',
      resource: `arn:aws:s3:::bucket-a/shared/${key}`,
      resourceAccount: A,
      context: context(partner),
    };
    return {
      req,
      set: {
        identity: [pol('identity', 'partner', [{ Effect: 'Allow', Action: 's3:Get*', Resource: 'arn:aws:s3:::bucket-a/*' }])],
        resource: bucketPolicy,
        rcpLevels,
      },
    };
  }
  if (r < 0.9) {
    const ctx = {
      ...context(partner),
      'sts:ExternalId': pick(['ext-123', 'wrong']),
      'aws:MultiFactorAuthPresent': pick(['true', 'false']),
    };
    const req = { principal: partner, action: 'sts:AssumeRole', resource: `arn:aws:iam::${A}:role/app`, resourceAccount: A, context: ctx };
    return {
      req,
      set: {
        identity: [pol('identity', 'assume', [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: `arn:aws:iam::${A}:role/*` }])],
        resource: trustPolicy,
        resourceMustAllow: true,
        rcpLevels,
      },
    };
  }
  if (r < 0.95) {
    const ctx = {
      'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com',
      'token.actions.githubusercontent.com:sub': pick(['repo:org/app:ref:refs/heads/main', 'repo:evil/app:ref:x']),
    };
    return {
      req: {
        principal: ghActions,
        action: 'sts:AssumeRoleWithWebIdentity',
        resource: `arn:aws:iam::${A}:role/app`,
        resourceAccount: A,
        context: ctx,
      },
      set: { identity: [], resource: trustPolicy, resourceMustAllow: true, rcpLevels },
    };
  }
  const anon: RequestPrincipal = { kind: 'anonymous' };
  return {
    req: {
      principal: anon,
      action: 's3:GetObject',
      resource: `arn:aws:s3:::bucket-a/${pick(['public', 'private'])}/${key}`,
      resourceAccount: A,
      context: context(anon),
    },
    set: { identity: [], resource: bucketPolicy, rcpLevels },
  };
}

const corpus: Case[] = Array.from({ length: CORPUS_SIZE }, makeCase);
const normalised: Case[] = corpus.map((c) => ({ ...c, req: { ...c.req, context: normalizeContext(c.req.context) } }));
const slice = corpus.slice(0, 500);

function runCorpus(cases: readonly Case[]): number {
  let allowed = 0;
  for (const c of cases) if (evaluate(c.req, c.set).decision === 'Allow') allowed++;
  return allowed;
}

/** The naive way: re-compile every policy of the set for each request. */
function recompile(set: PolicySet): PolicySet {
  const again = (p: CompiledPolicy): CompiledPolicy => {
    const d = docs.get(p)!;
    return compilePolicy(JSON.parse(JSON.stringify(d.doc)), { name: d.name, kind: d.kind });
  };
  const levels = (ls: PolicySet['scpLevels']) => ls?.map((l) => ({ name: l.name, policies: l.policies.map(again) }));
  return {
    identity: set.identity.map(again),
    boundary: set.boundary ? again(set.boundary) : null,
    session: (set.session ?? []).map(again),
    resource: set.resource ? again(set.resource) : null,
    resourceMustAllow: set.resourceMustAllow ?? false,
    ...(set.scpLevels ? { scpLevels: levels(set.scpLevels) } : {}),
    ...(set.rcpLevels ? { rcpLevels: levels(set.rcpLevels) } : {}),
  };
}

function runBaseline(cases: readonly Case[]): void {
  for (const c of cases) evaluate(c.req, recompile(c.set));
}

const fmt = (n: number): string => Math.round(n).toLocaleString('en-US').padStart(10);

/** Prints the median and best requests per second of whole passes; returns the median. */
function measure(label: string, cases: readonly Case[], run: (cases: readonly Case[]) => unknown, rounds: number): number {
  const { median, best } = rates(
    timeRounds(() => run(cases), rounds, 1500),
    cases.length,
  );
  console.log(`${label.padEnd(44)} median ${fmt(median)} requests/s, best ${fmt(best)}`);
  return median;
}

const decisions = corpus.map((c) => evaluate(c.req, c.set).decision);
const share = (d: string) => decisions.filter((x) => x === d).length;
console.log(
  `corpus: ${CORPUS_SIZE} requests — Allow ${share('Allow')}, ImplicitDeny ${share('ImplicitDeny')}, ExplicitDeny ${share('ExplicitDeny')}`,
);
const asBuilt = measure('evaluate, contexts as built', corpus, runCorpus, 12);
const normal = measure('evaluate, contexts pre-normalised', normalised, runCorpus, 12);
const naive = measure('baseline: compile policies per request', slice, runBaseline, 3);
console.log(`compiled once: ${(asBuilt / naive).toFixed(0)}× (as built) / ${(normal / naive).toFixed(0)}× (pre-normalised) the baseline`);

/**
 * Bytes allocated per request: the growth of the heap over batches small enough that no
 * collection runs in between (a batch whose heap shrank saw a collection and is dropped).
 */
function allocation(label: string, cases: readonly Case[]): void {
  const batch = 500;
  const samples: number[] = [];
  for (let start = 0; start + batch <= cases.length && samples.length < 40; start += batch) {
    const part = cases.slice(start, start + batch);
    const before = process.memoryUsage().heapUsed;
    runCorpus(part);
    const grown = process.memoryUsage().heapUsed - before;
    if (grown > 0) samples.push(grown / batch);
  }
  samples.sort((a, b) => a - b);
  const median = samples[Math.floor(samples.length / 2)] ?? NaN;
  console.log(`${label.padEnd(44)} about ${fmt(median)} bytes allocated per request (median of ${samples.length} batches)`);
}
allocation('allocation, contexts as built', corpus);
allocation('allocation, contexts pre-normalised', normalised);

describe('policy evaluation', () => {
  bench(`evaluate ${CORPUS_SIZE} mixed requests`, () => {
    runCorpus(corpus);
  });
  bench(`evaluate ${CORPUS_SIZE} mixed requests, pre-normalised contexts`, () => {
    runCorpus(normalised);
  });
  bench('baseline: compile per request (500 requests)', () => {
    runBaseline(slice);
  });
});
