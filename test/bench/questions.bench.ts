// `simulate who-can` and `simulate paths` on the generated organization of issue 15 (100 accounts,
// 20,000 users, 5,000 roles with trust policies; test/bench/large-world.ts), each next to a baseline
// measured in the same run: the same question answered without the filters and the trust index,
// by deciding every principal (who-can) and every principal × role pair that leads to the role
// (paths). Memory: the process's peak resident set, and the heap after the world is built. Prints;
// asserts nothing about time. IAMSIM_BENCH_ACCOUNTS scales it down (users and roles in proportion).
// Run: npx vitest bench --run test/bench/questions.bench.ts
import { bench, describe } from 'vitest';
import { parseScenario } from '../../src/dsl/parse.js';
import { resolveScenario } from '../../src/dsl/resolve/index.js';
import { callerOf } from '../../src/engine/query/principals.js';
import { assumeRoleHop } from '../../src/engine/query/edges.js';
import { allPrincipals } from '../../src/engine/query/principals.js';
import { pathsFrom, reach, shortestPaths } from '../../src/engine/query/paths.js';
import { whoCan } from '../../src/engine/query/who-can.js';
import { run } from '../../src/engine/run.js';
import type { World } from '../../src/engine/world.js';
import { ISSUE_15, largeWorldParts } from './large-world.js';

const accounts = Number(process.env.IAMSIM_BENCH_ACCOUNTS ?? ISSUE_15.accounts);
const size = { accounts, users: (ISSUE_15.users / ISSUE_15.accounts) * accounts, roles: (ISSUE_15.roles / ISSUE_15.accounts) * accounts };
const noFiles = {
  readFile: (): never => {
    throw new Error('the generated world reads no files');
  },
};

const t0 = performance.now();
const world = mergeWorlds(
  largeWorldParts(size).map((text) => run(resolveScenario(parseScenario(text, 'world.iam'), { ...noFiles, detail: false }).commands).world),
);
const built = performance.now() - t0;
const heap = process.memoryUsage().heapUsed;
const rssBuilt = process.memoryUsage().rss;

/** Worlds of disjoint parts, one level of records merged (the organization's part comes last). */
function mergeWorlds(worlds: readonly World[]): World {
  const out: Record<string, Record<string, unknown>> = {};
  for (const w of worlds) {
    for (const [slice, state] of Object.entries(w)) {
      const into = (out[slice] ??= {});
      for (const [field, value] of Object.entries(state as Record<string, unknown>)) {
        const before = into[field];
        into[field] =
          value !== null && typeof value === 'object' && !Array.isArray(value) && before !== null && typeof before === 'object'
            ? { ...(before as object), ...value }
            : value === null && before !== undefined
              ? before
              : value;
      }
    }
  }
  return out as unknown as World;
}

function time<T>(work: () => T, rounds: number): { ms: number; value: T } {
  let value = work(); // warm
  const ms: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t = performance.now();
    value = work();
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  return { ms: ms[Math.floor(ms.length / 2)]!, value };
}

const principals = allPrincipals(world);
const target = `arn:aws:iam::${String(100000000000 + 5)}:role/admin`;
const resource = 'arn:aws:s3:::data-7/app-3/report.csv';

const whoCanIndexed = time(() => whoCan(world, 's3:GetObject', resource), 5);
const rssWhoCan = process.memoryUsage().rss;
const whoCanAll = time(() => whoCan(world, 's3:GetObject', resource, { all: true }), 3);
const pathsIndexed = time(() => shortestPaths(reach(world, target)), 3);
const rssPaths = process.memoryUsage().rss;
const from = `arn:aws:iam::${String(100000000000 + 4)}:user/u1`;
const onePath = time(() => pathsFrom(reach(world, target), from), 3);
// the baseline of paths: every principal's sts:AssumeRole decided on every role that reaches the
// target (the roles the index found), as a search without the index would have to
const reached = [...reach(world, target).distance.keys()].filter((arn) => world.iam.roles[arn] !== undefined);
// (measured on SAMPLE of them, and scaled to all: every role costs the same pass over the principals)
const SAMPLE = Math.min(5, reached.length);
const sampled = time(() => {
  let allowed = 0;
  for (const arn of reached.slice(0, SAMPLE)) {
    const role = world.iam.roles[arn]!;
    for (const p of principals) {
      const who = callerOf(p, world);
      if (who !== null && p.arn !== arn && assumeRoleHop(who, role, world).verdict !== 'denied') allowed++;
    }
  }
  return allowed;
}, 1);
const pairs = { ms: (sampled.ms / SAMPLE) * reached.length };

const line = (label: string, ms: number, base?: number) =>
  console.log(
    `${label.padEnd(58)} ${ms.toFixed(0).padStart(7)} ms${base === undefined ? '' : `  (${(base / ms).toFixed(1)}× faster than its baseline)`}`,
  );
console.log(
  `world: ${size.accounts} accounts, ${Object.keys(world.iam.users).length} users, ${Object.keys(world.iam.roles).length} roles; built in ${built.toFixed(0)} ms (linear: per account, merged)`,
);
line(
  `who-can s3:GetObject (${whoCanIndexed.value.decided} decided, ${whoCanIndexed.value.entries.length} allowed or conditional)`,
  whoCanIndexed.ms,
  whoCanAll.ms,
);
line(`  baseline: every principal decided (${whoCanAll.value.decided})`, whoCanAll.ms);
line(`paths --all-to role a5/admin (${pathsIndexed.value.length} principals reach it)`, pathsIndexed.ms, pairs.ms);
line(`paths user a4/u1 → role a5/admin (${onePath.value.length} paths)`, onePath.ms, pairs.ms);
line(`  baseline: every principal × each of the ${reached.length} roles on the way (measured on ${SAMPLE}, scaled)`, pairs.ms);
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
console.log(
  `memory: heap ${mb(heap)} and resident set ${mb(rssBuilt)} with the world built; resident set ${mb(rssWhoCan)} after who-can, ${mb(rssPaths)} after paths --all-to; peak of the whole process (building 101 worlds, the baselines) ${mb(process.resourceUsage().maxRSS * 1024)}`,
);

describe('questions', () => {
  bench('who-can s3:GetObject', () => void whoCan(world, 's3:GetObject', resource), { iterations: 3 });
});
