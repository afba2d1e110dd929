// End to end on the generated scenario of issue 3 (2,000 one-line calls with `context`, JSON
// policies; test/bench/large-scenario.ts): the in-process pipeline of `simulate --format json`
// (parse → resolve → run → project → JSON), in calls per second, phase by phase, and as a ratio to
// two baselines measured in the same run, so that numbers from different machines compare: the
// same pipeline on a 200-call scenario with the same 50 users and policies (the fixed cost shows),
// and the policy evaluation alone of the same 2,000 requests (what the engine adds to the
// evaluator). The first pass of the process is printed too: the CLI runs cold, once. Prints;
// asserts nothing about time.
// Run: npm run build && npx vitest bench --run test/bench/e2e.bench.ts
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bench, describe } from 'vitest';
import { parseScenario } from '../../src/dsl/parse.js';
import { resolveScenario } from '../../src/dsl/resolve/index.js';
import type { LoggedEvent } from '../../src/engine/events.js';
import { run } from '../../src/engine/run.js';
import type { World } from '../../src/engine/world.js';
import { compilePolicy, evaluate, type AuthzRequest, type PolicySet } from '../../src/policy/index.js';
import { project } from '../../src/trace/project.js';
import { renderJson } from '../../src/trace/render-json.js';
import { largeScenario } from './large-scenario.js';
import { timeRounds } from './timing.js';

const CALLS = 2000;
const large = largeScenario(50, CALLS);
const small = largeScenario(50, 200);
const noFiles = {
  readFile: (): never => {
    throw new Error('the generated scenario reads no files');
  },
};

const parse = (source: string) => parseScenario(source, 'large.iam');
const resolve = (source: string, detail: boolean) => resolveScenario(parse(source), { ...noFiles, detail }).commands;
const pipeline = (source: string, detail = false): string => renderJson(project(run(resolve(source, detail)).events));

const t0 = performance.now();
pipeline(large);
const cold = performance.now() - t0;

// the same 2,000 requests for the evaluator alone: principal, action, resource and context as the
// engine built them, against the caller's compiled inline policy
const { events, world } = run(resolve(large, false));
const requests = evaluatorRequests(events, world);

function evaluatorRequests(log: readonly LoggedEvent[], w: World): { req: AuthzRequest; set: PolicySet }[] {
  const sets = new Map<string, PolicySet>();
  const out: { req: AuthzRequest; set: PolicySet }[] = [];
  for (const e of log) {
    if (e.type !== 'RequestAllowed' && e.type !== 'RequestDenied') continue;
    const c = e.data.call;
    const user = w.iam.users[c.caller.arn]!;
    let set = sets.get(user.arn);
    if (set === undefined) {
      const identity = user.inline.map((p) => compilePolicy(p.document, { name: `inline ${p.name}`, kind: 'identity' }));
      sets.set(user.arn, (set = { identity }));
    }
    const principal = { kind: 'iamUser' as const, accountId: user.account, arn: user.arn, uniqueId: user.id };
    out.push({ req: { principal, action: c.action, resource: c.resource ?? '*', resourceAccount: user.account, context: c.context }, set });
  }
  return out;
}

const evaluateAll = (): number => requests.reduce((n, r) => n + (evaluate(r.req, r.set).decision === 'Allow' ? 1 : 0), 0);

/** The median and best milliseconds of whole passes. */
function measure(work: () => unknown, rounds: number): { median: number; best: number } {
  const ms = timeRounds(work, rounds, 1500);
  return { median: ms[Math.floor(ms.length / 2)] ?? 0, best: ms[0] ?? 0 };
}

const perSecond = (calls: number, ms: number): string =>
  Math.round((calls / ms) * 1000)
    .toLocaleString('en-US')
    .padStart(10);
const report = (label: string, calls: number, m: { median: number; best: number }, base?: number): number => {
  const rate = (calls / m.median) * 1000;
  const ratio = base === undefined ? '' : `, ${(rate / base).toFixed(2)}× the baseline`;
  console.log(
    `${label.padEnd(46)} ${m.median.toFixed(1).padStart(7)} ms (best ${m.best.toFixed(1)}), ${perSecond(calls, m.median)} calls/s${ratio}`,
  );
  return rate;
};

