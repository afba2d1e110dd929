// The baseline of the parse measurements: a trivial nearley grammar (`main -> null | main ANY`) over
// tokens already read, so that parse times from different machines compare as ratios to it.
import nearley from 'nearley';
import type { Token } from '../../src/dsl/lexer.js';

/** A lexer that replays `all`. */
function replay(all: readonly Token[]): nearley.Lexer {
  let i = 0;
  return {
    reset: () => void (i = 0),
    next: () => all[i++] as nearley.Token | undefined,
    save: () => ({}),
    formatError: () => 'error',
  };
}

export function baselineGrammar(tokens: readonly Token[]): nearley.Grammar {
  return nearley.Grammar.fromCompiled({
    Lexer: replay(tokens),
    ParserStart: 'main',
    ParserRules: [
      { name: 'main', symbols: [], postprocess: () => null },
      { name: 'main', symbols: ['main', { test: () => true }], postprocess: () => null },
    ],
  } as unknown as nearley.CompiledRules);
}
