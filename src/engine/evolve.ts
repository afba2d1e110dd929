// evolve(world, event): the owning component's recipe, applied with immer to that component's slice
// alone, then the memo of the last call. A slice no event changes keeps its identity (so caches
// keyed by a slice, such as the caller's compiled policies, last until that slice changes).
import { Immer } from 'immer';
import type { CallRecord } from './call-record.js';
import { evolveOwn, ownerOf } from './deciders.js';
import type { AnyEvent } from './events.js';
import { rememberCall } from './scenario/index.js';
import type { World } from './world.js';

/**
 * Immer without auto-freeze: freezing walks every new value of every event (a third of the cost
 * of a large run) and guards nothing here, since only recipes change state and immer never
 * mutates a base object.
 */
const immer = new Immer({ autoFreeze: false });

export function evolve(world: World, event: AnyEvent): World {
  const owner = ownerOf(event);
  const base = world[owner];
  const slice = immer.produce(base, (draft) => evolveOwn(owner, draft, event));
  let next = slice === base ? world : { ...world, [owner]: slice };
  const call = (event.data as { call?: CallRecord }).call;
  // a call a service makes for the step's call (a stack's resources) does not answer the step's expectations
  if (call !== undefined && call.onBehalf === undefined)
    next = { ...next, scenario: immer.produce(next.scenario, (draft) => rememberCall(draft, call)) };
  return next;
}