console.log(
  `large scenario: ${large.length.toLocaleString('en-US')} characters, ${CALLS} calls; first pass in this process (cold): ${cold.toFixed(0)} ms`,
);
const evaluator = report('baseline 1: the evaluator alone, same requests', CALLS, measure(evaluateAll, 15));
const smallRate = report(
  'baseline 2: the pipeline on 200 calls, same users',
  200,
  measure(() => pipeline(small), 15),
);
report(
  'pipeline, 2,000 calls (vs baseline 1)',
  CALLS,
  measure(() => pipeline(large), 10),
  evaluator,
);
report(
  'pipeline, 2,000 calls (vs baseline 2)',
  CALLS,
  measure(() => pipeline(large), 10),
  smallRate,
);
report(
  '  with evaluation detail (--explain, --events)',
  CALLS,
  measure(() => pipeline(large, true), 6),
  evaluator,
);
const ast = parse(large);
const commands = resolveScenario(ast, { ...noFiles, detail: false }).commands;
report(
  '  phase: parse',
  CALLS,
  measure(() => parse(large), 10),
);
report(
  '  phase: resolve',
  CALLS,
  measure(() => resolveScenario(ast, { ...noFiles, detail: false }), 10),
);
report(
  '  phase: run (decide, evolve)',
  CALLS,
  measure(() => run(commands), 10),
);
report(
  '  phase: project and render JSON',
  CALLS,
  measure(() => renderJson(project(events)), 10),
);

// Whole processes, as a person runs them: `simulate --format json` on the generated file, against
// `node -e 0` and, when another evaluator is installed out of tree (scripts/oracle-bench.mjs; ORACLE
// or /tmp/oracle), that evaluator checking the same 2,000 requests in its own process. Interleaved
// rounds; medians. Needs dist/ (`npm run bench` builds it).
const root = join(import.meta.dirname, '..', '..');
const largeFile = join(mkdtempSync(join(tmpdir(), 'iamsim-bench-')), 'large.iam');
writeFileSync(largeFile, large);
const oracle = process.env.ORACLE ?? '/tmp/oracle/node_modules/@cloud-copilot/iam-simulate';
// simulate runs as a person runs it: the command bin/simulate (it starts Node without the certificates)
const processes: [string, string, string[]][] = [
  ['node -e 0', process.execPath, ['-e', '0']],
  ['simulate --format json (2,000 calls)', join(root, 'bin', 'simulate'), ['--format', 'json', largeFile]],
  ...(existsSync(oracle)
    ? [
        ['the other evaluator, same requests', process.execPath, [join(root, 'scripts', 'oracle-bench.mjs'), largeFile]] as [
          string,
          string,
          string[],
        ],
      ]
    : []),
];
const wall = new Map<string, number[]>(processes.map(([label]) => [label, []]));
for (let round = 0; round < 5; round++) {
  for (const [label, command, args] of processes) {
    const start = performance.now();
    const r = spawnSync(command, args, { env: { ...process.env, ORACLE: oracle }, maxBuffer: 64 * 1024 * 1024 });
    if (r.status !== 0) throw new Error(`${label} failed: ${String(r.stderr)}`);
    wall.get(label)!.push(performance.now() - start);
  }
}
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
const simulateMs = median(wall.get(processes[1]![0])!);
for (const [label] of processes) {
  const ms = median(wall.get(label)!);
  const ratio = label === processes[1]![0] ? '' : `, ${(ms / simulateMs).toFixed(2)}× simulate's time`;
  console.log(`whole process: ${label.padEnd(40)} ${ms.toFixed(0).padStart(6)} ms (median of 5)${ratio}`);
}
if (processes.length < 3) console.log(`whole process: no other evaluator at ${oracle} (see scripts/oracle-bench.mjs)`);

describe('end to end', () => {
  bench(`simulate --format json, ${CALLS} calls`, () => void pipeline(large), { iterations: 5 });
  bench('baseline: the same pipeline on 200 calls', () => void pipeline(small), { iterations: 20 });
  bench(`baseline: the evaluator alone on the same ${CALLS} requests`, () => void evaluateAll(), { iterations: 20 });
});
