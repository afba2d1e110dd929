// The library API: `import { runScenario, … } from 'iamsim'` (docs/api.md). Every function takes
// text and returns data, as the command would print it; the only I/O is the default reader of a
// scenario's policy files (from disk, relative to the scenario, as `simulate` reads them). Input
// that cannot run (a syntax error, an unknown name, a broken event log or eval input) is returned
// as located diagnostics, never thrown. Built into dist/index.js with its types in dist/index.d.ts
// (scripts/bundle.mjs); nothing in src/ imports this folder.
import { EventLogError, needsDetail, parseEvents, requireDetail, serialiseEvents } from '../cli/event-log.js';
import { worldYaml } from '../cli/render.js';
import { dirname, isAbsolute, join } from 'node:path';
import type { LoggedEvent as EngineEvent } from '../engine/events.js';
import type { SimulatePolicyResponse } from '../eval/index.js';
import { formatScenarioError, ScenarioError } from '../errors.js';
import { parseScenario } from '../dsl/parse.js';
import { resolveScenario } from '../dsl/resolve/index.js';
import { filesBeside, FORMATS, renderOutput, runScenarioEvents, type Format } from '../run-file.js';
import { project } from '../trace/project.js';

export { FORMATS, type Format };
export type { EvaluationResult, ResourceSpecificResult, SimulatePolicyResponse } from '../eval/index.js';

/**
 * One event of a run's log, as docs/event-log.md describes each type: its type, its data, and the
 * step and place in the scenario that caused it. (The engine's own types of each event's data are
 * derived from the log's schema and not part of this API.)
 */
export interface LoggedEvent {
  readonly type: string;
  readonly data: { readonly [field: string]: unknown };
  readonly meta: { readonly step?: number; readonly line?: number; readonly col?: number };
}

/** How a run or a replay is printed. */
export interface OutputOptions {
  /** The output format (default `'text'`, the trace `simulate` prints). */
  readonly format?: Format;
  /** With the text format, show the full evaluation under every decision (`simulate --explain`). Default false. */
  readonly explain?: boolean;
  /** Colour the text trace with ANSI escapes (`simulate --color`). Default false: the plain trace of the goldens. */
  readonly color?: boolean;
}

/**
 * Reads a policy file that a scenario names (`policy file "p.json"`): `path` as the scenario writes
 * it. Returns the text, or the text and the file name to give in messages. Throwing (any error)
 * makes the scenario fail with "cannot read policy file" at the name.
 */
export type PolicyFileReader = (path: string) => string | { readonly text: string; readonly file: string };

/** Options of {@link runScenario} and {@link checkScenario}. */
export interface RunOptions extends OutputOptions {
  /**
   * How the scenario's policy files are read. Default: from disk, relative to the scenario's folder
   * (`dirname(file)`, itself relative to the current folder), as `simulate` reads them.
   */
  readonly readFile?: PolicyFileReader;
  /** Run only the steps up to this one, and return the world after it in {@link RunResult.world} (`simulate --until`). */
  readonly until?: number;
  /**
   * Record every evaluation's full detail in the events, as `simulate --events` does, so that a replay
   * of them can show `explain` and the Markdown walkthrough. Default: only when this run's output needs it.
   */
  readonly detail?: boolean;
}

/** A problem that stops a scenario, an event log or an eval input from running, where it is and what would fix it. */
export interface Diagnostic {
  /** The file the problem is in: the scenario, one of its policy files, the event log or the eval input. */
  readonly file: string;
  /** 1-based line, or null when the problem is about the whole file (some event-log problems). */
  readonly line: number | null;
  /** 1-based column, or null with `line`. */
  readonly column: number | null;
  /** What is wrong. */
  readonly message: string;
  /** What was expected there, when known (`expected: …` in the command's message). */
  readonly expected?: string;
  /** The closest known name to a mistyped one (`did you mean …?`). */
  readonly suggestion?: string;
  /** The whole message as `simulate` prints it: `FILE:LINE:COL: error: …`, the source line underlined, `expected`, `did you mean`. */
  readonly text: string;
}

/** Steps and expectations of a run, as the trace's last line counts them. */
export interface Summary {
  readonly steps: number;
  readonly expectations: number;
  readonly passed: number;
  readonly failed: number;
}

