// One scenario, from its text to what `simulate` would print and its exit code: parse → resolve →
// run (runScenarioEvents) → project → render (writeScenario, renderOutput); runScenarioText does it all.
// `simulate`, `simulate test` and the library API all run scenarios through here. Policy files a scenario names are read beside it (node:fs); nothing else is.
//
// A run streams (docs/architecture.md, "How a run streams"): the file is parsed one top-level item
// at a time, the declarations first (the world), then each step is parsed, resolved, run and
// written as the engine decides it; neither the syntax tree, nor the event log, nor the trace of
// the whole run is held. Every error a scenario can have is found before the run starts (its
// output is all or nothing, as before): a first pass parses every item (and resolves the steps
// when every declaration comes before them, the usual layout); otherwise a second pass resolves
// the steps. The run's pass parses and resolves them again, one at a time (a small file's steps are
// kept from the first pass instead of parsed again: KEEP_ITEMS).
import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative } from 'node:path';
import type { WorldItem } from './dsl/ast.js';
import { parseItems } from './dsl/parse.js';
import { resolveDeclarations, type ResolveOptions, type ScenarioResolver } from './dsl/resolve/index.js';
import type { ScanStart } from './dsl/scanner.js';
import type { CommandEnvelope, LoggedEvent } from './engine/events.js';
import type { EventSink, RunResult } from './engine/run.js';
import { runScenario } from './engine/run-scenario.js';
import type { World } from './engine/world.js';
import { ScenarioError, formatScenarioError } from './errors.js';
import type { TraceModel } from './trace/model.js';
import { jsonWriter, renderJson } from './trace/render-json.js';
import { renderText, textWriter } from './trace/render-text.js';
import { project } from './trace/project.js';
import { traceStream, type TraceWriter } from './trace/stream.js';
import { COLOUR, PLAIN } from './trace/style.js';

/** The output formats of a run (`--format`). */
export type Format = 'text' | 'json' | 'yaml' | 'markdown' | 'mermaid' | 'cloudtrail';
export const FORMATS: readonly Format[] = ['text', 'json', 'yaml', 'markdown', 'mermaid', 'cloudtrail'];

export interface RenderOptions {
  readonly format: Format;
  /** text: the full evaluation under every decision (`--explain`; the run must have recorded detail) */
  readonly explain?: boolean;
  /** text: ANSI colours */
  readonly colour?: boolean;
}

/** A run in one format. Every format is a pure function of the trace model and the event log; the rarely used ones are loaded on demand. */
export async function renderOutput(model: TraceModel, events: readonly LoggedEvent[], options: RenderOptions): Promise<string> {
  switch (options.format) {
    case 'json':
      return renderJson(model);
    case 'yaml': {
      const writer = (await traceWriter(options))!;
      return [writer.head(model), ...model.items.map((item) => writer.item(item, model)), writer.end(model)].join('');
    }
    case 'markdown': {
      const { renderMarkdown } = await import('./trace/markdown/render-markdown.js');
      return renderMarkdown(model, events);
    }
    case 'mermaid': {
      const { scenarioDiagram } = await import('./trace/mermaid/render-mermaid.js');
      const { collectFacts } = await import('./trace/walkthrough/facts.js');
      return scenarioDiagram(model, collectFacts(events));
    }
    case 'cloudtrail': {
      const { renderCloudTrail } = await import('./trace/cloudtrail/render-cloudtrail.js');
      return renderCloudTrail(model, events);
    }
    case 'text':
      return renderText(model, { style: options.colour === true ? COLOUR : PLAIN, explain: options.explain === true });
    default: {
      const unreachable: never = options.format;
      throw new Error(`bug: unknown format ${String(unreachable)}`);
    }
  }
}

/**
 * The writer of a format that streams in one run (text, explain, JSON, YAML); null for the formats
 * that need the whole run before their first line (wholeRunWriter).
 */
export async function traceWriter(options: RenderOptions): Promise<TraceWriter | null> {
  switch (options.format) {
    case 'text':
      return textWriter({ style: options.colour === true ? COLOUR : PLAIN, explain: options.explain === true });
    case 'json':
      return jsonWriter();
    case 'yaml': {
      const [{ stringify }, { yamlWriter }] = await Promise.all([import('yaml'), import('./trace/render-yaml.js')]);
      return yamlWriter(stringify);
    }
    default:
      return null;
  }
}

