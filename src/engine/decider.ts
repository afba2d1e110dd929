// A component is a decider (after event-driven-io/emmett): decide(command, world) → events, and
// evolve(draft, event), an immer recipe over the component's own slice. The engine is the only
// place that loops.
import type { Draft } from 'immer';
import type { World } from './world.js';

export interface Decider<C, E, S> {
  readonly initialState: S;
  decide(command: C, world: World): E[];
  evolve(draft: Draft<S>, event: E): void;
}
