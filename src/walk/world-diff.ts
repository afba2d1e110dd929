// What changed in the world between two states: the leaves of the world (as JSON paths) that were
// added, changed or removed. Generic over every component's state, so new components need nothing.
import { isObject } from '../json/is-object.js';

export interface Change {
  readonly op: '+' | '~' | '-';
  readonly path: string;
  readonly before?: string;
  readonly after?: string;
}

const MAX = 72;

export function worldDiff(before: unknown, after: unknown): Change[] {
  const a = leaves(before, '');
  const b = leaves(after, '');
  const out: Change[] = [];
  for (const [path, value] of b) {
    const old = a.get(path);
    if (old === undefined) out.push({ op: '+', path, after: value });
    else if (old !== value) out.push({ op: '~', path, before: old, after: value });
  }
  const inB = parents(b.keys());
  for (const [path, value] of a) {
    const filled = (value === '{}' || value === '[]') && inB.has(path);
    if (!b.has(path) && !filled) out.push({ op: '-', path, before: value });
  }
  return out;
}

/** Lines for the changes, a new subtree (a new session, a new key) shown once with its fields. */
export function changeLines(changes: readonly Change[], before: unknown): string[] {
  const keys = [...leaves(before, '').keys()];
  const old = new Set([...keys, ...parents(keys)]);
  const out: string[] = [];
  let group: string | null = null;
  for (const c of changes) {
    const root = c.op === '+' ? newRoot(c.path, old) : null;
    if (root !== null && root !== c.path) {
      if (group !== root) out.push(`+ ${root}`);
      group = root;
      out.push(`    ${c.path.slice(root.length + 1)} = ${short(c.after ?? '')}`);
      continue;
    }
    group = null;
    out.push(changeText(c));
  }
  return out;
}

/** The shortest ancestor of `path` that did not exist before (`old`: the keys before, and their parents). */
function newRoot(path: string, old: ReadonlySet<string>): string {
  const parts = path.split('.');
  for (let i = 1; i < parts.length; i++) {
    const prefix = parts.slice(0, i).join('.');
    if (!old.has(prefix)) return prefix;
  }
  return path;
}

/**
 * Every p such that some key starts with `p.` or `p[`: each key cut before each "." and "[" in it
 * (a set, so that a walk's frame costs the world's size, not its square).
 */
function parents(keys: Iterable<string>): Set<string> {
  const out = new Set<string>();
  for (const k of keys) for (let i = 0; i < k.length; i++) if (k[i] === '.' || k[i] === '[') out.add(k.slice(0, i));
  return out;
}

export function changeText(c: Change): string {
  switch (c.op) {
    case '+':
      return `+ ${c.path} = ${short(c.after ?? '')}`;
    case '~':
      return `~ ${c.path}: ${short(c.before ?? '')} → ${short(c.after ?? '')}`;
    case '-':
      return `- ${c.path} (was ${short(c.before ?? '')})`;
  }
}

function short(text: string): string {
  return text.length <= MAX ? text : `${text.slice(0, MAX - 1)}…`;
}

/** Leaves by path: scalars and arrays of scalars are leaves; empty objects are leaves too. */
function leaves(value: unknown, path: string, out = new Map<string, string>()): Map<string, string> {
  if (isObject(value)) {
    const entries = Object.entries(value);
    if (entries.length === 0 && path !== '') out.set(path, '{}');
    for (const [k, v] of entries) leaves(v, path === '' ? k : `${path}.${/^[\w-]+$/.test(k) ? k : JSON.stringify(k)}`, out);
    return out;
  }
  if (Array.isArray(value) && value.some((v) => v !== null && typeof v === 'object')) {
    value.forEach((v, i) => leaves(v, `${path}[${i}]`, out));
    if (value.length === 0) out.set(path, '[]');
    return out;
  }
  out.set(path, typeof value === 'string' ? value : JSON.stringify(value));
  return out;
}
