// Narratives come from the call records alone and read naturally for every kind of caller and
// outcome, including kinds this version does not produce yet (a pod, say): no text per scenario.
import { describe, expect, it } from 'vitest';
import type { CallRecord, CallerRecord } from '../../src/engine/call-record.js';
import type { TraceStep } from '../../src/trace/model.js';
import type { Facts } from '../../src/trace/walkthrough/facts.js';
import { narrate } from '../../src/trace/walkthrough/narrative.js';

const facts: Facts = {
  accounts: new Map([
    ['111111111111', 'Production'],
    ['222222222222', 'Development'],
  ]),
  entities: new Map([
    ['arn:aws:iam::222222222222:user/alice', { kind: 'user', name: 'alice', account: '222222222222', id: 'AIDAALICE' }],
    ['arn:aws:s3:::reports', { kind: 'bucket', name: 'reports', account: '111111111111', id: null }],
  ]),
  sessions: new Map(),
  policies: [],
};
const plain = (t: string) => t;

function caller(
  kind: string,
  arn: string,
  account: string | null,
  label: string,
  credentials: CallerRecord['credentials'] = 'long-term',
): CallerRecord {
  return { kind, arn, account, credentials, accessKeyId: null, label } as CallerRecord;
}

function step(call: Partial<CallRecord> & { caller: CallerRecord }, kept: TraceStep['kept'] = []): TraceStep {
  const full: CallRecord = {
    action: 's3:GetObject',
    resource: 'arn:aws:s3:::reports/q1.csv',
    region: 'us-east-1',
    at: '2026-01-01T09:00:00Z',
    params: {},
    context: {},
    outcome: 'allowed',
    decision: 'Allow',
    error: null,
    response: null,
    evaluations: [],
    notes: [],
    ...call,
  };
  return { kind: 'step', index: 1, title: 't', at: full.at, line: null, call: full, notMade: null, expectations: [], kept };
}

const story = (s: TraceStep) => narrate(s, facts, plain).join(' ');

describe('narratives', () => {
  it('name every kind of caller', () => {
    expect(story(step({ caller: caller('iam-user', 'arn:aws:iam::222222222222:user/alice', '222222222222', 'user alice') }))).toMatch(
      /^IAM user alice of account Development, with a long-term access key, calls s3:GetObject on object q1\.csv in bucket reports\. AWS allows it without consulting any policy\.$/,
    );
    expect(story(step({ caller: caller('root', 'arn:aws:iam::111111111111:root', '111111111111', 'root user of Production') }))).toMatch(
      /^The root user of account Production calls/,
    );
    expect(
      story(
        step({
          caller: caller(
            'role-session',
            'arn:aws:sts::111111111111:assumed-role/Reader/bob',
            '111111111111',
            'credentials reader',
            'temporary',
          ),
        }),
      ),
    ).toMatch(/^Session bob of role Reader \(account Production\), using the credentials kept as reader, calls/);
    expect(
      story(
        step({
          caller: caller(
            'federated-user',
            'arn:aws:sts::111111111111:federated-user/visitor',
            '111111111111',
            'credentials v',
            'temporary',
          ),
        }),
      ),
    ).toMatch(/^Federated user visitor \(account Production\), using the credentials kept as v, calls/);
    expect(story(step({ caller: caller('anonymous', 'anonymous', null, 'anonymous (unsigned request)', 'none') }))).toMatch(
      /^An anonymous caller, with an unsigned request, calls/,
    );
    expect(
      story(step({ caller: caller('service', 'cloudtrail.amazonaws.com', null, 'service cloudtrail.amazonaws.com', 'none') })),
    ).toMatch(/^The AWS service cloudtrail\.amazonaws\.com calls/);
    expect(
      story(step({ caller: caller('pod', 'arn:aws:sts::111111111111:assumed-role/App/pod', '111111111111', 'pod shop/web', 'temporary') })),
    ).toMatch(/^Pod shop\/web \(arn:aws:sts::111111111111:assumed-role\/App\/pod\) calls/);
  });

  it('tell denials and errors apart, and say what was kept', () => {
    const alice = caller('iam-user', 'arn:aws:iam::222222222222:user/alice', '222222222222', 'user alice');
    const denied = story(
      step({ caller: alice, outcome: 'denied', decision: 'ExplicitDeny', error: { code: 'AccessDenied', message: 'no' } }),
    );
    expect(denied).toMatch(/AWS refuses it with an explicit deny\.$/);
    const expired = story(
      step({
        caller: alice,
        outcome: 'error',
        decision: null,
        error: { code: 'ExpiredToken', message: 'expired' },
        notes: ['the credentials expired at 10:00'],
      }),
    );
    expect(expired).toMatch(/It fails with ExpiredToken before any policy is consulted: the credentials expired at 10:00\.$/);
    const sts = step(
      {
        caller: alice,
        action: 'sts:AssumeRole',
        resource: 'arn:aws:iam::111111111111:role/Reader',
        params: { RoleArn: 'arn:aws:iam::111111111111:role/Reader', RoleSessionName: 'alice' },
        response: {
          Credentials: { AccessKeyId: 'ASIAEXAMPLE', Expiration: '2026-01-01T10:00:00Z' },
          AssumedRoleUser: { Arn: 'arn:aws:sts::111111111111:assumed-role/Reader/alice' },
        },
      },
      [{ name: 'reader', accessKeyId: 'ASIAEXAMPLE', reason: null }],
    );
    expect(story(sts)).toContain('asks STS for a session of arn:aws:iam::111111111111:role/Reader named alice (sts:AssumeRole)');
    expect(story(sts)).toContain(
      'STS returns temporary credentials ASIAEXAMPLE, for arn:aws:sts::111111111111:assumed-role/Reader/alice, valid until 2026-01-01T10:00:00Z.',
    );
    expect(story(sts)).toMatch(/The scenario keeps these credentials as reader \(ASIAEXAMPLE\) for later steps\.$/);
  });
});
