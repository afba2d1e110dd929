// The policy library: validate IAM JSON, compile it once, evaluate requests (reference
// ../shared/reference/iam-evaluation.md). The only barrel of src/policy.
export type * from './types.js';
export { compilePolicy, type PolicyMeta } from './compile.js';
export { evaluate } from './evaluate.js';
export { normalizeContext } from './probe.js';
export { validatePolicy, type ValidateOptions } from './validate.js';
export { policySize } from './validate/size.js';
