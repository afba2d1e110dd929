// EC2's encoded authorization failure messages and sts:DecodeAuthorizationMessage.
// - AWS STS API Reference, "DecodeAuthorizationMessage" (the permission, EncodedMessage 1–10,240
//   characters, DecodedMessage, InvalidAuthorizationMessageException),
//   https://docs.aws.amazon.com/STS/latest/APIReference/API_DecodeAuthorizationMessage.html
// - IAM User Guide, "Use DecodeAuthorizationMessage with a CLI" (the decoded JSON's shape),
//   https://docs.aws.amazon.com/IAM/latest/UserGuide/sts_example_sts_DecodeAuthorizationMessage_section.html
// - AWS Knowledge Center, "How do I decode and analyze 'You are not authorized to perform this
//   operation' errors for Amazon EC2 instance launch failures?" (EC2's message),
//   https://repost.aws/knowledge-center/ec2-not-auth-launch
import { describe, expect, it } from 'vitest';
import { decodeAuthorizationMessage, encodedMessageOf, encodeAuthorizationMessage } from '../../src/engine/call/authorization-message.js';
import type { CallerRef } from '../../src/engine/call/command.js';
import type { AnyCommand } from '../../src/engine/events.js';
import type { World } from '../../src/engine/world.js';
import { asKept, asUser, eventType, keep, outcome, production, PROD, run, sts, userArn, userWith } from './sts-helpers.js';

const INSTANCE = `arn:aws:ec2:us-east-1:${PROD}:instance/i-0123456789abcdef0`;

const ec2 = (caller: CallerRef, action: string, resource: string | null = INSTANCE): AnyCommand => ({
  type: 'Call',
  data: { caller, action, resource, params: {}, context: {}, region: 'us-east-1' },
});

const decode = (caller: CallerRef, message: string): AnyCommand => sts(caller, 'DecodeAuthorizationMessage', { EncodedMessage: message });

/** dev may stop no instance and is explicitly denied terminating; ops may decode. */
const world = (): World =>
  production(
    ...userWith(PROD, 'dev', 'Develop', [
      { Effect: 'Allow', Action: ['ec2:TerminateInstances', 'sts:GetSessionToken'], Resource: '*' },
      {
        Sid: 'NoTermination',
        Effect: 'Deny',
        Action: 'ec2:TerminateInstances',
        Resource: '*',
        Condition: { StringEquals: { 'aws:RequestedRegion': 'us-east-1' } },
      },
    ]),
    ...userWith(PROD, 'ops', 'Troubleshoot', [
      { Effect: 'Allow', Action: ['sts:DecodeAuthorizationMessage', 'sts:GetSessionToken'], Resource: '*' },
    ]),
  );

const dev = asUser(PROD, 'dev');
const ops = asUser(PROD, 'ops');

function messageOf(w: World, command: AnyCommand): string {
  const call = outcome(w, command);
  expect(call.error?.code).toBe('UnauthorizedOperation');
  const encoded = encodedMessageOf(call.error!.message);
  expect(encoded).not.toBeNull();
  return encoded!;
}

describe('an EC2 denial', () => {
  it("given an implicit deny, then EC2's message carries IAM's reason and an encoded message", () => {
    const call = outcome(world(), ec2(dev, 'ec2:StopInstances'));
    expect(call.error?.message).toMatch(
      new RegExp(
        `^You are not authorized to perform this operation\\. User: ${userArn(PROD, 'dev')} is not authorized to perform: ` +
          `ec2:StopInstances on resource: ${INSTANCE.replace(/[/.*]/g, '\\$&')} because no identity-based policy allows the ` +
          'ec2:StopInstances action\\. Encoded authorization failure message: [A-Za-z0-9_-]+$',
      ),
    );
  });

  it('given the same denial twice, then the message is the same (a deterministic nonce from the content)', () => {
    expect(messageOf(world(), ec2(dev, 'ec2:StopInstances'))).toBe(messageOf(world(), ec2(dev, 'ec2:StopInstances')));
  });

  it('given a Describe* action, then the denial carries no encoded message (AWS-observed)', () => {
    const call = outcome(world(), ec2(dev, 'ec2:DescribeInstances', null));
    expect(call.error?.message.startsWith('You are not authorized to perform this operation. User: ')).toBe(true);
    expect(encodedMessageOf(call.error!.message)).toBeNull();
  });

  it('given another service, then its denial is unchanged', () => {
    const call = outcome(world(), ec2(dev, 's3:GetObject', 'arn:aws:s3:::b/k'));
    expect(call.error?.message.startsWith('User: ')).toBe(true);
  });
});

