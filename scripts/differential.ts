// Differential run of src/policy against another IAM evaluator, installed out of tree:
//
//   ORACLE=/path/to/node_modules/@cloud-copilot/iam-simulate npx tsx scripts/differential.ts \
//     [--cases N] [--seed S] [--out DIR] [--minimize]
//
// Both evaluators decide the seeded cases of test/policy/differential/cases.ts; each disagreement is
// written to DIR as case-ID.json (the case, both decisions, our explanation and a summary of theirs;
// with --minimize also the smallest case found that still disagrees the same way), the counts to
// summary.json and the cases either side could not decide to failures.json, and one summary line
// goes to stdout (earlier output files in DIR are removed, nothing else there). A disagreement is a
// question, not a verdict: the other evaluator has bugs and gaps of its own, and the reference decides.
//
// The oracle is @cloud-copilot/iam-simulate, which is AGPL-3.0: it is not a dependency of iamsim, and
// nothing in this repository imports it. This script loads it at run time from the path ORACLE names;
// the adapter below is our own code calling its public API (runSimulation).
//
// Exit: 0 when the run completed (disagreements included), 1 when our side failed on a case (invalid
// for our validator, or evaluate threw), 2 for usage errors and a missing or unusable oracle.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { explainEvaluation, type Decision, type Evaluation, type EvaluationDetail } from '../src/policy/index.js';
import { generateCases, type Case, type JsonObject, type JsonValue, type PolicyDoc } from '../test/policy/differential/cases.js';
import { evaluateCase, type OurResult } from '../test/policy/differential/ours.js';

const INSTALL = 'npm i --prefix /tmp/oracle @cloud-copilot/iam-simulate@0.1.173';
const USAGE =
  'usage: ORACLE=/path/to/node_modules/@cloud-copilot/iam-simulate npx tsx scripts/differential.ts ' +
  '[--cases N] [--seed S] [--out DIR] [--minimize]';
const NO_ORACLE = `differential: ORACLE is not set: it names the package folder of the evaluator to compare with.
Install one out of tree, and point ORACLE at it:
  ${INSTALL}
  ORACLE=/tmp/oracle/node_modules/@cloud-copilot/iam-simulate npx tsx scripts/differential.ts --cases 2000
@cloud-copilot/iam-simulate is licensed AGPL-3.0, iamsim MIT: it must not become a dependency of this
repository or be imported by its code or tests, so it stays outside the tree and is loaded from ORACLE.
${USAGE}
`;

// ---- the oracle: iam-simulate's public API, as far as this script uses it ---------------------

/** A named policy document, as iam-simulate's Simulation takes one. */
interface NamedPolicy {
  readonly name: string;
  readonly policy: PolicyDoc;
}

interface OrgPolicies {
  readonly orgIdentifier: string;
  readonly policies: readonly NamedPolicy[];
}

/** iam-simulate's Simulation: the request and every policy that applies to it. */
interface Simulation {
  readonly request: {
    readonly principal: string;
    readonly action: string;
    readonly resource: { readonly resource: string; readonly accountId: string };
    readonly contextVariables: Readonly<Record<string, string | string[]>>;
  };
  readonly identityPolicies: readonly NamedPolicy[];
  readonly serviceControlPolicies: readonly OrgPolicies[];
  readonly resourceControlPolicies: readonly OrgPolicies[];
  readonly resourcePolicy?: PolicyDoc;
  readonly permissionBoundaryPolicies?: readonly NamedPolicy[];
  readonly sessionPolicy?: PolicyDoc;
}

/** The parts of a statement's analysis that say why it did or did not apply. */
interface TheirStatement {
  readonly policyId?: string;
  readonly actionMatch?: boolean;
  readonly resourceMatch?: boolean;
  readonly principalMatch?: string;
  readonly conditionMatch?: boolean;
  readonly explain?: {
    readonly identifier?: string;
    readonly effect?: string;
    readonly conditions?: unknown;
    readonly resources?: unknown;
    readonly notResources?: unknown;
  };
}

interface TheirPolicyAnalysis {
  readonly result?: string;
  readonly allowStatements?: readonly TheirStatement[];
  readonly denyStatements?: readonly TheirStatement[];
}

interface TheirOrgAnalysis {
  readonly result?: string;
  readonly ouAnalysis?: readonly TheirPolicyAnalysis[];
}

interface TheirAnalysis {
  readonly result?: string;
  readonly sameAccount?: boolean;
  readonly blockedBy?: unknown;
  readonly identityAnalysis?: TheirPolicyAnalysis;
  readonly resourceAnalysis?: TheirPolicyAnalysis;
  readonly permissionBoundaryAnalysis?: TheirPolicyAnalysis;
  readonly sessionAnalysis?: TheirPolicyAnalysis;
  readonly scpAnalysis?: TheirOrgAnalysis;
  readonly rcpAnalysis?: TheirOrgAnalysis;
}

