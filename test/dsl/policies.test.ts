// Policy bodies: every clause, every principal form, json and file bodies, account members.
import { describe, expect, it } from 'vitest';
import type { Clause, PolicyBody } from '../../src/dsl/ast.js';
import { parseScenario } from '../../src/dsl/parse.js';
import { as, items, parseFixture, t } from './helpers.js';

const file = parseFixture('valid/policies.iam');
const [production, development] = items(file, 'Account');

function clauses(body: PolicyBody | null | undefined, statement = 0): readonly Clause[] {
  return as(body, 'Statements').statements[statement]?.clauses ?? [];
}

describe('managed policies', () => {
  it('reads a path and native statements with a sid', () => {
    const policy = as(production?.members[1], 'ManagedPolicy');
    expect([policy.name.text, policy.path?.text]).toEqual(['ReadOnly', '/managed/']);
    const [sid, action, resource] = clauses(policy.body);
    expect(as(sid, 'Sid').sid.text).toBe('ReadAll');
    expect(as(action, 'Action').items.map(t)).toEqual(['s3:Get*', 's3:List*']);
    expect(as(resource, 'Resource').items.map(t)).toEqual(['*']);
  });

  it('reads json and file bodies', () => {
    const json = as(as(production?.members[2], 'ManagedPolicy').body, 'Json');
    expect(json.value).toEqual({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 'sqs:*', Resource: '*' }],
    });
    expect(json.raw).toBe('{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sqs:*", "Resource": "*"}]}');
    expect(as(production?.members[3], 'ManagedPolicy').body).toMatchObject({
      kind: 'PolicyFile',
      path: { text: 'policies/boundary.json', quoted: true },
    });
    expect(as(production?.members[4], 'ManagedPolicy').body).toMatchObject({
      kind: 'PolicyFile',
      path: { text: 'policies/boundary.json', quoted: false },
    });
  });
});

describe('users and groups', () => {
  const carol = as(production?.members[5], 'User');

  it('reads every user member', () => {
    expect(carol.members.map((m) => m.kind)).toEqual(['Path', 'Groups', 'Inline', 'Attach', 'Boundary', 'Tags', 'MfaDevice', 'AccessKey']);
    expect(as(carol.members[0], 'Path').path.text).toBe('/people/');
    expect(as(carol.members[1], 'Groups').groups).toMatchObject([
      { kind: 'Text', text: 'Admins' },
      { kind: 'Ref', entity: 'group', target: { text: 'Production/Auditors' } },
    ]);
    expect(as(carol.members[3], 'Attach').policies).toMatchObject([
      { kind: 'Text', text: 'ReadOnly' },
      { kind: 'Ref', entity: 'policy', target: { text: 'Production/FromJson' } },
      { kind: 'Text', text: 'arn:aws:iam::aws:policy/ReadOnlyAccess' },
    ]);
    expect(as(carol.members[4], 'Boundary').policy).toMatchObject({ kind: 'Ref', entity: 'policy' });
    expect(as(carol.members[5], 'Tags').entries.map((e) => [e.key.text, t(e.value)])).toEqual([
      ['team', 'blue'],
      ['project', 'x y'],
    ]);
    expect(as(carol.members[6], 'MfaDevice')).toMatchObject({ name: { text: 'carol-key' }, code: null });
  });

  it('reads policy variables, not-action, not-resource and conditions', () => {
    const home = as(carol.members[2], 'Inline');
    expect(as(clauses(home.body)[1], 'Resource').items.map(t)).toEqual(['arn:aws:s3:::home/${aws:username}/*']);
    const deny = clauses(home.body, 1);
    expect(deny.map((c) => c.kind)).toEqual(['NotAction', 'NotResource', 'Condition']);
    expect(as(deny[0], 'NotAction').items.map(t)).toEqual(['iam:*', 'sts:*']);
    expect(as(deny[1], 'NotResource').items.map(t)).toEqual(['arn:aws:iam::*:role/${aws:username}']);
    expect(as(home.body, 'Statements').statements.map((s) => s.effect)).toEqual(['Allow', 'Deny']);
  });

  it('reads groups with members separated by ";" on one line, and without a block', () => {
    const admins = as(production?.members[6], 'Group');
    expect(admins.members.map((m) => m.kind)).toEqual(['Inline', 'Attach', 'Path']);
    expect(as(production?.members[7], 'Group').members).toEqual([]);
  });

  it('reads the tags of an account with quoted keys', () => {
    const tags = as(production?.members[0], 'Tags');
    expect(tags.entries.map((e) => [e.key.text, e.key.quoted, t(e.value)])).toEqual([
      ['env', false, 'prod'],
      ['cost center', true, '42'],
    ]);
  });
});