/**
 * The writer of a format whose first lines show the whole run, after the first runs that gather
 * what it needs (writing nothing; a run is deterministic): the Markdown walkthrough (the summary,
 * the facts of the whole log), CloudTrail (the facts its records read: sessions by access key,
 * entities by ARN), the Mermaid diagram (its participants: two runs, the callers, then the
 * services they reach in order).
 */
async function wholeRunWriter(
  options: RenderOptions,
  firstRun: (pass: TraceWriter, onEvent?: EventSink) => Promise<TraceModel>,
): Promise<TraceWriter> {
  const { factsFold } = await import('./trace/walkthrough/facts.js');
  const facts = factsFold();
  const silent: TraceWriter = { head: () => '', item: () => '', end: () => '' };
  switch (options.format) {
    case 'markdown': {
      const [model, { markdownWriter }] = await Promise.all([firstRun(silent, facts.add), import('./trace/markdown/render-markdown.js')]);
      return markdownWriter(facts.facts, model.summary);
    }
    case 'cloudtrail': {
      const [, { cloudTrailWriter }] = await Promise.all([firstRun(silent, facts.add), import('./trace/cloudtrail/render-cloudtrail.js')]);
      return cloudTrailWriter(facts.facts);
    }
    case 'mermaid': {
      const { diagramPasses } = await import('./trace/mermaid/render-mermaid.js');
      const passes = diagramPasses(facts.facts);
      await firstRun(passes.callers, facts.add);
      await firstRun(passes.services);
      return passes.writer();
    }
    default:
      throw new Error(`bug: ${options.format} has a writer`);
  }
}

/** Whether a run must record every evaluation's detail to be printed so (`--explain`, the Markdown walkthrough). */
export const formatNeedsDetail = (options: RenderOptions): boolean => options.explain === true || options.format === 'markdown';

/** How a scenario reads the policy files it names: beside it, and named in its trace relative to the current folder. */
export function filesBeside(file: string): ResolveOptions['readFile'] {
  return (path) => {
    const full = isAbsolute(path) ? path : join(dirname(file), path);
    return { text: readFileSync(full, 'utf8'), file: relative('.', full) || full };
  };
}

/** A scenario's located error as `simulate` prints it: with the offending line, read from the file it is in. */
export function describeScenarioError(e: ScenarioError, file: string, source: string): string {
  let src: string | null = source;
  if (e.file !== file) {
    try {
      src = readFileSync(e.file, 'utf8');
    } catch {
      src = null;
    }
  }
  return formatScenarioError(e, src);
}

export interface ScenarioEventsOptions {
  /** record every evaluation's detail (--explain, the Markdown walkthrough, an event log to keep); default: recorded, as resolveScenario's default */
  readonly detail?: boolean;
  /** how policy files are read; default: beside the scenario (filesBeside) */
  readonly readFile?: ResolveOptions['readFile'];
  /** stop after this step (`--until`) */
  readonly until?: number | null;
  /** told when each phase ends (parse, resolve, run): `IAMSIM_DEBUG`'s timings */
  readonly mark?: (phase: string) => void;
  /** each event as the run decides it; the result then holds none */
  readonly sink?: EventSink;
}

/**
 * A scenario's text to its event log (or to `sink`, event by event) and world: parse → resolve →
 * run, streamed. Throws the ScenarioError of a scenario that cannot run, before running it.
 */
export async function runScenarioEvents(text: string, file: string, options: ScenarioEventsOptions): Promise<RunResult> {
  const mark = options.mark ?? (() => {});
  const resolve: ResolveOptions = { readFile: readOnce(options.readFile ?? filesBeside(file)), detail: options.detail };
  const commands = scenarioCommands(text, file, resolve, mark);
  const until = options.until ?? null;
  const result = await runScenario(until === null ? commands : upTo(commands, until), undefined, options.sink);
  mark('run');
  return result;
}

/** Reads each file once: the world is resolved again for the run, from the files as they were read first. */
function readOnce(read: ResolveOptions['readFile']): ResolveOptions['readFile'] {
  const read1 = new Map<string, ReturnType<ResolveOptions['readFile']>>();
  return (path) => {
    let got = read1.get(path);
    if (got === undefined) read1.set(path, (got = read(path)));
    return got;
  };
}

