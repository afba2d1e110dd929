// evolve(world, event): the owning component's recipe, applied with immer to that component's slice
// alone, then the memo of the last call. A slice no event touches keeps its identity (so caches
// keyed by a slice, such as the caller's compiled policies, last until that slice changes).
import { Immer, type Draft } from 'immer';
import type { CallRecord } from './call-record.js';
import { EVENT_OWNER, type AnyEvent, type Component } from './events.js';
import { evolveEks, type EksEvent } from './eks/index.js';
import { evolveIam, type IamEvent } from './iam/index.js';
import { evolveOidc, type OidcEvent } from './oidc/index.js';
import { evolveOrganizations, type OrganizationsEvent } from './organizations/index.js';
import { evolveResources, type ResourcesEvent } from './resources/index.js';
import { evolveScenario, rememberCall, type ScenarioEvent, type ScenarioState } from './scenario/index.js';
import { evolveSts, type StsEvent } from './sts/index.js';
import type { World } from './world.js';

/**
 * Immer without auto-freeze: freezing walks every new value of every event (a third of the cost
 * of a large run) and guards nothing here, since only recipes change state and immer never
 * mutates a base object.
 */
const immer = new Immer({ autoFreeze: false });

/**
 * Events that only record an outcome: their owner's recipe leaves its slice as it is, so evolve does
 * not run it (only the memo of the call they carry changes). test/engine/record-only.test.ts checks
 * on every scenario that the recipe indeed changes nothing.
 */
export const RECORD_ONLY: ReadonlySet<AnyEvent['type']> = new Set<AnyEvent['type']>([
  'RequestAllowed',
  'RequestDenied',
  'RequestFailed',
  'AssumeRoleDenied',
  'AssumeRoleFailed',
  'CallerIdentityReturned',
  'AccessKeyInfoReturned',
  'StsCallFailed',
  'AssumeRoleWithWebIdentityDenied',
  'AssumeRoleWithWebIdentityFailed',
]);

export function evolve(world: World, event: AnyEvent): World {
  const owner = EVENT_OWNER[event.type];
  const call = (event.data as { call?: CallRecord }).call;
  let next = RECORD_ONLY.has(event.type) ? world : withSlice(world, owner, evolveSlice(world, owner, event, call));
  if (call !== undefined && owner !== 'scenario') {
    next = withSlice(next, 'scenario', onFlatCopy(next.scenario, (d) => rememberCall(d, call)));
  }
  return next;
}

/**
 * The scenario's recipes run on a copy of its slice instead of an immer draft. The slice is flat
 * (scalars, the last call's memo, and `kept`, a flat map copied here too) and it changes on every
 * step and every call, so a draft proxy, at ~10 µs each in a cold process, was a quarter of a
 * 2,000-call run. The recipes are the same immer recipes (`evolve(draft, event)`); they assign
 * top-level fields and keys of `kept` only, so the copy is an exact draft.
 * test/engine/flat-scenario.test.ts checks, on every event of every scenario, that both give the
 * same state and that the base is left as it was.
 */
export function onFlatCopy(base: ScenarioState, recipe: (draft: Draft<ScenarioState>) => void): ScenarioState {
  // field by field rather than a spread: one object shape, and this runs twice a step
  const draft: ScenarioState = {
    title: base.title,
    file: base.file,
    seed: base.seed,
    clock: base.clock,
    region: base.region,
    detail: base.detail,
    step: base.step,
    kept: { ...base.kept },
    lastCall: base.lastCall,
  };
  recipe(draft as Draft<ScenarioState>);
  return draft;
}

/** The owner's recipe applied to its slice (and, for the scenario's own events, the memo of the call). */
export function evolveSlice(world: World, owner: Component, event: AnyEvent, call: CallRecord | undefined): World[Component] {
  switch (owner) {
    case 'scenario':
      return onFlatCopy(world.scenario, (d) => {
        evolveScenario(d, event as ScenarioEvent);
        if (call !== undefined) rememberCall(d, call);
      });
    case 'iam':
      return immer.produce(world.iam, (d) => evolveIam(d, event as IamEvent));
    case 'sts':
      return immer.produce(world.sts, (d) => evolveSts(d, event as StsEvent));
    case 'resources':
      return immer.produce(world.resources, (d) => evolveResources(d, event as ResourcesEvent));
    case 'organizations':
      return immer.produce(world.organizations, (d) => evolveOrganizations(d, event as OrganizationsEvent));
    case 'oidc':
      return immer.produce(world.oidc, (d) => evolveOidc(d, event as OidcEvent));
    case 'eks':
      return immer.produce(world.eks, (d) => evolveEks(d, event as EksEvent));
    default: {
      const unreachable: never = owner;
      throw new Error(`bug: unknown owner ${String(unreachable)}`);
    }
  }
}

function withSlice(world: World, owner: Component, slice: World[Component]): World {
  if (world[owner] === slice) return world;
  // field by field rather than a spread with a computed key: one object shape for every world
  const next: World = {
    scenario: world.scenario,
    iam: world.iam,
    sts: world.sts,
    resources: world.resources,
    organizations: world.organizations,
    oidc: world.oidc,
    eks: world.eks,
  };
  (next as unknown as Record<Component, World[Component]>)[owner] = slice;
  return next;
}

