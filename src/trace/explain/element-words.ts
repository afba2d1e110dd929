// Words for one statement's elements, from the recorded explanation (never re-evaluated): which value
// of Action, Resource and Principal matched, and how each condition compared with the request.
import { howWords, type ContextValue, type StatementDetail, type ConditionDetail } from '../../policy/index.js';

/** "applies", "does not apply: …", "can never apply: …" */
export function statementVerdict(st: StatementDetail): string {
  if (st.never !== undefined) return `never applies: ${st.never}`;
  if (st.matched) return 'applies';
  if (st.action !== undefined && !st.action.matched) return 'does not apply: its action does not match';
  const why: string[] = [];
  if (st.resource && !st.resource.matched) why.push('resource');
  if (st.principal && !st.principal.matched) why.push('principal');
  if (st.conditions?.some((c) => !c.holds)) why.push('condition');
  return `does not apply: ${why.join(', ')} ${why.length > 1 ? 'do' : 'does'} not match`;
}

/** One line per examined element: [label, text]. */
export function elementLines(st: StatementDetail, action: string, context: Readonly<Record<string, ContextValue>>): [string, string][] {
  const lines: [string, string][] = [];
  const a = st.action;
  if (a === undefined) return lines;
  if (a.element === 'Action') {
    lines.push(['Action', a.matched ? `matches: ${a.matching.join(', ')}` : `no value matches ${action}`]);
  } else {
    lines.push([
      'NotAction',
      a.matched ? `${action} is not listed, so the statement covers it` : `${a.matching.join(', ')} lists ${action}, which excludes it`,
    ]);
  }
  if (!a.matched) return lines;
  const r = st.resource;
  if (r === undefined) lines.push(['Resource', 'none (a trust policy applies to its own role)']);
  else {
    const shown = r.values.map(
      (v) => `${v.value}${v.resolved === undefined ? '' : ` (= ${v.resolved ?? 'unresolvable'})`} ${v.matches ? '✓' : '✗'}`,
    );
    const verdict =
      r.element === 'Resource'
        ? r.matched
          ? 'matches'
          : 'no value matches'
        : r.matched
          ? 'not listed, so covered'
          : 'listed, so excluded';
    lines.push([r.element, `${verdict}: ${shown.join(', ')}${r.rule ? ` — ${r.rule}` : ''}`]);
  }
  const p = st.principal;
  if (p !== undefined) {
    const listed = p.values.map(
      (v) => `${v.type === '*' ? '*' : `${v.type} ${v.value}`}${v.match === null ? ' ✗' : ` ✓ ${howWords(v.match)}`}`,
    );
    const head =
      p.element === null ? 'none' : p.how !== undefined ? `names ${howWords(p.how)}` : p.matched ? 'applies' : 'does not name the caller';
    lines.push([p.element ?? 'Principal', `${head}${listed.length ? `: ${listed.join(', ')}` : ''}${p.rule ? ` — ${p.rule}` : ''}`]);
  }
  for (const c of st.conditions ?? []) lines.push(['Condition', conditionText(c, context)]);
  return lines;
}

export function conditionText(c: ConditionDetail, context: Readonly<Record<string, ContextValue>>): string {
  const policy = c.values.map((v, i) => {
    const r = c.resolved?.[i];
    return r === undefined || r === v ? v : `${v} = ${r ?? 'unresolvable'}`;
  });
  const value = lookup(context, c.key);
  const request = value === undefined ? 'absent' : typeof value === 'string' ? value : `[${value.join(', ')}]`;
  return `${c.operator} ${c.key}: policy ${policy.length === 1 ? policy[0] : `[${policy.join(', ')}]`} · request ${request} → ${c.holds}${c.rule ? ` (${c.rule})` : ''}`;
}

/** Condition keys compare ignoring case (IAM User Guide "IAM JSON policy elements: Condition"). */
export function lookup(context: Readonly<Record<string, ContextValue>>, key: string): ContextValue | undefined {
  if (Object.hasOwn(context, key)) return context[key];
  const lower = key.toLowerCase();
  for (const k of Object.keys(context)) if (k.toLowerCase() === lower) return context[k];
  return undefined;
}