/** What a run or a replay gives: what `simulate` would print and exit with, and the events. */
export interface RunResult {
  /** `simulate`'s exit code: 0 every expectation held, 1 an expectation failed, 2 the input could not run (see `diagnostics`). */
  readonly exitCode: 0 | 1 | 2;
  /** The trace in the format asked for, exactly as `simulate` prints it; empty when `exitCode` is 2. */
  readonly output: string;
  /** The event log of the run (what `simulate --events` writes, without its header); empty when `exitCode` is 2. */
  readonly events: readonly LoggedEvent[];
  /** The counts of the trace's summary; null when `exitCode` is 2. */
  readonly summary: Summary | null;
  /** Why the input could not run (exit code 2); empty otherwise. */
  readonly diagnostics: readonly Diagnostic[];
  /** With {@link RunOptions.until}: the world after that step, as YAML (what `simulate --until` prints after the trace). */
  readonly world?: string;
}

function checkOutputOptions(options: OutputOptions): Required<OutputOptions> {
  const format = options.format ?? 'text';
  if (!FORMATS.includes(format)) throw new RangeError(`format must be one of ${FORMATS.join(', ')}, not "${String(format)}"`);
  return { format, explain: options.explain ?? false, color: options.color ?? false };
}

/** Memoises what a reader returned, so that an error in a policy file is shown with its source line. */
function recordingReader(file: string, readFile: PolicyFileReader | undefined) {
  const texts = new Map<string, string>();
  const read = readFile ?? filesBeside(file);
  return {
    texts,
    readFile: (path: string): { text: string; file: string } => {
      const got = read(path);
      const out = typeof got === 'string' ? { text: got, file: isAbsolute(path) ? path : join(dirname(file), path) } : got;
      texts.set(out.file, out.text);
      return out;
    },
  };
}

function diagnostic(e: ScenarioError, source: string | null): Diagnostic {
  return {
    file: e.file,
    line: e.pos.line,
    column: e.pos.col,
    message: e.message,
    ...(e.expected === undefined ? {} : { expected: e.expected }),
    ...(e.suggestion === undefined ? {} : { suggestion: e.suggestion }),
    text: formatScenarioError(e, source),
  };
}

function failed(diagnostics: Diagnostic[]): RunResult {
  return { exitCode: 2, output: '', events: [], summary: null, diagnostics };
}

function unrunnable(e: unknown, file: string, source: string, texts: ReadonlyMap<string, string>): RunResult {
  if (!(e instanceof ScenarioError)) throw e;
  return failed([diagnostic(e, e.file === file ? source : (texts.get(e.file) ?? null))]);
}

async function finish(events: readonly EngineEvent[], output: Required<OutputOptions>): Promise<RunResult> {
  const model = project(events);
  const text = await renderOutput(model, events, { format: output.format, explain: output.explain, colour: output.color });
  const { steps, expectations, passed, failed: fails } = model.summary;
  return { exitCode: fails > 0 ? 1 : 0, output: text, events, summary: { steps, expectations, passed, failed: fails }, diagnostics: [] };
}

/**
 * Runs a scenario from its text, as `simulate FILE` does.
 *
 * @param source - the scenario's text (the language of docs/language.md)
 * @param file - its file name: messages and the trace name it, and policy files are read relative to its folder
 * @returns the exit code, the output in the format asked for and the events; a scenario that cannot
 *   run gives exit code 2 and its {@link Diagnostic}s (the promise is not rejected)
 * @throws RangeError for an unknown `format`
 * @example
 * ```ts
 * const { exitCode, output } = await runScenario(readFileSync('a.iam', 'utf8'), 'a.iam');
 * ```
 */
export async function runScenario(source: string, file: string, options: RunOptions = {}): Promise<RunResult> {
  const output = checkOutputOptions(options);
  const reader = recordingReader(file, options.readFile);
  const detail = options.detail ?? needsDetail({ ...output, events: null });
  let run;
  try {
    run = await runScenarioEvents(source, file, { readFile: reader.readFile, detail, until: options.until ?? null });
  } catch (e) {
    return unrunnable(e, file, source, reader.texts);
  }
  const result = await finish(run.events, output);
  return options.until === undefined ? result : { ...result, world: await worldYaml(run.world) };
}

/**
 * Parses and resolves a scenario without running it: the problems `simulate` would report, as
 * data. An empty list means the scenario can run.
 *
 * @param source - the scenario's text
 * @param file - its file name (policy files are read relative to its folder)
 */
