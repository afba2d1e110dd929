// Parse throughput on the generated scenario of issue 3 (2,000 one-line calls with `context`,
// JSON policies; test/bench/large-scenario.ts): tokens per second of the scanner, of the parser
// (nearley with the grammar, scanning included), and of the moo lexer the scanner replaced. Each is also given as a ratio to a baseline measured in the same run: a trivial
// nearley grammar (`main -> null | main ANY`) over the same tokens, so numbers from different
// machines compare. Prints; asserts nothing about time.
// Run: npx vitest bench --run test/bench/parse.bench.ts
import nearley from 'nearley';
import { bench, describe } from 'vitest';
import grammar from '../../src/dsl/grammar.generated.js';
import { createLexer, tokenize } from '../../src/dsl/lexer.js';
import { parseScenario } from '../../src/dsl/parse.js';
import { withTokenClasses } from '../../src/dsl/token-classes.js';
import { mooTokens } from '../dsl/oracle/moo-lexer.js';
import { baselineGrammar } from './baseline-grammar.js';
import { largeScenario } from './large-scenario.js';
import { rates, timeRounds } from './timing.js';

const source = largeScenario();
const tokens = tokenize(source, 'large.iam');

const trivial = baselineGrammar(tokens);

function baseline(): void {
  const parser = new nearley.Parser(trivial);
  parser.feed(source);
  if (parser.results.length !== 1) throw new Error('the baseline grammar should parse once');
}

/** The states of nearley's chart over the whole file (kept for counting only). */
function chartStates(): number {
  const compiled = nearley.Grammar.fromCompiled(withTokenClasses(grammar as unknown as nearley.CompiledRules));
  const parser = new nearley.Parser(compiled, { lexer: createLexer('large.iam'), keepHistory: true });
  parser.feed(source);
  const { table } = parser as unknown as { table: readonly { states: readonly unknown[] }[] };
  return table.reduce((n, column) => n + column.states.length, 0);
}

const CASES: readonly (readonly [string, () => unknown, number])[] = [
  ['baseline: trivial nearley grammar', baseline, 5],
  ['scanner (lexing)', () => tokenize(source, 'large.iam'), 30],
  ['parseScenario: nearley, the grammar (scanning included)', () => parseScenario(source, 'large.iam'), 5],
  ['moo lexer (replaced by the scanner)', () => mooTokens(source, 'large.iam'), 10],
];

const measure = (run: () => unknown, rounds: number) => rates(timeRounds(run, rounds, 1000), tokens.length);

const fmt = (n: number): string => Math.round(n).toLocaleString('en-US').padStart(12);
console.log(`large scenario: ${source.length.toLocaleString('en-US')} characters, ${tokens.length.toLocaleString('en-US')} tokens`);
const states = chartStates();
console.log(`nearley chart: ${states.toLocaleString('en-US')} states, ${(states / tokens.length).toFixed(2)} per token`);
let base = 0;
for (const [label, run, rounds] of CASES) {
  const { median, best } = measure(run, rounds);
  if (base === 0) base = median;
  const ms = (tokens.length / median) * 1000;
  console.log(
    `${label.padEnd(56)} median ${fmt(median)} tokens/s (${ms.toFixed(1).padStart(6)} ms), best ${fmt(best)}, ${(median / base).toFixed(1).padStart(6)}× baseline`,
  );
}

describe('parse throughput', () => {
  for (const [label, run] of CASES) bench(label, () => void run(), { iterations: 5 });
});
