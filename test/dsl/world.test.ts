// World items: settings, organizations, EKS/OIDC, and what accounts hold.
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/dsl/parse.js';
import { as, items, parseFixture, t } from './helpers.js';

describe('scenario settings', () => {
  const file = parseFixture('valid/organizations.iam');

  it('reads a triple-quoted description without its common indentation', () => {
    const description = items(file, 'Description')[0];
    expect(description?.text).toMatchObject({
      text: 'SCPs at the root, on an OU and on one account.\n  An RCP on the sandbox OU.',
      quoted: true,
    });
  });

  it('reads region and a description given as a plain string', () => {
    expect(t(items(file, 'Region')[0]?.name)).toBe('eu-west-1');
    const plain = parseScenario('description "short"', 'x.iam');
    expect(as(plain.items[0], 'Description').text).toMatchObject({ text: 'short', quoted: true });
  });

  it('reads accounts without a block', () => {
    expect(items(file, 'Account').map((a) => [a.name.text, a.id.text, a.members.length])).toEqual([
      ['Management', '999999999999', 0],
      ['Production', '111111111111', 0],
      ['Sandbox', '333333333333', 0],
      ['Shared', '444444444444', 0],
      ['Outsider', '555555555555', 0],
    ]);
  });
});

describe('organizations', () => {
  const org = items(parseFixture('valid/organizations.iam'), 'Organization')[0];

  it('reads the id, the management account, account lists and root policies', () => {
    expect(org?.id?.text).toBe('o-a1b2c3d4e5');
    expect(org?.members.map((m) => m.kind)).toEqual(['Management', 'OrgAccounts', 'Scp', 'Ou', 'Ou', 'Ou', 'Rcp']);
    expect(as(org?.members[0], 'Management').account.text).toBe('Management');
    expect(as(org?.members[1], 'OrgAccounts').accounts.map(t)).toEqual(['Shared', 'Management']);
    const scp = as(org?.members[2], 'Scp');
    expect(scp.name.text).toBe('DenyLeaveOrg');
    expect(as(scp.body, 'Statements').statements[0]?.effect).toBe('Deny');
    const rcp = as(org?.members[6], 'Rcp');
    const conditions = as(rcp.body, 'Statements').statements[0]?.clauses.filter((c) => c.kind === 'Condition');
    expect(conditions?.map((c) => [c.operator.text, c.key.text, c.values.map(t)])).toEqual([
      ['StringNotEqualsIfExists', 'aws:PrincipalOrgID', ['o-a1b2c3d4e5']],
      ['BoolIfExists', 'aws:PrincipalIsAWSService', ['false']],
    ]);
  });

  it('reads nested OUs with ids, account blocks, json and file policies, detach', () => {
    const workloads = as(org?.members[3], 'Ou');
    expect(workloads.name.text).toBe('Workloads');
    expect(workloads.id?.text).toBe('ou-ab12-11111111');
    expect(workloads.members.map((m) => m.kind)).toEqual(['OrgAccounts', 'Scp', 'Ou']);
    const regionLock = as(workloads.members[1], 'Scp');
    const json = as(regionLock.body, 'Json');
    expect(json.value).toMatchObject({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', NotAction: ['iam:*', 'sts:*'] }] });
    expect(json.raw.startsWith('{\n      "Version"')).toBe(true);
    expect(json.loc.line).toBe(26);
    expect(json.loc.col).toBe(25);

    const sandbox = as(workloads.members[2], 'Ou');
    expect(sandbox.id).toBeNull();
    expect(sandbox.members.map((m) => m.kind)).toEqual(['OrgAccount', 'Rcp', 'Detach']);
    const account = as(sandbox.members[0], 'OrgAccount');
    expect(account.account.text).toBe('Sandbox');
    expect(account.members.map((m) => [m.kind, m.name.text])).toEqual([
      ['Scp', 'DenyLeaveOrg'],
      ['Detach', 'FullAWSAccess'],
      ['Scp', 'SandboxOnly'],
    ]);
    expect(as(account.members[0], 'Scp').body).toBeNull();
    const rcp = as(sandbox.members[1], 'Rcp');
    expect(rcp.body).toMatchObject({ kind: 'PolicyFile', path: { text: 'policies/no-public.json', quoted: true } });
    expect(as(sandbox.members[2], 'Detach').name.text).toBe('RCPFullAWSAccess');

    const empty = as(org?.members[4], 'Ou');
    expect([empty.name.text, empty.id, empty.members]).toEqual(['Empty', null, []]);
    const legacy = as(org?.members[5], 'Ou');
    expect([legacy.name.text, legacy.id?.text]).toEqual(['Legacy Apps', 'ou-ab12-22222222']);
  });

  it('accepts an organization without an id', () => {
    const file = parseScenario('organization { management A; account B, C; ou X { account D } }', 'o.iam');
    const o = as(file.items[0], 'Organization');
    expect(o.id).toBeNull();
    expect(o.members.map((m) => m.kind)).toEqual(['Management', 'OrgAccounts', 'Ou']);
  });
});

describe('EKS and OIDC', () => {
  const file = parseFixture('valid/eks-oidc.iam');
  const tooling = items(file, 'Account')[0];

  it('reads issuers at the top and in accounts', () => {
    const issuer = items(file, 'OidcIssuer')[0];
    expect([issuer?.name.text, issuer?.url.text]).toEqual(['ci', 'https://token.actions.githubusercontent.com']);
    const inner = as(tooling?.members[0], 'OidcIssuer');
    expect(inner.url).toMatchObject({ text: 'https://gitlab.example.com', quoted: true });
  });

  it('reads oidc-provider URL with client-ids and thumbprints', () => {
    const provider = as(tooling?.members[1], 'OidcProvider');
    expect(provider.source).toMatchObject({ kind: 'Text', text: 'https://token.actions.githubusercontent.com' });
    expect(provider.members).toEqual([
      expect.objectContaining({
        kind: 'ClientIds',
        ids: [expect.objectContaining({ text: 'sts.amazonaws.com' }), expect.objectContaining({ text: 'https://github.com/example' })],
      }),
      expect.objectContaining({
        kind: 'Thumbprints',
        thumbprints: [expect.objectContaining({ text: '6938fd4d98bab03faadb97b34396831e3780aea1' })],
      }),
    ]);
    expect(as(tooling?.members[2], 'OidcProvider').members).toEqual([]);
  });

  it('reads oidc-provider for cluster, with and without a block', () => {
    const withBlock = as(tooling?.members[5], 'OidcProvider');
    expect(withBlock.source).toMatchObject({ kind: 'OidcProviderForCluster', cluster: { text: 'build' } });
    expect(withBlock.members.map((m) => m.kind)).toEqual(['ClientIds']);
    expect(withBlock.loc).toEqual(withBlock.source.loc);
    expect(as(tooling?.members[6], 'OidcProvider').source).toMatchObject({ cluster: { text: 'tiny' } });
  });

  it('reads clusters, namespaces, service accounts and pods', () => {
    const build = as(tooling?.members[3], 'Cluster');
    expect(build.members.map((m) => m.kind)).toEqual(['Region', 'OidcIssuerId', 'Namespace', 'Namespace']);
    expect(as(build.members[0], 'Region').name.text).toBe('us-west-2');
    const ci = as(build.members[2], 'Namespace');
    expect(ci.members.map((m) => `${m.kind} ${m.name.text}`)).toEqual([
      'ServiceAccount runner',
      'ServiceAccount default',
      'Pod runner-0',
      'Pod idle',
      'Pod bare',
    ]);
    const runner = as(ci.members[0], 'ServiceAccount');
    expect(runner.annotations.map((a) => [a.key.text, a.key.quoted, a.value.kind])).toEqual([
      ['eks.amazonaws.com/role-arn', false, 'Ref'],
      ['example.com/team', true, 'Text'],
    ]);
    expect(ci.members.slice(2).map((p) => as(p, 'Pod').serviceAccount?.text ?? null)).toEqual(['runner', null, null]);
    expect(as(build.members[3], 'Namespace').members).toEqual([]);
    expect(as(tooling?.members[4], 'Cluster').members).toEqual([]);
  });

  it('reads federated principals and a condition key written with a colon', () => {
    const role = as(tooling?.members[7], 'Role');
    const [first, second] = as(as(role.members[0], 'Trust').body, 'Statements').statements;
    expect(as(first?.clauses[0], 'Principal').items[0]).toMatchObject({
      kind: 'FederatedPrincipal',
      target: { kind: 'OidcProviderForCluster', cluster: { text: 'build' } },
    });
    expect(as(second?.clauses[0], 'Principal').items[0]).toMatchObject({
      kind: 'FederatedPrincipal',
      target: { kind: 'Text', text: 'arn:aws:iam::777777777777:oidc-provider/token.actions.githubusercontent.com' },
    });
    const [like, equals] = (second?.clauses ?? []).filter((c) => c.kind === 'Condition');
    expect(like?.values.map(t)).toEqual(['repo:example/app:*', 'repo:example/lib:*']);
    expect(equals?.key.text).toBe('token.actions.githubusercontent.com:aud');
  });
});
