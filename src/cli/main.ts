// `simulate`: arguments, files, console and exit codes. No logic of its own.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ScenarioError } from '../errors.js';
import type { RunResult } from '../engine/run.js';
import { describeScenarioError, runScenarioEvents, writeEvents, writeScenario } from '../run-file.js';
import type { LoggedEvent } from '../engine/events.js';
import type { TraceItem } from '../trace/project.js';
import { worldSettles, type TraceWriter } from '../trace/stream.js';
import { PLAIN, COLOUR } from '../trace/style.js';
import { HELP, parseArgs, UsageError, type Args } from './args.js';
import type { Io } from './io.js';
import { checkedLog, EventLogError, eventLogWriter, type EventLogWriter, needsDetail, requireDetail } from './event-log.js';
import { failedExpectations, indent, runWhat, statusLine, tallyCode, tallyLine, type Tally } from './outcome.js';
import { useColour, worldYaml } from './render.js';

/** The package's version: written into the bundle by the build (esbuild --define), read from package.json when run from the sources. */
declare const IAMSIM_VERSION: string | undefined;
const version = (): string =>
  typeof IAMSIM_VERSION === 'string'
    ? IAMSIM_VERSION
    : (JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'package.json'), 'utf8')) as { version: string }).version;

export async function main(argv: readonly string[], io: Io): Promise<number> {
  let args: Args;
  try {
    args = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`simulate: ${e.message}\n\n${HELP}`);
      return 2;
    }
    throw e;
  }
  if (args.command === 'help') return (io.stdout(HELP), 0);
  if (args.command === 'version') return (io.stdout(`simulate (iamsim) ${version()}\n`), 0);
  try {
    if (args.command === 'eval') {
      const { runEval } = await import('../eval/index.js');
      let world;
      if (args.world !== null) {
        const loaded = await scenarioEvents(args.world, null, false, io);
        if (loaded === null) return 2;
        world = loaded.world;
      }
      return await runEval(args.files[0]!, args.format === 'yaml' ? 'yaml' : 'json', io, world);
    }
    if (args.command === 'walk') {
      const { walk } = await import('./walk.js');
      const file = args.files[0]!;
      if (/\.(jsonl|ya?ml)$/i.test(file)) {
        const log = await readable(file, () => checkedLog(file));
        return await readable(file, () => walk(log.events, io));
      }
      const loaded = await scenarioEvents(file, null, true, io);
      return loaded === null ? 2 : await walk(() => loaded.events, io);
    }
    if (args.command === 'serve') {
      const loaded = await scenarioEvents(args.files[0]!, null, true, io);
      if (loaded === null) return 2;
      // Ctrl-C or SIGTERM: stop listening, finish the requests received, print the summary. The
      // handlers are set before the server starts, so a signal sent as soon as it prints its URL
      // still ends it with the summary.
      const stopped = new Promise<void>((resolve) => {
        process.once('SIGINT', () => resolve());
        process.once('SIGTERM', () => resolve());
      });
      const { openServe, ServeError } = await import('./serve.js');
      let serving;
      try {
        serving = await openServe(loaded, args, io);
      } catch (e) {
        if (!(e instanceof ServeError)) throw e;
        io.stderr(`${e.message}\n`);
        return 2;
      }
      await stopped;
      await serving.close();
      return 0;
    }
    if (args.command === 'replay') {
      // read one event at a time (a long run's log is never held): checked whole first, then written as it is read again
      const file = args.files[0]!;
      const world = worldSettles();
      const log = await readable(file, () => checkedLog(file, world.add));
      requireDetail(first(log.events()), file, args);
      const out = output(io, false);
      const options = { format: args.format, explain: args.explain, colour: useColour(args, io) };
      const model = await readable(file, () => writeEvents(log.events, options, out.write, world.settled()));
      out.end();
      return model.summary.failed > 0 ? 1 : 0;
    }
    if (args.command === 'who-can' || args.command === 'paths') {
      const { runQuestion } = await import('./questions.js');
      return await runQuestion(args, readText(args.files[0]!), io);
    }
    if (args.command === 'test') {
      const { runTests } = await import('./test-command.js');
      return await runTests(args, io);
    }
    if (args.command === 'import') {
      const { runImport } = await import('./import-command.js');
      return runImport(args, io);
    }
    // each file on its own: one that cannot be read or run does not stop the others
    const tally: Tally = { pass: 0, fail: 0, differs: 0, error: 0 };
    let printed = false;
    for (const file of args.files) {
      let code: number;
      try {
        code = await runFile(file, args, io, printed);
      } catch (e) {
        if (!(e instanceof ReadError)) throw e;
        io.stderr(`simulate: cannot read ${e.file}: ${e.reason}\n`);
        if (args.summary) io.stdout(statusLine('error', file, `cannot read it: ${e.reason}`, useColour(args, io) ? COLOUR : PLAIN));
        code = 2;
      }
      tally[code === 0 ? 'pass' : code === 1 ? 'fail' : 'error']++;
      printed ||= code !== 2 && !(args.quiet && code === 0) && !args.summary;
    }
    if (args.summary && args.files.length > 1) io.stdout(`\n${tallyLine(tally)}\n`);
    return tallyCode(tally);
  } catch (e) {
    if (e instanceof EventLogError) {
      io.stderr(`${e.message}\n`);
      return 2;
    }
    if (e instanceof ReadError) {
      io.stderr(`simulate: cannot read ${e.file}: ${e.reason}\n`);
      return 2;
    }
    const detail = io.env.IAMSIM_DEBUG ? String((e as Error).stack) : String((e as Error).message ?? e);
    io.stderr(`simulate: internal error (please report it with the scenario): ${detail}\n`);
    return 2;
  }
}

