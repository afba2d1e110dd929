// The JSON value after `json`: find where it ends (brackets balanced, strings skipped), then
// JSON.parse it; on failure src/json/check.ts locates the problem. A regex finds the end of values
// nested up to NESTING deep in native code (a loop over characters costs several milliseconds on
// a large file before the JIT warms up); anything it does not match, and any value JSON.parse
// rejects, goes through jsonSpan, which reports the problems in order.

import { BACKSLASH, LBRACE, LBRACKET, NEWLINE, QUOTE, RBRACE, RBRACKET } from '../json/char-codes.js';
import { findJsonError } from '../json/check.js';
import { posAt } from './token.js';

/** Reports a problem at an offset of the source (the caller turns it into a ScenarioError). */
export type JsonFail = (offset: number, message: string, expected?: string) => never;

export interface JsonText {
  readonly raw: string;
  readonly value: unknown;
  readonly end: number; // just after the closing bracket
  readonly newlines: number; // how many "\n" the value holds
  readonly lastNewline: number; // the offset of the last of them, or -1
}

const NESTING = 10;
const STRING = String.raw`"(?:[^"\\\n]|\\[^\n])*"`;
/**
 * A bracketed value, with strings as the scanner reads them. Every alternative starts with a
 * different character, so a failing match backtracks in linear time. It does not check that a
 * bracket closes one of its own kind: JSON.parse does.
 */
const BRACKETED = ((): RegExp => {
  let inner = `(?:[^"{}[\\]]|${STRING})*`;
  for (let depth = 1; depth < NESTING; depth++) inner = `(?:[^"{}[\\]]|${STRING}|[{[]${inner}[}\\]])*`;
  return new RegExp(`[{[]${inner}[}\\]]`, 'y');
})();

/** The JSON value that opens at `open` (a `{` or `[`), parsed. */
export function scanJson(source: string, open: number, fail: JsonFail): JsonText {
  const quick = matchValid(source, open);
  if (quick !== undefined) return quick;
  const span = jsonSpan(source, open, fail);
  const raw = source.slice(open, span.end);
  return { ...span, raw, value: parseJson(raw, open, fail) };
}

/** The value if BRACKETED matches it and it is valid JSON; then jsonSpan would agree. */
function matchValid(source: string, open: number): JsonText | undefined {
  let raw: string;
  let value: unknown;
  try {
    BRACKETED.lastIndex = open;
    if (!BRACKETED.test(source)) return undefined;
    raw = source.slice(open, BRACKETED.lastIndex);
    value = JSON.parse(raw);
  } catch {
    return undefined; // invalid JSON, or a regex stack overflow
  }
  let newlines = 0;
  let last = -1;
  for (let i = raw.indexOf('\n'); i !== -1; i = raw.indexOf('\n', i + 1)) {
    newlines++;
    last = i;
  }
  return { raw, value, end: open + raw.length, newlines, lastNewline: last < 0 ? -1 : open + last };
}

interface JsonSpan {
  readonly end: number; // just after the closing bracket
  readonly newlines: number; // how many "\n" the value holds
  readonly lastNewline: number; // the offset of the last of them, or -1
}

/** The end of the string whose quote is at `start`, or -1 if it does not close on its line. */
export function stringEnd(source: string, start: number): number {
  const len = source.length;
  for (let i = start + 1; i < len; i++) {
    const c = source.charCodeAt(i);
    if (c === QUOTE) return i + 1;
    if (c === NEWLINE) return -1;
    if (c === BACKSLASH) {
      if (i + 1 >= len || source.charCodeAt(i + 1) === NEWLINE) return -1;
      i++;
    }
  }
  return -1;
}

/** Matches the brackets of the JSON value that opens at `open`, reporting the first problem. */
function jsonSpan(source: string, open: number, fail: JsonFail): JsonSpan {
  const len = source.length;
  const stack: number[] = [];
  let newlines = 0;
  let lastNewline = -1;
  for (let i = open; i < len; i++) {
    const c = source.charCodeAt(i);
    if (c > RBRACE) continue; // nothing above "}" matters
    switch (c) {
      case NEWLINE:
        newlines++;
        lastNewline = i;
        break;
      case QUOTE: {
        const end = stringEnd(source, i);
        if (end < 0) fail(i, 'unterminated string in JSON: a string must close on the same line');
        i = end - 1;
        break;
      }
      case LBRACE:
      case LBRACKET:
        stack.push(i);
        break;
      case RBRACE:
      case RBRACKET: {
        const opened = stack.pop() ?? open;
        const want = source.charCodeAt(opened) === LBRACE ? '}' : ']';
        if (c !== want.charCodeAt(0)) mismatch(source, i, opened, want, fail);
        if (stack.length === 0) return { end: i + 1, newlines, lastNewline };
        break;
      }
    }
  }
  const top = stack[stack.length - 1] ?? open;
  return fail(top, `unterminated JSON: no "${source.charCodeAt(top) === LBRACE ? '}' : ']'}" closes this bracket`);
}

function mismatch(source: string, at: number, opened: number, want: string, fail: JsonFail): never {
  const { line, col } = posAt(source, opened);
  const what = `"${source.charAt(at)}" does not close the "${want === '}' ? '{' : '['}"`;
  return fail(at, `${what} at ${line}:${col}`, `"${want}"`);
}

/** The parsed value of the JSON text `raw` that starts at `start` in the source. */
function parseJson(raw: string, start: number, fail: JsonFail): unknown {
  try {
    return JSON.parse(raw);
  } catch (e) {
    const problem = findJsonError(raw);
    return fail(start + (problem?.index ?? 0), `invalid JSON: ${problem?.message ?? String(e)}`, problem?.expected);
  }
}
