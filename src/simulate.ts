// The whole pipeline for one scenario text: parse → resolve → run → project. No I/O here: the
// caller passes the text and a way to read policy files.
import { parseScenario } from './dsl/parse.js';
import { resolveScenario, type ResolveOptions } from './dsl/resolve/index.js';
import type { LoggedEvent } from './engine/events.js';
import { run } from './engine/run.js';
import type { World } from './engine/world.js';
import type { TraceModel } from './trace/model.js';
import { project } from './trace/project.js';
import { runScenarioEvents } from './run-file.js';

export interface Simulation {
  readonly events: LoggedEvent[];
  readonly world: World;
  readonly trace: TraceModel;
}

export function simulate(source: string, file: string, options: ResolveOptions): Simulation {
  const ast = parseScenario(source, file);
  const { commands } = resolveScenario(ast, options);
  const { events, world } = run(commands);
  return { events, world, trace: project(events) };
}

/**
 * The same for any scenario, including those whose calls need signed tokens (OIDC, EKS); with
 * `until`, only the steps up to that one run (`simulate --until`).
 */
export async function simulateAsync(
  source: string,
  file: string,
  options: ResolveOptions,
  until: number | null = null,
): Promise<Simulation> {
  const { events, world } = await runScenarioEvents(source, file, { ...options, until });
  return { events, world, trace: project(events) };
}