function* upTo(commands: Iterable<CommandEnvelope>, until: number): Generator<CommandEnvelope> {
  for (const c of commands) if ((c.meta.step ?? 0) <= until) yield c;
}

/**
 * A scenario's commands, checked whole and then given one at a time: the world's, then each step's
 * and wait's, parsed and resolved as the run takes them. Throws, before giving any, the located
 * error the scenario's first error is (syntax errors first, then the world's, then the steps', in
 * order: as a parse of the whole file and then its resolution find them).
 */
function scenarioCommands(text: string, file: string, options: ResolveOptions, mark: (phase: string) => void): Iterable<CommandEnvelope> {
  const declarations: WorldItem[] = [];
  const sequence: ScanStart[] = []; // where each step and wait starts
  // a small file's steps as the first pass parsed them (KEEP_ITEMS), parsed again otherwise
  const kept: WorldItem[] | null = text.length <= KEEP_ITEMS ? [] : null;
  const steps = (): Iterable<WorldItem> => kept ?? itemsAt(text, file, sequence);
  const declared = () => ({ kind: 'ScenarioFile' as const, file, items: declarations });
  // Resolving the steps while parsing them holds when no declaration follows the first step.
  let early: Attempt<ScenarioResolver> | null = null;
  let checked = true;
  for (const { item, start } of parseItems(text, file)) {
    if (item.kind !== 'Step' && item.kind !== 'Wait') {
      declarations.push(item);
      if (sequence.length > 0) checked = false;
      continue;
    }
    sequence.push(start);
    kept?.push(item);
    if (!checked) continue;
    early ??= attempt(() => resolveDeclarations(declared(), options));
    const resolver: ScenarioResolver | null = early.value;
    if (resolver === null) continue;
    const failed: Attempt<CommandEnvelope[]> = attempt(() => resolver.item(item));
    if (failed.error !== null) early = { value: null, error: failed.error };
  }
  mark('parse');
  if (checked && early !== null) {
    if (early.error !== null) throw early.error;
  } else {
    const resolver = resolveDeclarations(declared(), options);
    for (const item of steps()) resolver.item(item);
  }
  mark('resolve');
  return (function* () {
    const resolver = resolveDeclarations(declared(), options);
    yield* resolver.world;
    for (const item of steps()) yield* resolver.item(item);
  })();
}

/**
 * The size (in characters) up to which a file's steps are kept as the first pass parsed them rather
 * than parsed again for the run. Parsing a step again is code running cold: for a shipped scenario
 * it was about 30 % of the whole process's instructions (docs/performance.md, start-up); a file
 * this small has a small syntax tree, and a long run, which streams, still holds none.
 */
const KEEP_ITEMS = 1 << 16;

/** The items that start at `starts`, parsed again one at a time. */
function* itemsAt(text: string, file: string, starts: readonly ScanStart[]): Generator<WorldItem> {
  for (const start of starts) for (const { item } of parseItems(text, file, start, 1)) yield item;
}

type Attempt<T> = { readonly value: T; readonly error: null } | { readonly value: null; readonly error: ScenarioError };

/** The value of `f`, or the ScenarioError it threw (a scenario's error waits until the whole file has parsed). */
function attempt<T>(f: () => T): Attempt<T> {
  try {
    return { value: f(), error: null };
  } catch (e) {
    if (!(e instanceof ScenarioError)) throw e;
    return { value: null, error: e };
  }
}

export interface WrittenRun {
  /** the trace model: its summary; its items only when kept */
  readonly trace: TraceModel;
  /** the run's events when kept */
  readonly events: LoggedEvent[];
  readonly world: World;
}

export interface WriteOptions extends ScenarioRunOptions {
  /** stop after this step (`--until`) */
  readonly until?: number | null;
  readonly mark?: (phase: string) => void;
  /** keep the events and the trace's items (the library API returns them); a long run keeps neither */
  readonly keep?: boolean;
  /** each event as the run decides it (the event log) */
  readonly onEvent?: EventSink;
  /** a writer instead of the format's (simulate --summary) */
  readonly writer?: TraceWriter;
}

/**
 * Runs a scenario and writes its output in a format to `write` as the run decides it (Markdown,
 * Mermaid and CloudTrail after first runs that gather what their first lines show). Throws the
 * ScenarioError of a scenario that cannot run, before writing anything.
 */
