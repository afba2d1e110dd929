// `simulate test [PATH…]`: runs every scenario it is given, checks its expectations, and compares
// its output with the goldens beside it (docs/cli.md#simulate-test). One process runs them all.
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, isAbsolute, relative, resolve, sep } from 'node:path';
import { runScenarioText, renderOutput, type Format } from '../run-file.js';
import { COLOUR, PLAIN, type Style } from '../trace/style.js';
import type { Args } from './args.js';
import type { Io } from './io.js';
import {
  failedExpectations,
  indent,
  plural,
  runWhat,
  statusLine,
  tallyCode,
  tallyLine,
  type DiffText,
  type GoldenCheck,
  type ScenarioCheck,
  type Tally,
} from './outcome.js';
import { useColour } from './render.js';

/** The goldens a scenario `x.iam` may have beside it, and what prints each. `x.trace` is the one every scenario needs. */
export const GOLDENS: readonly { readonly suffix: string; readonly format: Format; readonly explain: boolean }[] = [
  { suffix: '.trace', format: 'text', explain: false },
  { suffix: '.explain.trace', format: 'text', explain: true },
  { suffix: '.md', format: 'markdown', explain: false },
  { suffix: '.json', format: 'json', explain: false },
  { suffix: '.yaml', format: 'yaml', explain: false },
  { suffix: '.mermaid', format: 'mermaid', explain: false },
  { suffix: '.cloudtrail.json', format: 'cloudtrail', explain: false },
];

/** Beside a scenario that must not run: the located error it prints. */
export const ERROR_GOLDEN = '.error';

/** How many differing hunks of a golden the console shows (the JUnit report has them all). */
const SHOWN_HUNKS = 3;
const SHOWN_HUNK_LINES = 40;

