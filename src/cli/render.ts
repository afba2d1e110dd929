// Which renderer prints a run (src/run-file.ts renders every format), and whether the text is coloured.
import type { LoggedEvent } from '../engine/events.js';
import { renderOutput } from '../run-file.js';
import type { TraceModel } from '../trace/model.js';
import type { Args } from './args.js';

export interface RenderIo {
  readonly isTTY: boolean;
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** Colour on a terminal, unless NO_COLOR or TERM=dumb says otherwise; --color and --no-color decide over both. */
export const useColour = (args: Pick<Args, 'color'>, io: RenderIo): boolean =>
  args.color ?? (io.isTTY && !io.env.NO_COLOR && io.env.TERM !== 'dumb');

export async function render(model: TraceModel, events: readonly LoggedEvent[], args: Args, io: RenderIo): Promise<string> {
  return renderOutput(model, events, { format: args.format, explain: args.explain, colour: useColour(args, io) });
}

/** The world state after a step, as YAML (without the engine's memo of the last call and settings). */
export async function worldYaml(world: { readonly scenario: object }): Promise<string> {
  const { stringify } = await import('yaml');
  const { lastCall: _omit, detail: _setting, ...scenario } = world.scenario as { lastCall?: unknown; detail?: unknown };
  return stringify({ ...world, scenario }, { aliasDuplicateObjects: false, lineWidth: 0 });
}
