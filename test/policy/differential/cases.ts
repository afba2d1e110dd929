// Seeded random evaluation cases for differential testing: a caller, one action on one resource, a
// request context, and the policies of every type that can decide it (identity, boundary, session,
// resource or trust, SCP and RCP levels). Each case is plain JSON so that a disagreement can be
// written to a file and replayed; the same seed always gives the same cases, in the same order.
//
// The cases aim at the corners where evaluators part ways — wildcards in actions and ARNs, policy
// variables with defaults and escapes, every condition operator family with IfExists and the set
// operators, NotAction/NotResource/NotPrincipal, cross-account and org policies — while staying
// valid: only real action names and condition keys, so that IAM's validator and the catalogue
// accept every document (test/policy/differential.test.ts checks that they do).
//
// The order of the random draws is part of the generator's contract: a disagreement is named by its
// seed and id, so any change to what is drawn, or when, renumbers every recorded case.
import { mulberry32 } from '../../mulberry32.js';

export type JsonValue = string | number | boolean | null | JsonValue[] | JsonObject;
export interface JsonObject {
  [key: string]: JsonValue;
}

/** A policy document: `{ Version, Statement }`, Statement one object or a list. */
export type PolicyDoc = JsonObject;

export const A = '111111111111';
export const B = '222222222222';
export const ORG = 'o-aaaa1111';

export interface Rng {
  /** uniform in [0, 1) */
  next(): number;
  /** uniform in 0 … n-1 */
  int(n: number): number;
  chance(p: number): boolean;
  pick<T>(xs: readonly T[]): T;
  /** min…max draws from xs, duplicates removed (so possibly fewer than min when min > 1) */
  some<T>(xs: readonly T[], min: number, max: number): T[];
}

/** Draws from a seeded mulberry32, so every run generates the same cases. */
export function rng(seed: number): Rng {
  const next = mulberry32(seed);
  const pick = <T>(xs: readonly T[]): T => {
    if (xs.length === 0) throw new Error('rng.pick: nothing to pick from');
    return xs[Math.floor(next() * xs.length)]!;
  };
  return {
    next,
    int: (n) => Math.floor(next() * n),
    chance: (p) => next() < p,
    pick,
    some: (xs, min, max) => {
      const n = min + Math.floor(next() * (max - min + 1));
      const out = [];
      for (let i = 0; i < n; i++) out.push(pick(xs));
      return [...new Set(out)];
    },
  };
}

export interface CasePrincipal {
  readonly kind: 'iamUser' | 'roleSession';
  /** the user's name, or the session's name */
  readonly name: string;
  readonly account: string;
  /** the user's ARN, or the session's ARN */
  readonly arn: string;
  /** role sessions: the role's ARN with its path */
  readonly roleArn?: string;
  readonly roleName?: string;
  readonly uniqueId: string;
}

/** Which resource-side policy the resource can have; trust and KMS key policies must allow by themselves. */
export type ResourceKind = 'none' | 'resource' | 'trust' | 'kms';

export interface Case {
  id: number;
  principal: CasePrincipal;
  action: string;
  resource: string;
  /** the account that owns the resource (for `*`, the caller's) */
  resourceAccount: string;
  context: Record<string, string | string[]>;
  identity: PolicyDoc[];
  boundary?: PolicyDoc;
  session?: PolicyDoc;
  resourcePolicy?: PolicyDoc;
  resourceKind: ResourceKind;
  /** org levels from the root down, each with its SCPs; present when SCPs apply */
  scpLevels?: PolicyDoc[][];
  /** org levels with their customer RCPs (RCPFullAWSAccess is implied at every level) */
  rcpLevels?: PolicyDoc[][];
}

const user = (name: string, account: string, path: string, uniqueId: string): CasePrincipal => ({
  kind: 'iamUser',
  name,
  account,
  arn: `arn:aws:iam::${account}:user${path}${name}`,
  uniqueId,
});

const session = (role: string, path: string, name: string, account: string, uniqueId: string): CasePrincipal => ({
  kind: 'roleSession',
  name,
  account,
  arn: `arn:aws:sts::${account}:assumed-role/${role}/${name}`,
  roleArn: `arn:aws:iam::${account}:role${path}${role}`,
  roleName: role,
  uniqueId,
});

// Two users and two sessions in A (one session named like a user, to catch name/ARN confusion),
// and a user and a session in B for the cross-account rules.
export const PRINCIPALS: readonly CasePrincipal[] = [
  user('alice', A, '/', 'AIDAALICE'),
  user('bob', A, '/dev/', 'AIDABOB'),
  session('app', '/svc/', 's1', A, 'AROAAPP'),
  session('ops', '/', 'alice', A, 'AROAOPS'),
  user('eve', B, '/', 'AIDAEVE'),
  session('Partner', '/ext/', 'x', B, 'AROAPARTNER'),
];

interface ActionDef {
  readonly action: string;
  readonly service: string;
  /** a resource of the action owned by the account */
  readonly resource: (account: string, r: Rng) => string;
  readonly rp: ResourceKind;
  /** does the service support RCPs */
  readonly rcp: boolean;
}