interface TheirResourceResult {
  readonly analysis?: TheirAnalysis;
  /** context keys it dropped as not applying to the action: a source of disagreements of its own */
  readonly ignoredContextKeys?: readonly string[];
}

type SimulationResult =
  | { readonly resultType: 'error'; readonly errors: unknown }
  | { readonly resultType: 'single'; readonly overallResult: string; readonly result: TheirResourceResult }
  | { readonly resultType: 'wildcard'; readonly overallResult: string; readonly results: readonly TheirResourceResult[] };

interface Oracle {
  readonly name: string;
  readonly runSimulation: (simulation: Simulation, options: Record<string, never>) => Promise<SimulationResult>;
}

const THEIR_DECISION: Readonly<Record<string, Decision>> = {
  Allowed: 'Allow',
  ExplicitlyDenied: 'ExplicitDeny',
  ImplicitlyDenied: 'ImplicitDeny',
};

class UsageError extends Error {}

/** The package's ES module entry (its package.json exports), or ORACLE itself when it is a file. */
function entryOf(dir: string): string {
  if (statSync(dir).isFile()) return dir;
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
    exports?: string | Record<string, string | Record<string, string>>;
    module?: string;
    main?: string;
  };
  const dot = typeof pkg.exports === 'string' ? pkg.exports : pkg.exports?.['.'];
  const rel = typeof dot === 'string' ? dot : (dot?.['import'] ?? dot?.['default'] ?? pkg.module ?? pkg.main ?? 'index.js');
  return join(dir, rel);
}

async function loadOracle(path: string): Promise<Oracle> {
  const dir = resolve(path);
  if (!existsSync(dir)) throw new UsageError(`ORACLE=${path}: no such file or folder; install one with\n  ${INSTALL}`);
  let name = dir;
  if (existsSync(join(dir, 'package.json'))) {
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string; license?: string };
    name = `${pkg.name ?? dir}@${pkg.version ?? '?'} (${pkg.license ?? 'license unknown'})`;
  }
  const mod: unknown = await import(pathToFileURL(entryOf(dir)).href);
  const run = typeof mod === 'object' && mod !== null ? (mod as Record<string, unknown>)['runSimulation'] : undefined;
  if (typeof run !== 'function') throw new UsageError(`ORACLE=${path}: the module has no runSimulation function`);
  return { name, runSimulation: run as Oracle['runSimulation'] };
}

/** The case as iam-simulate's Simulation (RCPFullAWSAccess is its own to add, as ours adds it). */
function simulation(c: Case): Simulation {
  const named = (prefix: string, docs: readonly PolicyDoc[]): NamedPolicy[] => docs.map((policy, i) => ({ name: `${prefix}${i}`, policy }));
  const levels = (kind: 'scp' | 'rcp', ls: readonly PolicyDoc[][] | undefined): OrgPolicies[] =>
    (ls ?? []).map((pols, i) => ({ orgIdentifier: `${kind}-level${i}`, policies: named(`${kind}${i}.`, pols) }));
  return {
    request: {
      principal: c.principal.arn,
      action: c.action,
      resource: { resource: c.resource, accountId: c.resourceAccount },
      contextVariables: c.context,
    },
    identityPolicies: named('identity', c.identity),
    serviceControlPolicies: levels('scp', c.scpLevels),
    resourceControlPolicies: levels('rcp', c.rcpLevels),
    ...(c.resourcePolicy ? { resourcePolicy: c.resourcePolicy } : {}),
    ...(c.boundary ? { permissionBoundaryPolicies: [{ name: 'boundary', policy: c.boundary }] } : {}),
    ...(c.session ? { sessionPolicy: c.session } : {}),
  };
}

interface TheirVerdict {
  /** null: it refused the case (errors holds why) */
  readonly decision: Decision | null;
  readonly errors?: unknown;
  readonly resources: readonly TheirResourceResult[];
}

async function theirs(oracle: Oracle, c: Case): Promise<TheirVerdict> {
  let t: SimulationResult;
  try {
    t = await oracle.runSimulation(simulation(c), {});
  } catch (e) {
    return { decision: null, errors: `runSimulation threw: ${e instanceof Error ? e.message : String(e)}`, resources: [] };
  }
  if (t.resultType === 'error') return { decision: null, errors: t.errors, resources: [] };
  const decision = THEIR_DECISION[t.overallResult];
  const resources = t.resultType === 'single' ? [t.result] : t.results;
  return decision === undefined ? { decision: null, errors: `overallResult ${t.overallResult}`, resources } : { decision, resources };
}