describe('sts:DecodeAuthorizationMessage', () => {
  it('given an explicit deny, then the decoded message names the statement, the principal, the action, the resource and the keys', () => {
    const w = world();
    const message = messageOf(w, ec2(dev, 'ec2:TerminateInstances'));
    const call = outcome(w, decode(ops, message));
    expect(call.outcome).toBe('allowed');
    const decoded = JSON.parse(call.response!['DecodedMessage'] as string) as Record<string, unknown>;
    const id = w.iam.users[userArn(PROD, 'dev')]!.id;
    expect(Object.keys(decoded)).toEqual(['allowed', 'explicitDeny', 'matchedStatements', 'failures', 'context']);
    expect(decoded).toMatchObject({
      allowed: false,
      explicitDeny: true,
      matchedStatements: {
        items: [
          {
            statementId: 'NoTermination',
            effect: 'DENY',
            principals: { items: [{ value: id }] },
            principalGroups: { items: [] },
            actions: { items: [{ value: 'ec2:TerminateInstances' }] },
            resources: { items: [{ value: '*' }] },
            conditions: { items: [{ key: 'aws:RequestedRegion', values: { items: [{ value: 'us-east-1' }] } }] },
          },
        ],
      },
      failures: { items: [] },
      context: { principal: { id, name: 'dev', arn: userArn(PROD, 'dev') }, action: 'ec2:TerminateInstances', resource: INSTANCE },
    });
    const conditions = (decoded['context'] as { conditions: { items: { key: string; values: { items: { value: string }[] } }[] } })
      .conditions.items;
    expect(conditions).toContainEqual({ key: 'aws:RequestedRegion', values: { items: [{ value: 'us-east-1' }] } });
    expect(eventType(w, decode(ops, message))).toBe('AuthorizationMessageDecoded');
  });

  it('given an implicit deny, then explicitDeny is false and no statement matched', () => {
    const w = world();
    const decoded = JSON.parse(outcome(w, decode(ops, messageOf(w, ec2(dev, 'ec2:StopInstances')))).response!['DecodedMessage'] as string);
    expect(decoded).toMatchObject({
      allowed: false,
      explicitDeny: false,
      matchedStatements: { items: [] },
      context: { action: 'ec2:StopInstances' },
    });
  });

  it('given a caller whose policies do not allow it, then AccessDenied (AWS Knowledge Center ec2-not-auth-launch)', () => {
    const w = world();
    const call = outcome(w, decode(dev, messageOf(w, ec2(dev, 'ec2:StopInstances'))));
    expect(call.outcome).toBe('denied');
    expect(call.error?.code).toBe('AccessDenied');
    expect(call.response).toBeNull();
  });

  it('given credentials from GetSessionToken, then it is refused before any policy (GetSessionToken, Permissions)', () => {
    const w = keep(world(), sts(ops, 'GetSessionToken'), 'token');
    const call = outcome(w, decode(asKept('token'), messageOf(w, ec2(dev, 'ec2:StopInstances'))));
    expect(call.error?.code).toBe('AccessDenied');
    expect(call.evaluations).toEqual([]);
  });

  it('given a message changed, cut short, forged or of another world, then InvalidAuthorizationMessageException', () => {
    const w = world();
    const message = messageOf(w, ec2(dev, 'ec2:StopInstances'));
    const flipped = message.slice(0, 40) + (message[40] === 'A' ? 'B' : 'A') + message.slice(41);
    const elsewhere = encodeAuthorizationMessage('another seed', '{"allowed":false}');
    for (const bad of [flipped, message.slice(0, 100), 'not a message', 'AAAA', elsewhere, `${message}\n`]) {
      const call = outcome(w, decode(ops, bad));
      expect(call.error?.code, bad).toBe('InvalidAuthorizationMessageException');
    }
    expect(decodeAuthorizationMessage('another seed', elsewhere)).toBe('{"allowed":false}');
  });

  it("given a message of this world's key whose text is no JSON object, then it decodes, and the note says so", () => {
    const call = outcome(world(), decode(ops, encodeAuthorizationMessage('test', 'null')));
    expect(call.response).toEqual({ DecodedMessage: 'null' });
    expect(call.notes).toEqual(['the message decodes to a text that is no JSON object']);
  });

  it('given an empty or over-long EncodedMessage, then STS validation errors', () => {
    const w = world();
    expect(outcome(w, sts(ops, 'DecodeAuthorizationMessage')).error).toEqual({
      code: 'ValidationError',
      message: "1 validation error detected: Value null at 'encodedMessage' failed to satisfy constraint: Member must not be null",
    });
    const long = outcome(w, decode(ops, 'A'.repeat(10241))).error;
    expect(long?.code).toBe('ValidationError');
    expect(long?.message).toContain('Member must have length less than or equal to 10240');
  });
});

describe('keep encoded-message', () => {
  it("given an EC2 denial, then the step keeps its message, and a later call's encoded-message NAME is that message", () => {
    const made = run(world(), ec2(dev, 'ec2:StopInstances'));
    const kept = run(made.world, { type: 'KeepEncodedMessage', data: { name: 'stop' } });
    expect(kept.events[0]?.type).toBe('EncodedMessageKept');
    const call = outcome(kept.world, {
      type: 'Call',
      data: {
        caller: ops,
        action: 'sts:DecodeAuthorizationMessage',
        resource: null,
        params: { EncodedMessage: { t: 'encoded-message', name: 'stop' } },
        context: {},
        region: 'us-east-1',
      },
    });
    expect(call.outcome).toBe('allowed');
  });

  it('given a call whose error carries no encoded message, then nothing is kept, and the reason says why', () => {
    const made = run(world(), decode(dev, 'x'));
    const kept = run(made.world, { type: 'KeepEncodedMessage', data: { name: 'm' } });
    expect(kept.events).toEqual([
      {
        type: 'EncodedMessageNotKept',
        data: {
          name: 'm',
          reason:
            "its error (AccessDenied) carries no encoded authorization failure message: only EC2's denials do, but for its Describe* actions",
        },
      },
    ]);
  });
});
