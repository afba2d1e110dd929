// iam:SimulateCustomPolicy over the Query protocol: the request's parameters are the input of
// `simulate eval` (the same JSON shape as `aws iam simulate-custom-policy --cli-input-json`), the
// same evaluator answers, and the SimulatePolicyResponse is rendered as IAM's XML (IAM API
// Reference, "SimulateCustomPolicy"; EvalDecisionDetails is a map: <entry><key/><value/></entry>).
// An input the evaluator cannot take is IAM's InvalidInput, with the evaluator's message.
import type { ParamValue } from '../engine/call/command.js';
import { prepareBatch } from '../eval/batch.js';
import { EvalInputError } from '../eval/errors.js';
import { readInput } from '../eval/input.js';
import type { EvaluationResult, ResourceSpecificResult, SimulatePolicyResponse } from '../eval/output.js';
import { runBatch } from '../eval/run-batch.js';
import { renderQueryError, renderQueryResult, type QueryHttpResponse, type QueryRequest } from './query.js';
import { XmlMap } from './xml.js';

/** Whether this request is one the evaluator answers (not the engine). */
export function answersBySimulation(request: QueryRequest): boolean {
  return request.service === 'iam' && request.operation === 'SimulateCustomPolicy';
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
  const doc = inputOf(request.params);
  try {
    const response = runBatch(prepareBatch(readInput(doc), JSON.stringify(doc)));
    return renderQueryResult('iam', request.operation, withMaps(response), requestId);
  } catch (e) {
    if (!(e instanceof EvalInputError)) throw e;
    return renderQueryError('iam', { code: 'InvalidInput', message: e.message }, requestId);
  }
}
