// Policy text parsing that notices repeated keys: the grammar forbids them (IAM User Guide "Grammar
// of the IAM JSON policy language") while JSON.parse silently keeps the last one, which would
// evaluate a truncated condition.
import { LBRACE, LBRACKET } from '../../json/char-codes.js';
import { elements, members, skipWs } from '../../json/locate.js';
import type { Path } from './messages.js';

export interface ParsedText {
  readonly value: unknown;
  readonly duplicates: readonly Path[];
}

/** The parsed document and the paths of repeated keys; null when the text is not JSON. */
export function parseJsonText(text: string): ParsedText | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  const duplicates: Path[] = [];
  try {
    scanValue(text, skipWs(text, 0), [], duplicates);
  } catch {
    // JSON.parse accepted it, so the walk cannot fail on valid input; keep the parse
  }
  return { value, duplicates };
}

/** Records, in text order, the path of every key an object repeats, in the value at `at` and below. */
function scanValue(text: string, at: number, path: Path, dups: Path[]): void {
  const c = text.charCodeAt(at);
  if (c === LBRACE) {
    const seen = new Set<string>();
    for (const m of members(text, at)) {
      if (seen.has(m.key)) dups.push([...path, m.key]);
      seen.add(m.key);
      scanValue(text, m.valueAt, [...path, m.key], dups);
    }
  } else if (c === LBRACKET) {
    elements(text, at).forEach((e, i) => scanValue(text, e.start, [...path, i], dups));
  }
}