// object keys that policy variables can build (home/${aws:userid}/…, team-${…}) or miss by case
const KEYS = [
  'home/AROAAPP:s1/x',
  'home/AIDAALICE/k',
  'alice/f.txt',
  'shared/f',
  'home/alice/x',
  'home/bob/y',
  'team-blue/r.csv',
  'public/index.html',
  'Finance/q1.csv',
  'a/b/test/c.jpg',
];
const bucketOf = (account: string): string => (account === A ? 'bucket-a' : 'bucket-b');

const ACTIONS: readonly ActionDef[] = [
  { action: 's3:GetObject', service: 's3', resource: (a, r) => `arn:aws:s3:::${bucketOf(a)}/${r.pick(KEYS)}`, rp: 'resource', rcp: true },
  { action: 's3:PutObject', service: 's3', resource: (a, r) => `arn:aws:s3:::${bucketOf(a)}/${r.pick(KEYS)}`, rp: 'resource', rcp: true },
  {
    action: 's3:DeleteObject',
    service: 's3',
    resource: (a, r) => `arn:aws:s3:::${bucketOf(a)}/${r.pick(KEYS)}`,
    rp: 'resource',
    rcp: true,
  },
  { action: 's3:ListBucket', service: 's3', resource: (a) => `arn:aws:s3:::${bucketOf(a)}`, rp: 'resource', rcp: true },
  { action: 's3:ListAllMyBuckets', service: 's3', resource: () => '*', rp: 'none', rcp: true },
  {
    action: 'dynamodb:GetItem',
    service: 'dynamodb',
    resource: (a, r) => `arn:aws:dynamodb:us-east-1:${a}:table/${r.pick(['Orders', 'Users'])}`,
    rp: 'resource',
    rcp: true,
  },
  {
    action: 'dynamodb:PutItem',
    service: 'dynamodb',
    resource: (a) => `arn:aws:dynamodb:us-east-1:${a}:table/Orders`,
    rp: 'resource',
    rcp: true,
  },
  {
    action: 'sqs:SendMessage',
    service: 'sqs',
    resource: (a, r) => `arn:aws:sqs:us-east-1:${a}:${r.pick(['jobs', 'jobs-dlq'])}`,
    rp: 'resource',
    rcp: true,
  },
  { action: 'sqs:ReceiveMessage', service: 'sqs', resource: (a) => `arn:aws:sqs:us-east-1:${a}:jobs`, rp: 'resource', rcp: true },
  {
    action: 'iam:GetUser',
    service: 'iam',
    resource: (a, r) => `arn:aws:iam::${a}:user/${r.pick(['alice', 'dev/bob', 'carol'])}`,
    rp: 'none',
    rcp: false,
  },
  {
    action: 'kms:Decrypt',
    service: 'kms',
    resource: (a) => `arn:aws:kms:us-east-1:${a}:key/1234abcd-12ab-34cd-56ef-1234567890ab`,
    rp: 'kms',
    rcp: true,
  },
  {
    action: 'logs:PutLogEvents',
    service: 'logs',
    // log group names may hold ':' (and '/'), which segment-final wildcards must cross
    resource: (a, r) =>
      `arn:aws:logs:us-east-1:${a}:log-group:${r.pick(['app', 'app:prod', '/aws/lambda/fn'])}:log-stream:${r.pick(['s1', 'i-1:x'])}`,
    rp: 'none',
    rcp: true,
  },
  {
    action: 'lambda:InvokeFunction',
    service: 'lambda',
    resource: (a, r) => `arn:aws:lambda:us-east-1:${a}:function:${r.pick(['fn', 'fn:PROD', 'fn:1'])}`,
    rp: 'resource',
    rcp: false,
  },
  {
    action: 'sts:AssumeRole',
    service: 'sts',
    resource: (a, r) => `arn:aws:iam::${a}:role/${r.pick(['target', 'svc/deploy'])}`,
    rp: 'trust',
    rcp: true,
  },
];

// ---- conditions -------------------------------------------------------------------------------

const STRING_OPS = [
  'StringEquals',
  'StringNotEquals',
  'StringEqualsIgnoreCase',
  'StringNotEqualsIgnoreCase',
  'StringLike',
  'StringNotLike',
];
const NUM_OPS = [
  'NumericEquals',
  'NumericNotEquals',
  'NumericLessThan',
  'NumericLessThanEquals',
  'NumericGreaterThan',
  'NumericGreaterThanEquals',
];
const DATE_OPS = ['DateEquals', 'DateNotEquals', 'DateLessThan', 'DateLessThanEquals', 'DateGreaterThan', 'DateGreaterThanEquals'];
const ARN_OPS = ['ArnEquals', 'ArnLike', 'ArnNotEquals', 'ArnNotLike'];

interface KeyDef {
  readonly key: string;
  /** policy values: literals, wildcards, regex metacharacters that must stay literal, variables */
  readonly values: readonly string[];
  /** a multivalued key, compared with ForAllValues/ForAnyValue */
  readonly multi?: boolean;
}

