// The decision of a step in Markdown: for each request IAM evaluated, the decision and its reason,
// then every policy consulted with its verdict and the statements that decided.
import { shortenEncodedIn } from '../encoded-message.js';
import type { CallRecord } from '../../engine/call-record.js';
import { explainedPolicies, renderExplainedEvaluation } from '../explain/render-explain.js';
import { PLAIN } from '../style.js';
import { cell, code } from './escape.js';
import { requestScope } from '../request-scope.js';

export function decisionBlock(call: CallRecord): string[] {
  const out: string[] = [];
  for (const ev of call.evaluations) {
    const e = ev.evaluation;
    const scope = requestScope(e);
    out.push(`**${e.decision}** for ${code(ev.action)} on ${code(ev.resource)} (${scope}): ${e.reason}.`, '');
    const policies = explainedPolicies(ev);
    if (policies.length === 0) continue;
    out.push('| Policy | Type | Verdict | Statements that matched |', '| --- | --- | --- | --- |');
    for (const { verdict: p } of policies) {
      const quoted = p.matched.map((m) => {
        const q = ev.statements.find((s) => s.policy === p.name && s.index === m.index);
        return `#${m.index + 1}${m.sid ? ` ${m.sid}` : ''} ${q === undefined ? m.effect : code(q.text)}`;
      });
      const name = p.level === undefined ? p.name : `${p.name} at ${p.level}`;
      const verdict = p.verdict === 'Allow' ? 'allows' : p.verdict === 'Deny' ? 'denies' : 'no statement matches';
      out.push(`| ${cell(name)} | ${p.type} | ${verdict} | ${cell(quoted.join('<br>')) || '—'} |`);
    }
    out.push('');
    const full: string[] = [];
    renderExplainedEvaluation(ev, call, full, PLAIN);
    out.push(
      '<details><summary>The full evaluation, statement by statement</summary>',
      '',
      '```text',
      ...full.map((l) => l.slice(4)),
      '```',
      '',
      '</details>',
      '',
    );
  }
  if (call.outcome !== 'allowed' && call.error !== null)
    out.push(`The caller gets ${code(call.error.code)}: ${shortenEncodedIn(call.error.message)}`, '');
  for (const note of call.notes) out.push(`> ${note}`, '');
  return out;
}
