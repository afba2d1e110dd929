// Steps: every subject form, call parts, parameter values and every expectation form.
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/dsl/parse.js';
import { as, items, parseFixture, steps, t } from './helpers.js';

const file = parseFixture('valid/steps.iam');
const all = steps(file);
const step = (title: string) => {
  const found = all.find((s) => s.title.text === title);
  expect(found, title).toBeDefined();
  return found!;
};

describe('world items on one line', () => {
  it('reads settings separated by ";"', () => {
    expect(file.items.slice(0, 4).map((i) => i.kind)).toEqual(['ScenarioTitle', 'Clock', 'Region', 'Account']);
    expect(items(file, 'Wait').map((w) => w.duration.text)).toEqual(['90s', '15m', '1d']);
  });

  it('reads a whole step on one line', () => {
    const one = step('One line');
    expect(one.members.map((m) => m.kind)).toEqual(['As', 'Call', 'ExpectOutcome', 'Keep']);
    expect(one.loc).toEqual({ line: 6, col: 1, offset: expect.any(Number) });
    expect(one.members[1]?.loc).toMatchObject({ line: 6, col: 43 });
  });
});

describe('subjects', () => {
  const subject = (title: string) => as(step(title).members[0], 'As').subject;

  it('reads user, kept, root, anonymous and pod subjects', () => {
    expect(as(subject('One line'), 'UserSubject').user.text).toBe('Production/ops');
    expect(as(subject('Kept credentials, a region and a resource'), 'KeptSubject').name.text).toBe('ops-creds');
    expect(as(subject('Root'), 'RootSubject').account.text).toBe('Production');
    expect(subject('Anonymous').kind).toBe('AnonymousSubject');
    expect(as(subject('A pod'), 'PodSubject').path.text).toBe('Production/build/ci/runner-0');
  });

  it('reads service subjects with source account and ARN in either order', () => {
    expect(subject('A service')).toMatchObject({
      kind: 'ServiceSubject',
      service: { text: 'cloudtrail.amazonaws.com' },
      sourceAccount: { text: '111111111111' },
      sourceArn: { text: 'arn:aws:cloudtrail:us-east-1:111111111111:trail/main' },
    });
    expect(subject('Service, arn first')).toMatchObject({
      sourceAccount: { text: '111111111111' },
      sourceArn: { text: 'arn:aws:logs:us-east-1:111111111111:*', quoted: true },
    });
    expect(subject('A plain service')).toMatchObject({ sourceAccount: null, sourceArn: null });
  });
});

describe('calls', () => {
  it('reads a step region and a call resource', () => {
    const s = step('Kept credentials, a region and a resource');
    expect(as(s.members[1], 'Region').name.text).toBe('eu-west-1');
    const call = as(s.members[2], 'Call');
    expect([call.action.text, t(call.resource), call.params, call.context]).toEqual([
      's3:GetObject',
      'arn:aws:s3:::bucket/key.txt',
      null,
      null,
    ]);
    expect(as(step('Anonymous').members[1], 'Call').resource).toMatchObject({ kind: 'Ref', entity: 'bucket' });
  });

  it('reads every kind of parameter value, separated by ",", ";" or nothing', () => {
    const call = as(step('Parameters and context').members[1], 'Call');
    const params = Object.fromEntries((call.params ?? []).map((e) => [e.key.text, e.value]));
    expect(Object.keys(params)).toEqual([
      'RoleArn',
      'RoleSessionName',
      'DurationSeconds',
      'SerialNumber',
      'TokenCode',
      'Policy',
      'Tags',
      'TransitiveTagKeys',
      'PolicyArns',
      'ExternalId',
      'Count',
      'Empty',
      'Odd Key',
    ]);
    expect(params['RoleArn']).toMatchObject({ kind: 'Ref', entity: 'role' });
    expect(params['DurationSeconds']).toMatchObject({ kind: 'Text', text: '3600', quoted: false });
    expect(params['SerialNumber']).toMatchObject({ kind: 'Ref', entity: 'mfa', target: { text: 'Production/ops-phone' } });
    expect(params['Policy']).toMatchObject({ kind: 'Json', value: { Version: '2012-10-17' } });
    expect(params['Tags']).toMatchObject({ kind: 'Json', value: [{ Key: 'project', Value: 'blue' }] });
    expect(params['TransitiveTagKeys']).toMatchObject({ kind: 'List', items: [{ text: 'project' }, { text: 'team' }] });
    expect(params['PolicyArns']).toMatchObject({
      kind: 'List',
      items: [
        { kind: 'Ref', entity: 'policy' },
        { kind: 'Text', text: 'arn:aws:iam::aws:policy/ReadOnlyAccess' },
      ],
    });
    expect(params['ExternalId']).toMatchObject({ kind: 'Json', value: 'quoted', raw: '"quoted"' });
    expect(params['Count']).toMatchObject({ kind: 'Json', value: 5, raw: '5' });
    expect(params['Empty']).toMatchObject({ kind: 'List', items: [] });
    expect(params['Odd Key']).toMatchObject({ kind: 'Text', text: 'value' });
  });

  it('reads a context block with lists', () => {
    const call = as(step('Parameters and context').members[1], 'Call');
    expect(call.context?.map((e) => e.key.text)).toEqual(['aws:SourceIp', 'aws:TagKeys', 'aws:SecureTransport', 'aws:CurrentTime']);
    expect(call.context?.[1]?.value).toMatchObject({ kind: 'List', items: [{ text: 'team' }, { text: 'env' }] });
    expect(call.context?.[2]?.value).toMatchObject({ text: 'false', quoted: false });
  });

  it('reads env and file values and an empty parameter block', () => {
    const call = as(step('Pod environment').members[1], 'Call');
    expect(call.params?.map((e) => e.value.kind)).toEqual(['Env', 'FileVar', 'Text']);
    const empty = as(parseScenario('step s { call x {} context {} }', 's.iam').items[0], 'Step');
    expect(as(empty.members[0], 'Call')).toMatchObject({ params: [], context: [] });
  });
});

