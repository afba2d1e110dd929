// Start-up: `bin/simulate scenarios/cross-account.iam` and `bin/simulate --version` (loading the
// command and running nothing) beside a bare `node -e 0`, all started the same way (spawned without NODE_EXTRA_CA_CERTS), run in turn so that both see the same load on a
// shared machine. Prints the median wall time and the mean CPU time of each, and their ratios to
// `node -e 0` (the bar is 1.5 for the scenario, not reached; docs/performance.md); asserts nothing. CPU time (user + system, of the process and what it
// waits for) moves less with the load than wall time; it is read on Linux only.
// Run: npm run build && npx vitest bench --run test/bench/startup.bench.ts
// (or set STARTUP_RUNS to change the number of pairs; 40 by default)
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bench, describe } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const env = { ...process.env };
delete env.NODE_EXTRA_CA_CERTS;
delete env.IAMSIM_DEBUG;

const simulate: readonly [string, string[]] = [join(root, 'bin', 'simulate'), ['scenarios/cross-account.iam']];
const version: readonly [string, string[]] = [join(root, 'bin', 'simulate'), ['--version']];
const bare: readonly [string, string[]] = [process.execPath, ['-e', '0']];

/** CPU time of the children this process has waited for, in ms (Linux: /proc/self/stat, in ticks of 10 ms). */
function childrenCpu(): number | null {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[13]) + Number(fields[14])) * 10; // cutime + cstime
  } catch {
    return null;
  }
}

/** One run: its wall time, and its CPU time (null where it cannot be read). */
function once([command, args]: readonly [string, string[]]): { wall: number; cpu: number | null } {
  const cpu = childrenCpu();
  const start = process.hrtime.bigint();
  const r = spawnSync(command, args, { cwd: root, env, stdio: ['ignore', 'ignore', 'inherit'] });
  const wall = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${r.status}`);
  const after = childrenCpu();
  return { wall, cpu: cpu === null || after === null ? null : after - cpu };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
// a run's CPU time is read in 10 ms ticks: only the mean over many runs means anything
const mean = (xs: (number | null)[]) => (xs.includes(null) ? NaN : (xs as number[]).reduce((a, b) => a + b, 0) / xs.length);
const runs = Number(process.env.STARTUP_RUNS ?? 40);
const times = {
  simulate: [] as ReturnType<typeof once>[],
  version: [] as ReturnType<typeof once>[],
  bare: [] as ReturnType<typeof once>[],
};
once(simulate); // warm the file cache
once(version);
once(bare);
for (let i = 0; i < runs; i++) {
  times.simulate.push(once(simulate));
  times.version.push(once(version));
  times.bare.push(once(bare));
}
const [s, v, b] = [times.simulate, times.version, times.bare].map((ts) => median(ts.map((t) => t.wall))) as [number, number, number];
const [sc, vc, bc] = [times.simulate, times.version, times.bare].map((ts) => mean(ts.map((t) => t.cpu))) as [number, number, number];
console.log(
  `start-up, ${runs} interleaved triples: simulate scenarios/cross-account.iam ${s.toFixed(1)} ms wall (median), ${sc.toFixed(1)} ms CPU (mean), ` +
    `ratio ${(s / b).toFixed(2)} wall, ${(sc / bc).toFixed(2)} CPU; simulate --version ${v.toFixed(1)} ms wall, ${vc.toFixed(1)} ms CPU, ` +
    `ratio ${(v / b).toFixed(2)} wall, ${(vc / bc).toFixed(2)} CPU; node -e 0 ${b.toFixed(1)} ms wall, ${bc.toFixed(1)} ms CPU`,
);

describe('start-up', () => {
  bench('bin/simulate scenarios/cross-account.iam', () => void once(simulate), { iterations: 5 });
  bench('bin/simulate --version', () => void once(version), { iterations: 5 });
  bench('node -e 0', () => void once(bare), { iterations: 5 });
});
