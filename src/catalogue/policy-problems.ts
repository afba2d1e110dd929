// The catalogue problems of a policy document in IAM JSON, each with the JSON path of the offending
// action or condition key, so that the resolver can point at it inside a `json {…}` body or a file.
import { isObject } from '../json/is-object.js';
import type { JsonPath } from '../json/locate.js';
import { conditionKeyProblem, policyActionProblem, type CatalogueProblem } from './problems.js';

export interface PolicyCatalogueProblem extends CatalogueProblem {
  /** an action: the path of its string; a condition key: the path of its value (the key is its last step) */
  readonly path: JsonPath;
  readonly what: 'action' | 'condition-key';
  /** the action or the key as written */
  readonly text: string;
}

export function policyCatalogueProblems(doc: unknown): PolicyCatalogueProblem[] {
  const out: PolicyCatalogueProblem[] = [];
  if (!isObject(doc)) return out;
  const statements = doc.Statement;
  if (Array.isArray(statements)) statements.forEach((s, i) => statementProblems(s, ['Statement', i], out));
  else statementProblems(statements, ['Statement'], out);
  return out;
}

function statementProblems(s: unknown, path: JsonPath, out: PolicyCatalogueProblem[]): void {
  if (!isObject(s)) return;
  for (const element of ['Action', 'NotAction']) {
    const value = s[element];
    const list: readonly unknown[] = Array.isArray(value) ? value : [value];
    for (let j = 0; j < list.length; j++) {
      const text = list[j];
      const problem = typeof text === 'string' ? policyActionProblem(text) : null;
      if (problem)
        out.push({
          ...problem,
          path: Array.isArray(value) ? [...path, element, j] : [...path, element],
          what: 'action',
          text: text as string,
        });
    }
  }
  const condition = s.Condition;
  if (!isObject(condition)) return;
  for (const [operator, block] of Object.entries(condition)) {
    if (!isObject(block)) continue;
    for (const key of Object.keys(block)) {
      const problem = conditionKeyProblem(key);
      if (problem) out.push({ ...problem, path: [...path, 'Condition', operator, key], what: 'condition-key', text: key });
    }
  }
}
