// A service principal acting for a resource: the keys of that source resource in the request
// context — aws:SourceAccount, aws:SourceArn, and aws:SourceOrgID / aws:SourceOrgPaths when the
// source account is in the organization (IAM User Guide "AWS global condition context keys",
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html; "The
// confused deputy problem", https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html).
import { describe, expect, it } from 'vitest';
import type { CallerRef } from '../../src/engine/call/command.js';
import type { CallRecord } from '../../src/engine/call-record.js';
import type { AnyCommand, AnyEvent } from '../../src/engine/events.js';
import { account, call, DEV, given, PROD, start, when } from './given.js';

const OUT = '444455556666';
const TOPIC = `arn:aws:sns:us-east-1:${PROD}:uploads`;

// The Amazon S3 User Guide's topic policy for event notifications ("Walkthrough: Configuring a
// bucket for notifications (SNS topic or SQS queue)").
const topicPolicy = {
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Principal: { Service: 's3.amazonaws.com' },
      Action: ['SNS:Publish'],
      Resource: TOPIC,
      Condition: { ArnLike: { 'aws:SourceArn': 'arn:aws:s3:*:*:acme-uploads' }, StringEquals: { 'aws:SourceAccount': PROD } },
    },
  ],
};

const base: AnyCommand[] = [
  start(),
  account(PROD, 'Acme'),
  account(DEV, 'Logs'),
  account(OUT, 'Mallory'),
  { type: 'RegisterResource', data: { arn: TOPIC, account: PROD } },
  { type: 'PutResourcePolicy', data: { arn: TOPIC, document: topicPolicy } },
  { type: 'CreateBucket', data: { name: 'mallory-uploads', arn: 'arn:aws:s3:::mallory-uploads', account: OUT } },
];

const org: AnyCommand[] = [
  { type: 'CreateOrganization', data: { id: 'o-a1b2c3d4e5', rootId: 'r-ab12', managementAccount: DEV } },
  { type: 'CreateOrganizationalUnit', data: { id: 'ou-ab12-11111111', name: 'Workloads', parent: [] } },
  { type: 'AddAccountToOrganization', data: { account: DEV, parent: [] } },
  { type: 'AddAccountToOrganization', data: { account: PROD, parent: ['Workloads'] } },
];

const s3 = (sourceAccount: string | null, sourceArn: string | null): CallerRef => ({
  kind: 'service',
  service: 's3.amazonaws.com',
  sourceAccount,
  sourceArn,
});
const publish = (caller: CallerRef) => call(caller, 'sns:Publish', {}, TOPIC);
const callOf = (events: AnyEvent[]) => (events[0]?.data as { call: CallRecord }).call;
const SOURCE_KEYS = ['aws:SourceAccount', 'aws:SourceArn', 'aws:SourceOrgID', 'aws:SourceOrgPaths'];
const sourceKeys = (c: CallRecord) => Object.fromEntries(Object.entries(c.context).filter(([k]) => SOURCE_KEYS.includes(k)));