export async function runTests(args: Args, io: Io): Promise<number> {
  const started = performance.now();
  const style = useColour(args, io) ? COLOUR : PLAIN;
  const { files, problems } = await collectScenarios(args.files.length > 0 ? args.files : ['.']);
  const checks: ScenarioCheck[] = problems.map((p) => ({
    file: p.path,
    status: 'error',
    what: p.message,
    details: '',
    steps: [],
    goldens: [],
    error: p.message,
    ms: 0,
  }));
  for (const p of checks) io.stdout(statusLine('error', p.file, p.what, style));
  for (const file of files) {
    const check = await checkScenario(file, args.update, style);
    checks.push(check);
    if (!(args.quiet && check.status === 'pass')) io.stdout(statusLine(check.status, check.file, check.what, style) + check.details);
  }
  const tally: Tally = { pass: 0, fail: 0, differs: 0, error: 0 };
  for (const c of checks) tally[c.status]++;
  const written = checks.flatMap((c) => c.goldens.filter((g) => g.written));
  if (args.reporter === 'junit' && args.output !== null) {
    const { junitReport } = await import('./junit.js');
    try {
      writeFileSync(args.output, junitReport(checks, (performance.now() - started) / 1000));
    } catch (e) {
      io.stderr(`simulate: cannot write ${args.output}: ${(e as Error).message}\n`);
      return 2;
    }
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  const wrote = args.update ? `; ${plural(written.length, 'golden')} written` : '';
  io.stdout(`\n${tallyLine(tally)}${wrote} (${seconds} s)\n`);
  return tallyCode(tally);
}

/** Runs one scenario and compares its outputs with its goldens (writing them with `update`). */
export async function checkScenario(path: string, update: boolean, style: Style): Promise<ScenarioCheck> {
  const t0 = performance.now();
  const file = shown(path);
  const base = path.slice(0, -'.iam'.length);
  const done = (c: Omit<ScenarioCheck, 'file' | 'ms'>): ScenarioCheck => ({ ...c, file, ms: performance.now() - t0 });
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const why = `cannot read it: ${readReason(e)}`;
    return done({ status: 'error', what: why, details: '', steps: [], goldens: [], error: why });
  }
  const present = GOLDENS.filter((g) => g.suffix === '.trace' || existsSync(base + g.suffix));
  const expectsError = existsSync(base + ERROR_GOLDEN);
  const run = await runScenarioText(text, file, {
    format: 'text',
    detail: present.some((g) => g.explain || g.format === 'markdown'),
  });
  const accept = `accept with: simulate test ${shellWord(file)} --update\n`;

  if (run.error !== null) {
    if (!expectsError) {
      return done({
        status: 'error',
        what: 'could not run',
        details: indent(run.error.message),
        steps: [],
        goldens: [],
        error: run.error.message,
      });
    }
    const golden = await compare(base + ERROR_GOLDEN, run.error.message + '\n', update, style);
    const differs = golden.status !== 'same' && !golden.written;
    return done({
      status: differs ? 'differs' : 'pass',
      what: differs
        ? `${golden.name} differs from the error it prints`
        : golden.written
          ? `(updated ${golden.name})`
          : `(fails to run, as ${golden.name} says)`,
      details: differs ? indent(golden.diff!.shown + accept) : '',
      steps: [],
      goldens: [golden],
      error: null,
    });
  }

  const steps = run.trace.items.flatMap((item) =>
    item.kind === 'step'
      ? [
          {
            index: item.index,
            title: item.title,
            failures: item.expectations.filter((e) => !e.passed).map((e) => `${e.text} — actual: ${e.actual}`),
          },
        ]
      : [],
  );
  if (expectsError) {
    const name = basename(base) + ERROR_GOLDEN;
    const what = `runs, but ${name} says it must not: delete ${name} if it should run`;
    return done({ status: 'differs', what, details: '', steps, goldens: [], error: null });
  }
  const goldens: GoldenCheck[] = [];
  for (const g of present) {
    const output =
      g.format === 'text' && !g.explain ? run.output : await renderOutput(run.trace, run.events, { format: g.format, explain: g.explain });
    try {
      goldens.push(await compare(base + g.suffix, output, update, style));
    } catch (e) {
      const why = `cannot read or write ${basename(base + g.suffix)}: ${readReason(e)}`;
      return done({ status: 'error', what: why, details: '', steps, goldens, error: why });
    }
  }
  const failed = run.exitCode === 1;
  const differing = goldens.filter((g) => g.status !== 'same' && !g.written);
  const written = goldens.filter((g) => g.written);
  const reasons: string[] = [];
  if (failed) reasons.push(runWhat(run.trace));
  for (const g of differing) reasons.push(g.status === 'missing' ? 'no golden trace: run with --update to write one' : `${g.name} differs`);
  if (written.length > 0)
    reasons.push(`wrote ${written.map((g) => `${g.name} (${g.status === 'missing' ? 'new' : 'changed'})`).join(', ')}`);
  let details = failed ? indent(failedExpectations(run.trace).join('\n')) : '';
  const diffs = differing.filter((g) => g.diff !== null);
  if (diffs.length > 0) details += indent(diffs.map((g) => g.diff!.shown).join('') + accept);
  return done({
    status: failed ? 'fail' : differing.length > 0 ? 'differs' : 'pass',
    what:
      failed || differing.length > 0
        ? reasons.join('; ')
        : reasons.length > 0
          ? `${runWhat(run.trace)}; ${reasons.join('; ')}`
          : runWhat(run.trace),
    details,
    steps,
    goldens,
    error: null,
  });
}

/** A golden against what the run printed: the same, missing or different (then written with `update`). */
async function compare(path: string, actual: string, update: boolean, style: Style): Promise<GoldenCheck> {
  const name = basename(path);
  let golden: string | null = null;
  try {
    golden = readFileSync(path, 'utf8').replace(/\r\n/g, '\n');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e; // checkScenario says the scenario could not run, and why
  }
  if (golden === actual) return { name, status: 'same', diff: null, written: false };
  if (update) writeFileSync(path, actual);
  const diff = golden === null ? null : await unifiedDiff(name, golden, actual, style);
  return { name, status: golden === null ? 'missing' : 'differs', diff, written: update };
}