/** Which of their statements matched, and on what: enough to see where the two part ways. */
function summarizeAnalysis(a: TheirAnalysis | undefined): unknown {
  if (a === undefined) return null;
  const statement = (s: TheirStatement) => ({
    policy: s.policyId,
    id: s.explain?.identifier,
    effect: s.explain?.effect,
    action: s.actionMatch,
    resource: s.resourceMatch,
    principal: s.principalMatch,
    condition: s.conditionMatch,
    conditions: s.explain?.conditions,
    resources: s.explain?.resources ?? s.explain?.notResources,
  });
  const policy = (p: TheirPolicyAnalysis | undefined) =>
    p && { result: p.result, allow: (p.allowStatements ?? []).map(statement), deny: (p.denyStatements ?? []).map(statement) };
  const org = (o: TheirOrgAnalysis | undefined) => o && { result: o.result, levels: o.ouAnalysis?.map(policy) };
  return {
    result: a.result,
    sameAccount: a.sameAccount,
    blockedBy: a.blockedBy,
    identity: policy(a.identityAnalysis),
    resource: policy(a.resourceAnalysis),
    boundary: policy(a.permissionBoundaryAnalysis),
    session: policy(a.sessionAnalysis),
    scp: org(a.scpAnalysis),
    rcp: org(a.rcpAnalysis),
  };
}

// ---- our side -----------------------------------------------------------------------------------

/** evaluateCase, with a throw turned into a result: the run goes on and reports it. */
function ours(c: Case): OurResult | { readonly ok: false; readonly threw: string } {
  try {
    return evaluateCase(c);
  } catch (e) {
    return { ok: false, threw: e instanceof Error ? (e.stack ?? e.message) : String(e) };
  }
}

/** The evaluation, and every statement of every policy it consulted, element by element. */
function ourExplanation(r: Extract<OurResult, { ok: true }>): Evaluation & { readonly detail: EvaluationDetail } {
  return { ...r.evaluation, detail: explainEvaluation(r.request, r.set, r.evaluation, (name) => r.documents.get(name)) };
}

// ---- minimizing -----------------------------------------------------------------------------

/** "ours/theirs" when both decide the case, else null (an edit that breaks the case is no smaller case). */
async function signature(oracle: Oracle, c: Case): Promise<string | null> {
  const o = ours(c);
  if (!o.ok) return null;
  const t = await theirs(oracle, c);
  return t.decision === null ? null : `${o.evaluation.decision}/${t.decision}`;
}

/**
 * Greedy delta debugging: take the first edit that keeps both decisions, and start over from the
 * smaller case, until no edit does. Quadratic, but cases are small and the edits cheap.
 */
async function minimize(oracle: Oracle, start: Case): Promise<Case> {
  const want = await signature(oracle, start);
  let c = start;
  for (let progress = true; progress;) {
    progress = false;
    for (const x of edits(c)) {
      if ((await signature(oracle, x)) === want) {
        c = x;
        progress = true;
        break;
      }
    }
  }
  return c;
}

const edited = (c: Case, change: (x: Case) => void): Case => {
  const x = structuredClone(c);
  change(x);
  return x;
};

function asList(v: JsonValue | undefined): JsonValue[] {
  if (!Array.isArray(v)) throw new Error(`expected a list, not ${JSON.stringify(v)}`);
  return v;
}

function asObject(v: JsonValue | undefined): JsonObject {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new Error(`expected an object, not ${JSON.stringify(v)}`);
  return v;
}

/** Every policy document of a case, as a way to reach the same document in an edited copy. */
function documentGetters(c: Case): ((x: Case) => PolicyDoc)[] {
  const out = c.identity.map((_, i) => (x: Case) => x.identity[i]!);
  if (c.boundary) out.push((x) => x.boundary!);
  if (c.session) out.push((x) => x.session!);
  if (c.resourcePolicy) out.push((x) => x.resourcePolicy!);
  c.scpLevels?.forEach((level, i) => level.forEach((_, j) => out.push((x) => x.scpLevels![i]![j]!)));
  c.rcpLevels?.forEach((level, i) => level.forEach((_, j) => out.push((x) => x.rcpLevels![i]![j]!)));
  return out;
}

