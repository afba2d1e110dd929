// Running a scenario: the engine's loop (run.ts), with the token service answering the calls that
// need tokens. Signing and verifying are async and use the JOSE library, which is loaded only when
// the first such call comes (so a scenario without tokens starts as fast as before).
import type { CommandEnvelope } from './events.js';
import { engine, type EventSink, initialWorld, type RunResult } from './run.js';
import type { TokenService } from './tokens/prepare.js';
import type { World } from './world.js';

/** Where a run gets its token service when a call first needs one. */
export type TokenSource = () => Promise<TokenService>;

/** A token service of the run's own, with keys made for it. */
const ownTokens: TokenSource = async () => (await import('./tokens/prepare.js')).createTokenService();

/**
 * Runs commands from `from` (the start; or where an earlier run left off) and returns their events
 * (or gives each to `sink` as it is decided) and the world after them. `tokens`: where a run that
 * continues another gets the keys it must share (simulate serve's requests), else the run's own.
 */
export async function runScenario(
  commands: Iterable<CommandEnvelope>,
  from: World = initialWorld,
  sink?: EventSink,
  tokens: TokenSource = ownTokens,
): Promise<RunResult> {
  const loop = engine(commands, from, sink);
  let next = loop.next();
  let service: TokenService | undefined;
  while (!next.done) {
    service ??= await tokens();
    next = loop.next(await service.prepare(next.value.command, next.value.world));
  }
  return next.value;
}
