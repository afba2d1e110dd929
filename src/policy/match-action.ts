// Action matching (IAM User Guide "IAM JSON policy elements: Action"): `*` matches every action;
// otherwise the service prefixes must be equal and the action-name part is a glob, both ignoring
// case. Literal actions are a set lookup. A pattern with no prefix, an empty name or white space in
// the name can never match.
import { compileGlob, matchGlob, type Glob } from './glob.js';
import { memo } from './memo.js';
import type { Probe } from './probe.js';

export interface ActionMatcher {
  readonly any: boolean;
  readonly literals: ReadonlySet<string> | null; // lower-case `service:name`
  readonly globs: readonly { readonly service: string; readonly g: Glob }[];
}

export function compileActions(patterns: readonly string[]): ActionMatcher {
  return compiled(JSON.stringify(patterns), () => compile(patterns));
}

const compiled = memo<ActionMatcher>();

function compile(patterns: readonly string[]): ActionMatcher {
  let any = false;
  const literals = new Set<string>();
  const globs: { service: string; g: Glob }[] = [];
  for (const raw of patterns) {
    const p = raw.toLowerCase();
    if (p === '*') {
      any = true;
      continue;
    }
    const colon = p.indexOf(':');
    if (colon <= 0 || p.indexOf(':', colon + 1) >= 0) continue;
    const service = p.slice(0, colon);
    const name = p.slice(colon + 1);
    if (name === '' || /\s/.test(name) || /[*?]/.test(service)) continue;
    if (/[*?]/.test(name)) globs.push({ service, g: compileGlob(name) });
    else literals.add(p);
  }
  return { any, literals: literals.size > 0 ? literals : null, globs };
}

export function matchAction(m: ActionMatcher, probe: Probe): boolean {
  if (m.any) return true;
  if (m.literals !== null && m.literals.has(probe.action)) return true;
  const globs = m.globs;
  for (let i = 0; i < globs.length; i++) {
    const g = globs[i]!;
    if (g.service === probe.service && matchGlob(g.g, probe.actionName)) return true;
  }
  return false;
}
