// Syntax errors: what was found, what could have come next (read from nearley's chart), and a
// suggestion for a mistyped keyword.

import nearley from 'nearley';
import { joinOr, nearest, ScenarioError, type SourcePos } from '../errors.js';
import type { Token } from './lexer.js';

// The parts of nearley's chart we read (untyped internals of nearley 2.x).
// A token class (token-classes.ts) carries the literals and types it matches.
type GrammarSymbol =
  | string
  | {
      readonly literal?: unknown;
      readonly type?: unknown;
      readonly literals?: readonly string[];
      readonly types?: readonly string[];
    };
interface ChartState {
  readonly rule: { readonly name: string; readonly symbols: readonly GrammarSymbol[] };
  readonly dot: number;
  readonly reference: number;
  readonly isComplete: boolean;
  readonly data: unknown;
}
interface ChartColumn {
  readonly states: readonly ChartState[];
}
export interface Chart {
  readonly table: readonly (ChartColumn | undefined)[];
}

const KIND_NAMES: Readonly<Record<string, string>> = {
  word: 'a name',
  string: 'a quoted string',
  tstring: 'a """triple-quoted""" string',
  key: 'a key (Name:)',
  jsontext: 'a JSON value',
};

interface Expected {
  readonly keywords: readonly string[]; // literal words: allow, deny, …
  readonly rendered: string | undefined; // `"allow", "deny" or a name`
}

function expectedIn(column: ChartColumn | undefined): Expected {
  const words = new Set<string>();
  const punct = new Set<string>();
  const kinds = new Set<string>();
  let canEnd = false;
  for (const state of column?.states ?? []) {
    if (state.isComplete) {
      if (state.rule.name === 'main' && state.reference === 0 && state.data !== nearley.Parser.fail) {
        canEnd = true;
      }
      continue;
    }
    const next = state.rule.symbols[state.dot];
    if (next === undefined || typeof next === 'string') continue;
    const literals = typeof next.literal === 'string' ? [next.literal] : (next.literals ?? []);
    for (const literal of literals) (/^[a-z]/i.test(literal) ? words : punct).add(literal);
    const types = typeof next.type === 'string' ? [next.type] : (next.types ?? []);
    for (const type of types) kinds.add(KIND_NAMES[type] ?? type);
  }
  const keywords = [...words].sort();
  const all = [
    ...keywords.map((w) => `"${w}"`),
    ...[...punct].sort().map((p) => `"${p}"`),
    ...[...kinds].sort(),
    ...(canEnd ? ['the end of the file'] : []),
  ];
  return { keywords, rendered: all.length === 0 ? undefined : joinOr(all) };
}

function shorten(text: string): string {
  const line = text.split('\n')[0] ?? '';
  return line.length > 40 ? `${line.slice(0, 40)}…` : line;
}

function describe(token: Token): string {
  switch (token.type) {
    case 'string':
      return `quoted string ${shorten(token.text)}`;
    case 'tstring':
      return 'triple-quoted string';
    case 'jsontext':
      return 'JSON value';
    default:
      return JSON.stringify(shorten(token.text));
  }
}

export function unexpectedTokenError(file: string, token: Token, column: ChartColumn | undefined): ScenarioError {
  const expected = expectedIn(column);
  let suggestion: string | undefined;
  if (token.type === 'word') {
    suggestion = nearest(token.value, expected.keywords);
  } else if (token.type === 'string' && expected.keywords.includes(token.value)) {
    suggestion = `${token.value} (a keyword is written without quotes)`;
  }
  return new ScenarioError({
    file,
    pos: { line: token.line, col: token.col, offset: token.offset },
    length: (token.text.split('\n')[0] ?? '').length,
    message: `unexpected ${describe(token)}`,
    ...(expected.rendered ? { expected: expected.rendered } : {}),
    ...(suggestion ? { suggestion } : {}),
  });
}

export function endOfFileError(file: string, pos: SourcePos, column: ChartColumn | undefined): ScenarioError {
  const expected = expectedIn(column);
  return new ScenarioError({
    file,
    pos,
    message: 'unexpected end of file',
    ...(expected.rendered ? { expected: expected.rendered } : {}),
  });
}
