// The token cursor of the fast parser (fast-parse.ts): one token of lookahead, pulled from the
// scanner as the parser goes. Anything the fast parser does not accept throws BAIL, and
// parseScenario hands the whole input to nearley instead.

import type { Text } from './ast.js';
import { type Cons, snoc, text } from './build.js';
import type { Scanner } from './scanner.js';
import type { Token } from './token.js';

export interface Cursor {
  /** the scanner's next() */
  readonly next: Scanner['next'];
  /** the current token; undefined at the end of the input */
  tok: Token | undefined;
}

/** Thrown (never built anew) when the input is not for the fast parser. */
export const BAIL: Error = new Error('not for the fast parser: nearley decides');

export function bail(): never {
  throw BAIL;
}

/** A builder's `reject` (null here) means this derivation does not exist: bail. */
export function accepted<T>(node: T | null): T {
  if (node === null) bail();
  return node;
}

export function take(c: Cursor): Token {
  const t = c.tok;
  if (t === undefined) bail();
  c.tok = c.next();
  return t;
}

/** Is the current token the literal `literal`? (nearley matches literals against the source text) */
export function at(c: Cursor, literal: string): boolean {
  const t = c.tok;
  return t !== undefined && t.text === literal;
}

export function expect(c: Cursor, literal: string): Token {
  const t = c.tok;
  if (t === undefined || t.text !== literal) bail();
  c.tok = c.next();
  return t;
}

/** `";":?` after an item */
export function skipSemicolon(c: Cursor): void {
  if (c.tok !== undefined && c.tok.text === ';') c.tok = c.next();
}

export function isName(t: Token | undefined): t is Token {
  return t !== undefined && (t.type === 'word' || t.type === 'string');
}

/** Name -> %word | %string */
export function name(c: Cursor): Text {
  const t = take(c);
  if (t.type !== 'word' && t.type !== 'string') bail();
  return text(t);
}

/** `(keyword Name):?`: the Name after `keyword` where the current token is `keyword`, else null. */
export function nameAfter(c: Cursor, keyword: string): Text | null {
  if (!at(c, keyword)) return null;
  take(c);
  return name(c);
}

/** NameList -> Name ("," Name)* */
export function nameList(c: Cursor): Cons<Text> {
  let list = snoc(null, name(c));
  while (at(c, ',')) {
    take(c);
    list = snoc(list, name(c));
  }
  return list;
}

/** `"{" Members "}"` with `Members -> null | Members Member ";":?`; `member` gets its first token. */
export function block<T>(c: Cursor, member: (c: Cursor, first: Token) => T): Cons<T> | null {
  expect(c, '{');
  let list: Cons<T> | null = null;
  while (!at(c, '}')) {
    list = snoc(list, member(c, take(c)));
    skipSemicolon(c);
  }
  take(c);
  return list;
}

/** `Body:?` where the body is a block. */
export function optionalBlock<T>(c: Cursor, member: (c: Cursor, first: Token) => T): Cons<T> | null {
  return at(c, '{') ? block(c, member) : null;
}
