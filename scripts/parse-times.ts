// Parse time of each scenario named (default: scenarios/*.iam) with parseScenario, in this process:
// a warm-up, then the median and best of repeated parses, and the median of a trivial nearley
// grammar over the same tokens (the baseline the parse benchmark uses), so that runs on a busy or
// another machine compare by ratio.
//
//   npx tsx scripts/parse-times.ts [FILE…]
import { readdirSync, readFileSync } from 'node:fs';
import nearley from 'nearley';
import { tokenize } from '../src/dsl/lexer.js';
import { parseScenario } from '../src/dsl/parse.js';
import { baselineGrammar } from '../test/bench/baseline-grammar.js';

function trivial(source: string): () => void {
  const grammar = baselineGrammar(tokenize(source, 'x.iam'));
  return () => new nearley.Parser(grammar).feed(source);
}

function times(run: () => unknown, budgetMs: number): { median: number; best: number } {
  const warm = performance.now() + budgetMs / 4;
  while (performance.now() < warm) run();
  const ms: number[] = [];
  const end = performance.now() + budgetMs;
  while (ms.length < 5 || (performance.now() < end && ms.length < 2000)) {
    const t0 = performance.now();
    run();
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  return { median: ms[Math.floor(ms.length / 2)] ?? 0, best: ms[0] ?? 0 };
}

const files =
  process.argv.length > 2
    ? process.argv.slice(2)
    : readdirSync('scenarios')
        .filter((f) => f.endsWith('.iam'))
        .map((f) => `scenarios/${f}`);
for (const file of files) {
  const source = readFileSync(file, 'utf8');
  const tokens = tokenize(source, file).length;
  const budget = source.length > 100_000 ? 8000 : 1500;
  const parse = times(() => parseScenario(source, file), budget);
  const base = times(trivial(source), budget / 2);
  console.log(
    `${file.padEnd(40)} ${String(tokens).padStart(7)} tokens  parse median ${parse.median.toFixed(3).padStart(8)} ms` +
      ` best ${parse.best.toFixed(3).padStart(8)} ms  baseline ${base.median.toFixed(3).padStart(8)} ms` +
      `  ${(parse.median / base.median).toFixed(2).padStart(6)}× baseline`,
  );
}
