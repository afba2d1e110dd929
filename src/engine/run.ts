// The engine: the only loop. For each command of a scenario: the token service prepares it if it
// needs tokens (asked for at the edge, see run-scenario.ts), the decider that takes it decides, its
// events are appended and evolved with immer, then the workflows react to each event with the
// commands that follow, decided the same way before the scenario's next command.
import type { CallCommand } from './call/command.js';
import { decide, initialWorld } from './deciders.js';
import type { Meta } from './envelope.js';
import type { AnyEvent, CommandEnvelope, EngineCommand, LoggedEvent } from './events.js';
import { evolve, evolveAll, Evolving } from './evolve.js';
import { needsTokens } from './tokens/needs-tokens.js';
import { workflows } from './workflows.js';
import type { World } from './world.js';

export { decide, evolve, evolveAll, initialWorld };

export interface RunResult {
  /** the events of the run (none when they went to a sink instead) */
  readonly events: LoggedEvent[];
  readonly world: World;
}

/** Where a run's events go as they are decided, instead of into RunResult.events (a long run streams them). */
export type EventSink = (event: LoggedEvent) => void;

/** A command the token service prepares: a call, or a console sign-in's SAML assertion (saml/sign-in.ts). */
export type TokenCommand = CallCommand | Extract<EngineCommand, { type: 'SignInWithSaml' }>;

/** What the loop asks of the token service: this command, prepared against this world. */
export interface TokenRequest {
  readonly command: TokenCommand;
  readonly world: World;
}

/**
 * The loop. It yields a request for each call that needs tokens and resumes with the call prepared.
 * It starts from `world` (a run's start, or where an earlier run of the same log left off: `simulate
 * serve` runs each request this way) and returns the events of these commands alone. The commands
 * are taken one at a time (a long scenario resolves each step as the loop reaches it); with a sink,
 * each event goes to it as it is decided and the result holds none.
 */
export function* engine(
  commands: Iterable<CommandEnvelope>,
  from: World = initialWorld,
  sink?: EventSink,
): Generator<TokenRequest, RunResult, TokenCommand> {
  const state = new Evolving(from);
  const events: LoggedEvent[] = [];
  const emit: EventSink = sink ?? ((event) => events.push(event));
  for (const { command, meta } of commands) {
    const prepare = (command.type === 'Call' && needsTokens(command)) || command.type === 'SignInWithSaml';
    const step: EngineCommand = prepare ? yield { command, world: state.settled() } : command;
    const handle = (next: EngineCommand, hop: boolean): void => {
      // a call is decided against a finished world: what it reads is cached by identity (call/policies.ts)
      const declaring = next.type !== 'Call';
      const world = declaring ? state.current() : state.settled();
      const batch = decide(next, hop ? recordingDetail(world) : world);
      for (const event of batch) {
        emit(withMeta(event, meta));
        state.evolve(event, declaring);
      }
      for (const event of batch) {
        for (const workflow of workflows) {
          for (const follow of workflow.react(event, state.current(), step)) handle(follow.command, follow.hop);
        }
      }
    };
    handle(step, false);
  }
  return { events, world: state.settled() };
}

/** Run commands that need no tokens (the token service is async: scenarios run with runScenario). */
export function run(commands: readonly CommandEnvelope[], from: World = initialWorld): RunResult {
  const next = engine(commands, from).next();
  if (!next.done)
    throw new Error(`bug: ${next.value.command.type} needs tokens, which were not prepared: run the scenario with runScenario`);
  return next.value;
}

/** Rebuild the world from an event log alone. */
export function replay(events: readonly AnyEvent[]): World {
  return evolveAll(initialWorld, events);
}

/** A hop records every evaluation's full detail (workflow.ts), whatever the run records. */
function recordingDetail(world: World): World {
  return world.scenario.detail ? world : { ...world, scenario: { ...world.scenario, detail: true } };
}

function withMeta(event: AnyEvent, meta: Meta): LoggedEvent {
  return { type: event.type, data: event.data, meta } as LoggedEvent;
}
