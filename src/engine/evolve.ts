// evolve(world, event): the owning component's recipe, applied with immer to that component's slice
// alone, then the memo of the last call. A slice no event changes keeps its identity (so caches
// keyed by a slice, such as the caller's compiled policies, last until that slice changes).
import { Immer, type Draft } from 'immer';
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

/**
 * The engine's world during a run. Evolving event by event with `evolve` copies the slice's records
 * (`users`, `roles`, … by ARN) at each event, so declaring n principals costs n² (issue 15: 5,000
 * principals took 26 s). Instead, the events of the commands that are not calls (declarations, and
 * what a workflow declares) evolve one immer draft of the whole world that stays open from one such
 * command to the next: each record is copied once, when the draft is opened. The deciders of those
 * commands read the draft (they read the state, and cache nothing by its identity). Before a call,
 * whose decision is cached by the identity of what it reads (call/policies.ts, caller.ts,
 * authorize.ts), the draft is finished into a world like any other, and a call's events evolve it
 * with `evolve`. The run's `from` is never changed: immer copies what it changes.
 */
export class Evolving {
  private world: World;
  private draft: Draft<World> | undefined;

  constructor(from: World) {
    this.world = from;
  }

  /** the world as it now is: the open draft, if any */
  current(): World {
    return (this.draft as World | undefined) ?? this.world;
  }

  /** the world as it now is, a finished value */
  settled(): World {
    if (this.draft !== undefined) {
      this.world = immer.finishDraft(this.draft) as World;
      this.draft = undefined;
    }
    return this.world;
  }

  evolve(event: AnyEvent, declaring: boolean): void {
    if (!declaring) {
      this.world = evolve(this.settled(), event);
      return;
    }
    const draft = (this.draft ??= immer.createDraft(this.world));
    // a recipe may keep the event's objects in the state (eks: the cluster), and a later event changes
    // them: in an open draft that would change the logged event, so the draft gets its own copy
    const own = { ...event, data: owned(event.data) } as AnyEvent;
    const owner = ownerOf(own);
    evolveOwn(owner, draft[owner], own);
    const call = (own.data as { call?: CallRecord }).call;
    if (call !== undefined && call.onBehalf === undefined) rememberCall(draft.scenario, call);
  }
}

/** The world after `events`, from `from`: one draft for them all (no decider reads between them). */
export function evolveAll(from: World, events: readonly AnyEvent[]): World {
  const state = new Evolving(from);
  for (const event of events) state.evolve(event, true);
  return state.settled();
}

/**
 * A copy of an event's plain objects and arrays; a frozen value (a policy document) never changes,
 * and is shared, as is any other kind of object.
 */
function owned<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  if (Array.isArray(value)) return value.map(owned) as T;
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) return value;
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) copy[key] = owned((value as Record<string, unknown>)[key]);
  return copy as T;
}
