// The scanner: source text → tokens, one at a time, dispatching by hand on character codes (moo
// spent most of its time in per-token overhead; words and JSON values are matched by sticky
// regexes, native code that needs no JIT warm-up). Whitespace and `#` comments are dropped;
// strings are decoded; `json {…}` becomes the word `json`, then the whole JSON value as one
// token. Bad input is a located ScenarioError. test/dsl/scanner.test.ts checks tokens and errors
// against the moo lexer it replaced (test/dsl/oracle).

import { ScenarioError } from '../errors.js';
import { BOM, COLON, LBRACE, LBRACKET, NEWLINE, QUOTE, SPACE as BLANK } from '../json/char-codes.js';
import { scanJson, stringEnd } from './scan-json.js';
import { decodeString, trimIndent } from './strings.js';
import { posAt, type Token, type TokenType } from './token.js';

export interface Scanner {
  /** The next token, undefined at the end; throws a ScenarioError at bad input. */
  next(): Token | undefined;
}

// Character classes of ASCII: a plain word is a run of letters, digits and _ - . / : * ? @ + =
// and $ (with ${…} allowed inside: `${` then no "}", whitespace or quote before its "}");
// whitespace is [ \t\r\n\f\v] and U+FEFF.
const WORD = 1;
const SPACE = 2;
const PUNCT = 3;
const CLASS = new Uint8Array(128);
for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-./:*?@+=') {
  CLASS[c.charCodeAt(0)] = WORD;
}
for (const c of ' \t\r\n\f\v') CLASS[c.charCodeAt(0)] = SPACE;
for (const c of '{}[],;') CLASS[c.charCodeAt(0)] = PUNCT;

const HASH = 0x23;
const DOLLAR = 0x24;
const EQUALS = 0x3d;
const J = 0x6a;
/** A plain word, `${…}` included (a regex: native code beats a loop before the JIT warms up). */
const WORD_RUN = /(?:[A-Za-z0-9_\-./:*?@+=]|\$(?:\{[^}\s"]*\})?)+/y;

const UNTERMINATED_STRING = 'unterminated string: a quoted string must close on the same line (use """ for several lines)';

const isSpace = (c: number): boolean => (c < 128 ? CLASS[c] === SPACE : c === BOM);
const isWordChar = (c: number): boolean => (c < 128 && CLASS[c] === WORD) || c === DOLLAR;

/** Where a scanner starts: the file's start, or a token's (a top-level item's first token, to scan that item again). */
export interface ScanStart {
  readonly offset: number;
  readonly line: number;
  /** the offset just after the last "\n" before `offset` */
  readonly lineStart: number;
}

/** Where `token` starts, to scan from it again. */
export const startOf = (token: Token): ScanStart => ({ offset: token.offset, line: token.line, lineStart: token.offset - token.col + 1 });

export function createScanner(source: string, file: string, start?: ScanStart): Scanner {
  const len = source.length;
  let pos = start?.offset ?? 0;
  let line = start?.line ?? 1;
  let lineStart = start?.lineStart ?? 0; // the offset just after the last "\n"
  let queued: Token | undefined;

  const fail = (offset: number, message: string, length = 1, expected?: string): never => {
    const at = posAt(source, offset);
    throw new ScenarioError({ file, pos: at, message, length, ...(expected ? { expected } : {}) });
  };
  const jsonFail = (offset: number, message: string, expected?: string): never => fail(offset, message, 1, expected);

  // one object shape for every token
  const token = (type: TokenType, value: string, text: string, start: number, json?: unknown): Token => ({
    type,
    value,
    text,
    offset: start,
    line,
    col: start - lineStart + 1,
    json,
  });

  /** Counts the line breaks in source[from, to). */
  function passLines(from: number, to: number): void {
    for (let i = source.indexOf('\n', from); i !== -1 && i < to; i = source.indexOf('\n', i + 1)) {
      line++;
      lineStart = i + 1;
    }
  }

  function quoted(start: number): Token {
    if (source.startsWith('"""', start)) {
      const close = source.indexOf('"""', start + 3);
      if (close < 0) fail(start, 'unterminated triple-quoted string: no closing """', 3);
      const text = source.slice(start, close + 3);
      const t = token('tstring', trimIndent(text.slice(3, -3)), text, start);
      pos = close + 3;
      passLines(start, pos);
      return t;
    }
    const end = stringEnd(source, start);
    if (end < 0) fail(start, UNTERMINATED_STRING);
    const isKey = source.charCodeAt(end) === COLON;
    pos = isKey ? end + 1 : end;
    const value = decodeString(source.slice(start + 1, end - 1), (i, m) => fail(start + 1 + i, m));
    return token(isKey ? 'key' : 'string', value, source.slice(start, pos), start);
  }

  /** `json` before `{` or `[`: the word, with the JSON value queued as the next token. */
  function json(start: number): Token | undefined {
    let open = start + 4;
    while (open < len && isSpace(source.charCodeAt(open))) open++;
    const bracket = source.charCodeAt(open);
    if (bracket !== LBRACE && bracket !== LBRACKET) return undefined;
    const word = token('word', 'json', 'json', start);
    passLines(start, open);
    const value = scanJson(source, open, jsonFail);
    queued = token('jsontext', value.raw, value.raw, open, value.value);
    pos = value.end;
    if (value.newlines > 0) {
      line += value.newlines;
      lineStart = value.lastNewline + 1;
    }
    return word;
  }

  function word(start: number): Token {
    WORD_RUN.lastIndex = start;
    WORD_RUN.test(source);
    const i = WORD_RUN.lastIndex;
    pos = i;
    const text = source.slice(start, i);
    // a word ending in ":" before whitespace or the end is a key (`RoleArn: …`)
    if (i - start > 1 && source.charCodeAt(i - 1) === COLON && (i === len || isSpace(source.charCodeAt(i)))) {
      return token('key', text.slice(0, -1), text, start);
    }
    return token('word', text, text, start);
  }

  function next(): Token | undefined {
    if (queued !== undefined) {
      const t = queued;
      queued = undefined;
      return t;
    }
    while (pos < len) {
      const start = pos;
      const c = source.charCodeAt(start);
      if (c === BLANK) {
        pos++; // the most frequent character, first
        continue;
      }
      const kind = c < 128 ? CLASS[c] : c === BOM ? SPACE : 0;
      if (kind === SPACE) {
        pos++;
        if (c === NEWLINE) {
          line++;
          lineStart = pos;
        }
      } else if (kind === PUNCT) {
        pos++;
        const text = source.charAt(start);
        return token('punct', text, text, start);
      } else if (kind === WORD || c === DOLLAR) {
        if (c === J && source.startsWith('json', start)) {
          const t = json(start);
          if (t) return t;
        }
        // a lone "=" (expect response PATH = VALUE); inside a word it is a word character
        if (c === EQUALS && !(start + 1 < len && isWordChar(source.charCodeAt(start + 1)))) {
          pos++;
          return token('punct', '=', '=', start);
        }
        return word(start);
      } else if (c === HASH) {
        const nl = source.indexOf('\n', start);
        pos = nl < 0 ? len : nl;
      } else if (c === QUOTE) {
        return quoted(start);
      } else {
        return fail(start, `unexpected character ${JSON.stringify(source.charAt(start))}`);
      }
    }
    return undefined;
  }

  return { next };
}
