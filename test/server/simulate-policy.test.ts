// iam:SimulateCustomPolicy through the Query protocol answers what `simulate eval` answers for the
// same input (issue 13: "aws iam simulate-custom-policy against the endpoint returns what simulate
// eval returns"); IAM API Reference, "SimulateCustomPolicy",
// https://docs.aws.amazon.com/IAM/latest/APIReference/API_SimulateCustomPolicy.html. The real AWS
// SDK v3 builds the request and reads the answer; nothing leaves the process.
import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { IAMClient, SimulateCustomPolicyCommand, type SimulateCustomPolicyCommandInput } from '@aws-sdk/client-iam';
import { describe, expect, it } from 'vitest';
import { prepareBatch } from '../../src/eval/batch.js';
import { readInput } from '../../src/eval/input.js';
import { runBatch } from '../../src/eval/run-batch.js';
import { parseQueryRequest, type QueryHttpResponse } from '../../src/server/query.js';
import { answersBySimulation, answerSimulateCustomPolicy } from '../../src/server/simulate-policy.js';

interface SdkRequest {
  readonly method: string;
  readonly headers: Record<string, string>;
  readonly body?: unknown;
}

/** A client whose requests are read by parseQueryRequest and answered by answerSimulateCustomPolicy. */
function client(): IAMClient {
  const handle = async (request: SdkRequest) => {
    const body = new TextEncoder().encode(typeof request.body === 'string' ? request.body : '');
    const parse = parseQueryRequest({ method: request.method, query: '', contentType: request.headers['content-type'], body }, 'iam');
    if (!parse.ok || !answersBySimulation(parse.request)) throw new Error('not a SimulateCustomPolicy request');
    const answer: QueryHttpResponse = answerSimulateCustomPolicy(parse.request, '11111111-2222-4333-8444-555555555555');
    return { response: { statusCode: answer.status, headers: answer.headers, body: Readable.from([Buffer.from(answer.body, 'utf8')]) } };
  };
  return new IAMClient({
    region: 'us-east-1',
    endpoint: 'http://127.0.0.1:9',
    maxAttempts: 1,
    credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' },
    requestHandler: { handle } as never,
  });
}

/** What `simulate eval` answers for the same input (the JSON the AWS CLI prints). */
function evalAnswer(input: SimulateCustomPolicyCommandInput): unknown {
  const doc = JSON.parse(JSON.stringify(input)) as Record<string, unknown>;
  return JSON.parse(JSON.stringify(runBatch(prepareBatch(readInput(doc), JSON.stringify(doc)))));
}

/** The SDK's output without its metadata, as plain JSON. */
function plain(output: object): unknown {
  const { $metadata, ...rest } = output as { $metadata: unknown };
  void $metadata;
  return JSON.parse(JSON.stringify(rest));
}

describe('iam:SimulateCustomPolicy over the Query protocol', () => {
  it('given the example input of docs/cli.md, then the SDK reads what simulate eval answers', async () => {
    const input = JSON.parse(readFileSync('examples/eval/simulate-custom-policy.json', 'utf8')) as SimulateCustomPolicyCommandInput;
    const output = await client().send(new SimulateCustomPolicyCommand(input));
    expect(plain(output)).toEqual(evalAnswer(input));
    expect(output.EvaluationResults?.length).toBeGreaterThan(0);
  });

  it('given resources, a condition and a deny, then per-resource results and EvalDecisionDetails (a map) come through', async () => {
    const input: SimulateCustomPolicyCommandInput = {
      PolicyInputList: [
        JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            { Effect: 'Allow', Action: 's3:*', Resource: '*', Condition: { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } } },
            { Effect: 'Deny', Action: 's3:DeleteObject', Resource: 'arn:aws:s3:::reports/*' },
          ],
        }),
      ],
      ActionNames: ['s3:GetObject', 's3:DeleteObject'],
      ResourceArns: ['arn:aws:s3:::reports/q1.csv', 'arn:aws:s3:::other/x'],
      ContextEntries: [{ ContextKeyName: 'aws:SourceIp', ContextKeyValues: ['203.0.113.9'], ContextKeyType: 'ip' }],
    };
    const output = await client().send(new SimulateCustomPolicyCommand(input));
    expect(plain(output)).toEqual(evalAnswer(input));
    const del = output.EvaluationResults!.find((r) => r.EvalActionName === 's3:DeleteObject')!;
    expect(del.EvalDecision).toBe('explicitDeny');
    expect(del.ResourceSpecificResults?.map((r) => r.EvalResourceDecision)).toEqual(['explicitDeny', 'allowed']);
  });

  it('given a resource policy across accounts, then EvalDecisionDetails, a map with keys such as "IAM Policy", reaches the SDK whole', async () => {
    const input: SimulateCustomPolicyCommandInput = {
      PolicyInputList: [JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }] })],
      ActionNames: ['s3:GetObject'],
      ResourceArns: ['arn:aws:s3:::reports/q1.csv'],
      ResourcePolicy: JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::222222222222:root' }, Action: 's3:GetObject', Resource: '*' }],
      }),
      ResourceOwner: 'arn:aws:iam::111111111111:root',
      CallerArn: 'arn:aws:iam::222222222222:user/bob',
    };
    const output = await client().send(new SimulateCustomPolicyCommand(input));
    expect(plain(output)).toEqual(evalAnswer(input));
    expect(output.EvaluationResults![0]!.EvalDecisionDetails).toEqual({ 'IAM Policy': 'allowed', 'Resource Policy': 'allowed' });
  });

  it("given a policy that is not JSON, then IAM's InvalidInput, as the SDK's own exception", async () => {
    const error = await client()
      .send(new SimulateCustomPolicyCommand({ PolicyInputList: ['{not json'], ActionNames: ['s3:GetObject'] }))
      .catch((e: unknown) => e as { name: string; message: string; $metadata: { httpStatusCode: number } });
    expect(error).toMatchObject({ name: 'InvalidInputException', $metadata: { httpStatusCode: 400 } });
  });
});
