// The engine: the only loop. For each command: decide → events; append; evolve with immer.
// (evolve.ts applies each event to its component's slice.)
import type { CallCommand } from './call/command.js';
import {
  COMMAND_OWNER,
  type AnyCommand,
  type AnyEvent,
  type CommandEnvelope,
  type LoggedEvent,
} from './events.js';
import type { Meta } from './envelope.js';
import { decideEks, decidePodCall, type EksCommand } from './eks/index.js';
import { decideIam, type IamCommand } from './iam/index.js';
import { decideOidc, type OidcCommand } from './oidc/index.js';
import { decideOrganizations, type OrganizationsCommand } from './organizations/index.js';
import { decideResources, type ResourcesCommand } from './resources/index.js';
import { decideScenario, type ScenarioCommand } from './scenario/index.js';
import { decideSts } from './sts/index.js';
import { evolve } from './evolve.js';
import { initialWorld, type World } from './world.js';

export function decide(command: AnyCommand, world: World): AnyEvent[] {
  const owner = COMMAND_OWNER[command.type];
  switch (owner) {
    case 'scenario':
      return decideScenario(command as ScenarioCommand, world);
    case 'iam':
      return decideIam(command as IamCommand, world);
    case 'resources':
      return decideResources(command as ResourcesCommand, world);
    case 'organizations':
      return decideOrganizations(command as OrganizationsCommand, world);
    case 'oidc':
      return decideOidc(command as OidcCommand, world);
    case 'eks':
      return decideEks(command as EksCommand, world);
    case 'sts':
      throw new Error('bug: STS has no commands of its own; calls are routed');
    case 'call':
      return decideCall(command as CallCommand, world);
    default: {
      const unreachable: never = owner;
      throw new Error(`bug: unknown owner ${String(unreachable)}`);
    }
  }
}

function decideCall(command: CallCommand, world: World): AnyEvent[] {
  const caller = command.data.caller;
  if (caller.kind === 'kept' && world.scenario.kept[caller.name] === undefined) {
    const reason = `credentials ${caller.name} were never issued: the step that was to keep them did not get any`;
    return [{ type: 'CallNotMade', data: { action: command.data.action, reason } }];
  }
  for (const key in command.data.params) {
    const value = command.data.params[key]!;
    if (value.t === 'unset' && value.fatal) return [{ type: 'CallNotMade', data: { action: command.data.action, reason: value.reason } }];
  }
  // a pod's signed call: the SDK's credential chain and its hops first (src/engine/eks/pod-call.ts)
  if (caller.kind === 'pod' && !UNSIGNED.has(command.data.action.toLowerCase())) {
    return decidePodCall(command, world, { evolve: (w, events) => events.reduce(evolve, w), decideCall: decideServiceCall });
  }
  return decideServiceCall(command, world);
}

/** Calls an SDK sends without credentials (AWS STS API Reference "AssumeRoleWithWebIdentity"). */
const UNSIGNED: ReadonlySet<string> = new Set(['sts:assumerolewithwebidentity', 'sts:assumerolewithsaml']);

function decideServiceCall(command: CallCommand, world: World): AnyEvent[] {
  const service = command.data.action.slice(0, command.data.action.indexOf(':')).toLowerCase();
  return service === 'sts' ? decideSts(command, world) : decideResources(command, world);
}

export { evolve };

export interface RunResult {
  readonly events: LoggedEvent[];
  readonly world: World;
}

export function run(commands: readonly CommandEnvelope[]): RunResult {
  let world = initialWorld;
  const events: LoggedEvent[] = [];
  for (const { command, meta } of commands) {
    for (const event of decide(command, world)) {
      events.push(withMeta(event, meta));
      world = evolve(world, event);
    }
  }
  return { events, world };
}

/** Rebuild the world from an event log alone. */
export function replay(events: readonly AnyEvent[]): World {
  return events.reduce<World>((world, event) => evolve(world, event), initialWorld);
}

function withMeta(event: AnyEvent, meta: Meta): LoggedEvent {
  return { type: event.type, data: event.data, meta } as LoggedEvent;
}
