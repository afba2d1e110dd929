// The full explanation of an evaluation: every statement of every policy it consulted, element by
// element, and the combining rules. Called right after evaluate() with the same request and set, and
// the documents the policies were compiled from (the compiled form keeps no text to quote).
//
//   explainEvaluation(request, set, evaluation, documentOf) → EvaluationDetail
import { explainable } from './explain-compile.js';
import { explainRules } from './explain-rules.js';
import { explainStatement } from './explain-statement.js';
import type { EvaluationDetail, PolicyDetail } from './explain-types.js';
import { makeProbe } from './probe.js';
import type { ScanMode } from './scan.js';
import type { AuthzRequest, Evaluation, PolicySet, PolicyType } from './types.js';

const MODE: Readonly<Record<PolicyType, ScanMode>> = {
  identity: 'identity',
  boundary: 'identity',
  'session-policy': 'identity',
  scp: 'identity',
  resource: 'resource',
  trust: 'resource',
  rcp: 'rcp',
  'vpc-endpoint': 'endpoint',
};

export function explainEvaluation(
  req: AuthzRequest,
  set: PolicySet,
  evaluation: Evaluation,
  documentOf: (policyName: string) => unknown,
): EvaluationDetail {
  const p = req.principal;
  const signed = p.kind === 'iamUser' || p.kind === 'roleSession' || p.kind === 'stsFederatedUser' || p.kind === 'root';
  const probe = makeProbe(req, signed && p.kind !== 'root' && set.boundary != null);
  const policies: PolicyDetail[] = [];
  evaluation.policies.forEach((v, i) => {
    const earlier = v.level === undefined ? -1 : evaluation.policies.findIndex((w, j) => j < i && w.type === v.type && w.name === v.name);
    const level = v.level === undefined ? {} : { level: v.level };
    if (earlier >= 0) {
      policies.push({ name: v.name, ...level, statements: [], sameAs: earlier });
      return;
    }
    const statements = explainable(documentOf(v.name)).map((st) => explainStatement(st, probe, MODE[v.type]));
    policies.push({ name: v.name, ...level, statements });
  });
  return { policies, rules: explainRules(req, set, evaluation) };
}
