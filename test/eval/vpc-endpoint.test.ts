// `simulate eval` with the iamsim extension VpcEndpointPolicy: the policy of the VPC endpoint the
// requests are sent through, a filter that must allow and whose Deny is explicit (AWS PrivateLink
// Guide "Control access to VPC endpoints using endpoint policies",
// https://docs.aws.amazon.com/vpc/latest/privatelink/vpc-endpoints-access.html). aws iam
// simulate-custom-policy has no such parameter; the endpoint's keys (aws:SourceVpce …) are
// ContextEntries, as every key of the simulator.
import { describe, expect, it } from 'vitest';
import { A, evalRun, type Json } from './helpers.js';

const ALICE = `arn:aws:iam::${A}:user/alice`;
const endpointPolicy = JSON.stringify({
  Statement: [
    {
      Sid: 'Access-to-specific-bucket-only',
      Principal: '*',
      Action: ['s3:GetObject', 's3:PutObject'],
      Effect: 'Allow',
      Resource: ['arn:aws:s3:::bkt', 'arn:aws:s3:::bkt/*'],
    },
    { Sid: 'DenyDeletes', Principal: '*', Action: 's3:DeleteObject', Effect: 'Deny', Resource: '*' },
  ],
});
const input = (actions: string[], resource: string, extra: Json = {}): Json => ({
  CallerArn: ALICE,
  PolicyInputList: [JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }] })],
  ActionNames: actions,
  ResourceArns: [resource],
  VpcEndpointPolicy: endpointPolicy,
  ...extra,
});

async function results(doc: Json): Promise<Json[]> {
  const r = await evalRun(doc);
  if (r.code !== 0) throw new Error(r.stderr);
  return r.out.EvaluationResults as unknown as Json[];
}

describe('simulate eval: VpcEndpointPolicy', () => {
  it('allows what the endpoint policy and the identity policy both allow', async () => {
    const [get] = await results(input(['s3:GetObject'], 'arn:aws:s3:::bkt/k'));
    expect(get).toMatchObject({ EvalDecision: 'allowed' });
    // the filter does not determine an allow: only the identity policy's statement is listed
    expect((get!.MatchedStatements as Json[]).map((s) => s.SourcePolicyId)).toEqual(['PolicyInputList.1']);
  });

  it('denies implicitly what the endpoint policy does not allow', async () => {
    const [get] = await results(input(['s3:GetObject'], 'arn:aws:s3:::other/k'));
    expect(get).toMatchObject({ EvalDecision: 'implicitDeny' });
  });

  it('denies explicitly with its Deny, and lists that statement', async () => {
    const [del] = await results(input(['s3:DeleteObject'], 'arn:aws:s3:::bkt/k'));
    expect(del).toMatchObject({ EvalDecision: 'explicitDeny' });
    expect(del!.MatchedStatements).toMatchObject([{ SourcePolicyId: 'VpcEndpointPolicy', SourcePolicyType: 'VPC Endpoint Policy' }]);
  });

  it('is validated as a resource-based policy: every statement needs a Principal', async () => {
    const bad = JSON.stringify({ Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] });
    const r = await evalRun(input(['s3:GetObject'], 'arn:aws:s3:::bkt/k', { VpcEndpointPolicy: bad }));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('VpcEndpointPolicy: MalformedPolicyDocument');
  });
});
