// `simulate test` on a folder of 100 small scenarios, each with its golden trace (issue 14: "100
// small scenarios in well under a second of run time"). Two measures, each beside a baseline
// measured in the same run, so that numbers from different machines compare:
// - in the process: `simulate test DIR` against the pipeline alone on the same 100 texts
//   (runScenarioText, what running them costs): the ratio is what finding the files, reading and
//   comparing the goldens and printing add;
// - as a user runs it: the built command `bin/simulate test DIR` against `bin/simulate --version`
//   (the process's start alone), median wall times of interleaved runs.
// Prints; asserts nothing about time.
// Run: npm run build && npx vitest bench --run test/bench/user-suite.bench.ts
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bench, describe } from 'vitest';
import { main } from '../../src/cli/main.js';
import { runScenarioText } from '../../src/run-file.js';
import { timeRounds } from './timing.js';

const SCENARIOS = 100;
const root = join(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'iamsim-user-suite-bench-'));

/** A small scenario: two accounts, a role one trusts the other to assume, three steps with expectations. */
const scenario = (i: number) => `scenario "Suite scenario ${i}"
account Prod 111111111111 {
  bucket data-${i}
  role Reader-${i} {
    trust { allow principal arn:aws:iam::222222222222:root action sts:AssumeRole }
    inline Read { allow action s3:GetObject resource arn:aws:s3:::data-${i}/* }
  }
}
account Dev 222222222222 {
  user dev-${i} { inline Switch { allow action sts:AssumeRole resource arn:aws:iam::111111111111:role/Reader-${i} } }
}
step "Dev switches to the reader role" {
  as user Dev/dev-${i}
  call sts:AssumeRole { RoleArn: role Prod/Reader-${i}, RoleSessionName: s${i} }
  expect allowed
  keep credentials as reader
}
step "The role reads an object" {
  as reader
  call s3:GetObject resource arn:aws:s3:::data-${i}/report.csv
  expect allowed
}
step "The role cannot write" {
  as reader
  call s3:PutObject resource arn:aws:s3:::data-${i}/report.csv
  expect implicit-deny
}
`;

const files = Array.from({ length: SCENARIOS }, (_, i) => join(dir, `s${String(i).padStart(3, '0')}.iam`));
files.forEach((f, i) => writeFileSync(f, scenario(i)));
const quiet = { stdout: () => {}, stderr: (s: string) => process.stderr.write(s), isTTY: false, env: {} };
if ((await main(['test', '--update', dir], quiet)) !== 0) throw new Error('the generated scenarios do not pass');

const pipeline = async () => {
  for (const f of files) await runScenarioText(readFileSync(f, 'utf8'), f, { format: 'text' });
};
const suite = async () => {
  if ((await main(['test', dir], quiet)) !== 0) throw new Error('simulate test failed');
};

/** The median and best milliseconds of whole passes of an async piece of work. */
async function measureAsync(work: () => Promise<void>, rounds: number): Promise<{ median: number; best: number }> {
  for (let i = 0; i < 3; i++) await work();
  const ms: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t0 = performance.now();
    await work();
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  return { median: ms[Math.floor(ms.length / 2)]!, best: ms[0]! };
}

const base = await measureAsync(pipeline, 10);
const inProcess = await measureAsync(suite, 10);
console.log(
  `in the process, ${SCENARIOS} scenarios: baseline (the pipeline alone) ${base.median.toFixed(1)} ms (best ${base.best.toFixed(1)}); ` +
    `simulate test ${inProcess.median.toFixed(1)} ms (best ${inProcess.best.toFixed(1)}), ${(inProcess.median / base.median).toFixed(2)}× the baseline`,
);

const env = { ...process.env };
delete env.NODE_EXTRA_CA_CERTS;
delete env.IAMSIM_DEBUG;
const spawnMs = (args: string[]) =>
  timeRounds(
    () => {
      const r = spawnSync(join(root, 'bin', 'simulate'), args, { env, stdio: ['ignore', 'ignore', 'inherit'] });
      if (r.status !== 0) throw new Error(`simulate ${args.join(' ')} exited with ${r.status}`);
    },
    1,
    0,
  )[0]!;
const startOnly: number[] = [];
const whole: number[] = [];
spawnMs(['test', dir]); // warm the file cache
for (let i = 0; i < 9; i++) {
  startOnly.push(spawnMs(['--version']));
  whole.push(spawnMs(['test', dir]));
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const [w, s] = [median(whole), median(startOnly)];
console.log(
  `the built command, ${SCENARIOS} scenarios: bin/simulate test ${w.toFixed(0)} ms wall (median of 9); ` +
    `baseline bin/simulate --version ${s.toFixed(0)} ms; ${(w / s).toFixed(2)}× the baseline, ${(w - s).toFixed(0)} ms beyond starting`,
);

describe('simulate test, 100 small scenarios', () => {
  bench('in the process', suite, { iterations: 5 });
  bench('the pipeline alone (baseline)', pipeline, { iterations: 5 });
});
