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

function mayNeedTokens(command: CallCommand): boolean {
  const d = command.data;
  return d.caller.kind === 'pod' || d.action.toLowerCase() === 'sts:assumerolewithwebidentity' || Object.values(d.params).some((v) => v.t === 'token' || v.t === 'env' || v.t === 'file');
}
