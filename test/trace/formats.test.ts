// The formats agree with each other and with AWS's shapes: YAML is the JSON trace's content, the
// CloudTrail view has CloudTrail's fields for every kind of caller, --until prints YAML, and every
// format replays identically from an event log.
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { trailDate } from '../../src/trace/cloudtrail/elements.js';
import { runCli } from '../cli/run-cli.js';

const scenarios = readdirSync('scenarios')
  .filter((f) => f.endsWith('.iam'))
  .sort()
  .map((f) => `scenarios/${f}`);
const EXAMPLE = 'scenarios/cross-account.iam';

describe('--format yaml', () => {
  for (const file of scenarios) {
    it(`${file}: holds exactly the JSON trace's content`, async () => {
      const json = JSON.parse((await runCli(['--format', 'json', file])).stdout);
      const yaml = parse((await runCli(['--format', 'yaml', file])).stdout);
      expect(yaml).toEqual(json);
    });
  }
});

describe('--format cloudtrail', () => {
  it('writes one record per API call with CloudTrail field names, in CloudTrail order', async () => {
    const doc = JSON.parse((await runCli(['--format', 'cloudtrail', EXAMPLE])).stdout);
    expect(doc.Records).toHaveLength(7);
    const [assume, assumeInRoleAccount, put, denied, bob, whoami, expired] = doc.Records;
    expect(Object.keys(put)).toEqual([
      'eventVersion',
      'userIdentity',
      'eventTime',
      'eventSource',
      'eventName',
      'awsRegion',
      'sourceIPAddress',
      'userAgent',
      'requestParameters',
      'responseElements',
      'requestID',
      'eventID',
      'readOnly',
      'resources',
      'eventType',
      'managementEvent',
      'recipientAccountId',
      'eventCategory',
    ]);
    // alice (222222222222) assumes a role of 111111111111: each account receives the event
    expect(Object.keys(assume)).toEqual([...Object.keys(put).slice(0, -1), 'sharedEventID', 'eventCategory']);
    expect(assume.recipientAccountId).toBe('222222222222');
    expect(assumeInRoleAccount).toEqual({ ...assume, eventID: assumeInRoleAccount.eventID, recipientAccountId: '111111111111' });
    expect(assumeInRoleAccount.eventID).not.toBe(assume.eventID);
    expect(assumeInRoleAccount.sharedEventID).toBe(assume.sharedEventID);
    expect(denied).not.toHaveProperty('sharedEventID'); // a refused call goes to the caller's account only
    expect(assume).toMatchObject({
      eventSource: 'sts.amazonaws.com',
      eventName: 'AssumeRole',
      userIdentity: { type: 'IAMUser', arn: 'arn:aws:iam::222222222222:user/alice', accountId: '222222222222', userName: 'alice' },
      requestParameters: { roleArn: 'arn:aws:iam::111111111111:role/UpdateApp', roleSessionName: 'alice' },
      responseElements: {
        credentials: { expiration: 'Jan 1, 2026, 10:00:00 AM' },
        assumedRoleUser: { assumedRoleId: expect.stringMatching(/^AROA.*:alice$/) },
      },
      resources: [{ type: 'AWS::IAM::Role', ARN: 'arn:aws:iam::111111111111:role/UpdateApp' }],
      eventCategory: 'Management',
    });
    expect(assume.responseElements.credentials).not.toHaveProperty('secretAccessKey');
    expect(put.userIdentity).toMatchObject({
      type: 'AssumedRole',
      sessionContext: { sessionIssuer: { type: 'Role', userName: 'UpdateApp' }, attributes: { mfaAuthenticated: 'false' } },
    });
    expect(put).toMatchObject({
      eventCategory: 'Data',
      managementEvent: false,
      requestParameters: { bucketName: 'productionapp', key: 'app.zip' },
    });
    expect(Object.keys(denied).slice(7, 11)).toEqual(['userAgent', 'errorCode', 'errorMessage', 'requestParameters']);
    expect(denied).toMatchObject({ errorCode: 'AccessDenied', responseElements: null });
    expect(bob.errorMessage).toMatch(/^User: arn:aws:iam::222222222222:user\/bob is not authorized/);
    expect(whoami).toMatchObject({ eventName: 'GetCallerIdentity', requestParameters: null, responseElements: null, readOnly: true });
    expect(expired.errorCode).toBe('ExpiredToken');
    expect(new Set(doc.Records.map((r: { eventID: string }) => r.eventID)).size).toBe(7);
    expect(assume.eventID).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('leaves out calls the SDK never sent, and files a refused web-identity call in the role account', async () => {
    const doc = JSON.parse((await runCli(['--format', 'cloudtrail', 'scenarios/irsa-failures.iam'])).stdout);
    type Rec = { errorCode?: string; eventName: string; recipientAccountId: string; requestParameters: { roleArn?: string } | null };
    const records = doc.Records as Rec[];
    expect(records.some((r) => r.errorCode === 'CredentialsProviderError')).toBe(false);
    const refused = records.filter((r) => r.eventName === 'AssumeRoleWithWebIdentity' && r.errorCode === 'InvalidIdentityToken');
    expect(refused.length).toBeGreaterThan(0);
    for (const r of refused) expect(r.recipientAccountId).toBe(r.requestParameters?.roleArn?.split(':')[4]);
  });

  it('names every kind of caller as CloudTrail does', async () => {
    const types = new Set<string>();
    for (const file of scenarios) {
      const doc = JSON.parse((await runCli(['--format', 'cloudtrail', file])).stdout);
      for (const r of doc.Records) {
        types.add(r.userIdentity.type);
        if (r.userIdentity.type === 'AWSService') expect(r.sourceIPAddress).toBe(r.userIdentity.invokedBy);
        if (r.userIdentity.type === 'FederatedUser') expect(r.userIdentity.sessionContext.sessionIssuer.type).toMatch(/^(IAMUser|Root)$/);
        if (r.userIdentity.type === 'AWSAccount') expect(r.userIdentity.accountId).toBe('anonymous');
      }
    }
    expect([...types].sort()).toEqual(expect.arrayContaining(['AssumedRole', 'IAMUser']));
  });

  it('writes expirations as CloudTrail does, whatever the time zone', () => {
    expect(trailDate('2026-01-01T00:05:09Z')).toBe('Jan 1, 2026, 12:05:09 AM');
    expect(trailDate('2022-10-27T18:29:06Z')).toBe('Oct 27, 2022, 6:29:06 PM');
  });
});

describe('replay', () => {
  for (const format of ['markdown', 'mermaid', 'cloudtrail', 'yaml']) {
    it(`--format ${format} prints the same from the event log`, async () => {
      const log = join(mkdtempSync(join(tmpdir(), 'iamsim-')), 'run.jsonl');
      const original = await runCli(['--format', format, '--events', log, EXAMPLE]);
      const replayed = await runCli(['replay', log, '--format', format]);
      expect(replayed.stdout).toBe(original.stdout);
    });
  }
  it('--explain prints the same from the event log', async () => {
    const log = join(mkdtempSync(join(tmpdir(), 'iamsim-')), 'run.yaml');
    const original = await runCli(['--explain', '--events', log, EXAMPLE]);
    expect((await runCli(['replay', log, '--explain'])).stdout).toBe(original.stdout);
  });
});

describe('--until N', () => {
  it('prints the world after step N as YAML', async () => {
    const r = await runCli(['--until', '1', EXAMPLE]);
    const [, world] = r.stdout.split('\nWorld after step 1:\n');
    const doc = parse(world!);
    expect(Object.keys(doc)).toEqual(expect.arrayContaining(['scenario', 'iam', 'sts', 'resources']));
    expect(doc.scenario.kept).toEqual({ 'alice-update': expect.stringMatching(/^ASIA/) });
    expect(doc.scenario).not.toHaveProperty('lastCall');
  });
});
