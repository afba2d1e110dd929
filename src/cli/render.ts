// Whether a run's text is coloured, and the world as YAML (`--until`). src/run-file.ts renders every format.
import type { Args } from './args.js';

export interface RenderIo {
  readonly isTTY: boolean;
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** Colour on a terminal, unless NO_COLOR or TERM=dumb says otherwise; --color and --no-color decide over both. */
export const useColour = (args: Pick<Args, 'color'>, io: RenderIo): boolean =>
  args.color ?? (io.isTTY && !io.env.NO_COLOR && io.env.TERM !== 'dumb');

/** The world state after a step, as YAML (without the engine's memo of the last call and settings). */
export async function worldYaml(world: { readonly scenario: object }): Promise<string> {
  const { stringify } = await import('yaml');
  const { lastCall: _omit, detail: _setting, ...scenario } = world.scenario as { lastCall?: unknown; detail?: unknown };
  return stringify({ ...world, scenario }, { aliasDuplicateObjects: false, lineWidth: 0 });
}