/** Smaller variants of a case: fewer policies, levels, statements, element values, conditions, context keys. */
function* edits(c: Case): Generator<Case> {
  for (let i = 0; i < c.identity.length; i++) yield edited(c, (x) => x.identity.splice(i, 1));
  for (const k of ['boundary', 'session', 'resourcePolicy', 'scpLevels', 'rcpLevels'] as const) {
    // a role always has a trust policy and a KMS key a key policy
    if (k === 'resourcePolicy' && (c.resourceKind === 'trust' || c.resourceKind === 'kms')) continue;
    if (c[k] !== undefined) yield edited(c, (x) => delete x[k]);
  }
  for (const k of ['scpLevels', 'rcpLevels'] as const) {
    const levels = c[k] ?? [];
    for (let i = 0; i < levels.length; i++) {
      if (levels.length > 1) yield edited(c, (x) => x[k]!.splice(i, 1));
      for (let j = 0; j < levels[i]!.length; j++) yield edited(c, (x) => x[k]![i]!.splice(j, 1));
    }
  }
  for (const doc of documentGetters(c)) {
    const statements = doc(c)['Statement'];
    if (!Array.isArray(statements)) {
      // a lone statement object becomes a list of one, which the edits below take apart
      yield edited(c, (x) => (doc(x)['Statement'] = [asObject(doc(x)['Statement'])]));
      continue;
    }
    for (let s = 0; s < statements.length; s++) {
      const at = (x: Case): JsonObject => asObject(asList(doc(x)['Statement'])[s]);
      if (statements.length > 1) yield edited(c, (x) => asList(doc(x)['Statement']).splice(s, 1));
      yield* statementEdits(c, asObject(statements[s]), at);
    }
  }
  for (const k of Object.keys(c.context)) yield edited(c, (x) => delete x.context[k]);
}

function* statementEdits(c: Case, st: JsonObject, at: (x: Case) => JsonObject): Generator<Case> {
  for (const el of ['Action', 'NotAction', 'Resource', 'NotResource']) {
    const v = st[el];
    if (Array.isArray(v) && v.length > 1) for (let i = 0; i < v.length; i++) yield edited(c, (x) => asList(at(x)[el]).splice(i, 1));
    if (typeof v === 'string' && v !== '*' && (el === 'Action' || el === 'Resource')) yield edited(c, (x) => (at(x)[el] = '*'));
  }
  const principal = st['Principal'];
  if (typeof principal === 'object' && principal !== null && !Array.isArray(principal)) {
    const aws = principal['AWS'];
    if (Array.isArray(aws) && aws.length > 1) {
      for (let i = 0; i < aws.length; i++) yield edited(c, (x) => asList(asObject(at(x)['Principal'])['AWS']).splice(i, 1));
    }
  }
  const condition = st['Condition'];
  if (condition === undefined) return;
  yield edited(c, (x) => delete at(x)['Condition']);
  const operators = Object.keys(asObject(condition));
  for (const op of operators) {
    const block = (x: Case): JsonObject => asObject(asObject(at(x)['Condition'])[op]);
    if (operators.length > 1) yield edited(c, (x) => delete asObject(at(x)['Condition'])[op]);
    const keys = Object.keys(block(c));
    for (const key of keys) {
      if (keys.length > 1) yield edited(c, (x) => delete block(x)[key]);
      const values = block(c)[key];
      if (Array.isArray(values) && values.length > 1) {
        for (let i = 0; i < values.length; i++) yield edited(c, (x) => asList(block(x)[key]).splice(i, 1));
      }
    }
  }
}

// ---- the run --------------------------------------------------------------------------------

/** case-ID.json */
interface Disagreement {
  readonly id: number;
  readonly seed: number;
  readonly ours: ReturnType<typeof ourExplanation>;
  readonly theirs: { readonly decision: Decision; readonly ignoredContextKeys: readonly string[]; readonly analysis: unknown };
  readonly case: Case;
  /** --minimize: the smallest variant found on which both still decide as on the case */
  readonly minimized?: Case;
}

/** failures.json: the cases one side could not decide */
interface Failure {
  readonly id: number;
  readonly ours: { readonly threw: string } | { readonly problems: readonly string[] } | null;
  readonly theirs: unknown;
  readonly case: Case;
}

interface Options {
  readonly cases: number;
  readonly seed: number;
  readonly out: string;
  readonly minimize: boolean;
}

