// A flow that spans components is a workflow (emmett's sense): after each event, the commands that
// follow from it. The engine's loop decides them at once, as it decides a scenario's own commands,
// before the scenario's next command.
import type { AnyEvent, EngineCommand } from './events.js';
import type { World } from './world.js';

export interface FollowUp {
  readonly command: EngineCommand;
  /**
   * a call made on the caller's behalf to get credentials (a hop): it records every evaluation's
   * full detail whatever the run records, because the JSON and YAML traces show a hop's call whole
   */
  readonly hop: boolean;
}

export interface Workflow {
  /** `step`: the scenario's command under way, as the token service prepared it */
  react(event: AnyEvent, world: World, step: EngineCommand): FollowUp[];
}
