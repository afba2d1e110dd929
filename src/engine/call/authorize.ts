// Ask the policy library for a decision and keep, beside it, the text of every statement that
// matched, so the trace can quote the statements that decided without re-evaluating anything, and,
// when the run records it (`detail`), the full explanation of the evaluation (every statement,
// element by element) that `--explain` and the Markdown walkthrough show.
import { documentParts, evaluate, explainEvaluation } from '../../policy/index.js';
import type { AuthzRequest, PolicySet } from '../../policy/types.js';
import type { EvaluationRecord, QuotedStatement } from '../call-record.js';
import type { PolicyDocument } from '../iam/state.js';

export function authorize(
  request: AuthzRequest,
  set: PolicySet,
  documents: ReadonlyMap<string, PolicyDocument>,
  detail: boolean,
): EvaluationRecord {
  const evaluation = evaluate(request, set);
  const statements: QuotedStatement[] = [];
  for (const verdict of evaluation.policies) {
    if (verdict.matched.length === 0) continue;
    const document = documents.get(verdict.name);
    if (!document) continue;
    for (const m of verdict.matched) {
      const quote = quoted(document, verdict.name, m.index);
      if (quote !== undefined) statements.push(quote);
    }
  }
  const record = { action: request.action, resource: request.resource, evaluation, statements };
  if (!detail) return record;
  return { ...record, detail: explainEvaluation(request, set, evaluation, (name) => documents.get(name)) };
}

/**
 * Documents in the world never change (immer makes new ones): each statement is quoted once per
 * document and policy name, and the quote (immutable) is shared by every record that cites it.
 */
const quotes = new WeakMap<object, Map<string, (QuotedStatement | undefined)[]>>();

function quoted(document: PolicyDocument, policy: string, index: number): QuotedStatement | undefined {
  let byName = quotes.get(document);
  if (byName === undefined) quotes.set(document, (byName = new Map()));
  let list = byName.get(policy);
  if (list === undefined) {
    list = documentParts(document).statements.map((s, i) => (s === undefined ? undefined : { policy, index: i, text: JSON.stringify(s) }));
    byName.set(policy, list);
  }
  return list[index];
}
