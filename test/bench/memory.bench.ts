// Peak memory of long runs (issue 15, "Long scenarios stream"): the generated scenario of
// scripts/large-scenario.ts with 500 users and STREAM_STEPS steps (200,000 by default; 3 statements
// per policy, so that it runs), through the built command in each streamed format and with each
// event log, beside `simulate --version` and a run of scenarios/cross-account.iam in the same run.
// Prints each run's peak RSS (read in the child at exit: peak-rss.cjs) and wall time; the goal is
// 256 MB. Markdown and CloudTrail make two runs of the scenario, Mermaid three (the first ones
// gather what their first lines show: docs/architecture.md). Then `simulate replay` of the JSON
// Lines log the run wrote (765 MB at 200,000 steps), as text and as JSON. Asserts nothing.
// Run: npm run build && npx vitest bench --run test/bench/memory.bench.ts
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bench, describe } from 'vitest';
import { largeScenario } from './large-scenario.js';

const root = join(import.meta.dirname, '..', '..');
const steps = Number(process.env.STREAM_STEPS ?? 200_000);
const dir = mkdtempSync(join(tmpdir(), 'iamsim-memory-'));
const file = join(dir, 'long.iam');
writeFileSync(file, largeScenario(500, steps, 3));

/** One run of the built command: its peak RSS in MB and wall time in s. */
function peak(args: readonly string[]): { mb: number; s: number } {
  const start = process.hrtime.bigint();
  const r = spawnSync(
    process.execPath,
    ['--require', join(import.meta.dirname, 'peak-rss.cjs'), join(root, 'bin', 'simulate.js'), ...args],
    {
      cwd: root,
      stdio: ['ignore', 'ignore', 'pipe'],
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    },
  );
  const s = Number(process.hrtime.bigint() - start) / 1e9;
  const kb = /peak-rss (\d+)/.exec(r.stderr)?.[1];
  if (r.status !== 0 || kb === undefined) throw new Error(`simulate ${args.join(' ')}: exit ${r.status}: ${r.stderr.slice(0, 500)}`);
  return { mb: Number(kb) / 1024, s };
}

const runs: [string, string[]][] = [
  ['simulate --version (baseline)', ['--version']],
  ['scenarios/cross-account.iam (baseline)', ['scenarios/cross-account.iam']],
  ['text', [file]],
  ['text --explain', ['--explain', file]],
  ['json', ['--format', 'json', file]],
  ['yaml', ['--format', 'yaml', file]],
  ['text --events x.jsonl', ['--events', join(dir, 'x.jsonl'), file]],
  ['text --events x.yaml', ['--events', join(dir, 'x.yaml'), file]],
  ['markdown (two runs)', ['--format', 'markdown', file]],
  ['mermaid (three runs)', ['--format', 'mermaid', file]],
  ['cloudtrail (two runs)', ['--format', 'cloudtrail', file]],
  // the log the run above wrote, read one line at a time (checked, then read again as it is written)
  ['replay x.jsonl, text', ['replay', join(dir, 'x.jsonl')]],
  ['replay x.jsonl, json', ['replay', '--format', 'json', join(dir, 'x.jsonl')]],
];
const lines = [`peak memory, ${steps.toLocaleString('en-US')} steps (goal: 256 MB):`];
for (const [name, args] of runs) {
  const { mb, s } = peak(args);
  lines.push(`  ${name.padEnd(40)} ${mb.toFixed(0).padStart(6)} MB ${s.toFixed(1).padStart(7)} s`);
}
rmSync(dir, { recursive: true, force: true });
console.log(lines.join('\n'));

describe('peak memory of long runs', () => {
  bench('measured above (once per format)', () => {}, { iterations: 1, time: 0 });
});
