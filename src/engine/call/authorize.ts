// Ask the policy library for a decision and keep, beside it, the text of every statement that
// matched, so the trace can quote the statements that decided without re-evaluating anything, and
// the full explanation of the evaluation (every statement, element by element) for `--explain`.
import { evaluate, explainEvaluation } from '../../policy/index.js';
import type { AuthzRequest, PolicySet } from '../../policy/types.js';
import type { EvaluationRecord, QuotedStatement } from '../call-record.js';
import type { PolicyDocument } from '../iam/state.js';

export function authorize(
  request: AuthzRequest,
  set: PolicySet,
  documents: ReadonlyMap<string, PolicyDocument>,
): EvaluationRecord {
  const evaluation = evaluate(request, set);
  const statements: QuotedStatement[] = [];
  for (const verdict of evaluation.policies) {
    const document = documents.get(verdict.name);
    if (!document) continue;
    const list = Array.isArray(document.Statement) ? document.Statement : [document.Statement];
    for (const m of verdict.matched) {
      const statement: unknown = list[m.index];
      if (statement !== undefined) {
        statements.push({ policy: verdict.name, index: m.index, text: JSON.stringify(statement) });
      }
    }
  }
  const detail = explainEvaluation(request, set, evaluation, (name) => documents.get(name));
  return { action: request.action, resource: request.resource, evaluation, statements, detail };
}
