// Each service answers a denied request with its own error code, as its API reference lists it:
// - SNS: AuthorizationError, HTTP 403 (Amazon SNS API Reference, "Publish", Errors,
//   https://docs.aws.amazon.com/sns/latest/api/API_Publish.html; AWS Knowledge Center, "How do I
//   resolve authorization errors when trying to add subscribers to an Amazon SNS topic?",
//   https://repost.aws/knowledge-center/sns-topics-iam-errors-subscriber)
// - SQS: AccessDenied, as SDKs report it (AWS Knowledge Center, "How do I troubleshoot AccessDenied or
//   AccessDeniedException errors on Amazon SQS API calls?",
//   https://repost.aws/knowledge-center/sqs-accessdenied-errors)
// - S3, IAM, STS: AccessDenied (Amazon S3 API Reference, "Error responses",
//   https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html; IAM API Reference, "Common
//   Error Types", https://docs.aws.amazon.com/IAM/latest/APIReference/CommonErrors.html)
// - EC2: UnauthorizedOperation (Amazon EC2 API Reference, "Error codes for the Amazon EC2 API",
//   https://docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html)
// - KMS, Secrets Manager, DynamoDB, Lambda, CloudTrail, Organizations: AccessDeniedException (each
//   API reference's "Common Errors", e.g.
//   https://docs.aws.amazon.com/secretsmanager/latest/apireference/CommonErrors.html)
import { describe, expect, it } from 'vitest';
import type { CallRecord } from '../../src/engine/call-record.js';
import type { AnyEvent } from '../../src/engine/events.js';
import { KNOWN_ERROR_CODES } from '../../src/engine/error-codes.js';
import { account, call, given, PROD, start, user, userArn, when } from './given.js';

const callOf = (events: AnyEvent[]) => (events[0]?.data as { call: CallRecord }).call;

describe('the error code of a denied request, by service', () => {
  const world = given([start(), account(PROD, 'Production'), user(PROD, 'alice')]);
  const alice = { kind: 'user' as const, arn: userArn(PROD, 'alice') };

  it.each([
    ['sns:Publish', 'AuthorizationError', `arn:aws:sns:us-east-1:${PROD}:alerts`],
    ['SNS:subscribe', 'AuthorizationError', `arn:aws:sns:us-east-1:${PROD}:alerts`],
    ['sqs:SendMessage', 'AccessDenied', `arn:aws:sqs:us-east-1:${PROD}:jobs`],
    ['iam:ListUsers', 'AccessDenied', '*'],
    ['cloudfront:ListDistributions', 'AccessDenied', '*'],
    ['ec2:DescribeInstances', 'UnauthorizedOperation', '*'],
    ['kms:Decrypt', 'AccessDeniedException', '*'],
    ['secretsmanager:GetSecretValue', 'AccessDeniedException', `arn:aws:secretsmanager:us-east-1:${PROD}:secret:db-AbCdEf`],
    ['dynamodb:GetItem', 'AccessDeniedException', `arn:aws:dynamodb:us-east-1:${PROD}:table/orders`],
    ['lambda:InvokeFunction', 'AccessDeniedException', `arn:aws:lambda:us-east-1:${PROD}:function:f`],
    ['cloudtrail:StopLogging', 'AccessDeniedException', `arn:aws:cloudtrail:us-east-1:${PROD}:trail/audit`],
    ['organizations:DescribeOrganization', 'AccessDeniedException', '*'],
  ])('given a user with no policies, when it calls %s, then the call fails with %s', (action, code, resource) => {
    const c = callOf(when(world, call(alice, action, {}, resource)));
    expect(c.outcome).toBe('denied');
    expect(c.error?.code).toBe(code);
    expect(KNOWN_ERROR_CODES).toContain(code);
  });
});
