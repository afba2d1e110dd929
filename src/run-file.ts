// One scenario, from its text to what `simulate` would print and its exit code: parse → resolve →
// run (runScenarioEvents) → project → render (renderOutput); runScenarioText does it all.
// `simulate`, `simulate test` and the library API all run scenarios through here. Policy files a scenario names are read beside it (node:fs); nothing else is.
import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative } from 'node:path';
import { parseScenario } from './dsl/parse.js';
import { resolveScenario, type ResolveOptions } from './dsl/resolve/index.js';
import type { LoggedEvent } from './engine/events.js';
import type { RunResult } from './engine/run.js';
import { runScenario } from './engine/run-scenario.js';
import type { World } from './engine/world.js';
import { ScenarioError, formatScenarioError } from './errors.js';
import type { TraceModel } from './trace/model.js';
import { project } from './trace/project.js';
import { renderJson, traceJson } from './trace/render-json.js';
import { renderText } from './trace/render-text.js';
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
      const { stringify } = await import('yaml');
      return stringify(traceJson(model), { aliasDuplicateObjects: false, lineWidth: 0 });
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
}

/** A scenario's text to its event log and world: parse → resolve → run. Throws the ScenarioError of a scenario that cannot run. */
export async function runScenarioEvents(text: string, file: string, options: ScenarioEventsOptions): Promise<RunResult> {
  const mark = options.mark ?? (() => {});
  const ast = parseScenario(text, file);
  mark('parse');
  const { commands } = resolveScenario(ast, { readFile: options.readFile ?? filesBeside(file), detail: options.detail });
  mark('resolve');
  const until = options.until ?? null;
  const result = await runScenario(until === null ? commands : commands.filter((c) => (c.meta.step ?? 0) <= until));
  mark('run');
  return result;
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
    const detail = options.detail === true || formatNeedsDetail(options);
    const { events, world } = await runScenarioEvents(text, file, { detail, ...(options.readFile ? { readFile: options.readFile } : {}) });
    const trace = project(events);
    const output = await renderOutput(trace, events, options);
    return { exitCode: trace.summary.failed > 0 ? 1 : 0, output, events, trace, world, error: null };
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