export function checkScenario(source: string, file: string, options: Pick<RunOptions, 'readFile'> = {}): Diagnostic[] {
  const reader = recordingReader(file, options.readFile);
  try {
    resolveScenario(parseScenario(source, file), { readFile: reader.readFile, detail: false });
    return [];
  } catch (e) {
    return [...unrunnable(e, file, source, reader.texts).diagnostics];
  }
}

/**
 * Rebuilds a run from its event log alone, as `simulate replay FILE` does.
 *
 * @param log - the log's text: JSON Lines or YAML, as `simulate --events` writes it
 * @param file - its file name, whose extension (`.jsonl`, `.yaml`, `.yml`) says which
 * @returns the same result as the run that wrote the log; a log that cannot be read (or that lacks the
 *   detail `explain` or Markdown needs) gives exit code 2 and a {@link Diagnostic}
 * @throws RangeError for an unknown `format`
 */
export async function replayEventLog(log: string, file: string, options: OutputOptions = {}): Promise<RunResult> {
  const output = checkOutputOptions(options);
  let events: EngineEvent[];
  try {
    events = await parseEvents(log, file);
    requireDetail(events[0], file, output);
  } catch (e) {
    if (!(e instanceof EventLogError)) throw e;
    return failed([logDiagnostic(e, file)]);
  }
  return finish(events, output);
}

/** The located message of an EventLogError (`FILE[:LINE:COL]: error: MESSAGE`), as data. */
function logDiagnostic(e: EventLogError, file: string): Diagnostic {
  const rest = e.message.startsWith(file) ? e.message.slice(file.length) : null;
  const m = rest === null ? null : /^(?::(\d+):(\d+))?: error: ([\s\S]*)$/.exec(rest);
  return {
    file,
    line: m?.[1] === undefined ? null : Number(m[1]),
    column: m?.[2] === undefined ? null : Number(m[2]),
    message: m?.[3] ?? e.message,
    text: e.message,
  };
}

/**
 * Writes an event log of a run's events, as `simulate --events FILE` does: JSON Lines for a `.jsonl`
 * name, YAML for `.yaml` or `.yml`. {@link replayEventLog} reads it back.
 *
 * @throws RangeError for a file name with another extension
 */
export async function serializeEventLog(events: readonly LoggedEvent[], file: string): Promise<string> {
  try {
    return await serialiseEvents(events as readonly EngineEvent[], file);
  } catch (e) {
    if (e instanceof EventLogError) throw new RangeError(e.message, { cause: e });
    throw e;
  }
}

/** What {@link simulateCustomPolicy} gives: the response `simulate eval` prints, or why the input cannot run. */
export interface EvalResult {
  /** `simulate eval`'s exit code: 0 results (whatever the decisions), 2 the input could not run. */
  readonly exitCode: 0 | 2;
  /** The response (null when `exitCode` is 2). */
  readonly response: SimulatePolicyResponse | null;
  /** The response as `simulate eval` prints it (JSON indented by 4, as the AWS CLI does, or YAML); empty when `exitCode` is 2. */
  readonly output: string;
  /** Why the input could not run; empty otherwise. */
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Evaluates requests without a scenario, as `simulate eval` does: the input of
 * `aws iam simulate-custom-policy` (JSON text, or an object that is serialised first) in, its
 * `SimulatePolicyResponse` out.
 *
 * @param input - the input's JSON text, or the input itself
 * @param file - a name for messages (default `input.json`)
 */
export async function simulateCustomPolicy(
  input: string | object,
  file = 'input.json',
  options: { readonly format?: 'json' | 'yaml' } = {},
): Promise<EvalResult> {
  const format = options.format ?? 'json';
  if (format !== 'json' && format !== 'yaml') throw new RangeError(`format must be json or yaml, not "${String(format)}"`);
  const text = typeof input === 'string' ? input : JSON.stringify(input, null, 2);
  const { evaluateText, printResponse } = await import('../eval/index.js');
  let response: SimulatePolicyResponse;
  try {
    response = evaluateText(text, file);
  } catch (e) {
    if (!(e instanceof ScenarioError)) throw e;
    return { exitCode: 2, response: null, output: '', diagnostics: [diagnostic(e, text)] };
  }
  return { exitCode: 0, response, output: await printResponse(response, format), diagnostics: [] };
}
