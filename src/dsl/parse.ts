// parseScenario: source text → exactly one ScenarioFile, or one located ScenarioError. The
// scanner's tokens go to nearley, which runs the grammar (grammar/scenario.ne); a syntax error is
// rendered from nearley's chart (parse-errors.ts).
//
// A scenario is parsed one top-level item at a time (parseItems), so that a long run never holds
// the syntax tree of its whole file: each item gets its own nearley parser of the same grammar,
// fed one token at a time. The grammar's start rule is a list of items, so an item's parser sees
// exactly the chart a parse of the whole file sees from that item's first token on: its errors
// (what was found, what was expected, "the end of the file") are the same, at the same positions.
// An item ends where its parser has a complete parse and the next token starts a new item (a
// fresh parser takes it); the grammar's items start with a keyword, and no keyword that starts an
// item continues a complete one (only "{" and ";" do), so this is where the whole-file parse
// splits too. test/dsl/items.test.ts checks the items against the whole-file parse.

import nearley from 'nearley';
import { ScenarioError } from '../errors.js';
import type { ScenarioFile, WorldItem } from './ast.js';
import { type Cons, toArray } from './build.js';
import grammar from './grammar.generated.js';
import { createLexer, GRAMMAR_TYPES, type ScenarioLexer } from './lexer.js';
import { type Chart, endOfFileError, unexpectedTokenError } from './parse-errors.js';
import { createScanner, type ScanStart, startOf } from './scanner.js';
import { grammarLiterals, withTokenClasses } from './token-classes.js';
import { posAt, type Token } from './token.js';

const compiled = nearley.Grammar.fromCompiled(withTokenClasses(grammar as unknown as nearley.CompiledRules));

/**
 * Parses a scenario. Throws a ScenarioError (and nothing else) when the text is not one, or when
 * the grammar gives more than one parse (a bug: test/dsl asserts one parse per fixture).
 */
export function parseScenario(source: string, file: string): ScenarioFile {
  const items: WorldItem[] = [];
  for (const parsed of parseItems(source, file)) items.push(parsed.item);
  return { kind: 'ScenarioFile', file, items };
}

/** A top-level item, and where its first token starts (to parse it again from there: parseItems' `from`). */
export interface ParsedItem {
  readonly item: WorldItem;
  readonly start: ScanStart;
}

/**
 * The top-level items of a scenario, one at a time, in the order of the file; from `from` (an
 * item's start) when given, until `count` items when given. Throws the ScenarioError that
 * parseScenario would throw, when it reaches it (so an error in the 1,000th item comes after 999
 * items).
 */
export function* parseItems(source: string, file: string, from?: ScanStart, count = Infinity): Generator<ParsedItem, void, undefined> {
  if (count <= 0) return;
  const scanner = createScanner(source, file, from);
  let item = itemParser(file);
  let seen = 0;
  for (let token = scanner.next(); token !== undefined; token = scanner.next()) {
    if (item.first !== undefined && item.parser.results.length > 0) {
      // a complete item: the token starts the next one, or continues this one ("{", ";")
      const next = itemParser(file);
      if (next.take(token)) {
        yield item.done();
        if (++seen === count) return;
        item = next;
        continue;
      }
    }
    item.feed(token);
  }
  if (item.first === undefined) return;
  if (item.parser.results.length === 0) throw endOfFileError(file, item.endPos(), item.chart[item.chart.length - 1]);
  yield item.done();
}

interface ItemParser {
  readonly parser: nearley.Parser;
  readonly chart: Chart['table'];
  /** the item's first token (undefined before it) */
  readonly first: Token | undefined;
  /** feeds a token; throws the located error of a token the grammar cannot take there */
  feed(token: Token): void;
  /** feeds the first token of an item; false (and this parser is spent) when no item starts with it */
  take(token: Token): boolean;
  endPos(): ReturnType<typeof posAt>;
  done(): ParsedItem;
}