function options(argv: readonly string[]): Options {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      cases: { type: 'string', default: '1000' },
      seed: { type: 'string', default: '20240601' },
      out: { type: 'string', default: join(tmpdir(), 'iamsim-differential') },
      minimize: { type: 'boolean', default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  const int = (name: string, s: string, min: number): number => {
    const n = Number(s);
    if (!Number.isSafeInteger(n) || n < min) throw new UsageError(`--${name} ${s}: expected a whole number ≥ ${min}`);
    return n;
  };
  return { cases: int('cases', values.cases, 1), seed: int('seed', values.seed, 0), out: resolve(values.out), minimize: values.minimize };
}

/** DIR holds the output of one run: earlier case files go, nothing else in it is touched. */
function prepareOut(dir: string): void {
  mkdirSync(dir, { recursive: true });
  for (const f of readdirSync(dir)) {
    if (/^case-\d+\.json$/.test(f) || f === 'summary.json' || f === 'failures.json') rmSync(join(dir, f));
  }
}

async function run(opts: Options, oracle: Oracle): Promise<number> {
  prepareOut(opts.out);
  const width = Math.max(4, String(opts.cases - 1).length);
  const stats = {
    cases: 0,
    compared: 0,
    agree: 0,
    disagree: 0,
    oursInvalid: 0,
    oursThrew: 0,
    theirsError: 0,
    // disagreements on which the oracle dropped context keys as not applying: perhaps the cause
    disagreeWithKeysIgnored: 0,
  };
  const pairs: Record<string, number> = {};
  const decisions: Record<string, number> = {};
  const failures: Failure[] = [];
  for (const c of generateCases(opts.seed, opts.cases)) {
    stats.cases++;
    const o = ours(c);
    const t = await theirs(oracle, c);
    if (!o.ok || t.decision === null) {
      if ('threw' in o) stats.oursThrew++;
      else if (!o.ok) stats.oursInvalid++;
      if (t.decision === null) stats.theirsError++;
      const why = 'threw' in o ? { threw: o.threw } : o.ok ? null : { problems: o.problems };
      failures.push({ id: c.id, ours: why, theirs: t.decision === null ? (t.errors ?? null) : null, case: c });
      continue;
    }
    stats.compared++;
    const ourDecision = o.evaluation.decision;
    decisions[ourDecision] = (decisions[ourDecision] ?? 0) + 1;
    if (ourDecision === t.decision) {
      stats.agree++;
      continue;
    }
    stats.disagree++;
    const pair = `ours=${ourDecision} theirs=${t.decision}`;
    pairs[pair] = (pairs[pair] ?? 0) + 1;
    const ignored = [...new Set(t.resources.flatMap((r) => r.ignoredContextKeys ?? []))];
    if (ignored.length > 0) stats.disagreeWithKeysIgnored++;
    const record: Disagreement = {
      id: c.id,
      seed: opts.seed,
      ours: ourExplanation(o),
      theirs: { decision: t.decision, ignoredContextKeys: ignored, analysis: t.resources.map((r) => summarizeAnalysis(r.analysis)) },
      case: c,
      ...(opts.minimize ? { minimized: await minimize(oracle, c) } : {}),
    };
    writeFileSync(join(opts.out, `case-${String(c.id).padStart(width, '0')}.json`), JSON.stringify(record, null, 1) + '\n');
  }
  const summary = { seed: opts.seed, oracle: oracle.name, stats, pairs, ourDecisions: decisions };
  writeFileSync(join(opts.out, 'summary.json'), JSON.stringify(summary, null, 1) + '\n');
  if (failures.length > 0) writeFileSync(join(opts.out, 'failures.json'), JSON.stringify(failures, null, 1) + '\n');
  const percent = stats.compared === 0 ? 0 : (100 * stats.disagree) / stats.compared;
  const byPair = Object.entries(pairs)
    .sort((a, b) => b[1] - a[1])
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');
  console.log(
    `seed ${opts.seed}: ${stats.cases} cases, ${stats.compared} compared, ${stats.disagree} disagree (${percent.toFixed(1)}%)` +
      (byPair === '' ? '' : ` [${byPair}]`) +
      `; invalid for us ${stats.oursInvalid}, our evaluator threw ${stats.oursThrew}, refused by the oracle ${stats.theirsError}` +
      `; written to ${opts.out}`,
  );
  return stats.oursInvalid + stats.oursThrew > 0 ? 1 : 0;
}

async function main(): Promise<number> {
  let opts: Options;
  let oracle: Oracle;
  try {
    opts = options(process.argv.slice(2));
    const path = process.env['ORACLE'];
    if (path === undefined || path === '') {
      process.stderr.write(NO_ORACLE);
      return 2;
    }
    oracle = await loadOracle(path);
  } catch (e) {
    // parseArgs throws TypeErrors with a code for unknown or malformed options
    if (e instanceof UsageError || (e instanceof TypeError && 'code' in e)) {
      process.stderr.write(`differential: ${e.message}\n${USAGE}\n`);
      return 2;
    }
    throw e;
  }
  return run(opts, oracle);
}

process.exitCode = await main();
