// `simulate who-can` and `simulate paths` on two worlds of issue 15's size, each loaded as
// `simulate who-can WORLD.iam` loads it (one file: parse, resolve, run; src/query/load.ts):
//
// - the generated organization (test/bench/large-world.ts: 100 accounts, 20,000 users, 5,000 roles
//   whose trust policies chain across accounts);
// - the world `simulate import` writes for the organization of test/bench/import.bench.ts
//   (test/import/fixtures.ts: 100 accounts, 20,000 users, 5,000 roles, URL-encoded documents …).
//
// Each question is timed next to a baseline measured in the same run that answers it without the
// filters and the trust index: who-can by deciding every principal, paths by deciding every
// principal's sts:AssumeRole on every role on the way (measured on a few of those roles and scaled:
// each costs one pass over the principals). "first" is the first question asked after the load, as
// a run of the command asks it (policies are compiled as they are first read); "warm" the median of
// the next ones. Memory: the heap and resident set after each phase, and the peak resident set of
// the whole process (the goal: 1 GB). Prints; asserts nothing about time. IAMSIM_BENCH_ACCOUNTS
// scales both worlds down (users and roles in proportion).
// Run: npx vitest bench --run test/bench/questions.bench.ts
import { bench, describe } from 'vitest';
import { assumeRoleHop } from '../../src/engine/query/edges.js';
import { pathsFrom, reach, shortestPaths } from '../../src/engine/query/paths.js';
import { allPrincipals, callerOf } from '../../src/engine/query/principals.js';
import { whoCan } from '../../src/engine/query/who-can.js';
import type { World } from '../../src/engine/world.js';
import { importWorld } from '../../src/import/index.js';
import { loadWorld } from '../../src/query/load.js';
import { accountId as importedAccount, awsFixture } from '../import/fixtures.js';
import { ISSUE_15, largeWorld } from './large-world.js';

const accounts = Number(process.env.IAMSIM_BENCH_ACCOUNTS ?? ISSUE_15.accounts);
const size = { accounts, users: (ISSUE_15.users / ISSUE_15.accounts) * accounts, roles: (ISSUE_15.roles / ISSUE_15.accounts) * accounts };
const noFiles = (): never => {
  throw new Error('the benchmark worlds read no files');
};

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
const memory = () => {
  const m = process.memoryUsage();
  return `heap ${mb(m.heapUsed)}, resident ${mb(m.rss)}`;
};
const lines: string[] = [];
const line = (label: string, ms: number, base?: number) =>
  lines.push(
    `  ${label.padEnd(70)} ${ms.toFixed(0).padStart(7)} ms${base === undefined ? '' : `  (${(base / ms).toFixed(1)}× faster than its baseline)`}`,
  );

