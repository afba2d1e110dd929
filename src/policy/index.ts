// The policy library: validate IAM JSON, compile it once, evaluate requests (IAM User Guide
// "Policy evaluation logic" and the pages docs/aws-rules.md lists). The only barrel of src/policy.
//
//   validatePolicy(doc, kind, options?) → PolicyProblem[]    IAM's write-time checks and messages
//   compilePolicy(doc, { name, kind, arn? }) → CompiledPolicy  once per document
//   evaluate(request, policySet) → Evaluation                  the decision and its explanation
//   normalizeContext(context) → context with lower-case keys   optional: skips that work per request
//   explainEvaluation(request, set, evaluation, documentOf)    every statement, element by element
//   documentParts(doc) → { version, variables, statements }     Statement as a list, as every reader takes it
export type * from './types.js';
export type * from './explain-types.js';
export { compilePolicy, type PolicyMeta } from './compile.js';
export { evaluate } from './evaluate.js';
export { explainEvaluation } from './explain-detail.js';
export { howWords } from './explain-rules.js';
export { documentParts } from './json-values.js';
export { mayAllowAction } from './may-allow.js';
export { normalizeContext } from './probe.js';
export { validatePolicy, type ValidateOptions } from './validate.js';
export { INLINE_LIMIT, policySize } from './validate/size.js';
