// Where a `Call` goes first. A call the scenario cannot make goes nowhere, and the scenario records
// why; a signed call from a pod goes to the pod's SDK, which must find credentials before it can
// sign (src/engine/eks/pod-call.ts); any other call is a request to the service its action names.
import type { World } from '../world.js';
import type { CallCommand } from './command.js';

/** Why the scenario cannot make the call, or null when it can. */
export function notMadeReason(command: CallCommand, world: World): string | null {
  const caller = command.data.caller;
  if (caller.kind === 'kept' && world.scenario.kept[caller.name] === undefined) {
    return `credentials ${caller.name} were never issued: the step that was to keep them did not get any`;
  }
  for (const key in command.data.params) {
    const value = command.data.params[key]!;
    if (value.t === 'unset' && value.fatal) return value.reason;
  }
  return null;
}

/** Calls an SDK sends unsigned: they "do not require the use of AWS security credentials" (STS API reference). */
const UNSIGNED: ReadonlySet<string> = new Set(['sts:assumerolewithwebidentity', 'sts:assumerolewithsaml']);

export function isUnsigned(action: string): boolean {
  return UNSIGNED.has(action.toLowerCase());
}

/**
 * A signed call from a pod, with the tokens its SDK reads: the SDK walks its credential chain
 * first. Once it has credentials it sends the same call without the tokens, as a request.
 */
export function sdkFindsCredentials(command: CallCommand): boolean {
  return command.data.caller.kind === 'pod' && command.data.caller.tokens !== undefined && !isUnsigned(command.data.action);
}

/** The service of a request: `sts`, or another that the resources decider authorizes. */
export function serviceOf(command: CallCommand): string {
  const action = command.data.action;
  return action.slice(0, action.indexOf(':')).toLowerCase();
}

export type CallStage = 'not-made' | 'sdk' | 'workload' | 'request';

export function callStage(command: CallCommand, world: World): CallStage {
  if (notMadeReason(command, world) !== null) return 'not-made';
  if (sdkFindsCredentials(command)) return 'sdk';
  // a function's or instance's call waits for the session its service gets it (services/workload-call.ts)
  return command.data.caller.kind === 'workload' && command.data.caller.signed !== true ? 'workload' : 'request';
}
