// Actions and condition keys are checked against the AWS service catalogue (src/catalogue), and a
// name it does not know is refused where it is written, with the nearest real name: the action
// and context keys of a step's call, and the Action, NotAction and Condition keys of every policy,
// native or JSON. IAM would store such a policy (IAM User Guide "IAM JSON policy elements:
// Action"), but no call iamsim runs could ever match the name, so it is a typo; quoting it changes
// nothing (src/catalogue/supplement.ts is where a real name missing from the catalogue is added).
import {
  callActionProblem,
  conditionKeyProblem,
  policyActionProblem,
  policyCatalogueProblems,
  type CatalogueProblem,
} from '../../catalogue/index.js';
import { ScenarioError } from '../../errors.js';
import type { CallDecl, Loc, Statement, Text } from '../ast.js';
import { locate } from '../../json/locate.js';
import { posAt } from '../token.js';
import type { Located } from './located.js';

const options = (problem: CatalogueProblem, text: Text) => ({
  length: text.text.length + (text.quoted ? 2 : 0),
  suggestion: problem.suggestion,
  expected: problem.expected,
});

/** The action of a step's call (already of the form service:Action) and the keys of its context. */
export function checkCall(call: CallDecl, at: Located): void {
  const action = callActionProblem(call.action.text);
  if (action) throw at.error(call.action.loc, action.message, options(action, call.action));
  const service = call.action.text.slice(0, call.action.text.indexOf(':'));
  for (const entry of call.context ?? []) {
    const key = conditionKeyProblem(entry.key.text, service);
    if (key) throw at.error(entry.key.loc, key.message, options(key, entry.key));
  }
}

/** Native statements: each action and condition key has its own position. */
export function checkStatements(statements: readonly Statement[], label: string, at: Located): void {
  for (const s of statements) {
    for (const c of s.clauses) {
      const found: [CatalogueProblem | null, Text][] =
        c.kind === 'Action' || c.kind === 'NotAction'
          ? c.items.map((t) => [policyActionProblem(t.text), t])
          : c.kind === 'Condition'
            ? [[conditionKeyProblem(c.key.text), c.key]]
            : [];
      for (const [problem, text] of found) if (problem) throw at.error(text.loc, `${label}: ${problem.message}`, options(problem, text));
    }
  }
}

/** A JSON document (a `json {…}` body or a policy file) whose text `raw` starts at `start` in `file`. */
export function checkJsonPolicy(doc: unknown, raw: string, start: Loc, label: string, file: string): void {
  const first = policyCatalogueProblems(doc)[0];
  if (!first) return;
  const at = locate(raw, first.path);
  // the quote that opens the action, or the condition key where it is written (were the key not
  // found, quote + 1 would be the object's own "{")
  const quote = first.what === 'action' ? at.offset : (at.keyAt ?? at.offset - 1);
  throw new ScenarioError({
    file,
    pos: posAt(raw, quote + 1, start),
    length: first.text.length,
    message: `${label}: ${first.message}`,
    suggestion: first.suggestion,
    expected: first.expected,
  });
}
