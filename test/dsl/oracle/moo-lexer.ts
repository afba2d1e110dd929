// The former lexer, built on moo (kept as the reference the hand-written scanner is checked
// against): moo does the scanning, this wrapper decodes strings, drops whitespace and comments,
// turns `json {…}` into one token and reports bad input as located ScenarioErrors.

import type moo from 'moo';
import { ScenarioError } from '../../../src/errors.js';
import { findJsonError } from '../../../src/json/check.js';
import { compileRules } from './moo-rules.js';
import { decodeString, trimIndent } from '../../../src/dsl/strings.js';
import type { Token, TokenType } from '../../../src/dsl/token.js';

const UNTERMINATED_STRING = 'unterminated string: a quoted string must close on the same line (use """ for several lines)';

interface Pos {
  readonly line: number;
  readonly col: number;
  readonly offset: number;
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

/** Every token of `source` as the moo lexer read it; throws its first ScenarioError. */
export function mooTokens(source: string, file: string): Token[] {
  const lexer = compileRules();
  let queued: Token | undefined;

  const fail = (pos: Pos, message: string, length = 1, expected?: string): never => {
    throw new ScenarioError({ file, pos, message, length, ...(expected ? { expected } : {}) });
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

  lexer.reset(source);
  const out: Token[] = [];
  for (let t = read(); t !== undefined; t = read()) out.push(t);
  return out;
}