describe('roles and principals', () => {
  const role = as(production?.members[8], 'Role');

  it('reads every role member', () => {
    expect(role.members.map((m) => m.kind)).toEqual([
      'Path',
      'Description',
      'MaxSessionDuration',
      'Trust',
      'Inline',
      'Attach',
      'Boundary',
      'Tags',
    ]);
    expect(as(role.members[1], 'Description').text).toMatchObject({ text: 'Deploys the app', quoted: true });
    expect(as(role.members[2], 'MaxSessionDuration').duration.text).toBe('12h');
  });

  it('reads every principal form', () => {
    const trust = as(role.members[3], 'Trust').body;
    const principal = as(clauses(trust)[0], 'Principal');
    expect(principal.items).toMatchObject([
      { kind: 'Ref', entity: 'account', target: { text: 'Development' } },
      { kind: 'Ref', entity: 'account', target: { text: '222222222222' } },
      { kind: 'Ref', entity: 'user', target: { text: 'Development/alice' } },
      { kind: 'Ref', entity: 'role', target: { text: 'Development/ci' } },
      { kind: 'Text', text: 'arn:aws:iam::333333333333:root', quoted: false },
      { kind: 'Text', text: 'arn:aws:iam::444444444444:user/quoted', quoted: true },
    ]);
    expect(as(clauses(trust, 1)[0], 'Principal').items).toMatchObject([{ kind: 'ServicePrincipal', name: { text: 'ec2.amazonaws.com' } }]);
    const deny = clauses(trust, 2);
    expect(as(deny[0], 'NotPrincipal').items).toMatchObject([{ kind: 'AnyPrincipal' }]);
    expect(as(deny[2], 'Condition').values).toMatchObject([{ kind: 'Ref', entity: 'role', target: { text: 'Production/Deployer' } }]);
  });

  it('reads conditions with prefixed operators and several values', () => {
    const trust = as(role.members[3], 'Trust').body;
    const [tagKeys, ip] = clauses(trust).filter((c) => c.kind === 'Condition');
    expect(tagKeys).toMatchObject({ operator: { text: 'ForAnyValue:StringLike' }, key: { text: 'aws:TagKeys' } });
    expect(tagKeys?.values.map(t)).toEqual(['team', 'env*']);
    expect(ip?.values.map(t)).toEqual(['203.0.113.0/24', '198.51.100.0/24']);
  });

  it('reads references as resources', () => {
    const deploy = as(role.members[4], 'Inline');
    expect(as(clauses(deploy.body)[1], 'Resource').items).toMatchObject([
      { kind: 'Ref', entity: 'bucket', target: { text: 'Production/artifacts' } },
      { kind: 'Ref', entity: 'user', target: { text: 'Production/carol' } },
    ]);
  });
});

describe('buckets and resources', () => {
  it('reads bucket policies and tags', () => {
    const bucket = as(production?.members[9], 'Bucket');
    expect(bucket.members.map((m) => m.kind)).toEqual(['ResourcePolicy', 'Tags']);
    expect(clauses(as(bucket.members[0], 'ResourcePolicy').body).map((c) => c.kind)).toEqual([
      'Principal',
      'Action',
      'Resource',
      'Condition',
    ]);
    expect(as(production?.members[10], 'Bucket').members).toEqual([]);
  });

  it('reads resources named by ARN', () => {
    const queue = as(production?.members[11], 'Resource');
    expect(queue.arn.text).toBe('arn:aws:sqs:us-east-1:111111111111:jobs');
    expect(as(as(queue.members[0], 'ResourcePolicy').body, 'Json').value).toEqual({ Version: '2012-10-17', Statement: [] });
    expect(as(production?.members[12], 'Resource').members.map((m) => m.kind)).toEqual(['Tags']);
  });

  it('reads a one-line account', () => {
    expect(development?.members.map((m) => m.kind)).toEqual(['User', 'Role']);
    const trust = as(as(development?.members[1], 'Role').members[0], 'Trust');
    expect(trust.body).toMatchObject({ kind: 'PolicyFile', path: { text: 'trust.json' } });
  });
});

describe('statement layout', () => {
  it('ends a statement at the next allow/deny or "}", with an optional ";"', () => {
    const src = 'account A 1 { policy P { allow action a deny action b; allow resource c; } }';
    const policy = as(as(parseScenario(src, 'p.iam').items[0], 'Account').members[0], 'ManagedPolicy');
    expect(as(policy.body, 'Statements').statements.map((s) => [s.effect, s.clauses[0]?.kind])).toEqual([
      ['Allow', 'Action'],
      ['Deny', 'Action'],
      ['Allow', 'Resource'],
    ]);
  });

  it('accepts clauses in any order and an empty policy', () => {
    const src = 'account A 1 { policy P { allow resource r action a sid S } policy Q {} }';
    const [p, q] = as(parseScenario(src, 'p.iam').items[0], 'Account').members;
    expect(clauses(as(p, 'ManagedPolicy').body).map((c) => c.kind)).toEqual(['Resource', 'Action', 'Sid']);
    expect(as(as(q, 'ManagedPolicy').body, 'Statements').statements).toEqual([]);
  });
});
