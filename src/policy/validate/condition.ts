// Condition validation (IAM User Guide "IAM JSON policy elements: Condition", "IAM JSON policy
// elements: Condition operators"): an object of operator blocks, each an object of keys to a value
// or a list of values. Operator names are case-sensitive; an unknown operator is only accepted with
// an empty block; keys need a vendor prefix; Date values must parse.
import { parseOperator } from '../conditions/operators.js';
import { requestDate } from '../conditions/values.js';
import type { PolicyProblem } from '../types.js';
import { malformed, MSG, type Path } from './messages.js';
import { isObject } from '../../json/is-object.js';

export function checkCondition(value: unknown, path: Path, out: PolicyProblem[]): void {
  if (!isObject(value)) {
    out.push(malformed(MSG.syntax, path));
    return;
  }
  for (const [operator, block] of Object.entries(value)) {
    const at = [...path, operator];
    if (!isObject(block)) {
      out.push(malformed(MSG.syntax, at));
      continue;
    }
    const keys = Object.entries(block);
    if (keys.length === 0) continue;
    const op = parseOperator(operator);
    if (op === null) {
      out.push(malformed(MSG.syntax, at));
      continue;
    }
    for (const [key, raw] of keys) {
      const keyAt = [...at, key];
      if (!key.includes(':')) out.push(malformed(MSG.vendor, keyAt));
      const values = Array.isArray(raw) ? (raw as unknown[]) : [raw];
      for (let i = 0; i < values.length; i++) {
        const v = values[i];
        // the values of a policy repeat: dates are parsed once each (requestDate is memoised)
        const problem =
          typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean'
            ? MSG.syntax
            : op.family === 'date' && requestDate(String(v)) === null
              ? MSG.legacy
              : null;
        if (problem !== null) out.push(malformed(problem, Array.isArray(raw) ? [...keyAt, i] : keyAt));
      }
    }
  }
}