describe('a service principal acting for a source resource', () => {
  it('puts the source ARN and account in the request: the topic policy of the S3 guide allows its own bucket', () => {
    const c = callOf(when(given(base), publish(s3(PROD, 'arn:aws:s3:::acme-uploads'))));
    expect(sourceKeys(c)).toEqual({ 'aws:SourceAccount': PROD, 'aws:SourceArn': 'arn:aws:s3:::acme-uploads' });
    expect(c.outcome).toBe('allowed');
    expect(c.notes[0]).toBe(
      's3.amazonaws.com calls on behalf of arn:aws:s3:::acme-uploads (account 111111111111): the request carries aws:SourceAccount and aws:SourceArn',
    );
  });

  it('a bucket of the same name in another account: aws:SourceArn alone lets it in, aws:SourceAccount keeps it out', () => {
    const QUEUE = `arn:aws:sqs:us-east-1:${PROD}:archive`;
    const arnOnly = {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { Service: 's3.amazonaws.com' },
          Action: 'sqs:SendMessage',
          Resource: QUEUE,
          Condition: { ArnLike: { 'aws:SourceArn': 'arn:aws:s3:*:*:acme-uploads' } },
        },
      ],
    };
    const world = given([
      ...base,
      { type: 'RegisterResource', data: { arn: QUEUE, account: PROD } },
      { type: 'PutResourcePolicy', data: { arn: QUEUE, document: arnOnly } },
    ]);
    const taken = s3(OUT, 'arn:aws:s3:::acme-uploads');
    expect(callOf(when(world, publish(taken))).decision).toBe('ImplicitDeny');
    expect(callOf(when(world, call(taken, 'sqs:SendMessage', {}, QUEUE))).decision).toBe('Allow');
  });

  it('without a source, neither key is present, and a condition on them is false', () => {
    const c = callOf(when(given(base), publish(s3(null, null))));
    expect(sourceKeys(c)).toEqual({});
    expect(c.decision).toBe('ImplicitDeny');
    expect(c.notes.some((n) => n.includes('on behalf of'))).toBe(false);
  });

  it('the account is the ARN’s when the step names none', () => {
    const c = callOf(when(given(base), publish(s3(null, `arn:aws:sns:us-east-1:${DEV}:alerts`))));
    expect(sourceKeys(c)).toEqual({ 'aws:SourceAccount': DEV, 'aws:SourceArn': `arn:aws:sns:us-east-1:${DEV}:alerts` });
  });

  it('for a bucket ARN, which has no account, it is the declared bucket’s owner', () => {
    const c = callOf(when(given(base), publish(s3(null, 'arn:aws:s3:::mallory-uploads'))));
    expect(sourceKeys(c)).toEqual({ 'aws:SourceAccount': OUT, 'aws:SourceArn': 'arn:aws:s3:::mallory-uploads' });
    expect(c.notes[0]).toContain('(account 444455556666, its owner in the scenario)');
  });

  it('for an undeclared bucket and no source-account, aws:SourceAccount is absent and the trace says so', () => {
    const c = callOf(when(given(base), publish(s3(null, 'arn:aws:s3:::elsewhere'))));
    expect(sourceKeys(c)).toEqual({ 'aws:SourceArn': 'arn:aws:s3:::elsewhere' });
    expect(c.notes[0]).toContain('whose account the scenario does not name, so aws:SourceAccount is absent');
  });

  it('a source account in the organization adds aws:SourceOrgID and aws:SourceOrgPaths; one outside does not', () => {
    const world = given([...base, ...org]);
    const member = callOf(when(world, publish(s3(PROD, 'arn:aws:s3:::acme-uploads'))));
    expect(sourceKeys(member)).toEqual({
      'aws:SourceAccount': PROD,
      'aws:SourceArn': 'arn:aws:s3:::acme-uploads',
      'aws:SourceOrgID': 'o-a1b2c3d4e5',
      'aws:SourceOrgPaths': ['o-a1b2c3d4e5/r-ab12/ou-ab12-11111111/'],
    });
    const management = callOf(when(world, publish(s3(DEV, null))));
    expect(sourceKeys(management)).toEqual({
      'aws:SourceAccount': DEV,
      'aws:SourceOrgID': 'o-a1b2c3d4e5',
      'aws:SourceOrgPaths': ['o-a1b2c3d4e5/r-ab12/'],
    });
    const outside = callOf(when(world, publish(s3(OUT, 'arn:aws:s3:::mallory-uploads'))));
    expect(sourceKeys(outside)).toEqual({ 'aws:SourceAccount': OUT, 'aws:SourceArn': 'arn:aws:s3:::mallory-uploads' });
  });

  it('a step’s context still overrides the keys', () => {
    const command = publish(s3(PROD, 'arn:aws:s3:::acme-uploads'));
    const data = (command as Extract<AnyCommand, { type: 'Call' }>).data;
    const c = callOf(when(given(base), { type: 'Call', data: { ...data, context: { 'aws:sourceaccount': OUT } } }));
    expect(sourceKeys(c)).toEqual({ 'aws:SourceArn': 'arn:aws:s3:::acme-uploads' });
    expect(c.context['aws:sourceaccount']).toBe(OUT);
  });

  it('IAM users and roles never carry the source keys', () => {
    const c = callOf(when(given(base), call({ kind: 'root', account: PROD }, 'sns:Publish', {}, TOPIC)));
    expect(sourceKeys(c)).toEqual({});
  });
});
