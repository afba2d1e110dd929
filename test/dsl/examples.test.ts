// The three examples of language.md, verbatim: they are the contract.
import { describe, expect, it } from 'vitest';
import { as, items, parseFixture, steps, t } from './helpers.js';

describe('example 1: cross-account delegation', () => {
  const file = parseFixture('valid/cross-account.iam');

  it('reads the scenario settings', () => {
    expect(file.items.map((i) => i.kind)).toEqual([
      'ScenarioTitle',
      'Clock',
      'Account',
      'Account',
      'Step',
      'Step',
      'Step',
      'Step',
      'Step',
      'Wait',
      'Step',
    ]);
    const title = as(file.items[0], 'ScenarioTitle');
    expect(title.title).toMatchObject({ text: 'Delegate access across accounts with an IAM role', quoted: true });
    expect(title.loc).toEqual({ line: 2, col: 1, offset: 96 });
    expect(t(as(file.items[1], 'Clock').time)).toBe('2026-01-01T09:00:00Z');
    expect(t(as(file.items[9], 'Wait').duration)).toBe('1h');
  });

  it('reads the role with its trust policy and inline policy', () => {
    const [production, development] = items(file, 'Account');
    expect(t(production?.name)).toBe('Production');
    expect(t(production?.id)).toBe('111111111111');
    expect(production?.members.map((m) => m.kind)).toEqual(['Bucket', 'Role']);
    const role = as(production?.members[1], 'Role');
    expect(role.members.map((m) => m.kind)).toEqual(['MaxSessionDuration', 'Trust', 'Inline']);
    expect(t(as(role.members[0], 'MaxSessionDuration').duration)).toBe('1h');

    const trust = as(as(role.members[1], 'Trust').body, 'Statements');
    expect(trust.statements).toHaveLength(1);
    const [principal, action] = trust.statements[0]?.clauses ?? [];
    expect(as(principal, 'Principal').items).toEqual([
      expect.objectContaining({
        kind: 'Ref',
        entity: 'account',
        target: expect.objectContaining({ text: 'Development' }),
      }),
    ]);
    expect(as(action, 'Action').items.map(t)).toEqual(['sts:AssumeRole']);
    expect(trust.statements[0]?.loc).toEqual({ line: 11, col: 7, offset: 307 });

    const inline = as(role.members[2], 'Inline');
    expect(t(inline.name)).toBe('UpdateAppAccess');
    const body = as(inline.body, 'Statements');
    expect(body.statements.map((s) => s.effect)).toEqual(['Allow', 'Allow']);
    expect(as(body.statements[1]?.clauses[0], 'Action').items.map(t)).toEqual(['s3:GetObject', 's3:PutObject']);
    expect(as(body.statements[1]?.clauses[1], 'Resource').items.map(t)).toEqual(['arn:aws:s3:::productionapp/*']);

    const group = as(development?.members[0], 'Group');
    const resource = as(as(as(group.members[0], 'Inline').body, 'Statements').statements[0]?.clauses[1], 'Resource');
    expect(resource.items[0]).toMatchObject({ kind: 'Ref', entity: 'role', target: { text: 'Production/UpdateApp' } });
    const alice = as(development?.members[1], 'User');
    expect(alice.members).toMatchObject([{ kind: 'Groups', groups: [{ text: 'Developers' }] }]);
    expect(as(development?.members[2], 'User').members).toEqual([]);
  });

  it('reads the steps', () => {
    const [first, second, , fourth, fifth] = steps(file);
    expect(t(first?.title)).toBe('Alice switches to the UpdateApp role');
    expect(first?.members.map((m) => m.kind)).toEqual(['As', 'Call', 'ExpectOutcome', 'Keep']);
    expect(as(as(first?.members[0], 'As').subject, 'UserSubject').user.text).toBe('Development/alice');
    const call = as(first?.members[1], 'Call');
    expect(t(call.action)).toBe('sts:AssumeRole');
    expect(call.params?.map((e) => e.key.text)).toEqual(['RoleArn', 'RoleSessionName']);
    expect(call.params?.[0]?.value).toMatchObject({ kind: 'Ref', entity: 'role', target: { text: 'Production/UpdateApp' } });
    expect(call.params?.[1]?.value).toMatchObject({ kind: 'Text', text: 'alice', quoted: false });
    expect(call.context).toBeNull();
    expect(as(first?.members[3], 'Keep').name.text).toBe('alice-update');

    expect(as(as(second?.members[0], 'As').subject, 'KeptSubject').name.text).toBe('alice-update');
    expect(t(as(second?.members[1], 'Call').resource)).toBe('arn:aws:s3:::productionapp/app.zip');
    expect(as(second?.members[1], 'Call').params).toBeNull();

    const bob = as(fourth?.members[1], 'Call');
    expect(bob.params?.map((e) => [e.key.text, t(e.value)])).toEqual([
      ['RoleArn', 'Production/UpdateApp'],
      ['RoleSessionName', 'bob'],
    ]);
    expect(as(fourth?.members[2], 'ExpectError').code.text).toBe('AccessDenied');

    const response = as(fifth?.members[2], 'ExpectResponse');
    expect(response.path.text).toBe('Arn');
    expect(response.value).toMatchObject({ text: 'arn:aws:sts::111111111111:assumed-role/UpdateApp/alice', quoted: true });
  });
});