const STRING_KEYS: readonly KeyDef[] = [
  {
    key: 'aws:username',
    values: ['alice', 'bob', 'Alice', 'al*', 'b?b', '${aws:PrincipalTag/team}', 'a.*', "${aws:PrincipalTag/team, 'alice'}"],
  },
  // key names are case-insensitive; tag values are not
  { key: 'AWS:PrincipalTag/TEAM', values: ['blue', 'b.ue', 'bl${?}e', '${*}'] },
  { key: 'aws:PrincipalTag/cc', values: ['a.b', 'x+y', '(x)', '${$}1', 'a*'] },
  { key: 'aws:PrincipalTag/team', values: ['blue', 'red', 'BLUE', 'b*', '${aws:username}'] },
  { key: 'aws:RequestedRegion', values: ['us-east-1', 'eu-*', 'us-east-?'] },
  { key: 'aws:PrincipalAccount', values: [A, B, '1111*'] },
  { key: 'aws:userid', values: ['AIDAALICE', 'AROAAPP:*', '*:s1', '*:${aws:username}'] },
  { key: 'aws:ResourceTag/env', values: ['prod', 'dev', '${aws:PrincipalTag/team}'] },
  { key: 'aws:PrincipalOrgID', values: [ORG, 'o-bbbb2222'] },
  { key: 'aws:SourceVpc', values: ['vpc-111', 'vpc-*'] },
  { key: 'aws:SourceArn', values: [`arn:aws:someservice:*:${A}:finance/*`, 'arn:aws:sns:us-east-1:*', '*:topic'] },
  { key: 'aws:PrincipalType', values: ['User', 'AssumedRole'] },
  { key: 'aws:RequestTag/dept', values: ['eng', 'fin', 'e*'] },
  { key: 's3:prefix', values: ['home/', 'home/${aws:username}/*', 'home/${aws:username}/', '', '*'] },
  { key: 's3:x-amz-acl', values: ['private', 'public-read'] },
  { key: 'sts:ExternalId', values: ['ext-1', 'ext-*'] },
  { key: 'kms:CallerAccount', values: [A, B] },
  { key: 'aws:TagKeys', values: ['dept', 'cost', 'Secret'], multi: true },
  { key: 'aws:CalledVia', values: ['cloudformation.amazonaws.com', 'athena.amazonaws.com'], multi: true },
  {
    key: 'aws:PrincipalOrgPaths',
    values: [`${ORG}/r-ab12/ou-ab12-11111111/*`, `${ORG}/*`, `${ORG}/r-ab12/ou-ab12-11111111/`],
    multi: true,
  },
  { key: 'dynamodb:LeadingKeys', values: ['${aws:userid}', 'alice', 'user-*'], multi: true },
];
const NUM_KEYS: readonly KeyDef[] = [
  { key: 'aws:MultiFactorAuthAge', values: ['3600', '300', '3600.0', '120.5', '-1'] },
  { key: 's3:max-keys', values: ['10', '100'] },
];
// ISO 8601 in its several shapes (date only, offsets, fractions, no zone) against the same instant
const DATE_KEYS: readonly KeyDef[] = [
  {
    key: 'aws:CurrentTime',
    values: [
      '2024-06-01T12:00:00Z',
      '2024-01-01',
      '2025-01-01T00:00:00Z',
      '2024-06-01T13:00:00+01:00',
      '2024-06-01T12:00:00.500Z',
      '2024-06-01T11:59:59Z',
      '2024-06-01',
      '2024-06-01T12:00:00',
    ],
  },
  { key: 'aws:TokenIssueTime', values: ['2024-06-01T00:00:00Z', '2024-06-01T11:30:00+01:00'] },
  { key: 'aws:EpochTime', values: ['2024-06-01T12:00:00Z', '2024-06-01T11:00:00Z'] },
];
const BOOL_KEYS: readonly KeyDef[] = [
  { key: 'aws:SecureTransport', values: ['true', 'false', 'True', 'FALSE'] },
  { key: 'aws:MultiFactorAuthPresent', values: ['true', 'false'] },
  { key: 'aws:ViaAWSService', values: ['true', 'false'] },
  { key: 'aws:PrincipalIsAWSService', values: ['false'] },
];
const ARN_KEYS: readonly KeyDef[] = [
  {
    key: 'aws:PrincipalArn',
    values: [
      `arn:aws:iam::${A}:user/alice`,
      `arn:aws:iam::${A}:role/svc/app`,
      `arn:aws:iam::${A}:role/*`,
      `arn:aws:iam::*:user/*`,
      `arn:aws:sts::${A}:assumed-role/app/*`,
      `arn:aws:iam::${A}:user/\${aws:username}`,
      `arn:aws:iam::${A}:user/dev/*`,
      `arn:aws:iam::*:role/*`,
      'arn:*:iam::*:*',
      `arn:aws:iam::1111111111??:user/*`,
      'arn:aws:*:*:*:*',
      `arn:aws:iam::${A}:role/svc/*`,
      `arn:aws:iam::${A}:*`,
      `arn:aws:iam::${A}:role/OPS`,
    ],
  },
  {
    key: 'aws:SourceArn',
    values: [
      `arn:aws:sns:us-east-1:${A}:topic`,
      `arn:aws:someservice:*:${A}:finance/*`,
      'arn:aws:someservice:us-east-2:*:store/*',
      'arn:aws:someservice:*:*:*',
      'arn:aws:sns:*:*:top?c',
    ],
  },
];
const BINARY_KEY: KeyDef = { key: 'aws:RequestTag/blob', values: ['aGVsbG8=', 'd29ybGQ='] };
const IP_KEY: KeyDef = {
  key: 'aws:SourceIp',
  values: [
    '10.1.0.0/16',
    '0.0.0.0/0',
    '::/0',
    '2001:db8:1234::5/128',
    '10.0.0.0/8',
    '203.0.113.0/24',
    '2001:db8::/32',
    '2001:db8:1234::/48',
    '192.0.2.1',
    '::1/128',
    '2001:DB8:1234:0::/64',
  ],
};
const NULL_KEYS: readonly KeyDef[] = [...STRING_KEYS, ...BOOL_KEYS, ...DATE_KEYS, { key: 'aws:SourceIp', values: [] }];

