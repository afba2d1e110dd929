// parseScenario: source text → exactly one ScenarioFile, or one located ScenarioError. The
// scanner's tokens go to nearley, which runs the grammar (grammar/scenario.ne); a syntax error is
// rendered from nearley's chart (parse-errors.ts).

import nearley from 'nearley';
import { ScenarioError } from '../errors.js';
import type { ScenarioFile, WorldItem } from './ast.js';
import { type Cons, toArray } from './build.js';
import grammar from './grammar.generated.js';
import { createLexer, type ScenarioLexer } from './lexer.js';
import { type Chart, endOfFileError, unexpectedTokenError } from './parse-errors.js';
import { withTokenClasses } from './token-classes.js';

const compiled = nearley.Grammar.fromCompiled(withTokenClasses(grammar as unknown as nearley.CompiledRules));

/**
 * Parses a scenario. Throws a ScenarioError (and nothing else) when the text is not one, or when
 * the grammar gives more than one parse (a bug: test/dsl asserts one parse per fixture).
 */
export function parseScenario(source: string, file: string): ScenarioFile {
  const results = parseResults(source, file);
  if (results.length !== 1) {
    throw new ScenarioError({
      file,
      pos: { line: 1, col: 1, offset: 0 },
      message: `the grammar is ambiguous: ${results.length} parses (a bug in iamsim, please report it)`,
    });
  }
  return { kind: 'ScenarioFile', file, items: toArray(results[0] as Cons<WorldItem> | null) };
}

/**
 * Every parse nearley finds (internal: the tests assert there is exactly one per fixture).
 * Throws a ScenarioError when there is none.
 */
export function parseResults(source: string, file: string): readonly unknown[] {
  const lexer = createLexer(file);
  const parser = new nearley.Parser(compiled, { lexer });
  // We render our own errors; nearley's report walks the whole chart (and recurses), so skip it.
  const quiet = parser as unknown as Record<'reportError' | 'reportLexerError', () => string>;
  quiet.reportError = () => '';
  quiet.reportLexerError = () => '';
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