/**
 * Runs one scenario of a plain run and prints it as the run goes: its trace (after a blank line when
 * one was printed before), or with --summary its line. --quiet prints a failed run's trace only: the
 * run is made again to print it (a run is deterministic; its trace is not held meanwhile).
 */
async function runFile(file: string, args: Args, io: Io, after: boolean): Promise<number> {
  const clock = phaseClock(io);
  const style = useColour(args, io) ? COLOUR : PLAIN;
  const source = readText(file);
  clock.mark('read');
  const failing: TraceItem[] = [];
  const silent: TraceWriter = { head: () => '', item: () => '', end: () => '' };
  // --summary lists the failed expectations: only the steps that have one are kept
  const summary: TraceWriter = { ...silent, item: (item) => (hasFailed(item) && failing.push(item), '') };
  const quiet = args.summary || args.quiet;
  const log = args.events === null ? null : await eventLogWriter(args.events);
  const run = (writer: TraceWriter | undefined, onEvent: EventLogWriter['write'] | undefined, out: Output) =>
    writeScenario(
      source,
      file,
      {
        format: args.format,
        explain: args.explain,
        colour: useColour(args, io),
        detail: needsDetail(args),
        until: args.until,
        mark: clock.mark,
        ...(writer ? { writer } : {}),
        ...(onEvent ? { onEvent } : {}),
      },
      out.write,
    );
  let result;
  const out = output(io, after);
  try {
    result = await run(quiet ? (args.summary ? summary : silent) : undefined, log?.write, out);
    out.end();
  } catch (e) {
    if (e instanceof ScenarioError) {
      io.stderr(describeScenarioError(e, file, source) + '\n');
      if (args.summary) io.stdout(statusLine('error', file, 'could not run', style));
      return 2;
    }
    throw e;
  } finally {
    log?.close();
  }
  const model = result.trace;
  const code = model.summary.failed > 0 ? 1 : 0;
  if (args.summary) {
    if (!(args.quiet && code === 0))
      io.stdout(
        statusLine(code === 0 ? 'pass' : 'fail', file, runWhat(model), style) +
          indent(failedExpectations({ ...model, items: failing }).join('\n')),
      );
    return code;
  }
  if (args.quiet && code === 0) return code;
  if (args.quiet) {
    const again = output(io, after);
    result = await run(undefined, undefined, again);
    again.end();
  }
  clock.mark('write');
  clock.report(file);
  if (args.until !== null) io.stdout(`\nWorld after step ${args.until}:\n${await worldYaml(result.world)}`);
  return code;
}

const hasFailed = (item: TraceItem): boolean => item.kind === 'step' && item.expectations.some((e) => !e.passed);

interface Output {
  readonly write: (text: string) => void;
  /** writes what is buffered */
  readonly end: () => void;
}

/** stdout in pieces of 64 KiB (a long run writes each step as it goes), after a blank line when a trace was printed before. */
function output(io: Io, after: boolean): Output {
  let buffer: string[] = [];
  let size = 0;
  let first = true;
  const flush = (): void => {
    io.stdout(buffer.join(''));
    buffer = [];
    size = 0;
  };
  return {
    write(text) {
      if (text === '') return;
      if (first && after) buffer.push('\n');
      first = false;
      buffer.push(text);
      size += text.length;
      if (size >= 1 << 16) flush();
    },
    end: () => {
      if (buffer.length > 0) flush();
    },
  };
}

/** Runs a scenario (up to step `until`); null when it cannot run (the located error is printed). */
async function scenarioEvents(
  file: string,
  until: number | null,
  detail: boolean,
  io: Io,
  clock = phaseClock(io),
): Promise<RunResult | null> {
  const source = readText(file);
  clock.mark('read');
  try {
    return await runScenarioEvents(source, file, { detail, until, mark: clock.mark });
  } catch (e) {
    if (e instanceof ScenarioError) {
      io.stderr(describeScenarioError(e, file, source) + '\n');
      return null;
    }
    throw e;
  }
}

/** With IAMSIM_DEBUG set, how long each phase of a run took (on stderr); otherwise nothing. */
interface PhaseClock {
  mark(phase: string): void;
  report(file: string): void;
}

function phaseClock(io: Io): PhaseClock {
  if (!io.env.IAMSIM_DEBUG) return { mark: () => {}, report: () => {} };
  let last = performance.now();
  const phases: string[] = [];
  return {
    mark(phase) {
      const now = performance.now();
      phases.push(`${phase} ${(now - last).toFixed(1)}`);
      last = now;
    },
    report(file) {
      io.stderr(`simulate: ${file}: ms ${phases.join(', ')}; process ${performance.now().toFixed(0)}\n`);
    },
  };
}

class ReadError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
  }
}

function readText(file: string): string {
  return readableSync(file, () => readFileSync(file, 'utf8'));
}

/** What `read` gives; a file it cannot read is a ReadError, as readText's. */
function readableSync<T>(file: string, read: () => T): T {
  try {
    return read();
  } catch (e) {
    throw readError(file, e);
  }
}

async function readable<T>(file: string, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (e) {
    throw readError(file, e);
  }
}

function readError(file: string, e: unknown): unknown {
  // an error of the file system (it names its system call), not one of reading the log
  const code = (e as NodeJS.ErrnoException).code;
  if (typeof code !== 'string' || !(e instanceof Error) || !('syscall' in e)) return e;
  return new ReadError(file, code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : String(e.message));
}

/** The first of a log's events (reading no further). */
function first(events: Iterable<LoggedEvent>): LoggedEvent | undefined {
  for (const e of events) return e;
  return undefined;
}
