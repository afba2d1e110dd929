// The engine is a table of deciders, one per slice of the world. Which decider decides a command and
// which slice an event evolves are derived from it: each decider names its command and event types.
import type { Decider, Message } from './decider.js';
import { eks } from './eks/index.js';
import type { AnyEvent, EngineCommand } from './events.js';
import { iam } from './iam/index.js';
import { oidc } from './oidc/index.js';
import { organizations } from './organizations/index.js';
import { resources } from './resources/index.js';
import { saml } from './saml/index.js';
import { scenario } from './scenario/index.js';
import { services } from './services/index.js';
import { sso } from './sso/index.js';
import { sts } from './sts/index.js';
import type { World } from './world.js';

export const deciders = { scenario, iam, sts, resources, organizations, oidc, eks, services, sso, saml } as const satisfies {
  readonly [K in keyof World]: { readonly initialState: World[K] };
};

export type Component = keyof typeof deciders;

type AnyDecider = Decider<Message, Message, unknown>;

const table = deciders as unknown as Readonly<Record<Component, AnyDecider>>;
const components = Object.keys(table) as Component[];

export const initialWorld: World = Object.fromEntries(components.map((c) => [c, table[c].initialState])) as unknown as World;

/** command type → the deciders that name it (several for `Call`; `takes` picks one) */
const byCommand = new Map<string, AnyDecider[]>();
/** event type → the slice it evolves */
const byEvent = new Map<string, Component>();
for (const c of components) {
  for (const type of Object.keys(table[c].commands)) byCommand.set(type, [...(byCommand.get(type) ?? []), table[c]]);
  for (const type of Object.keys(table[c].events)) {
    if (byEvent.has(type)) throw new Error(`bug: event ${type} belongs to ${byEvent.get(type)} and ${c}`);
    byEvent.set(type, c);
  }
}

export function decide(command: EngineCommand, world: World): AnyEvent[] {
  const named = byCommand.get(command.type);
  if (named === undefined) throw new Error(`bug: no decider takes ${command.type}`);
  const taking = named.length === 1 ? named : named.filter((d) => d.takes?.(command, world) ?? true);
  if (taking.length !== 1) throw new Error(`bug: ${taking.length} deciders take ${command.type}`);
  return taking[0]!.decide(command, world) as AnyEvent[];
}

/** The component whose slice an event evolves. */
export function ownerOf(event: AnyEvent): Component {
  const owner = byEvent.get(event.type);
  if (owner === undefined) throw new Error(`bug: no decider owns ${event.type}`);
  return owner;
}

/** The owner's recipe (an immer recipe over its slice) applied to a draft of that slice. */
export function evolveOwn(owner: Component, draft: unknown, event: AnyEvent): void {
  table[owner].evolve(draft as never, event);
}

/** Whether an event log's `type` is an event the engine records. */
export function isEventType(type: string): type is AnyEvent['type'] {
  return byEvent.has(type);
}
