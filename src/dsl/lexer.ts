// The lexer as nearley sees it: the scanner (src/dsl/scanner.ts) behind the interface nearley
// expects (reset, next, save, formatError, has), remembering the last token and the scanner's
// error for parse.ts. tokenize reads the scanner directly (tests and benchmarks).

import { ScenarioError } from '../errors.js';
import { createScanner, type Scanner } from './scanner.js';
import { TOKEN_CLASSES } from './token-classes.js';
import { type Pos, posAt, type Token } from './token.js';

export type { Token, TokenType } from './token.js';

/** what the grammar may name with `%`: token types, and the classes of token-classes.ts */
export const GRAMMAR_TYPES: ReadonlySet<string> = new Set(['word', 'string', 'tstring', 'key', 'jsontext', ...Object.keys(TOKEN_CLASSES)]);

export interface ScenarioLexer {
  /** Starts over on `chunk` (parseScenario feeds the whole text at once). */
  reset(chunk: string, state?: unknown): void;
  next(): Token | undefined;
  save(): Record<string, never>;
  formatError(token: Token, message?: string): string;
  has(type: string): boolean;
  /** the last token handed to the parser (what a parse error is about) */
  readonly lastToken: Token | undefined;
  /** the error thrown by next(), kept because nearley wraps lexer errors in plain Errors */
  readonly lastError: ScenarioError | undefined;
  /** just after the last token (where "unexpected end of file" points) */
  endPos(): Pos;
}

/** Every token of `source`; throws the first ScenarioError the scanner meets. */
export function tokenize(source: string, file: string): Token[] {
  const scanner = createScanner(source, file);
  const out: Token[] = [];
  for (let t = scanner.next(); t !== undefined; t = scanner.next()) out.push(t);
  return out;
}

export function createLexer(file: string): ScenarioLexer {
  let scanner: Scanner = createScanner('', file);
  let lastToken: Token | undefined;
  let lastError: ScenarioError | undefined;
  return {
    reset(chunk) {
      scanner = createScanner(chunk, file);
      lastToken = undefined;
      lastError = undefined;
    },
    next() {
      try {
        const t = scanner.next();
        if (t) lastToken = t;
        return t;
      } catch (e) {
        if (e instanceof ScenarioError) lastError = e;
        throw e;
      }
    },
    save: () => ({}),
    formatError: (token, message = 'syntax error') => `${message} at line ${token.line} col ${token.col}`,
    has: (type) => GRAMMAR_TYPES.has(type),
    get lastToken() {
      return lastToken;
    },
    get lastError() {
      return lastError;
    },
    endPos: () => (lastToken ? posAt(lastToken.text, lastToken.text.length, lastToken) : { line: 1, col: 1, offset: 0 }),
  };
}

/** The instance the generated grammar names; parseScenario gives each parse its own lexer. */
export const lexer = createLexer('<scenario>');
