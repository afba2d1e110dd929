// The organization in the text trace's world section: the tree from the root through the OUs to
// the member accounts, each with the SCPs and RCPs attached to it directly, then the policies.
import { padEnd } from './format.js';
import type { TraceOrganization, TraceOrgNode } from './model.js';
import type { Style } from './style.js';

export function renderOrganization(org: TraceOrganization, out: string[], s: Style): void {
  const management = org.nodes.find((n) => n.kind === 'account' && n.id === org.managementAccount);
  out.push(`  organization ${org.id} · management account ${management?.name ?? org.managementAccount}`);
  const root = org.nodes.find((n) => n.kind === 'root');
  if (root) renderNode(org, root, 2, out, s);
  out.push('    policies');
  for (const p of org.policies) {
    out.push(`      ${p.type} ${padEnd(p.name, 20)} ${padEnd(p.id, 20)}${p.awsManaged ? ' AWS managed' : ''}`.trimEnd());
  }
}

function renderNode(org: TraceOrganization, node: TraceOrgNode, depth: number, out: string[], s: Style): void {
  const pad = '  '.repeat(depth);
  const head =
    node.kind === 'root'
      ? `root ${node.id}`
      : node.kind === 'ou'
        ? `ou ${node.name} ${node.id}`
        : `account ${node.name} ${node.id}${node.id === org.managementAccount ? ' (management account: SCPs and RCPs do not apply to it)' : ''}`;
  out.push(`${pad}${head}`);
  out.push(s.dim(`${pad}  attached ${attachedText(org, node)}`));
  const children = org.nodes.filter((n) => n.parent === node.id);
  for (const kind of ['account', 'ou'] as const) {
    for (const child of children) if (child.kind === kind) renderNode(org, child, depth + 1, out, s);
  }
}

function attachedText(org: TraceOrganization, node: TraceOrgNode): string {
  const names = (type: 'scp' | 'rcp') =>
    node.policies.flatMap((id) => org.policies.filter((p) => p.id === id && p.type === type).map((p) => p.name));
  const scps = names('scp');
  const rcps = names('rcp');
  return `scp ${scps.join(', ') || '(none)'} · rcp ${rcps.join(', ') || '(none)'}`;
}
