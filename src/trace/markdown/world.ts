// The world of the walkthrough: one table of accounts and their principals and resources, the
// organization if there is one, and every declared policy document, folded away under its owner.
import type { TraceModel, TraceOrganization } from '../model.js';
import type { Facts } from '../walkthrough/facts.js';
import { cell, code } from './escape.js';

export function worldSection(model: TraceModel, facts: Facts): string[] {
  const out = ['## The world', '', '| Account | Kind | Name | ARN | Details |', '| --- | --- | --- | --- | --- |'];
  for (const a of model.accounts) {
    if (a.entities.length === 0) out.push(`| ${cell(a.name)} ${code(a.id)} | | | | |`);
    for (const e of a.entities) {
      const details = [...(e.id ? [code(e.id)] : []), ...e.details.map(cell)].join(' · ');
      out.push(`| ${cell(a.name)} ${code(a.id)} | ${e.kind} | ${cell(e.name)} | ${cell(code(e.arn))} | ${details} |`);
    }
  }
  out.push('');
  if (model.organization !== null) out.push(...organizationTable(model.organization));
  if (facts.policies.length > 0) {
    out.push('### Policies', '');
    for (const p of facts.policies) {
      out.push(
        `<details><summary>${html(p.owner)} — ${html(p.name)}</summary>`,
        '',
        '```json',
        JSON.stringify(p.document, null, 2),
        '```',
        '',
        '</details>',
        '',
      );
    }
  }
  return out;
}

function organizationTable(org: TraceOrganization): string[] {
  const out = [`### Organization ${code(org.id)}`, '', '| Node | Parent | SCPs | RCPs |', '| --- | --- | --- | --- |'];
  const names = (ids: readonly string[], type: 'scp' | 'rcp') =>
    ids.flatMap((id) => org.policies.filter((p) => p.id === id && p.type === type).map((p) => p.name)).join(', ') || '—';
  for (const n of org.nodes) {
    const parent = n.parent === null ? '—' : (org.nodes.find((m) => m.id === n.parent)?.name ?? n.parent);
    const label =
      n.kind === 'root'
        ? `root ${code(n.id)}`
        : `${n.kind} ${cell(n.name)} ${code(n.id)}${n.id === org.managementAccount ? ' (management account)' : ''}`;
    out.push(`| ${label} | ${cell(parent)} | ${cell(names(n.policies, 'scp'))} | ${cell(names(n.policies, 'rcp'))} |`);
  }
  out.push('');
  return out;
}

function html(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
