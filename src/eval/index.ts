// `simulate eval`: batches of requests in the shape of `aws iam simulate-custom-policy` /
// `simulate-principal-policy`, evaluated without a scenario. The only barrel of src/eval.
export { evaluateText, printResponse, runEval, type EvalIo } from './run.js';
export type { SimulatePolicyResponse, EvaluationResult, ResourceSpecificResult } from './output.js';
