// Resource matching (IAM User Guide "IAM JSON policy elements: Resource"). `*` alone matches
// everything, including the `*` resource of wildcard-only actions. Otherwise
// partition/service/region/account match segment by segment, where a `*` that ends a segment may
// run past colons, and the resource part (after the 5th colon) is a glob whose `*`/`?` also match
// `/` and `:`. Matching is case-sensitive. Policy variables are only allowed in the resource part;
// an unresolvable one makes the entry match nothing (IAM User Guide "IAM policy elements: Variables
// and tags").
import { buildGlob, globTokens, matchGlob, MATCH_ALL, STAR, type Glob, type GlobToken } from './glob.js';
import { memo } from './memo.js';
import type { Probe } from './probe.js';
import { parseTemplate, resolveTemplate, staticTokens, type TemplatePart } from './variables.js';

export type ResourceEntry =
  | { readonly k: 'glob'; readonly g: Glob }
  | { readonly k: 're'; readonly re: RegExp }
  /** resource part with variables; `head` is the glob tokens of the first five parts, or a regex source */
  | {
      readonly k: 'tmpl';
      readonly head: readonly GlobToken[] | string;
      readonly parts: readonly TemplatePart[];
    };

export function compileResource(pattern: string, variables: boolean): ResourceEntry {
  return compiled(`${variables ? 'v' : '-'}${pattern}`, () => compile(pattern, variables));
}

const compiled = memo<ResourceEntry>();

function compile(pattern: string, variables: boolean): ResourceEntry {
  if (pattern === '*') return { k: 'glob', g: MATCH_ALL };
  const cut = nthColon(pattern, 5);
  const head = cut < 0 ? pattern : pattern.slice(0, cut + 1);
  const rest = cut < 0 ? '' : pattern.slice(cut + 1);
  const parts = parseTemplate(rest, { variables, wildcards: true });
  const tail = staticTokens(parts);
  const plain = headIsPlain(head);
  if (tail === null) return { k: 'tmpl', head: plain ? globTokens(head) : headRegex(head), parts };
  if (plain) return { k: 'glob', g: buildGlob([...globTokens(head), ...tail]) };
  return { k: 're', re: new RegExp(`^${headRegex(head)}${tailRegex(tail)}$`, 's') };
}

export function matchResourceEntry(e: ResourceEntry, resource: string, probe: Probe): boolean {
  switch (e.k) {
    case 'glob':
      return matchGlob(e.g, resource);
    case 're':
      return e.re.test(resource);
    case 'tmpl': {
      const tail = resolveTemplate(e.parts, probe);
      if (tail === null) return false;
      if (typeof e.head === 'string') {
        return new RegExp(`^${e.head}${tailRegex(tail)}$`, 's').test(resource);
      }
      return matchGlob(buildGlob([...e.head, ...tail]), resource);
    }
  }
}

function nthColon(s: string, n: number): number {
  let at = -1;
  for (let i = 0; i < n; i++) {
    at = s.indexOf(':', at + 1);
    if (at < 0) return -1;
  }
  return at;
}

/** No `?` and every `*` ends its segment: the head then behaves like a plain glob. */
function headIsPlain(head: string): boolean {
  for (let i = 0; i < head.length; i++) {
    const c = head[i];
    if (c === '?') return false;
    if (c === '*' && i + 1 < head.length && head[i + 1] !== ':') return false;
  }
  return true;
}

function headRegex(head: string): string {
  let src = '';
  for (let i = 0; i < head.length; i++) {
    const c = head[i]!;
    if (c === '*') src += i + 1 === head.length || head[i + 1] === ':' ? '.*' : '[^:]*';
    else if (c === '?') src += '[^:]';
    else src += escapeRe(c);
  }
  return src;
}

function tailRegex(tokens: readonly GlobToken[]): string {
  let src = '';
  for (const t of tokens) src += t === STAR ? '.*' : typeof t === 'string' ? escapeRe(t) : '.';
  return src;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
