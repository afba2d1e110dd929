// Policy text parsing that notices repeated keys: the grammar forbids them (IAM User Guide "Grammar
// of the IAM JSON policy language") while JSON.parse silently keeps the last one, which would
// evaluate a truncated condition.
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
  const scanner = { text, at: 0 };
  try {
    scanValue(scanner, [], duplicates);
  } catch {
    // JSON.parse accepted it, so the scanner cannot fail on valid input; keep the parse
  }
  return { value, duplicates };
}

interface Scanner {
  readonly text: string;
  at: number;
}

function skipWs(s: Scanner): void {
  while (s.at < s.text.length && ' \t\n\r'.includes(s.text[s.at]!)) s.at++;
}

function scanValue(s: Scanner, path: Path, dups: Path[]): void {
  skipWs(s);
  const c = s.text[s.at];
  if (c === '{') scanObject(s, path, dups);
  else if (c === '[') scanArray(s, path, dups);
  else if (c === '"') scanString(s);
  else while (s.at < s.text.length && !',]} \t\n\r'.includes(s.text[s.at]!)) s.at++;
}

function scanObject(s: Scanner, path: Path, dups: Path[]): void {
  s.at++;
  const seen = new Set<string>();
  skipWs(s);
  if (s.text[s.at] === '}') {
    s.at++;
    return;
  }
  for (;;) {
    skipWs(s);
    const key = scanString(s);
    if (seen.has(key)) dups.push([...path, key]);
    seen.add(key);
    skipWs(s);
    s.at++; // ':'
    scanValue(s, [...path, key], dups);
    skipWs(s);
    if (s.text[s.at++] === '}') return;
  }
}

function scanArray(s: Scanner, path: Path, dups: Path[]): void {
  s.at++;
  skipWs(s);
  if (s.text[s.at] === ']') {
    s.at++;
    return;
  }
  for (let i = 0; ; i++) {
    scanValue(s, [...path, i], dups);
    skipWs(s);
    if (s.text[s.at++] === ']') return;
  }
}

function scanString(s: Scanner): string {
  const start = s.at;
  s.at++;
  while (s.at < s.text.length && s.text[s.at] !== '"') s.at += s.text[s.at] === '\\' ? 2 : 1;
  s.at++;
  return JSON.parse(s.text.slice(start, s.at)) as string;
}
