// `simulate`: arguments, files, console and exit codes. No logic of its own.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, isAbsolute } from 'node:path';
import { ScenarioError, formatScenarioError } from '../errors.js';
import type { LoggedEvent } from '../engine/events.js';
import { parseScenario } from '../dsl/parse.js';
import { resolveScenario } from '../dsl/resolve/index.js';
import { run } from '../engine/run.js';
import { project } from '../trace/project.js';
import type { TraceModel } from '../trace/model.js';
import { renderText } from '../trace/render-text.js';
import { renderJson, traceJson } from '../trace/render-json.js';
import { COLOUR, PLAIN } from '../trace/style.js';
import { HELP, parseArgs, UsageError, type Args } from './args.js';
import { EventLogError, parseEvents, serialiseEvents } from './event-log.js';

const VERSION = '0.1.0';

export interface Io {
  readonly stdout: (s: string) => void;
  readonly stderr: (s: string) => void;
  readonly isTTY: boolean;
  readonly env: Readonly<Record<string, string | undefined>>;
}

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
  if (args.command === 'help') return io.stdout(HELP), 0;
  if (args.command === 'version') return io.stdout(`simulate (iamsim) ${VERSION}\n`), 0;
  if (args.format === 'markdown' || args.format === 'mermaid') {
    io.stderr(`simulate: --format ${args.format} is not supported yet\n`);
    return 2;
  }
  try {
    if (args.command === 'replay') {
      const file = args.files[0]!;
      const events = await parseEvents(readText(file), file);
      io.stdout(await render(project(events), args, io));
      return project(events).summary.failed > 0 ? 1 : 0;
    }
    let code = 0;
    for (const [i, file] of args.files.entries()) {
      if (i > 0) io.stdout('\n');
      code = Math.max(code, await runFile(file, args, io));
    }
    return code;
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

async function runFile(file: string, args: Args, io: Io): Promise<number> {
  let source: string;
  source = readText(file);
  let events: LoggedEvent[];
  try {
    const ast = parseScenario(source, file);
    const { commands } = resolveScenario(ast, {
      readFile: (path) => {
        const full = isAbsolute(path) ? path : join(dirname(file), path);
        return { text: readFileSync(full, 'utf8'), file: relative('.', full) || full };
      },
    });
    const cut = args.until === null ? commands : commands.filter((c) => (c.meta.step ?? 0) <= args.until!);
    const result = run(cut);
    events = result.events;
    if (args.events !== null) writeFileSync(args.events, await serialiseEvents(events, args.events));
    const model = project(events);
    io.stdout(await render(model, args, io));
    if (args.until !== null) {
      const { lastCall: _omit, ...scenario } = result.world.scenario;
      io.stdout(`\nWorld after step ${args.until}:\n${JSON.stringify({ ...result.world, scenario }, null, 2)}\n`);
    }
    return model.summary.failed > 0 ? 1 : 0;
  } catch (e) {
    if (e instanceof ScenarioError) {
      let src: string | null = source;
      if (e.file !== file) {
        try {
          src = readFileSync(e.file, 'utf8');
        } catch {
          src = null;
        }
      }
      io.stderr(formatScenarioError(e, src) + '\n');
      return 2;
    }
    throw e;
  }
}

async function render(model: TraceModel, args: Args, io: Io): Promise<string> {
  switch (args.format) {
    case 'json':
      return renderJson(model);
    case 'yaml': {
      const { stringify } = await import('yaml');
      return stringify(traceJson(model), { aliasDuplicateObjects: false, lineWidth: 0 });
    }
    default: {
      const colour = args.color ?? (io.isTTY && !io.env.NO_COLOR && io.env.TERM !== 'dumb');
      return renderText(model, { style: colour ? COLOUR : PLAIN, explain: args.explain });
    }
  }
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
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new ReadError(file, code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : String((e as Error).message));
  }
}