type Family = 'string' | 'set' | 'num' | 'date' | 'bool' | 'bin' | 'ip' | 'arn' | 'null';
// the weights of the operator families: strings and sets most, as the most varied
const FAMILIES: readonly Family[] = [
  'string',
  'string',
  'string',
  'set',
  'set',
  'num',
  'date',
  'bool',
  'bool',
  'bin',
  'ip',
  'ip',
  'arn',
  'arn',
  'null',
];

/** A Condition block of one or two operators. */
export function condition(r: Rng): JsonObject {
  const out: Record<string, JsonObject> = {};
  const n = 1 + (r.chance(0.3) ? 1 : 0);
  for (let i = 0; i < n; i++) {
    const fam = r.pick(FAMILIES);
    let op: string;
    let kd: KeyDef;
    if (fam === 'string' || fam === 'set') {
      op = r.pick(STRING_OPS);
      kd = fam === 'set' ? r.pick(STRING_KEYS.filter((k) => k.multi === true || r.chance(0.3))) : r.pick(STRING_KEYS);
      if (fam === 'set' || (kd.multi === true && r.chance(0.5))) op = r.pick(['ForAllValues:', 'ForAnyValue:']) + op;
    } else if (fam === 'num') {
      op = r.pick(NUM_OPS);
      kd = r.pick(NUM_KEYS);
    } else if (fam === 'date') {
      op = r.pick(DATE_OPS);
      kd = r.pick(DATE_KEYS);
    } else if (fam === 'bool') {
      op = 'Bool';
      kd = r.pick(BOOL_KEYS);
    } else if (fam === 'bin') {
      op = 'BinaryEquals';
      kd = BINARY_KEY;
    } else if (fam === 'ip') {
      op = r.pick(['IpAddress', 'NotIpAddress']);
      kd = IP_KEY;
    } else if (fam === 'arn') {
      op = r.pick(ARN_OPS);
      kd = r.pick(ARN_KEYS);
    } else {
      kd = r.pick(NULL_KEYS);
      out['Null'] = { ...(out['Null'] ?? {}), [kd.key]: r.pick(['true', 'false']) };
      continue;
    }
    if (r.chance(0.25)) op += 'IfExists';
    let vals: JsonValue[] = r.some(kd.values, 1, 2);
    // IAM also takes JSON numbers and booleans where it documents strings
    if ((fam === 'num' || fam === 'bool') && r.chance(0.3)) vals = vals.map((v) => (fam === 'num' ? Number(v) : jsonBool(String(v))));
    out[op] = { ...(out[op] ?? {}), [kd.key]: vals.length === 1 && r.chance(0.6) ? vals[0]! : vals };
  }
  return out;
}

function jsonBool(v: string): JsonValue {
  const l = v.toLowerCase();
  return l === 'true' ? true : l === 'false' ? false : v;
}

// ---- actions and resources ------------------------------------------------------------------

/** Action patterns that may or may not cover the action: prefixes, suffixes, `?`, case, other services. */
function actionPatterns(r: Rng, def: ActionDef): string | string[] {
  const name = def.action.split(':')[1]!;
  const pool = [
    def.action,
    def.action,
    `${def.service}:*`,
    '*',
    `${def.service}:${name.slice(0, 3)}*`,
    `${def.service}:*${name.slice(-4)}`,
    `${def.service}:${name.toLowerCase()}`,
    's3:Get*',
    's3:*Object',
    's3:List*',
    'dynamodb:Get*',
    'sqs:Send*',
    'iam:Get*',
    'kms:Decrypt',
    'sts:AssumeRole',
    's3:?etObject',
    'ec2:DescribeInstances',
    's3:PutObject',
    def.action.toUpperCase(),
    `${def.service}:*${name.slice(2, 5)}*`,
    `${def.service}:${name.slice(0, 1)}?${name.slice(2)}`,
  ];
  return oneOrList(r, r.some(pool, 1, 3));
}

