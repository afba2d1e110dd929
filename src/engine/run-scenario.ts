// Running a scenario's commands: synchronously when no call needs a token, otherwise through the
// token service, whose JOSE library is loaded only then (so start-up stays fast).
import type { CallCommand } from './call/command.js';
import type { CommandEnvelope } from './events.js';
import { run, type RunResult } from './run.js';

export async function runScenario(commands: readonly CommandEnvelope[]): Promise<RunResult> {
  if (!commands.some((c) => c.command.type === 'Call' && mayNeedTokens(c.command))) return run(commands);
  const { runWithTokens } = await import('./tokens/run.js');
  return runWithTokens(commands);
}

const WEB_IDENTITY = 'sts:assumerolewithwebidentity';

function mayNeedTokens(command: CallCommand): boolean {
  const d = command.data;
  if (d.caller.kind === 'pod') return true;
  if (d.action.length === WEB_IDENTITY.length && d.action.toLowerCase() === WEB_IDENTITY) return true;
  for (const key in d.params) {
    const t = d.params[key]!.t;
    if (t === 'token' || t === 'env' || t === 'file') return true;
  }
  return false;
}