describe('expectations', () => {
  it('reads the four outcomes', () => {
    const outcomes = all.flatMap((s) => s.members.filter((m) => m.kind === 'ExpectOutcome').map((m) => m.outcome));
    expect(new Set(outcomes)).toEqual(new Set(['allowed', 'denied', 'explicit-deny', 'implicit-deny']));
  });

  it('reads expect error', () => {
    const e = as(step('A pod').members[2], 'ExpectError');
    expect(e.code.text).toBe('CredentialsProviderError');
    expect(e).not.toHaveProperty('message');
  });

  it('reads expect error CODE message TEXT and message contains TEXT', () => {
    const [exact, contains, word, quoted] = steps(
      parseScenario(
        `step s {
  expect error AccessDenied message "Roles may not be assumed by root accounts."
  expect error AccessDenied message contains "root accounts"
  expect error ValidationError message contains maxSessionDuration
  expect error AccessDenied message "contains"
}`,
        'm.iam',
      ),
    )[0]!.members.map((m) => as(m, 'ExpectError'));
    expect(exact?.message).toMatchObject({ match: 'exact', text: { text: 'Roles may not be assumed by root accounts.', quoted: true } });
    expect(exact?.message?.loc).toMatchObject({ line: 2, col: 29 });
    expect(contains?.message).toMatchObject({ match: 'contains', text: { text: 'root accounts' } });
    expect(word?.message).toMatchObject({ match: 'contains', text: { text: 'maxSessionDuration', quoted: false } });
    expect(quoted?.message).toMatchObject({ match: 'exact', text: { text: 'contains', quoted: true } });
  });

  it('reads expect denied by KIND [NAME] for every kind', () => {
    const deniedBy = all.flatMap((s) => s.members.filter((m) => m.kind === 'ExpectDeniedBy').map((m) => [m.by.text, m.name?.text ?? null]));
    expect(deniedBy).toEqual([
      ['rcp', 'RCPFullAWSAccess'],
      ['resource', null],
      ['scp', 'DenyLeaveOrg'],
      ['session-policy', null],
      ['trust', null],
      ['boundary', null],
      ['identity', 'Home'],
      ['scp', 'Deny All'],
    ]);
  });

  it('reads expect response with any value', () => {
    const responses = all.flatMap((s) => s.members.filter((m) => m.kind === 'ExpectResponse'));
    expect(responses.map((r) => [r.path.text, r.value.kind])).toEqual([
      ['AssumedRoleUser.Arn', 'Text'],
      ['PackedPolicySize', 'Text'],
      ['Credentials.AccessKeyId', 'Credentials'],
      ['Provider', 'OidcProviderForCluster'],
    ]);
  });

  it('reads keep credentials as NAME', () => {
    expect(as(step('One line').members[3], 'Keep').name.text).toBe('ops-creds');
  });
});