/** Resource patterns around the resource: wildcards per segment, variables, other accounts, case. */
function resourcePatterns(r: Rng, def: ActionDef, resource: string, acct: string): string | string[] {
  const pool: string[] = ['*', resource];
  if (resource !== '*') {
    const parts = resource.split(':');
    pool.push(`${parts.slice(0, 5).join(':')}:*`);
    pool.push(...serviceResourcePatterns(def.service, acct));
  } else pool.push('arn:aws:s3:::*', `arn:aws:s3:::bucket-a`);
  return oneOrList(r, r.some(pool, 1, 2));
}

function serviceResourcePatterns(service: string, acct: string): string[] {
  const b = bucketOf(acct);
  switch (service) {
    case 's3':
      return [
        `arn:aws:s3:::${b}/*`,
        'arn:aws:s3:::bucket-*',
        'arn:aws:s3:::*',
        `arn:aws:s3:::${b}/\${aws:username}/*`,
        `arn:aws:s3:::${b}/home/\${aws:username}/*`,
        `arn:aws:s3:::${b}/team-\${aws:PrincipalTag/team}/*`,
        `arn:aws:s3:::${b}/home/\${aws:username, 'bob'}/*`,
        `arn:aws:s3:::${b}/*/test/*`,
        `arn:aws:s3:::${b}/finance/*`,
        `arn:aws:s3:::${b}`,
        'arn:aws:s3:::bucket-a/*',
        'arn:aws:s3:::bucket-b/*',
        `arn:aws:s3:::${b}/Finance/*`,
        `arn:aws:s3:::${b}/?lice/*`,
        'arn:aws:s3:::bucket-?/*',
        `arn:aws:s3:::${b}/\${aws:PrincipalTag/team, 'shared'}/*`,
        `arn:aws:s3:::${b}/home/\${aws:userid}/*`,
        'arn:aws:s3:::*/*',
        `arn:aws:s3:::${b}*`,
      ];
    case 'dynamodb':
      return [
        `arn:aws:dynamodb:us-east-?:${acct}:table/*`,
        `arn:aws:dynamodb:us-east-1:${acct}:table/Or*rs`,
        'arn:aws:dynamodb:*:*:*',
        `arn:aws:dynamodb:*:${acct}:table/*`,
        `arn:aws:dynamodb:us-east-1:${A}:table/Orders`,
        'arn:aws:dynamodb:*:*:table/Users',
      ];
    case 'sqs':
      return [
        'arn:aws:sqs:*:*:*',
        'arn:aws:sqs:us-east-1:*:job?',
        `arn:aws:sqs:us-east-1:${acct}:JOBS`,
        `arn:aws:sqs:us-east-1:*:jobs*`,
        `arn:aws:sqs:*:${A}:jobs`,
        'arn:aws:sqs:us-east-1:*:*-dlq',
      ];
    case 'iam':
      return [`arn:aws:iam::${acct}:user/\${aws:username}`, `arn:aws:iam::${acct}:user/*`, `arn:aws:iam::*:user/dev/*`];
    case 'kms':
      return [`arn:aws:kms:*:${acct}:key/*`, `arn:aws:kms:us-east-1:${A}:alias/*`];
    case 'logs':
      return [
        `arn:aws:logs:us-east-1:${acct}:log-group:app:*`,
        `arn:aws:logs:us-east-1:${acct}:*`,
        'arn:aws:logs:*:*:*',
        `arn:aws:logs:us-east-1:${acct}:log-group:*:log-stream:s1`,
        `arn:aws:logs:us-east-1:${acct}:log-group:app`,
        // fewer than six segments: a final * runs past the colons
        `arn:aws:logs:us-east-1:*`,
        `arn:aws:logs:*:${acct}:log-group:/aws/lambda/*`,
      ];
    case 'lambda':
      return [
        `arn:aws:lambda:us-east-1:${acct}:function:fn`,
        `arn:aws:lambda:us-east-1:${acct}:function:fn:*`,
        `arn:aws:lambda:*:${acct}:function:*`,
        `arn:aws:lambda:us-east-1:${acct}:function:f?`,
        `arn:aws:lambda:us-east-1:${acct}:*`,
      ];
    case 'sts':
      return [`arn:aws:iam::${acct}:role/*`, `arn:aws:iam::${A}:role/target`, `arn:aws:iam::*:role/svc/*`];
    default:
      return [];
  }
}

/** IAM takes a one-entry list or its entry alone: draw both shapes. */
function oneOrList(r: Rng, picks: string[]): string | string[] {
  return picks.length === 1 && r.chance(0.6) ? picks[0]! : picks;
}

