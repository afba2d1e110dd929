// The model, written as a `.iam` world (docs/cli.md "simulate import"): accounts with their real IDs,
// then in each its managed policies, groups, users, roles, instance profiles, buckets and keys, then
// the organization. Every policy document is a `json` block holding the document exactly as the
// input had it (decoded), so the engine holds the same document; names the language cannot write as
// a bare word are quoted.
import type { PolicyDocument } from '../engine/iam/state.js';
import { at, importError } from './source.js';
import { languageKeywords } from '../dsl/parse.js';
import { isAwsManagedPolicy } from '../engine/iam/aws-managed.js';
import { type AccountData, type ImportModel, type OrgNode, type OrgPolicy, type Principal } from './read.js';

/** Every keyword of the language (grammar/scenario.ne's literals that are words): as a name it is quoted. */
const KEYWORDS = new Set(languageKeywords());

/** A name as the language writes it: a bare word when it is one and no keyword, else a JSON string. */
export function name(text: string): string {
  return /^[A-Za-z0-9_.@+=-]+$/.test(text) && !KEYWORDS.has(text) && !/^\d+$/.test(text) ? text : JSON.stringify(text);
}

/** A managed policy where it is attached: a customer managed policy's name, an AWS managed policy's ARN. */
const policyRef = (nameOrArn: string): string => (isAwsManagedPolicy(nameOrArn) ? nameOrArn : name(nameOrArn));

/** A managed policy's ` path /p/` and ` version vN`, each when it is not the default (/ and v1). */
const place = (p: { readonly path: string; readonly version: string | null }): string =>
  `${p.path !== '/' ? ` path ${word(p.path)}` : ''}${p.version !== null && p.version !== 'v1' ? ` version ${p.version}` : ''}`;

/** A tag key or value, or a path: bare when it is a plain word (a key also may not hold `:`). */
const word = (text: string): string => (/^[A-Za-z0-9_./@+=-]+$/.test(text) && !KEYWORDS.has(text) ? text : JSON.stringify(text));

/** A document as a `json` block: one member a line, one statement a line (compact JSON), the same value. */
function jsonBlock(doc: PolicyDocument, indent: string): string {
  const inner = indent + '  ';
  const member = ([k, v]: [string, unknown]): string => {
    if (k === 'Statement' && Array.isArray(v) && v.length > 0) {
      return `${inner}${JSON.stringify(k)}: [\n${v.map((s) => `${inner}  ${JSON.stringify(s)}`).join(',\n')}\n${inner}]`;
    }
    return `${inner}${JSON.stringify(k)}: ${JSON.stringify(v)}`;
  };
  const members = Object.entries(doc);
  return members.length === 0 ? 'json {}' : `json {\n${members.map(member).join(',\n')}\n${indent}}`;
}

export interface WriteSummary {
  readonly accounts: number;
  readonly users: number;
  readonly groups: number;
  readonly roles: number;
  readonly policies: number;
  readonly skippedAwsManaged: string[];
}

export function writeWorld(model: ImportModel, sources: readonly string[]): { text: string; summary: WriteSummary } {
  const out: string[] = [];
  const names = accountNames(model);
  const summary = { accounts: 0, users: 0, groups: 0, roles: 0, policies: 0, skippedAwsManaged: [] as string[] };
  const ids = [...new Set([...model.accounts.keys(), ...orgAccounts(model)])];
  const shown = sources.length > 3 ? `${sources.slice(0, 3).join(', ')} and ${sources.length - 3} more` : sources.join(', ');
  out.push(
    `# Imported by \`simulate import\` from ${shown}.`,
    '# Policy documents are json blocks holding what IAM returned (URL-decoded); managed policies carry their',
    '# default version. AWS managed policies are declared once, first, with the documents the input holds, and',
    '# attached by their arn:aws:iam::aws:policy/ ARNs (docs/cli.md "simulate import").',
    `scenario ${JSON.stringify(`Imported world: ${ids.length} account${ids.length === 1 ? '' : 's'}${model.organization ? ` in ${model.organization.id}` : ''}`)}`,
    '',
  );
  for (const p of model.awsManaged.values()) {
    if (p.doc === null) continue;
    out.push(`aws-managed-policy ${name(p.name)}${place(p)} ${jsonBlock(p.doc.document, '')}`, '');
    summary.policies++;
  }
  for (const id of ids) {
    const acc = model.accounts.get(id);
    summary.accounts++;
    if (!acc || acc.users.size + acc.groups.size + acc.roles.size + acc.policies.size + acc.buckets.length + acc.keys.length === 0) {
      out.push(`account ${name(names.get(id)!)} ${id}`, '');
      continue;
    }
    out.push(`account ${name(names.get(id)!)} ${id} {`);
    writeAccount(acc, model, out, summary);
    out.push('}', '');
  }
  if (model.organization) writeOrganization(model, names, out);
  return { text: out.join('\n').replace(/\n+$/, '\n'), summary };
}

