// The scenario lexer: moo does the scanning, this wrapper decodes strings, drops whitespace and
// comments, turns `json {…}` into one token and reports bad input as located ScenarioErrors.
// It implements the lexer interface nearley expects (reset, next, save, formatError, has).

import type moo from 'moo';
import { ScenarioError } from '../errors.js';
import { findJsonError } from './json-check.js';
import { compileRules } from './lexer-rules.js';
import { decodeString, trimIndent } from './strings.js';

/** Token types the grammar refers to with `%type`; punctuation and keywords are matched by text. */
export type TokenType = 'word' | 'string' | 'tstring' | 'key' | 'jsontext' | 'punct';

export type Token = {
  readonly type: TokenType;
  /** decoded: a string without quotes, a key without its colon, a triple-quoted string dedented */
  readonly value: string;
  /** the exact source text (nearley matches keyword literals against it, so "allow" ≠ allow) */
  readonly text: string;
  readonly offset: number; // 0-based
  readonly line: number; // 1-based
  readonly col: number; // 1-based
  /** the parsed value of a `jsontext` token */
  readonly json?: unknown;
};

const GRAMMAR_TYPES: ReadonlySet<string> = new Set(['word', 'string', 'tstring', 'key', 'jsontext']);

const UNTERMINATED_STRING =
  'unterminated string: a quoted string must close on the same line (use """ for several lines)';

interface Pos {
  readonly line: number;
  readonly col: number;
  readonly offset: number;
}

export interface ScenarioLexer {
  reset(chunk: string, info?: { readonly moo?: moo.LexerState }): void;
  next(): Token | undefined;
  save(): { readonly moo: moo.LexerState };
  formatError(token: Token, message?: string): string;
  has(type: string): boolean;
  /** the last token handed to the parser (what a parse error is about) */
  readonly lastToken: Token | undefined;
  /** the error thrown by next(), kept because nearley wraps lexer errors in plain Errors */
  readonly lastError: ScenarioError | undefined;
  /** just after the last token (where "unexpected end of file" points) */
  endPos(): Pos;
}

/** Where `text` ends if it starts at `start`. */
function advance(start: Pos, text: string, upTo = text.length): Pos {
  let line = start.line;
  let lastNl = -1;
  for (let i = text.indexOf('\n'); i !== -1 && i < upTo; i = text.indexOf('\n', i + 1)) {
    line++;
    lastNl = i;
  }
  const col = lastNl === -1 ? start.col + upTo : upTo - lastNl;
  return { line, col, offset: start.offset + upTo };
}

export function createLexer(file: string): ScenarioLexer {
  const lexer = compileRules();
  let source = '';
  let queued: Token | undefined;
  let lastToken: Token | undefined;
  let lastError: ScenarioError | undefined;

  const fail = (pos: Pos, message: string, length = 1, expected?: string): never => {
    lastError = new ScenarioError({ file, pos, message, length, ...(expected ? { expected } : {}) });
    throw lastError;
  };

  const make = (type: TokenType, value: string, t: Pos & { readonly text: string }): Token => ({
    type,
    value,
    text: t.text,
    offset: t.offset,
    line: t.line,
    col: t.col,
  });

  /** `json {…}`: emit the word `json`, then queue the whole balanced JSON value as one token. */
  function scanJson(open: moo.Token): Token {
    const start = advance(open, open.text, open.text.length - 1);
    const brackets: Pos[] = [start];
    const closers: string[] = [open.text.endsWith('{') ? '}' : ']'];
    let end = -1;
    while (end < 0) {
      const t = lexer.next();
      if (t === undefined) {
        const top = brackets[brackets.length - 1] ?? start;
        fail(top, `unterminated JSON: no "${closers[closers.length - 1]}" closes this bracket`);
      } else if (t.type === 'jopen') {
        brackets.push(t);
        closers.push(t.text === '{' ? '}' : ']');
      } else if (t.type === 'jclose') {
        const want = closers.pop();
        const opened = brackets.pop();
        if (t.text !== want && opened) {
          const what = `"${t.text}" does not close the "${want === '}' ? '{' : '['}"`;
          fail(t, `${what} at ${opened.line}:${opened.col}`, 1, `"${want}"`);
        }
        if (closers.length === 0) end = t.offset + 1;
      } else if (t.type === 'jstringOpen') {
        fail(t, 'unterminated string in JSON: a string must close on the same line');
      }
    }
    const raw = source.slice(start.offset, end);
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch (e) {
      const problem = findJsonError(raw);
      const at = advance(start, raw, problem?.index ?? 0);
      fail(at, `invalid JSON: ${problem?.message ?? String(e)}`, 1, problem?.expected);
    }
    queued = { ...make('jsontext', raw, { ...start, text: raw }), json };
    return make('word', 'json', { line: open.line, col: open.col, offset: open.offset, text: 'json' });
  }

  function read(): Token | undefined {
    if (queued) {
      const t = queued;
      queued = undefined;
      return t;
    }
    for (;;) {
      const t = lexer.next();
      if (t === undefined) return undefined;
      switch (t.type) {
        case 'ws':
        case 'comment':
          continue;
        case 'word':
        case 'punct':
        case 'eq':
          return make(t.type === 'word' ? 'word' : 'punct', t.text, t);
        case 'key':
          return make('key', t.text.slice(0, -1), t);
        case 'string':
        case 'skey': {
          const body = t.text.slice(1, t.type === 'string' ? -1 : -2);
          const value = decodeString(body, (i, m) => fail(advance(t, t.text, i + 1), m));
          return make(t.type === 'string' ? 'string' : 'key', value, t);
        }
        case 'tstring':
          return make('tstring', trimIndent(t.text.slice(3, -3)), t);
        case 'jsonOpen':
          return scanJson(t);
        case 'tstringOpen':
          return fail(t, 'unterminated triple-quoted string: no closing """', 3);
        case 'stringOpen':
          return fail(t, UNTERMINATED_STRING);
        default:
          return fail(t, `unexpected character ${JSON.stringify(t.text)}`);
      }
    }
  }

  return {
    reset(chunk, info) {
      source = chunk;
      queued = undefined;
      lastToken = undefined;
      lastError = undefined;
      lexer.reset(chunk, info?.moo);
    },
    next() {
      const t = read();
      if (t) lastToken = t;
      return t;
    },
    save: () => ({ moo: lexer.save() }),
    formatError: (token, message = 'syntax error') =>
      `${message} at line ${token.line} col ${token.col}`,
    has: (type) => GRAMMAR_TYPES.has(type),
    get lastToken() {
      return lastToken;
    },
    get lastError() {
      return lastError;
    },
    endPos: () => (lastToken ? advance(lastToken, lastToken.text) : { line: 1, col: 1, offset: 0 }),
  };
}

/** The instance the generated grammar names; parseScenario gives each parse its own lexer. */
export const lexer = createLexer('<scenario>');