function identityStatement(r: Rng, def: ActionDef, resource: string, acct: string, allowBias = 0.8): JsonObject {
  const st: JsonObject = { Effect: r.chance(allowBias) ? 'Allow' : 'Deny' };
  if (r.chance(0.12)) st['NotAction'] = actionPatterns(r, def);
  else st['Action'] = actionPatterns(r, def);
  if (r.chance(0.12)) st['NotResource'] = resourcePatterns(r, def, resource, acct);
  else st['Resource'] = resourcePatterns(r, def, resource, acct);
  if (r.chance(0.45)) st['Condition'] = condition(r);
  return st;
}

/** A policy document; a lone statement is sometimes written as an object rather than a list. */
function policy(r: Rng, statements: JsonObject[], version = '2012-10-17'): PolicyDoc {
  if (statements.length === 1 && r.chance(0.3)) return { Version: version, Statement: statements[0]! };
  return { Version: version, Statement: statements };
}

function identityPolicy(r: Rng, def: ActionDef, resource: string, acct: string, allowBias = 0.8): PolicyDoc {
  const n = 1 + r.int(6);
  const statements = [];
  for (let i = 0; i < n; i++) statements.push(identityStatement(r, def, resource, acct, allowBias));
  // under 2008-10-17 policy variables are literal text
  return policy(r, statements, r.chance(0.03) ? '2008-10-17' : '2012-10-17');
}

// ---- principals in resource-side policies -------------------------------------------------------

/** Every principal above by each of its names (account, root, role, session), some in the wrong case. */
function principalElement(r: Rng): JsonValue {
  const pool: JsonValue[] = [
    '*',
    { AWS: '*' },
    { AWS: A },
    { AWS: `arn:aws:iam::${A}:root` },
    { AWS: `arn:aws:iam::${A}:user/alice` },
    { AWS: `arn:aws:iam::${A}:user/dev/bob` },
    { AWS: `arn:aws:iam::${A}:role/svc/app` },
    { AWS: `arn:aws:iam::${A}:role/ops` },
    { AWS: `arn:aws:sts::${A}:assumed-role/app/s1` },
    { AWS: `arn:aws:sts::${A}:assumed-role/ops/alice` },
    { AWS: B },
    { AWS: `arn:aws:iam::${B}:user/eve` },
    { AWS: [`arn:aws:iam::${A}:user/alice`, `arn:aws:iam::${B}:root`] },
    { AWS: `arn:aws:iam::${A}:role/svc/APP` },
    { AWS: `arn:aws:iam::${A}:role/app` },
    { AWS: `arn:aws:iam::${A}:user/Alice` },
    { AWS: ['*'] },
    { AWS: `arn:aws:iam::${B}:role/ext/Partner` },
    { AWS: `arn:aws:sts::${B}:assumed-role/Partner/x` },
    { AWS: `arn:aws:iam::${A}:user/bob` },
  ];
  return r.pick(pool);
}

function resourceStatement(r: Rng, def: ActionDef, resource: string, acct: string): JsonObject {
  const st = identityStatement(r, def, resource, acct, 0.75);
  if (def.rp === 'kms') {
    // a key policy names the key as "*"
    delete st['NotResource'];
    st['Resource'] = '*';
  }
  if (st['Effect'] === 'Deny' && r.chance(0.15)) {
    st['NotPrincipal'] = r.pick<JsonValue>([
      { AWS: [`arn:aws:iam::${A}:user/alice`, `arn:aws:iam::${A}:root`] },
      { AWS: `arn:aws:iam::${A}:user/alice` },
      { AWS: [`arn:aws:sts::${A}:assumed-role/app/s1`, `arn:aws:iam::${A}:role/svc/app`, `arn:aws:iam::${A}:root`] },
      { AWS: A },
    ]);
  } else st['Principal'] = principalElement(r);
  return st;
}

function trustStatement(r: Rng): JsonObject {
  const st: JsonObject = { Effect: r.chance(0.8) ? 'Allow' : 'Deny', Principal: principalElement(r) };
  st['Action'] = r.pick<JsonValue>(['sts:AssumeRole', 'sts:*', ['sts:AssumeRole', 'sts:TagSession'], 'sts:Assume*']);
  if (r.chance(0.5)) st['Condition'] = condition(r);
  return st;
}

function resourcePolicy(r: Rng, def: ActionDef, resource: string, acct: string): PolicyDoc {
  const n = 1 + r.int(4);
  const statements = [];
  for (let i = 0; i < n; i++) {
    statements.push(def.rp === 'trust' ? trustStatement(r) : resourceStatement(r, def, resource, acct));
  }
  return policy(r, statements);
}

// ---- SCPs and RCPs ----------------------------------------------------------------------------

/** FullAWSAccess, as AWS attaches it at every level (a new object each time: cases are edited in place). */
export const fullAwsAccess = (): PolicyDoc => ({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] });

/** RCPFullAWSAccess, which AWS keeps at every level: customer RCPs can only deny. */
export const rcpFullAwsAccess = (): PolicyDoc => ({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }],
});

