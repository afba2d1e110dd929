// Shape helpers shared by the validators: a string or a list of strings, with element paths.
import type { PolicyProblem } from '../types.js';
import { malformed, MSG, type Path } from './messages.js';

/** [value, path] pairs of a string-or-list element; null (and a problem) when the shape is wrong. */
export function eachString(value: unknown, path: Path, out: PolicyProblem[]): [string, Path][] | null {
  if (typeof value === 'string') return [[value, path]];
  if (!Array.isArray(value)) {
    out.push(malformed(MSG.syntax, path));
    return null;
  }
  const items: [string, Path][] = [];
  let ok = true;
  value.forEach((v: unknown, i) => {
    if (typeof v === 'string') items.push([v, [...path, i]]);
    else {
      out.push(malformed(MSG.syntax, [...path, i]));
      ok = false;
    }
  });
  return ok ? items : null;
}

/**
 * An element that names at least one value (Action, Resource and their Not forms): a string or a
 * list of strings, not empty (`empty` is the message then), each checked by `problem`.
 */
export function checkNamed(value: unknown, path: Path, empty: string, problem: (v: string) => string | null, out: PolicyProblem[]): void {
  const entries = eachString(value, path, out);
  if (entries === null) return;
  if (entries.length === 0) {
    out.push(malformed(empty, path));
    return;
  }
  for (const [v, at] of entries) {
    const found = problem(v);
    if (found !== null) out.push(malformed(found, at));
  }
}