/** The unified diff from a golden to a run's output, by jsdiff (loaded only when something differs). */
export async function unifiedDiff(name: string, golden: string, actual: string, style: Style): Promise<DiffText> {
  const { structuredPatch } = await import('diff');
  const patch = structuredPatch(name, name, golden, actual, 'golden', 'this run', { context: 3 });
  const head = [`--- ${name} (golden)`, `+++ ${name} (this run)`];
  const hunk = (h: (typeof patch.hunks)[number]) => [`@@ -${h.oldStart},${h.oldLines} +${h.newStart},${h.newLines} @@`, ...h.lines];
  const full = [...head, ...patch.hunks.flatMap(hunk)].join('\n') + '\n';
  const paint = (line: string) =>
    line.startsWith('@@') ? style.cyan(line) : line.startsWith('+') ? style.green(line) : line.startsWith('-') ? style.red(line) : line;
  const shown = head.map((l) => style.bold(l));
  for (const h of patch.hunks.slice(0, SHOWN_HUNKS)) {
    const lines = hunk(h);
    shown.push(...lines.slice(0, SHOWN_HUNK_LINES).map(paint));
    if (lines.length > SHOWN_HUNK_LINES) shown.push(style.dim(`… ${plural(lines.length - SHOWN_HUNK_LINES, 'more line')} in this hunk`));
  }
  if (patch.hunks.length > SHOWN_HUNKS) shown.push(style.dim(`… ${plural(patch.hunks.length - SHOWN_HUNKS, 'more hunk')}`));
  return { shown: shown.join('\n') + '\n', full };
}

/** A path as the lines and traces name it: relative to the current folder when below it, else absolute; `/` between folders. */
export function shown(path: string): string {
  const rel = relative('.', path);
  const name = rel === '' || rel.startsWith('..') || isAbsolute(rel) ? resolve(path) : rel;
  return sep === '/' ? name : name.split(sep).join('/');
}

const shellWord = (s: string): string => (/^[\w./@%+=:,-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);

function readReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  return code === 'ENOENT'
    ? 'no such file'
    : code === 'EACCES'
      ? 'permission denied'
      : code === 'EISDIR'
        ? 'it is a directory'
        : String((e as Error).message);
}

/** Glob characters: an argument with one that names no file or folder is a pattern. */
const GLOB = /[*?[\]{}!]/;
const IGNORE = ['**/node_modules/**'];

/**
 * The scenarios the arguments name, in order, each once: a file as it is; a folder, every `.iam`
 * below it; a glob (expanded here, not by a shell), every `.iam` it matches. Folders named
 * node_modules and folders whose name starts with a dot are skipped, unless named outright.
 */
export async function collectScenarios(
  paths: readonly string[],
): Promise<{ files: string[]; problems: { readonly path: string; readonly message: string }[] }> {
  const seen = new Set<string>();
  const files: string[] = [];
  const problems: { path: string; message: string }[] = [];
  const add = (f: string) => {
    const abs = resolve(f);
    if (seen.has(abs)) return;
    seen.add(abs);
    files.push(abs);
  };
  for (const path of paths) {
    let kind: 'file' | 'folder' | 'none';
    try {
      kind = statSync(path).isDirectory() ? 'folder' : 'file';
    } catch {
      kind = 'none';
    }
    if (kind === 'file') {
      add(path);
      continue;
    }
    if (kind === 'none' && !GLOB.test(path)) {
      problems.push({ path, message: 'no such file or folder' });
      continue;
    }
    const { globSync } = await import('tinyglobby');
    const found =
      kind === 'folder'
        ? globSync('**/*.iam', { cwd: path, ignore: IGNORE, dot: false, absolute: true, expandDirectories: false })
        : globSync(path, { ignore: IGNORE, dot: false, absolute: true, expandDirectories: false }).filter((f) => f.endsWith('.iam'));
    if (found.length === 0) {
      problems.push({
        path,
        message: kind === 'folder' ? 'no .iam scenario in this folder or below' : 'no .iam scenario matches this pattern',
      });
      continue;
    }
    for (const f of found.sort()) add(f);
  }
  return { files, problems };
}
