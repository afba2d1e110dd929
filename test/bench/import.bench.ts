// `simulate import` on the large organization of issue 15 (scripts/large-account.ts,
// test/import/fixtures.ts): 100 accounts, 20,000 users and 5,000 roles with trust policies, 303 files
// of get-account-authorization-details pages (100 entities each, half of them with URL-encoded
// documents), the organization bundle, a bucket and a key policy — about 26 MB of JSON. The goals
// (issue 15): import in ≤ 10 s and peak memory ≤ 1 GB on the project's 2-core machine.
//
// Each run is a whole process of the built command (`node bin/simulate.js import … -o FILE`), timed
// with its peak resident memory (process.resourceUsage().maxRSS in that process), next to a baseline
// measured the same way in the same run: a process that reads the same files, JSON.parses each and
// writes them out again (JSON.stringify) — the least any importer does. Prints; asserts nothing about time.
// Run: npm run build && npx vitest bench --run test/bench/import.bench.ts
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, bench, describe } from 'vitest';
import { awsFixture } from '../import/fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'iamsim-import-bench-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const files = awsFixture({ accounts: 100, usersPerAccount: 200, rolesPerAccount: 50, pageSize: 100 });
let bytes = 0;
for (const f of files) {
  writeFileSync(join(dir, f.name), f.text);
  bytes += f.text.length;
}
const inputs = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => join(dir, f));

const IMPORT = `
const { load } = require('./bin/load.cjs');
const { main } = load({ useCache: true }).exports;
const t0 = performance.now();
main(process.argv.slice(1), { stdout: (s) => process.stdout.write(s), stderr: () => {}, isTTY: false, env: {} }).then((code) => {
  process.stdout.write(JSON.stringify({ code, ms: performance.now() - t0, rss: process.resourceUsage().maxRSS * 1024 }));
});`;
const BASELINE = `
const fs = require('node:fs');
const t0 = performance.now();
const out = process.argv.pop();
const parsed = process.argv.slice(1).map((f) => JSON.parse(fs.readFileSync(f, 'utf8')));
fs.writeFileSync(out, parsed.map((p) => JSON.stringify(p)).join('\\n'));
process.stdout.write(JSON.stringify({ code: 0, ms: performance.now() - t0, rss: process.resourceUsage().maxRSS * 1024 }));`;

interface Measure {
  readonly code: number;
  readonly ms: number; // in the process, from reading the first file to the last byte written
  readonly wall: number; // the whole process, start-up included
  readonly rss: number; // peak resident memory, bytes
}

function measure(script: string, args: string[]): Measure {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['-e', script, ...args], {
    cwd: join(import.meta.dirname, '..', '..'),
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  const wall = performance.now() - t0;
  const out = JSON.parse(r.stdout) as Omit<Measure, 'wall'>;
  if (out.code !== 0) throw new Error(`exit ${out.code}: ${r.stderr}`);
  return { ...out, wall };
}

const MB = (n: number) => `${(n / 2 ** 20).toFixed(0)} MB`;
const rounds: { base: Measure; imp: Measure }[] = [];

describe(`simulate import: 100 accounts, 20,000 users, 5,000 roles (${files.length} files, ${MB(bytes)} of JSON)`, () => {
  bench(
    'import vs. baseline (read, JSON.parse and write the same files), whole processes',
    () => {
      const base = measure(BASELINE, [...inputs, join(dir, 'baseline.out')]);
      const imp = measure(IMPORT, ['import', ...inputs, '-o', join(dir, 'world.iam')]);
      rounds.push({ base, imp });
    },
    { iterations: 3, time: 0, warmupIterations: 0, warmupTime: 0 },
  );
});

afterAll(() => {
  const median = <T>(xs: T[], f: (x: T) => number) => xs.map(f).sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const b = median(rounds, (r) => r.base.wall);
  const i = median(rounds, (r) => r.imp.wall);
  const bRss = Math.max(...rounds.map((r) => r.base.rss));
  const iRss = Math.max(...rounds.map((r) => r.imp.rss));
  console.log(
    [
      `\nsimulate import, ${rounds.length} rounds (median wall time of the whole process; peak resident memory):`,
      `  baseline (parse + write)  ${(b / 1000).toFixed(2)} s   ${MB(bRss)}`,
      `  simulate import           ${(i / 1000).toFixed(2)} s   ${MB(iRss)}   (in the process: ${(median(rounds, (r) => r.imp.ms) / 1000).toFixed(2)} s)`,
      `  ratio                     ×${(i / b).toFixed(2)} time   ×${(iRss / bRss).toFixed(2)} memory   — goals: ≤ 10 s, ≤ 1 GB`,
    ].join('\n'),
  );
});
