// The run of a scenario whose calls need tokens: the engine's loop, with the token service
// preparing each call against the world as it stands (src/engine/run.ts stays synchronous and pure).
import type { CommandEnvelope, LoggedEvent } from '../events.js';
import { decide, evolve, type RunResult } from '../run.js';
import { initialWorld } from '../world.js';
import { createKeyring } from './keyring.js';
import { needsTokens, prepareCall } from './prepare.js';

export async function runWithTokens(commands: readonly CommandEnvelope[]): Promise<RunResult> {
  const keys = createKeyring();
  let world = initialWorld;
  const events: LoggedEvent[] = [];
  for (const { command, meta } of commands) {
    const ready = command.type === 'Call' && needsTokens(command) ? await prepareCall(command, world, keys) : command;
    for (const event of decide(ready, world)) {
      events.push({ type: event.type, data: event.data, meta } as LoggedEvent);
      world = evolve(world, event);
    }
  }
  return { events, world };
}
