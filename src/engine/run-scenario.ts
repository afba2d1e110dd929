// Running a scenario: the engine's loop (run.ts), with the token service answering the calls that
// need tokens. Signing and verifying are async and use the JOSE library, which is loaded only when
// the first such call comes (so a scenario without tokens starts as fast as before).
import type { CommandEnvelope } from './events.js';
import { engine, type RunResult } from './run.js';
import type { TokenService } from './tokens/prepare.js';

export async function runScenario(commands: readonly CommandEnvelope[]): Promise<RunResult> {
  const loop = engine(commands);
  let next = loop.next();
  let tokens: TokenService | undefined;
  while (!next.done) {
    tokens ??= (await import('./tokens/prepare.js')).createTokenService();
    next = loop.next(await tokens.prepare(next.value.command, next.value.world));
  }
  return next.value;
}
