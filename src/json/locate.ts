// Position-keeping walks over JSON text that JSON.parse has already accepted: where the value at a
// path (or its member key) starts, where a value ends, and where a character of a string literal
// sits in the raw text. Iterative and allocation-light, so large input files stay cheap. Used for
// `simulate eval` input and for the JSON policies of scenarios.

import { BACKSLASH, COMMA, CR, LBRACE, LBRACKET, NEWLINE, QUOTE, RBRACE, RBRACKET, SPACE, TAB } from './char-codes.js';

export type JsonPath = readonly (string | number)[];

export function skipWs(t: string, i: number): number {
  for (;;) {
    const c = t.charCodeAt(i);
    if (c === SPACE || c === NEWLINE || c === CR || c === TAB) i++;
    else return i;
  }
}

/** The offset just after the string literal whose opening quote is at `i`. */
function stringEnd(t: string, i: number): number {
  for (i++; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c === QUOTE) return i + 1;
    if (c === BACKSLASH) i++;
  }
  return t.length;
}

/** The offset just after the value that starts at `i`. */
export function valueEnd(t: string, i: number): number {
  const first = t.charCodeAt(i);
  if (first === QUOTE) return stringEnd(t, i);
  if (first !== LBRACE && first !== LBRACKET) {
    while (i < t.length && !',]} \t\n\r'.includes(t.charAt(i))) i++;
    return i;
  }
  let depth = 0;
  while (i < t.length) {
    const c = t.charCodeAt(i);
    if (c === QUOTE) {
      i = stringEnd(t, i);
      continue;
    }
    if (c === LBRACE || c === LBRACKET) depth++;
    else if ((c === RBRACE || c === RBRACKET) && --depth === 0) return i + 1;
    i++;
  }
  return t.length;
}

export interface Member {
  readonly key: string;
  readonly keyAt: number;
  readonly valueAt: number;
}

/** The members of the object whose `{` is at `at`, in text order. */
export function members(t: string, at: number): Member[] {
  const out: Member[] = [];
  let i = skipWs(t, at + 1);
  if (t.charCodeAt(i) === RBRACE) return out;
  for (;;) {
    const keyAt = i;
    const keyEnd = stringEnd(t, i);
    const raw = t.slice(keyAt + 1, keyEnd - 1);
    const key = raw.includes('\\') ? (JSON.parse(t.slice(keyAt, keyEnd)) as string) : raw;
    const valueAt = skipWs(t, skipWs(t, keyEnd) + 1); // past ':'
    out.push({ key, keyAt, valueAt });
    i = skipWs(t, valueEnd(t, valueAt));
    if (t.charCodeAt(i) !== COMMA) return out;
    i = skipWs(t, i + 1);
  }
}

export interface Span {
  readonly start: number;
  readonly end: number; // exclusive
}

/** The elements of the array whose `[` is at `at`. */
export function elements(t: string, at: number): Span[] {
  const out: Span[] = [];
  let i = skipWs(t, at + 1);
  if (t.charCodeAt(i) === RBRACKET) return out;
  for (;;) {
    const end = valueEnd(t, i);
    out.push({ start: i, end });
    i = skipWs(t, end);
    if (t.charCodeAt(i) !== COMMA) return out;
    i = skipWs(t, i + 1);
  }
}

export interface Located {
  readonly offset: number; // where the value at the path starts (or the deepest ancestor found)
  readonly keyAt: number | null; // the member key of the last step, when it is an object member
  readonly found: boolean;
}

/** Where the value at `path` starts in `t`, the document's value starting at or after `from`. */
export function locate(t: string, path: JsonPath, from = 0): Located {
  let i = skipWs(t, from);
  let keyAt: number | null = null;
  for (const step of path) {
    const c = t.charCodeAt(i);
    if (typeof step === 'string' && c === LBRACE) {
      // JSON.parse keeps the last of repeated keys, so the last one is the value in force
      const m = members(t, i)
        .filter((x) => x.key === step)
        .pop();
      if (m === undefined) return { offset: i, keyAt, found: false };
      i = m.valueAt;
      keyAt = m.keyAt;
    } else if (typeof step === 'number' && c === LBRACKET) {
      const e = elements(t, i)[step];
      if (e === undefined) return { offset: i, keyAt, found: false };
      i = e.start;
      keyAt = null;
    } else return { offset: i, keyAt, found: false };
  }
  return { offset: i, keyAt, found: true };
}

/** The raw offset of the decoded character `index` of the string literal opening at `quoteAt`. */
export function rawStringOffset(t: string, quoteAt: number, index: number): number {
  let i = quoteAt + 1;
  for (let k = 0; k < index && i < t.length; k++) {
    if (t.charCodeAt(i) === BACKSLASH) i += t.charAt(i + 1) === 'u' ? 6 : 2;
    else i++;
  }
  return i;
}

export interface LineCol {
  readonly line: number; // 1-based
  readonly col: number; // 1-based
}

/**
 * Which characters end a line: `any` (CR LF, LF and a lone CR), as for the JSON input of
 * `simulate eval`; `lf` ("\n" only), as the scenario scanner counts lines.
 */
export type LineBreaks = 'any' | 'lf';

/** Offset → line and column in `t` (the one such function: scenarios and eval input use it). */
export function lineIndex(t: string, breaks: LineBreaks = 'any'): (offset: number) => LineCol {
  const starts = [0];
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c === NEWLINE) starts.push(i + 1);
    else if (c === CR && breaks === 'any') {
      if (t.charCodeAt(i + 1) === NEWLINE) i++;
      starts.push(i + 1);
    }
  }
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, col: offset - starts[lo]! + 1 };
  };
}

/** Where `inner` (a line and column inside some text) is when that text starts at `start`. */
export function shiftedBy(start: LineCol, inner: LineCol): LineCol {
  return inner.line === 1 ? { line: start.line, col: start.col + inner.col - 1 } : { line: start.line + inner.line - 1, col: inner.col };
}