/** The first time and the median of `rounds` more; of the answer, only what `keep` takes (an answer holds every decision). */
function time<T, K>(work: () => T, rounds: number, keep: (value: T) => K): { first: number; ms: number; value: K } {
  let t = performance.now();
  const value = keep(work());
  const first = performance.now() - t;
  const ms: number[] = [];
  for (let i = 0; i < rounds; i++) {
    t = performance.now();
    work();
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  return { first, ms: ms[Math.floor(ms.length / 2)]!, value };
}

interface Questions {
  readonly action: string;
  readonly resource: string;
  /** a role that many reach; FROM one of them */
  readonly target: string;
  readonly from: string;
}

/** Loads the world from its text as the command does, and asks the questions of it, each beside its baseline. */
async function measure(name: string, text: string, q: Questions): Promise<void> {
  const t = performance.now();
  const { world } = await loadWorld(text, 'world.iam', noFiles, false);
  const loaded = performance.now() - t;
  lines.push(
    `${name}: ${Object.keys(world.iam.users).length} users, ${Object.keys(world.iam.roles).length} roles (${mb(text.length)} of text); loaded in ${loaded.toFixed(0)} ms; ${memory()}`,
  );

  const counts = (a: ReturnType<typeof whoCan>) => ({ decided: a.decided, entries: a.entries.length });
  const who = time(() => whoCan(world, q.action, q.resource), 4, counts);
  const everyone = time(() => whoCan(world, q.action, q.resource, { all: true }), 2, counts);
  const label = `who-can ${q.action} (${who.value.decided} decided, ${who.value.entries} allowed or conditional)`;
  line(`${label}, first after the load`, who.first);
  line(`${label}, warm`, who.ms, everyone.ms);
  line(`  baseline: every principal decided (${everyone.value.decided}), warm`, everyone.ms);
  lines.push(`  after who-can: ${memory()}`);

  const allTo = time(
    () => {
      const found = reach(world, q.target);
      return { found, paths: shortestPaths(found) };
    },
    2,
    (r) => ({ reached: r.paths.length, decided: r.found.decided, roles: rolesOnTheWay(world, r.found) }),
  );
  const onePath = time(
    () => pathsFrom(reach(world, q.target), q.from),
    2,
    (p) => ({ paths: p.length, hops: p[0]?.hops.length ?? 0 }),
  );
  const pairs = pairsBaseline(world, allTo.value.roles);
  line(`paths --all-to (${allTo.value.reached} principals reach it, ${allTo.value.decided} hops decided), first`, allTo.first);
  line('paths --all-to, warm', allTo.ms, pairs.ms);
  line(`paths FROM TO (${onePath.value.paths} paths, the shortest of ${onePath.value.hops} hops), warm`, onePath.ms, pairs.ms);
  line(`  baseline: every principal × each of the ${pairs.roles} roles on the way (measured on ${pairs.sampled}, scaled)`, pairs.ms);
  lines.push(`  after paths: ${memory()}`);
}

/** The roles that reach the target (or are it): those a search without the index would try every principal on. */
function rolesOnTheWay(world: World, found: ReturnType<typeof reach>): string[] {
  return [...found.distance.keys()].filter((arn) => world.iam.roles[arn] !== undefined);
}

/** Every principal's sts:AssumeRole decided on every role that reaches the target, as a search without the index would. */
function pairsBaseline(world: World, reached: readonly string[]): { ms: number; roles: number; sampled: number } {
  const principals = allPrincipals(world);
  // measured on a few of them, and scaled to all: every role costs the same pass over the principals
  const sampled = Math.min(5, reached.length);
  const t = performance.now();
  for (const arn of reached.slice(0, sampled)) {
    const role = world.iam.roles[arn]!;
    for (const p of principals) {
      const who = callerOf(p, world);
      if (who !== null && p.arn !== arn) assumeRoleHop(who, role, world);
    }
  }
  return { ms: ((performance.now() - t) / Math.max(1, sampled)) * reached.length, roles: reached.length, sampled };
}

const id = (a: number) => String(100000000000 + a);
await measure('the generated organization (test/bench/large-world.ts)', largeWorld(size), {
  action: 's3:GetObject',
  resource: 'arn:aws:s3:::data-7/app-3/report.csv',
  target: `arn:aws:iam::${id(5 % accounts)}:role/admin`,
  from: `arn:aws:iam::${id(4 % accounts)}:user/u1`,
});

// the world `simulate import` writes for the organization of import.bench.ts
const imported = importWorld(
  awsFixture({ accounts, usersPerAccount: 200, rolesPerAccount: 50, pageSize: 100 }).map((f) => ({ name: f.name, text: f.text })),
).text;
const shared = importedAccount(1 % accounts);
await measure('the imported organization (simulate import of test/import/fixtures.ts)', imported, {
  // the bucket policy allows every principal of the organization (aws:PrincipalOrgID): every one is decided
  action: 's3:GetObject',
  resource: 'arn:aws:s3:::shared-reports/q3.csv',
  // trusts its account's root; FROM is one of its account's users allowed to assume it
  target: `arn:aws:iam::${shared}:role/role-1-8`,
  from: `arn:aws:iam::${shared}:user/user-1-8`,
});
lines.push(`peak resident set of the whole process (both worlds, the baselines; goal 1 GB): ${mb(process.resourceUsage().maxRSS * 1024)}`);
console.log(lines.join('\n'));

describe('questions', () => {
  bench('measured above', () => {}, { iterations: 1, time: 0 });
});
