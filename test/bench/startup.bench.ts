// Start-up: `bin/simulate scenarios/cross-account.iam` beside a bare `node -e 0`, both started the
// same way (spawned without NODE_EXTRA_CA_CERTS), run in turn so that both see the same load on a
// shared machine. Prints the medians and their ratio (the goal is at most 1.5); asserts nothing.
// Run: npm run build && npx vitest bench --run test/bench/startup.bench.ts
// (or set STARTUP_RUNS to change the number of pairs; 40 by default)
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { bench, describe } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const env = { ...process.env };
delete env.NODE_EXTRA_CA_CERTS;
delete env.IAMSIM_DEBUG;

const simulate: readonly [string, string[]] = [join(root, 'bin', 'simulate'), ['scenarios/cross-account.iam']];
const bare: readonly [string, string[]] = [process.execPath, ['-e', '0']];

function once([command, args]: readonly [string, string[]]): number {
  const start = process.hrtime.bigint();
  const r = spawnSync(command, args, { cwd: root, env, stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${r.status}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const runs = Number(process.env.STARTUP_RUNS ?? 40);
const times = { simulate: [] as number[], bare: [] as number[] };
once(simulate); // warm the file cache
once(bare);
for (let i = 0; i < runs; i++) {
  times.simulate.push(once(simulate));
  times.bare.push(once(bare));
}
const [s, b] = [median(times.simulate), median(times.bare)];
console.log(
  `start-up, median of ${runs} interleaved pairs: simulate scenarios/cross-account.iam ${s.toFixed(1)} ms, node -e 0 ${b.toFixed(1)} ms, ratio ${(s / b).toFixed(2)}`,
);

describe('start-up', () => {
  bench('bin/simulate scenarios/cross-account.iam', () => void once(simulate), { iterations: 5 });
  bench('node -e 0', () => void once(bare), { iterations: 5 });
});
