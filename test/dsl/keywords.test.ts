// Contextual keywords: a keyword is an ordinary word, a name wherever that is unambiguous; a
// quoted string is never a keyword.
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/dsl/parse.js';
import { as, items, parseFixture, steps, t } from './helpers.js';

describe('keywords used as names', () => {
  const file = parseFixture('valid/keywords-as-names.iam');
  const account = items(file, 'Account')[0];

  it('names a scenario, an account, users, groups, roles, buckets and policies with keywords', () => {
    expect(t(as(file.items[0], 'ScenarioTitle').title)).toBe('step');
    expect(t(as(file.items[1], 'Clock').time)).toBe('clock');
    expect(account?.name.text).toBe('account');
    expect(account?.members.map((m) => [m.kind, 'name' in m ? m.name.text : null])).toEqual([
      ['User', 'role'],
      ['User', 'allow'],
      ['Group', 'group'],
      ['Role', 'user'],
      ['Bucket', 'policy'],
      ['ManagedPolicy', 'policy'],
      ['Cluster', 'namespace'],
    ]);
  });

  it('reads quoted keywords as values', () => {
    const bucket = as(account?.members[4], 'Bucket');
    const [principal, action, resource] = as(as(bucket.members[0], 'ResourcePolicy').body, 'Statements').statements[0]?.clauses ?? [];
    expect(as(principal, 'Principal').items).toMatchObject([{ kind: 'AnyPrincipal' }]);
    expect(as(action, 'Action').items).toMatchObject([{ text: 'allow', quoted: true }]);
    expect(as(resource, 'Resource').items).toMatchObject([{ text: 'resource', quoted: true }]);
  });

  it('names pods, service accounts and namespaces with keywords', () => {
    const cluster = as(account?.members[6], 'Cluster');
    const ns = as(cluster.members[0], 'Namespace');
    expect(ns.name.text).toBe('pod');
    expect(ns.members.map((m) => [m.kind, m.name.text])).toEqual([
      ['Pod', 'service-account'],
      ['ServiceAccount', 'annotation'],
    ]);
    expect(as(ns.members[0], 'Pod').serviceAccount?.text).toBe('pod');
  });

  it('uses keywords as step titles, actions, parameter values and kept names', () => {
    const [first, second] = steps(file);
    expect(first?.title).toMatchObject({ text: 'step', quoted: false });
    expect(as(as(first?.members[0], 'As').subject, 'KeptSubject').name).toMatchObject({ text: 'user', quoted: true });
    const call = as(first?.members[1], 'Call');
    expect(call.action.text).toBe('call');
    expect(call.resource).toMatchObject({ kind: 'Text', text: 'role', quoted: true });
    expect(call.params?.map((e) => [e.key.text, e.value.kind, t(e.value)])).toEqual([
      ['RoleSessionName', 'Text', 'role'],
      ['RoleArn', 'Text', 'user'],
      ['Other', 'Text', 'expect'],
    ]);
    expect(as(first?.members[2], 'ExpectResponse')).toMatchObject({ path: { text: 'expect' }, value: { text: 'allow' } });
    expect(as(first?.members[3], 'Keep').name.text).toBe('as');
    expect(as(as(second?.members[0], 'As').subject, 'KeptSubject').name.text).toBe('as');
    expect(as(second?.members[1], 'ExpectDeniedBy').name).toMatchObject({ text: 'keep', quoted: true });
  });
});

describe('where a keyword would be ambiguous, it keeps its meaning', () => {
  it('reads `as anonymous` as the anonymous subject, `as "anonymous"` as a kept name', () => {
    const file = parseScenario('step a { as anonymous } step b { as "anonymous" }', 'k.iam');
    const [a, b] = steps(file);
    expect(as(a?.members[0], 'As').subject.kind).toBe('AnonymousSubject');
    expect(as(as(b?.members[0], 'As').subject, 'KeptSubject').name.text).toBe('anonymous');
  });

  it('reads a reference keyword before a name as a reference, and a quoted one as a name', () => {
    const file = parseScenario('account A 1 { user u { attach policy access-key; attach "policy"; access-key } }', 'k.iam');
    const user = as(items(file, 'Account')[0]?.members[0], 'User');
    expect(user.members.map((m) => m.kind)).toEqual(['Attach', 'Attach', 'AccessKey']);
    expect(as(user.members[0], 'Attach').policies).toMatchObject([{ kind: 'Ref', entity: 'policy', target: { text: 'access-key' } }]);
    expect(as(user.members[1], 'Attach').policies).toMatchObject([{ kind: 'Text', text: 'policy' }]);
  });

  it('reads `oidc-provider for cluster X` as the cluster form and `oidc-provider "for"` as a URL', () => {
    const file = parseScenario('oidc-provider for cluster c\noidc-provider "for"', 'k.iam');
    const [a, b] = items(file, 'OidcProvider');
    expect(a?.source.kind).toBe('OidcProviderForCluster');
    expect(b?.source).toMatchObject({ kind: 'Text', text: 'for' });
  });

  it('reads a member keyword after `ou NAME` as the next member, not as the OU id', () => {
    const org = as(parseScenario('organization { ou Dev account A; ou Ops ou-1 }', 'k.iam').items[0], 'Organization');
    expect(org.members.map((m) => m.kind)).toEqual(['Ou', 'OrgAccounts', 'Ou']);
    expect(as(org.members[0], 'Ou').id).toBeNull();
    expect(as(org.members[2], 'Ou').id?.text).toBe('ou-1');
  });

  it('ends an optional denied-by name before the next step member', () => {
    const step = steps(parseScenario('step s { expect denied by scp keep credentials as k }', 'k.iam'))[0];
    expect(step?.members.map((m) => m.kind)).toEqual(['ExpectDeniedBy', 'Keep']);
  });
});
