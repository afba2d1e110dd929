// The checks an IAM call that IAM carries out (src/engine/iam/api/) gets before the run: no
// `resource`, since IAM authorizes it on the entity its parameters name, and known parameter names.
// What IAM itself would refuse (a missing or malformed parameter, an unknown entity …) is left to
// the engine, so the trace shows IAM's own error.
import { nearest } from '../../errors.js';
import { iamApiParams } from '../../engine/iam/api/index.js';
import type { CallDecl } from '../ast.js';
import type { Located } from './located.js';

export function checkIamCall(call: CallDecl, at: Located): void {
  const params = iamApiParams(call.action.text);
  if (params === null) return;
  const action = call.action.text;
  if (call.resource) {
    throw at.error(call.resource.loc, `${action} takes no \`resource\`: IAM authorizes it on the entity its parameters name`, {
      expected: `the parameters of ${action}: ${params.join(', ')}`,
    });
  }
  for (const entry of call.params ?? []) {
    const key = entry.key.text;
    if (params.includes(key)) continue;
    const suggestion = nearest(key, params);
    throw at.error(entry.key.loc, `${action} has no parameter ${key}`, {
      length: key.length,
      expected: params.length ? `one of ${params.join(', ')}` : 'no parameters',
      ...(suggestion ? { suggestion } : {}),
    });
  }
}