function orgAccounts(model: ImportModel): string[] {
  const ids: string[] = [];
  const walk = (n: OrgNode) => {
    for (const a of n.accounts) ids.push(a.id);
    n.ous.forEach(walk);
  };
  if (model.organization) {
    ids.push(model.organization.management);
    walk(model.organization.root);
  }
  return ids;
}

/** Account names: the organization's name for it made a word, else account-ID; unique. */
function accountNames(model: ImportModel): Map<string, string> {
  const given = new Map<string, string>();
  const walk = (n: OrgNode) => {
    for (const a of n.accounts) if (a.name) given.set(a.id, a.name);
    n.ous.forEach(walk);
  };
  if (model.organization) walk(model.organization.root);
  const out = new Map<string, string>();
  const taken = new Set<string>();
  for (const id of [...model.accounts.keys(), ...orgAccounts(model)]) {
    if (out.has(id)) continue;
    const raw = given.get(id) ?? '';
    let n = raw.replace(/[^A-Za-z0-9_.-]+/g, '-').replace(/^[-.]+|[-.]+$/g, '');
    if (!/^[A-Za-z]/.test(n) || KEYWORDS.has(n) || taken.has(n.toLowerCase())) n = n ? `${n}-${id}` : `account-${id}`;
    if (!/^[A-Za-z]/.test(n)) n = `account-${id}`;
    taken.add(n.toLowerCase());
    out.set(id, n);
  }
  return out;
}

function writeAccount(
  acc: AccountData,
  model: ImportModel,
  out: string[],
  summary: { users: number; groups: number; roles: number; policies: number; skippedAwsManaged: string[] },
): void {
  const I = '  ';
  // AWS managed policies are declared at the top when the input holds their documents
  const skipped = new Set<string>();
  const ref = (arn: string, where: import('./source.js').Where): string | null => {
    if (isAwsManagedPolicy(arn)) {
      if (model.awsManaged.get(arn)?.doc == null) {
        skipped.add(arn);
        return null;
      }
      return arn; // an ARN is written as it is
    }
    const p = acc.policies.get(arn);
    if (!p) {
      throw importError(where, `managed policy ${arn} is attached here but is not in the import`, {
        expected:
          "the account's customer managed policies in Policies (get-account-authorization-details without --filter, or with LocalManagedPolicy)",
      });
    }
    return p.name;
  };
  const body: string[] = [];
  const member = (p: Principal, kind: string, extra: (lines: string[]) => void) => {
    const lines: string[] = [];
    if (p.path !== '/') lines.push(`path ${word(p.path)}`);
    extra(lines);
    for (const i of p.inline) lines.push(`inline ${name(i.name)} ${jsonBlock(i.doc.document, I + I)}`);
    const attached = p.attached.map((a) => ref(a.arn, a.where)).filter((x): x is string => x !== null);
    if (attached.length > 0) lines.push(`attach ${attached.map(policyRef).join(', ')}`);
    if (p.boundary) {
      const b = ref(p.boundary.arn, p.boundary.where);
      if (b !== null) lines.push(`boundary ${policyRef(b)}`);
    }
    const tags = Object.entries(p.tags);
    if (tags.length > 0) lines.push(`tags { ${tags.map(([k, v]) => `${JSON.stringify(k)}: ${word(v)}`).join(', ')} }`);
    body.push(
      lines.length === 0 ? `${kind} ${name(p.name)}` : `${kind} ${name(p.name)} {\n${lines.map((l) => I + I + l).join('\n')}\n${I}}`,
    );
  };
  for (const g of acc.groups.values()) {
    member(g, 'group', () => {});
    summary.groups++;
  }
  for (const u of acc.users.values()) {
    member(u, 'user', (lines) => {
      for (const g of u.groups) {
        if (!acc.groups.has(g.name.toLowerCase()))
          throw importError(g.where, `user ${u.name} is in group ${g.name}, which is not in the import of account ${acc.id}`, {
            expected: 'the group in GroupDetailList (every page of the account)',
          });
      }
      if (u.groups.length > 0) lines.push(`groups ${u.groups.map((g) => name(acc.groups.get(g.name.toLowerCase())!.name)).join(', ')}`);
    });
    summary.users++;
  }
  const profiles = new Map<string, { name: string; path: string; role: string }>();
  for (const r of acc.roles.values()) {
    member(r, 'role', (lines) => lines.push(`trust ${jsonBlock(r.trust.document, I + I)}`));
    for (const ip of r.instanceProfiles)
      if (!profiles.has(ip.name.toLowerCase())) profiles.set(ip.name.toLowerCase(), { name: ip.name, path: ip.path, role: r.name });
    summary.roles++;
  }
  for (const p of profiles.values())
    body.push(`instance-profile ${name(p.name)} { role ${name(p.role)}${p.path !== '/' ? `; path ${word(p.path)}` : ''} }`);
  for (const b of acc.buckets) body.push(`bucket ${name(b.name)} {\n${I}${I}policy ${jsonBlock(b.doc.document, I + I)}\n${I}}`);
  for (const k of acc.keys) body.push(`resource ${k.arn} {\n${I}${I}policy ${jsonBlock(k.doc.document, I + I)}\n${I}}`);

  // managed policies first: they are declared before what attaches them, for the reader
  const head: string[] = [];
  for (const p of acc.policies.values()) {
    if (p.doc === null) continue;
    head.push(`policy ${name(p.name)}${place(p)} ${jsonBlock(p.doc.document, I)}`);
    summary.policies++;
  }
  for (const arn of skipped) {
    head.push(`# ${arn} is attached in this account, but its document is not in the import: left out`);
    if (!summary.skippedAwsManaged.includes(arn)) summary.skippedAwsManaged.push(arn);
  }
  for (const line of [...head, ...body]) out.push(I + line);
}

