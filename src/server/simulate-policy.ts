// iam:SimulateCustomPolicy over the Query protocol: the request's parameters are the input of
// `simulate eval` (the same JSON shape as `aws iam simulate-custom-policy --cli-input-json`), the
// same evaluator answers, and the SimulatePolicyResponse is rendered as IAM's XML (IAM API
// Reference, "SimulateCustomPolicy"; EvalDecisionDetails is a map: <entry><key/><value/></entry>).
// An input the evaluator cannot take is IAM's InvalidInput, with the evaluator's message.
// iam:SimulatePrincipalPolicy is the same evaluation with the policies of the user, group or role
// PolicySourceArn names looked up in the world (src/eval/policy-source.ts); an entity the world does
// not have is IAM's NoSuchEntity. The caller needs iam:SimulatePrincipalPolicy on that ARN
// (Service Authorization Reference, IAM: its resource types are user, group and role), decided by
// the engine as every request is (simulationResource).
import type { ParamValue } from '../engine/call/command.js';
import { prepareBatch } from '../eval/batch.js';
import { EvalInputError } from '../eval/errors.js';
import { readInput, type EvalInput } from '../eval/input.js';
import { withPolicySource } from '../eval/policy-source.js';
import type { World } from '../engine/world.js';
import type { EvaluationResult, ResourceSpecificResult, SimulatePolicyResponse } from '../eval/output.js';
import { runBatch } from '../eval/run-batch.js';
import { validationMessage } from '../engine/call/validation.js';
import { renderQueryError, renderQueryResult, type QueryError, type QueryHttpResponse, type QueryRequest } from './query.js';
import { XmlMap } from './xml.js';

/** Whether this request is one the evaluator answers (not the engine). */
export function answersBySimulation(request: QueryRequest): boolean {
  return request.service === 'iam' && (request.operation === 'SimulateCustomPolicy' || request.operation === 'SimulatePrincipalPolicy');
}

/**
 * A request refused before it is authorized: SimulatePrincipalPolicy without PolicySourceArn (a
 * required member: IAM's ValidationError, in the words of its constraint errors); null otherwise.
 */
export function simulationInvalid(request: QueryRequest): QueryError | null {
  if (request.service !== 'iam' || request.operation !== 'SimulatePrincipalPolicy') return null;
  const source = request.params['PolicySourceArn'];
  if (source?.t === 'text' && source.v !== '') return null;
  const value = source?.t === 'text' ? '' : null;
  const constraint = value === null ? 'Member must not be null' : 'Member must have length greater than or equal to 20';
  return { code: 'ValidationError', message: validationMessage([{ member: 'policySourceArn', value, constraint }]) };
}

/** The resource the request is authorized on: SimulatePrincipalPolicy's PolicySourceArn; null for the others. */
export function simulationResource(request: QueryRequest): string | null {
  const source = request.params['PolicySourceArn'];
  return request.service === 'iam' && request.operation === 'SimulatePrincipalPolicy' && source?.t === 'text' ? source.v : null;
}

/** The parameters as the JSON the AWS CLI's --cli-input-json would hold. */
function plain(value: ParamValue): unknown {
  switch (value.t) {
    case 'text':
      return value.v;
    case 'list':
      return value.items.map(plain);
    case 'json':
      return value.v;
    default:
      return null;
  }
}

function inputOf(params: Readonly<Record<string, ParamValue>>): Record<string, unknown> {
  const doc: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(params)) doc[k] = plain(v);
  // the Query protocol sends numbers as text
  if (typeof doc['MaxItems'] === 'string' && /^\d+$/.test(doc['MaxItems'])) doc['MaxItems'] = Number(doc['MaxItems']);
  return doc;
}

function withMaps(response: SimulatePolicyResponse): Record<string, unknown> {
  const details = <T extends EvaluationResult | ResourceSpecificResult>(r: T) =>
    r.EvalDecisionDetails === undefined ? r : { ...r, EvalDecisionDetails: new XmlMap(r.EvalDecisionDetails) };
  return {
    ...response,
    EvaluationResults: response.EvaluationResults.map((r) => {
      const result = details(r);
      return r.ResourceSpecificResults === undefined
        ? result
        : { ...result, ResourceSpecificResults: r.ResourceSpecificResults.map(details) };
    }),
  };
}

export function answerSimulateCustomPolicy(request: QueryRequest, requestId: string): QueryHttpResponse {
  return answerSimulation(request, requestId, (input) => input);
}

/** SimulatePrincipalPolicy: the evaluation of the policies PolicySourceArn has in `world`, with the request's. */
export function answerSimulatePrincipalPolicy(request: QueryRequest, world: World, requestId: string): QueryHttpResponse {
  return answerSimulation(request, requestId, (input) => withPolicySource(input, world));
}

/** The request's answer by the evaluator, once `source` added what the world knows. */
function answerSimulation(
  request: QueryRequest,
  requestId: string,
  source: (input: EvalInput) => EvalInput | { readonly noSuchEntity: string },
): QueryHttpResponse {
  const doc = inputOf(request.params);
  try {
    const input = source(readInput(doc));
    if ('noSuchEntity' in input) return renderQueryError('iam', { code: 'NoSuchEntity', message: input.noSuchEntity }, requestId);
    const response = runBatch(prepareBatch(input, JSON.stringify(doc)));
    return renderQueryResult('iam', request.operation, withMaps(response), requestId);
  } catch (e) {
    if (!(e instanceof EvalInputError)) throw e;
    return renderQueryError('iam', { code: 'InvalidInput', message: e.message }, requestId);
  }
}