function scpLevels(r: Rng, def: ActionDef, resource: string, acct: string): PolicyDoc[][] {
  const n = 1 + r.int(3);
  const levels: PolicyDoc[][] = [];
  for (let i = 0; i < n; i++) {
    const pols: PolicyDoc[] = [];
    if (r.chance(0.8)) pols.push(fullAwsAccess());
    else {
      // an allow list instead of FullAWSAccess: the level allows only what it names
      const st: JsonObject = r.chance(0.3)
        ? { Effect: 'Allow', NotAction: r.some(['iam:*', 'ec2:*', `${def.service}:*`, 's3:Delete*'], 1, 2), Resource: '*' }
        : { Effect: 'Allow', Action: r.some([`${def.service}:*`, 'ec2:*', 's3:Get*', 'sts:*', `${def.action}`], 1, 2), Resource: '*' };
      if (r.chance(0.2)) {
        delete st['Resource'];
        st['NotResource'] = resourcePatterns(r, def, resource, acct);
      }
      if (r.chance(0.3)) st['Condition'] = condition(r);
      pols.push(policy(r, [st]));
    }
    if (r.chance(0.35)) {
      const statements: JsonObject[] = [];
      for (let k = 0, m = 1 + r.int(2); k < m; k++) {
        const st = identityStatement(r, def, resource, acct, 0);
        st['Condition'] ??= condition(r);
        statements.push(st);
      }
      pols.push(policy(r, statements));
    }
    levels.push(pols);
  }
  return levels;
}

function rcpLevels(r: Rng, def: ActionDef, resource: string, acct: string): PolicyDoc[][] {
  const n = 1 + r.int(3);
  const levels: PolicyDoc[][] = [];
  for (let i = 0; i < n; i++) {
    const pols: PolicyDoc[] = [];
    if (r.chance(0.6)) {
      const statements: JsonObject[] = [];
      for (let k = 0, m = 1 + r.int(2); k < m; k++) {
        const acts = r.some([`${def.service}:*`, def.action, 's3:*', 'sqs:*', 'kms:*', `${def.service}:Get*`], 1, 2);
        const st: JsonObject = { Effect: 'Deny', Principal: '*', Action: acts.length === 1 ? acts[0]! : acts };
        st['Resource'] = r.chance(0.6) ? '*' : resourcePatterns(r, def, resource, acct);
        // RCPs take "*" only alone, not in a list with ARNs
        if (st['Resource'] === '*' || (Array.isArray(st['Resource']) && st['Resource'].includes('*'))) st['Resource'] = '*';
        st['Condition'] = r.pick([
          // the documented data perimeter, and enforcing TLS
          (): JsonObject => ({
            StringNotEqualsIfExists: { 'aws:PrincipalOrgID': ORG },
            BoolIfExists: { 'aws:PrincipalIsAWSService': 'false' },
          }),
          (): JsonObject => ({ BoolIfExists: { 'aws:SecureTransport': 'false' } }),
          (): JsonObject => condition(r),
          (): JsonObject => condition(r),
        ])();
        statements.push(st);
      }
      pols.push(policy(r, statements));
    }
    levels.push(pols);
  }
  return levels;
}

// ---- the request context --------------------------------------------------------------------