describe('example 2: IRSA', () => {
  const file = parseFixture('valid/irsa.iam');
  const production = items(file, 'Account')[0];

  it('reads the cluster', () => {
    const cluster = as(production?.members[0], 'Cluster');
    expect(cluster.members.map((m) => m.kind)).toEqual(['Region', 'OidcIssuerId', 'Namespace']);
    expect(as(cluster.members[1], 'OidcIssuerId').id.text).toBe('EXAMPLED539D4633E53DE1B71EXAMPLE');
    const shop = as(cluster.members[2], 'Namespace');
    expect(shop.members.map((m) => [m.kind, m.name.text])).toEqual([
      ['ServiceAccount', 'reader'],
      ['ServiceAccount', 'writer'],
      ['Pod', 'catalog'],
      ['Pod', 'uploader'],
    ]);
    const reader = as(shop.members[0], 'ServiceAccount');
    expect(reader.annotations).toHaveLength(1);
    expect(reader.annotations[0]?.key.text).toBe('eks.amazonaws.com/role-arn');
    expect(reader.annotations[0]?.value).toMatchObject({ kind: 'Ref', entity: 'role', target: { text: 'Production/s3-reader' } });
    expect(as(shop.members[1], 'ServiceAccount').annotations).toEqual([]);
    expect(as(shop.members[2], 'Pod').serviceAccount?.text).toBe('reader');
  });

  it('reads the OIDC provider and the federated trust', () => {
    const provider = as(production?.members[1], 'OidcProvider');
    expect(provider.source).toMatchObject({ kind: 'OidcProviderForCluster', cluster: { text: 'demo' } });
    expect(provider.members).toEqual([]);

    const role = as(production?.members[2], 'Role');
    const trust = as(as(role.members[0], 'Trust').body, 'Statements');
    const clauses = trust.statements[0]?.clauses ?? [];
    expect(clauses.map((c) => c.kind)).toEqual(['Principal', 'Action', 'Condition', 'Condition']);
    const federated = as(clauses[0], 'Principal').items[0];
    expect(federated).toMatchObject({ kind: 'FederatedPrincipal', target: { kind: 'OidcProviderForCluster' } });
    const sub = as(clauses[2], 'Condition');
    expect(sub.operator.text).toBe('StringEquals');
    expect(sub.key.text).toBe('oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE:sub');
    expect(sub.values.map(t)).toEqual(['system:serviceaccount:shop:reader']);
    expect(as(clauses[3], 'Condition').values.map(t)).toEqual(['sts.amazonaws.com']);
  });

  it('reads pod subjects and env/file values', () => {
    const [first, second, third] = steps(file);
    expect(as(as(first?.members[0], 'As').subject, 'PodSubject').path.text).toBe('Production/demo/shop/catalog');
    expect(t(as(first?.members[1], 'Call').resource)).toBe('*');
    const params = as(second?.members[1], 'Call').params ?? [];
    expect(params.map((e) => e.value.kind)).toEqual(['Env', 'Text', 'FileVar']);
    expect(params[0]?.value).toMatchObject({ kind: 'Env', name: { text: 'AWS_ROLE_ARN' } });
    expect(params[2]?.value).toMatchObject({ kind: 'FileVar', name: { text: 'AWS_WEB_IDENTITY_TOKEN_FILE' } });
    expect(as(second?.members[2], 'ExpectResponse').path.text).toBe('SubjectFromWebIdentityToken');
    expect(as(third?.members[2], 'ExpectError').code.text).toBe('CredentialsProviderError');
  });
});

describe('example 3: STS basics', () => {
  const file = parseFixture('valid/sts-basics.iam');

  it('reads the MFA device and the access key', () => {
    const alice = as(items(file, 'Account')[0]?.members[0], 'User');
    expect(alice.members).toEqual([
      expect.objectContaining({
        kind: 'MfaDevice',
        name: expect.objectContaining({ text: 'alice-phone' }),
        code: expect.objectContaining({ text: '123456' }),
      }),
      expect.objectContaining({ kind: 'AccessKey' }),
      expect.objectContaining({ kind: 'Inline', name: expect.objectContaining({ text: 'LookUpKeys' }) }),
    ]);
  });

  it('reads mfa references, quoted codes, numbers and credentials values', () => {
    const [first, second, third] = steps(file);
    const params = as(first?.members[1], 'Call').params ?? [];
    expect(params[0]?.value).toMatchObject({ kind: 'Ref', entity: 'mfa', target: { text: 'Development/alice-phone' } });
    expect(params[1]?.value).toMatchObject({ kind: 'Text', text: '123456', quoted: true });
    expect(params[2]?.value).toMatchObject({ kind: 'Text', text: '3600', quoted: false });
    expect(as(second?.members[1], 'Call').params?.map((e) => e.key.text)).toEqual(['SerialNumber', 'TokenCode']);
    expect(third?.members[0]).toMatchObject({ kind: 'As', subject: { kind: 'UserSubject', user: { text: 'Development/alice' } } });
    const info = as(third?.members[1], 'Call').params?.[0];
    expect(info?.value).toMatchObject({ kind: 'Credentials', name: { text: 'alice-mfa' } });
    expect(as(third?.members[2], 'ExpectResponse').value).toMatchObject({ text: '222222222222', quoted: true });
  });
});
