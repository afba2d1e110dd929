// Loading a large world: the declarations of the generated organization (test/bench/large-world.ts,
// 4 users to a role) run by the engine, at 1,000 and 8,000 principals. The engine evolves
// declarations in one open immer draft (src/engine/evolve.ts, Evolving), so the time per principal
// should stay about the same; the baseline, measured in the same run, is the same events evolved one
// at a time (what the engine and `replay` did before issue 15), whose time per principal grows with the
// world (at 1,000 and 2,000 principals: 8,000 would take minutes). Prints; asserts nothing about time.
// Run: npx vitest bench --run test/bench/load.bench.ts
import { bench, describe } from 'vitest';
import { parseScenario } from '../../src/dsl/parse.js';
import { resolveScenario } from '../../src/dsl/resolve/index.js';
import { evolve, initialWorld, run } from '../../src/engine/run.js';
import type { AnyEvent } from '../../src/engine/events.js';
import type { World } from '../../src/engine/world.js';
import { largeWorld } from './large-world.js';

const noFiles = {
  readFile: (): never => {
    throw new Error('the generated world reads no files');
  },
};

function commandsOf(principals: number) {
  const text = largeWorld({ accounts: 10, users: (principals * 4) / 5, roles: principals / 5 });
  return resolveScenario(parseScenario(text, 'world.iam'), { ...noFiles, detail: false }).commands;
}

function msPerPrincipal(principals: number, work: () => unknown): number {
  const t0 = performance.now();
  work();
  return (performance.now() - t0) / principals;
}

/** the events evolved one by one, each with its own produce: what the engine did before issue 15 */
const oneByOne = (events: readonly AnyEvent[]): World => events.reduce<World>((w, e) => evolve(w, e), initialWorld);

const sizes = [1000, 8000] as const;
const rows: string[] = [];
const perPrincipal: Record<number, number> = {};
for (const n of sizes) {
  const commands = commandsOf(n);
  for (let i = 0; i < 3; i++) run(commands); // warm
  perPrincipal[n] = Math.min(...[0, 1, 2].map(() => msPerPrincipal(n, () => run(commands))));
  rows.push(`  engine, ${n.toLocaleString('en-US')} principals: ${(perPrincipal[n]! * 1000).toFixed(1)} µs a principal`);
}
const replayed: Record<number, number> = {};
for (const n of [1000, 2000]) {
  const { events } = run(commandsOf(n));
  if (n === 1000) oneByOne(events); // warm
  replayed[n] = msPerPrincipal(n, () => oneByOne(events));
  rows.push(
    `  baseline (events evolved one by one), ${n.toLocaleString('en-US')} principals: ${(replayed[n]! * 1000).toFixed(1)} µs a principal`,
  );
}
console.log(
  [
    'loading a world (time a principal):',
    ...rows,
    `  engine 8,000 / 1,000: ×${(perPrincipal[8000]! / perPrincipal[1000]!).toFixed(2)} (linear: ×1)`,
    `  baseline 2,000 / 1,000: ×${(replayed[2000]! / replayed[1000]!).toFixed(2)} (quadratic: ×2)`,
    `  engine / baseline at 1,000: ×${(perPrincipal[1000]! / replayed[1000]!).toFixed(2)}`,
  ].join('\n'),
);

describe('loading a world of 1,000 principals', () => {
  const commands = commandsOf(1000);
  bench('engine', () => void run(commands), { iterations: 5 });
});