/** The keys AWS sets for this caller and action, with values that some policies above test. */
function contextFor(
  r: Rng,
  p: CasePrincipal,
  def: ActionDef,
  tags: Record<string, string>,
  inOrg: boolean,
): Record<string, string | string[]> {
  const c: Record<string, string | string[]> = {
    'aws:SecureTransport': r.chance(0.9) ? 'true' : 'false',
    'aws:CurrentTime': '2024-06-01T12:00:00Z',
    'aws:EpochTime': '1717243200',
    'aws:RequestedRegion': r.pick(['us-east-1', 'us-east-1', 'eu-west-1']),
    'aws:PrincipalIsAWSService': 'false',
    'aws:PrincipalAccount': p.account,
  };
  if (p.kind === 'iamUser') {
    c['aws:PrincipalArn'] = p.arn;
    c['aws:username'] = p.name;
    c['aws:userid'] = p.uniqueId;
    c['aws:PrincipalType'] = 'User';
  } else {
    c['aws:PrincipalArn'] = p.roleArn!;
    c['aws:userid'] = `${p.uniqueId}:${p.name}`;
    c['aws:PrincipalType'] = 'AssumedRole';
    c['aws:TokenIssueTime'] = '2024-06-01T11:00:00Z';
    const mfa = r.chance(0.4);
    c['aws:MultiFactorAuthPresent'] = mfa ? 'true' : 'false';
    if (mfa) c['aws:MultiFactorAuthAge'] = r.pick(['120', '3600', '7200']);
  }
  // the request may spell a key in any case
  for (const [k, v] of Object.entries(tags)) c[r.chance(0.15) ? `AWS:principalTag/${k.toUpperCase()}` : `aws:PrincipalTag/${k}`] = v;
  if (inOrg) {
    c['aws:PrincipalOrgID'] = ORG;
    c['aws:PrincipalOrgPaths'] = [`${ORG}/r-ab12/ou-ab12-11111111/`];
  }
  if (r.chance(0.2)) {
    c['aws:SourceVpc'] = r.pick(['vpc-111', 'vpc-222']);
    c['aws:SourceVpce'] = 'vpce-1a2b';
  } else {
    c['aws:SourceIp'] = r.pick(['10.1.2.3', '203.0.113.9', '198.51.100.7', '2001:db8:1234::5', '2001:db8:ffff::1', '::1', '192.0.2.1']);
  }
  if (r.chance(0.15)) {
    c['aws:ViaAWSService'] = 'true';
    c['aws:CalledVia'] = r.some(['cloudformation.amazonaws.com', 'athena.amazonaws.com', 'dynamodb.amazonaws.com'], 1, 2);
  } else c['aws:ViaAWSService'] = 'false';
  if (r.chance(0.25)) {
    const keys = r.some(['dept', 'cost', 'Secret'], 1, 3);
    c['aws:TagKeys'] = keys;
    for (const k of keys) c[`aws:RequestTag/${k}`] = r.pick(['eng', 'fin', 'x']);
  }
  if (r.chance(0.2)) {
    c['aws:SourceArn'] = r.pick([
      `arn:aws:sns:us-east-1:${A}:topic`,
      `arn:aws:someservice:us-east-2:999999999999:store/abc:${A}:finance/document.txt`,
      `arn:aws:sns:us-east-1:${B}:topic`,
      'not-an-arn',
    ]);
  }
  if (r.chance(0.15)) c['aws:RequestTag/blob'] = r.pick(['aGVsbG8=', 'd29ybGQ=']);
  if (def.service !== 's3' && r.chance(0.5)) c['aws:ResourceTag/env'] = r.pick(['prod', 'dev', 'blue']);
  if (def.action === 's3:ListBucket') {
    if (r.chance(0.7)) c['s3:prefix'] = r.pick(['home/', 'home/alice/', 'home/bob/x', 'public/', '']);
    if (r.chance(0.5)) c['s3:max-keys'] = r.pick(['10', '50', '1000']);
  }
  if (def.action === 's3:PutObject' && r.chance(0.5)) c['s3:x-amz-acl'] = r.pick(['private', 'public-read']);
  if (def.action === 'sts:AssumeRole') {
    if (r.chance(0.5)) c['sts:ExternalId'] = r.pick(['ext-1', 'ext-2']);
    c['sts:RoleSessionName'] = 'sess';
  }
  if (def.action === 'kms:Decrypt') c['kms:CallerAccount'] = p.account;
  if (def.action === 'dynamodb:GetItem' && r.chance(0.5)) c['dynamodb:LeadingKeys'] = r.some(['alice', 'user-1', `${p.uniqueId}`], 1, 2);
  return c;
}

// ---- cases ----------------------------------------------------------------------------------

/** The next case drawn from r. */
export function makeCase(r: Rng, id: number): Case {
  const p = r.pick(PRINCIPALS);
  const def = r.pick(ACTIONS);
  // ListAllMyBuckets has no resource: "*" belongs to the caller's account
  const resAcct = def.action === 's3:ListAllMyBuckets' ? p.account : r.chance(0.7) ? A : B;
  const resource = def.resource(resAcct, r);
  const tags: Record<string, string> = {};
  // tag values with wildcard and regex characters, which policy variables must insert literally
  if (r.chance(0.6)) tags['team'] = r.pick(['blue', 'red', 'BLUE', 'shared', 'b.ue', 'bl?e']);
  if (r.chance(0.3)) tags['cc'] = r.pick(['a.b', 'x+y', '(x)', '$1', 'a*', 'axb']);
  const inOrg = r.chance(0.5);
  const c: Case = {
    id,
    principal: { ...p },
    action: def.action,
    resource,
    resourceAccount: resAcct,
    context: contextFor(r, p, def, tags, inOrg),
    identity: [],
    resourceKind: def.rp,
  };
  const nId = r.chance(0.1) ? 0 : 1 + r.int(3);
  for (let i = 0; i < nId; i++) c.identity.push(identityPolicy(r, def, resource, resAcct));
  // boundaries and session policies are managed-policy-like: Version must be 2012-10-17
  if (r.chance(0.35)) c.boundary = { ...identityPolicy(r, def, resource, resAcct, 0.85), Version: '2012-10-17' };
  if (p.kind === 'roleSession' && r.chance(0.15)) c.session = { ...identityPolicy(r, def, resource, resAcct, 0.85), Version: '2012-10-17' };
  // a role always has a trust policy and a KMS key a key policy
  if (def.rp === 'trust' || def.rp === 'kms' || (def.rp === 'resource' && r.chance(0.6))) {
    c.resourcePolicy = resourcePolicy(r, def, resource, resAcct);
  }
  if (inOrg && r.chance(0.6)) c.scpLevels = scpLevels(r, def, resource, resAcct);
  if (def.rcp && r.chance(0.3)) c.rcpLevels = rcpLevels(r, def, resource, resAcct);
  return c;
}

/** Cases 0 … count-1 of a seed. */
export function* generateCases(seed: number, count: number): Generator<Case> {
  const r = rng(seed);
  for (let id = 0; id < count; id++) yield makeCase(r, id);
}