/** A nearley parser of the grammar for one item, fed one token at a time. */
function itemParser(file: string): ItemParser {
  let pending: Token | undefined;
  let last: Token | undefined;
  let first: Token | undefined;
  const lexer = {
    reset: () => {},
    next: (): Token | undefined => {
      const t = pending;
      pending = undefined;
      return t;
    },
    save: () => ({}),
    formatError: () => '',
    has: (type: string) => GRAMMAR_TYPES.has(type),
  };
  const parser = new nearley.Parser(compiled, { lexer: lexer as unknown as nearley.Lexer });
  quieten(parser);
  const chart = (parser as unknown as Chart).table;
  const step = (token: Token): void => {
    pending = token;
    last = token;
    first ??= token;
    parser.feed('');
  };
  return {
    parser,
    chart,
    get first() {
      return first;
    },
    feed(token) {
      try {
        step(token);
      } catch (e) {
        throw asItemError(e, token, chart, file);
      }
    },
    take(token) {
      try {
        step(token);
        return true;
      } catch (e) {
        if (e instanceof ScenarioError) throw asItemError(e, token, chart, file);
        return false;
      }
    },
    endPos: () => (last ? posAt(last.text, last.text.length, last) : { line: 1, col: 1, offset: 0 }),
    done() {
      const results: unknown[] = parser.results;
      if (results.length !== 1) throw ambiguous(file, results.length);
      const items = toArray(results[0] as Cons<WorldItem> | null);
      return { item: items[0]!, start: startOf(first!) };
    },
  };
}

const ambiguous = (file: string, parses: number): ScenarioError =>
  new ScenarioError({
    file,
    pos: { line: 1, col: 1, offset: 0 },
    message: `the grammar is ambiguous: ${parses} parses (a bug in iamsim, please report it)`,
  });

/** We render our own errors; nearley's report walks the whole chart (and recurses), so skip it. */
function quieten(parser: nearley.Parser): void {
  const quiet = parser as unknown as Record<'reportError' | 'reportLexerError', () => string>;
  quiet.reportError = () => '';
  quiet.reportLexerError = () => '';
}

/** A parse error of an item's parser: a builder's ScenarioError, or the token the grammar could not take. */
function asItemError(e: unknown, token: Token, chart: Chart['table'], file: string): ScenarioError {
  if (e instanceof ScenarioError) return e.file === file ? e : new ScenarioError({ ...e, file, message: e.message });
  if (!(e instanceof Error && 'token' in e)) throw e;
  return unexpectedTokenError(file, token, chart[chart.length - 2]);
}

/**
 * Every parse nearley finds of the whole file at once (internal: the tests assert there is exactly
 * one per fixture, and that parseItems gives its items).
 * Throws a ScenarioError when there is none.
 */
export function parseResults(source: string, file: string): readonly unknown[] {
  const lexer = createLexer(file);
  const parser = new nearley.Parser(compiled, { lexer });
  quieten(parser);
  const chart = (parser as unknown as Chart).table;
  try {
    parser.feed(source);
  } catch (e) {
    throw asScenarioError(e, lexer, chart, file);
  }
  const results: unknown[] = parser.results;
  if (results.length === 0) throw endOfFileError(file, lexer.endPos(), chart[chart.length - 1]);
  return results;
}

function asScenarioError(e: unknown, lexer: ScenarioLexer, chart: Chart['table'], file: string): ScenarioError {
  if (lexer.lastError) return lexer.lastError;
  if (e instanceof ScenarioError) {
    // builders do not know the file name
    return e.file === file ? e : new ScenarioError({ ...e, file, message: e.message });
  }
  // nearley's syntax errors carry the token they could not take; anything else is a bug in a
  // builder and must not pass for a syntax error.
  const token = lexer.lastToken;
  if (!(e instanceof Error && 'token' in e) || token === undefined) throw e;
  // nearley pushed an empty column for that token; the one before holds the states that were
  // waiting for it.
  return unexpectedTokenError(file, token, chart[chart.length - 2]);
}

/** The language's keywords: the grammar's literals that are words (a name spelled as one is quoted). */
export function languageKeywords(): string[] {
  return grammarLiterals(grammar).filter((l) => /^[a-z]/.test(l));
}
