// `--explain` in the text trace: under a decision, the rules AWS applied in its order, then every
// consulted policy in that order (RCPs, SCPs, resource side, identity policies, boundary, session
// policies) with each statement element by element. Everything comes from the recorded detail.
import type { CallRecord, EvaluationRecord } from '../../engine/call-record.js';
import type { PolicyDetail, PolicyType, PolicyVerdict, RuleName } from '../../policy/index.js';
import { padEnd } from '../format.js';
import type { Style } from '../style.js';
import { elementLines, statementVerdict } from './element-words.js';

const RULE_LABEL: Readonly<Record<RuleName, string>> = {
  'special-case': 'special case',
  'explicit-deny': 'explicit deny',
  rcp: 'RCPs',
  scp: 'SCPs',
  'vpc-endpoint': 'VPC endpoint',
  resource: 'resource side',
  identity: 'identity side',
  boundary: 'boundary',
  'session-policy': 'session policy',
  combine: 'combined',
};

/** AWS's order of evaluation (the IAM User Guide's flow chart). */
export const AWS_ORDER: readonly PolicyType[] = [
  'rcp',
  'scp',
  'vpc-endpoint',
  'resource',
  'trust',
  'identity',
  'boundary',
  'session-policy',
];

export interface ExplainedPolicy {
  readonly verdict: PolicyVerdict;
  readonly detail: PolicyDetail | null;
}

/** The consulted policies in AWS's order, each with its detail (following `sameAs`). */
export function explainedPolicies(ev: EvaluationRecord): ExplainedPolicy[] {
  const d = ev.detail;
  const list = ev.evaluation.policies.map((verdict, i) => {
    let detail = d?.policies[i] ?? null;
    if (detail?.sameAs !== undefined) detail = d?.policies[detail.sameAs] ?? null;
    return { verdict, detail };
  });
  return AWS_ORDER.flatMap((t) => list.filter((p) => p.verdict.type === t));
}

export function renderExplainedEvaluation(ev: EvaluationRecord, call: Pick<CallRecord, 'context'>, out: string[], s: Style): void {
  if (ev.detail === undefined) {
    out.push(s.dim('    (this event log records no evaluation detail)'));
    return;
  }
  out.push('    how AWS decided, in its order');
  for (const r of ev.detail.rules) {
    const mark =
      r.outcome === 'decides' ? s.bold('→') : r.outcome === 'denies' ? s.red('✗') : r.outcome === 'allows' ? s.green('✓') : s.dim('·');
    out.push(`      ${mark} ${padEnd(RULE_LABEL[r.rule], 15)} ${r.text}`);
  }
  for (const { verdict: p, detail } of explainedPolicies(ev)) {
    const name = p.level === undefined ? p.name : `${p.name} at ${p.level}`;
    const word = p.verdict === 'Allow' ? s.green('allows') : p.verdict === 'Deny' ? s.red('denies') : s.dim('no statement matches');
    out.push(`    ${padEnd(p.type, 15)} ${padEnd(name, 44)} ${word}`);
    for (const st of detail?.statements ?? []) {
      const quoted = ev.statements.find((q) => q.policy === p.name && q.index === st.index);
      out.push(`      #${st.index + 1}${st.sid ? ` ${st.sid}` : ''} ${st.effect} — ${statementVerdict(st)}`);
      if (quoted) out.push(s.dim(`         ${quoted.text}`));
      for (const [label, text] of elementLines(st, ev.action, call.context)) out.push(s.dim(`         ${padEnd(label, 12)} ${text}`));
    }
  }
}
