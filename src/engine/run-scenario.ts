// Running a scenario: the engine's loop (run.ts), with the token service answering the calls that
// need tokens. Signing and verifying are async and use the JOSE library, which is loaded only when
// the first such call comes (so a scenario without tokens starts as fast as before).
import type { CommandEnvelope } from './events.js';
import { engine, type EventSink, initialWorld, type RunResult } from './run.js';
import type { TokenService } from './tokens/prepare.js';
import type { World } from './world.js';

/**
 * Runs commands from `from` (the start; or where an earlier run left off) and returns their events
 * (or gives each to `sink` as it is decided) and the world after them.
 */
export async function runScenario(commands: Iterable<CommandEnvelope>, from: World = initialWorld, sink?: EventSink): Promise<RunResult> {
  const loop = engine(commands, from, sink);
  let next = loop.next();
  let tokens: TokenService | undefined;
  while (!next.done) {
    tokens ??= (await import('./tokens/prepare.js')).createTokenService();
    next = loop.next(await tokens.prepare(next.value.command, next.value.world));
  }
  return next.value;
}
