// ARN condition operators (IAM User Guide "IAM JSON policy elements: Condition operators"): both
// ARNs are split into six colon-delimited components (the sixth is the remainder) and each
// component is glob-matched on its own, case-sensitively, so a wildcard never borrows characters
// across a component colon. A request value that is not an ARN makes the comparison fail for
// positive and negated operators alike.
import { buildGlob, matchGlob, type Glob, type GlobToken } from '../glob.js';

export type ArnPattern = readonly Glob[];

/** Splits pattern tokens at the colons of their literal text into at most six components. */
export function compileArnPattern(tokens: readonly GlobToken[]): ArnPattern {
  const comps: GlobToken[][] = [[]];
  for (const t of tokens) {
    if (typeof t !== 'string') {
      comps[comps.length - 1]!.push(t);
      continue;
    }
    let rest = t;
    while (comps.length < 6) {
      const colon = rest.indexOf(':');
      if (colon < 0) break;
      if (colon > 0) comps[comps.length - 1]!.push(rest.slice(0, colon));
      comps.push([]);
      rest = rest.slice(colon + 1);
    }
    if (rest !== '') comps[comps.length - 1]!.push(rest);
  }
  return comps.map((c) => buildGlob(c));
}

const splitCache = new Map<string, readonly string[] | null>();

/** The six components of a request ARN, or null when the value is not an ARN. */
export function splitArn(value: string): readonly string[] | null {
  const hit = splitCache.get(value);
  if (hit !== undefined) return hit;
  let parts: string[] | null = null;
  if (value.startsWith('arn:')) {
    const p = value.split(':');
    parts = p.length < 6 ? null : [...p.slice(0, 5), p.slice(5).join(':')];
  }
  if (splitCache.size > 4096) splitCache.clear();
  splitCache.set(value, parts);
  return parts;
}

export function matchArn(pattern: ArnPattern, parts: readonly string[]): boolean {
  const n = pattern.length;
  for (let i = 0; i < n - 1; i++) if (!matchGlob(pattern[i]!, parts[i]!)) return false;
  const last = n === 6 ? parts[5]! : parts.slice(n - 1).join(':');
  return matchGlob(pattern[n - 1]!, last);
}
