// A component is a decider (after event-driven-io/emmett): decide(command, world) → events, and
// evolve(draft, event), an immer recipe over the component's own slice. It names the command and
// event types it owns, so the engine derives from its table of deciders (deciders.ts) which one
// decides a command and which slice an event evolves. The engine is the only place that loops.
import type { Draft } from 'immer';
import type { World } from './world.js';

export interface Message {
  readonly type: string;
}

/** Every type of a union of messages, each once: the compiler checks the table is complete. */
export type TypeNames<M extends Message> = { readonly [T in M['type']]: true };

/**
 * C: the commands it decides; E: the events it owns (evolves); S: its slice; O: the events its decide
 * records, its own and, for a request it carries out, the request's outcome (a resources event).
 */
export interface Decider<C extends Message, E extends Message, S, O extends Message = E> {
  readonly commands: TypeNames<C>;
  readonly events: TypeNames<E>;
  readonly initialState: S;
  /** for a command type several deciders name (`Call`): whether this one decides this command */
  takes?(command: C, world: World): boolean;
  decide(command: C, world: World): O[];
  evolve(draft: Draft<S>, event: E): void;
}