export async function writeScenario(text: string, file: string, options: WriteOptions, write: (text: string) => void): Promise<WrittenRun> {
  const keep = options.keep === true;
  const detail = options.detail === true || formatNeedsDetail(options);
  const base = {
    detail,
    until: options.until ?? null,
    ...(options.readFile ? { readFile: options.readFile } : {}),
    ...(options.mark ? { mark: options.mark } : {}),
  };
  /** A run that writes nothing: for what a format needs from the whole run before its first line. */
  const firstRun = async (pass: TraceWriter, onEvent?: EventSink): Promise<TraceModel> => {
    const stream = traceStream(pass, () => {});
    await runScenarioEvents(text, file, { ...base, sink: onEvent ? (event) => (onEvent(event), stream.add(event)) : stream.add });
    return stream.finish();
  };
  const writer = options.writer ?? (await traceWriter(options)) ?? (await wholeRunWriter(options, firstRun));
  // nothing is written before the run starts (a scenario's errors are all found before it)
  const stream = traceStream(writer, write, keep);
  const events: LoggedEvent[] = [];
  const sink: EventSink = (event) => {
    stream.add(event);
    if (keep) events.push(event);
    options.onEvent?.(event);
  };
  const { world } = await runScenarioEvents(text, file, { ...base, sink });
  return { trace: stream.finish(), events, world };
}

/**
 * Writes a run's output in a format from its event log (`simulate replay`), as writeScenario writes
 * a run's: streamed, and for Markdown, Mermaid and CloudTrail after first passes over the log.
 * `events` gives the log's events again at each call (a long log is read again from its file).
 */
export async function writeEvents(
  events: () => Iterable<LoggedEvent>,
  options: RenderOptions,
  write: (text: string) => void,
  /** whether the log's world is complete when its first item starts (worldSettles); else it is rendered whole */
  settled = true,
): Promise<TraceModel> {
  if (!settled) {
    const all = [...events()];
    const model = project(all);
    write(await renderOutput(model, all, options));
    return model;
  }
  const pass = (writer: TraceWriter, to: (text: string) => void, onEvent?: EventSink): TraceModel => {
    const stream = traceStream(writer, to);
    for (const event of events()) {
      onEvent?.(event);
      stream.add(event);
    }
    return stream.finish();
  };
  const writer =
    (await traceWriter(options)) ?? (await wholeRunWriter(options, async (silent, onEvent) => pass(silent, () => {}, onEvent)));
  return pass(writer, write);
}

export interface ScenarioRunOptions extends RenderOptions {
  /** record every evaluation's detail even when the format does not show it (an event log to keep) */
  readonly detail?: boolean;
  /** how policy files are read; default: beside the scenario (filesBeside) */
  readonly readFile?: ResolveOptions['readFile'];
}

export type ScenarioRun =
  | {
      /** 0: every expectation held; 1: at least one failed */
      readonly exitCode: 0 | 1;
      /** what `simulate` prints on stdout */
      readonly output: string;
      readonly events: LoggedEvent[];
      readonly trace: TraceModel;
      readonly world: World;
      readonly error: null;
    }
  | {
      /** 2: the scenario could not run */
      readonly exitCode: 2;
      readonly output: '';
      readonly events: [];
      readonly trace: null;
      readonly world: null;
      /** the located error, and its text as `simulate` prints it on stderr */
      readonly error: { readonly error: ScenarioError; readonly message: string };
    };

/** Runs a scenario's text (named `file`, which its trace shows and its policy files are read beside) and prints it in a format. */
export async function runScenarioText(text: string, file: string, options: ScenarioRunOptions): Promise<ScenarioRun> {
  try {
    const chunks: string[] = [];
    const { events, world, trace } = await writeScenario(text, file, { ...options, keep: true }, (chunk) => chunks.push(chunk));
    return { exitCode: trace.summary.failed > 0 ? 1 : 0, output: chunks.join(''), events, trace, world, error: null };
  } catch (e) {
    if (!(e instanceof ScenarioError)) throw e;
    return {
      exitCode: 2,
      output: '',
      events: [],
      trace: null,
      world: null,
      error: { error: e, message: describeScenarioError(e, file, text) },
    };
  }
}