function writeOrganization(model: ImportModel, names: Map<string, string>, out: string[]): void {
  const org = model.organization!;
  const I = '  ';
  // policy names: unique across SCPs and RCPs in the language
  const policyName = new Map<OrgPolicy, string>();
  const taken = new Set(['fullawsaccess', 'rcpfullawsaccess']);
  for (const p of org.policies) {
    if (p.awsManaged && (p.name === 'FullAWSAccess' || p.name === 'RCPFullAWSAccess')) {
      policyName.set(p, p.name);
      continue;
    }
    let n = p.name;
    for (let i = 2; taken.has(n.toLowerCase()); i++) n = `${p.name}-${i}`;
    taken.add(n.toLowerCase());
    policyName.set(p, n);
  }
  const defined = new Set<OrgPolicy>();
  const policiesAt = (target: string, indent: string): string[] => {
    const lines: string[] = [];
    const here = org.policies.filter((p) => p.targets.includes(target));
    const full = org.policies.find((p) => p.awsManaged && p.name === 'FullAWSAccess');
    for (const p of here) {
      const n = policyName.get(p)!;
      if (p.awsManaged && (n === 'FullAWSAccess' || n === 'RCPFullAWSAccess')) continue; // attached everywhere by default
      if (defined.has(p)) lines.push(`${p.type} ${name(n)}`);
      else {
        defined.add(p);
        lines.push(`${p.type} ${name(n)} ${jsonBlock(p.doc.document, indent)}`);
      }
    }
    // FullAWSAccess stands everywhere unless detached: where the import shows it is not attached, detach it
    if (full && !full.targets.includes(target)) lines.push('detach FullAWSAccess');
    return lines;
  };
  /** the lines of a node, each with its absolute indentation */
  const node = (n: OrgNode, indent: string): string[] => {
    const lines = policiesAt(n.id, indent).map((l) => indent + l);
    for (const a of n.accounts) {
      const inner = policiesAt(a.id, indent + I);
      const head = `${indent}account ${name(names.get(a.id)!)}`;
      lines.push(inner.length === 0 ? head : `${head} {\n${inner.map((l) => indent + I + l).join('\n')}\n${indent}}`);
    }
    for (const ou of n.ous) {
      const inner = node(ou, indent + I);
      const head = `${indent}ou ${name(ou.name)} ${ou.id}`;
      lines.push(inner.length === 0 ? head : `${head} {\n${inner.join('\n')}\n${indent}}`);
    }
    return lines;
  };
  const lines = node(org.root, I);
  for (const p of org.policies) {
    if (!defined.has(p) && !(p.awsManaged && (p.name === 'FullAWSAccess' || p.name === 'RCPFullAWSAccess')) && p.targets.length > 0) {
      throw importError(
        at(org.where, 'ListTargetsForPolicy', p.id),
        `${p.type.toUpperCase()} ${p.name} is attached to targets outside the organization tree`,
      );
    }
  }
  out.push(`organization ${org.id} {`, `${I}management ${name(names.get(org.management)!)}`);
  out.push(...lines);
  out.push('}', '');
}
