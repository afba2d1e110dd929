// The schema of the event log: every event type once, by name, and the header line that says which
// version of the format a log is written in. Readers of a log load this; a scenario run does not.
import * as z from 'zod/mini';
import { eksEvents } from './eks/schema.js';
import { metaSchema } from './event-schema.js';
import type { AnyEvent } from './events.js';
import { iamEvents } from './iam/schema.js';
import type { Assert, LogType, Same } from './log-type.js';
import { oidcEvents } from './oidc/schema.js';
import { organizationsEvents } from './organizations/schema.js';
import { resourcesEvents } from './resources/schema.js';
import { samlEvents } from './saml/schema.js';
import { scenarioEvents } from './scenario/schema.js';
import { servicesEvents } from './services/schema.js';
import { ssoEvents } from './sso/schema.js';
import { stsEvents } from './sts/schema.js';

const ALL = [
  ...scenarioEvents,
  ...iamEvents,
  ...stsEvents,
  ...resourcesEvents,
  ...organizationsEvents,
  ...oidcEvents,
  ...eksEvents,
  ...servicesEvents,
  ...ssoEvents,
  ...samlEvents,
];

/** Each event type's schema, with the `meta` the log adds beside `type` and `data`. */
export const loggedEventSchemas: ReadonlyMap<string, z.ZodMiniType> = new Map(
  ALL.map((s) => [typeOf(s), z.extend(s, { meta: metaSchema })]),
);

export const EVENT_TYPES: readonly string[] = ALL.map(typeOf);

function typeOf(s: (typeof ALL)[number]): string {
  return [...s.shape.type.def.values][0]!;
}

export { metaSchema };

/** The engine's union of events is exactly the union of the components' event schemas. */
export type LogSchemasMatchTheEngine = Assert<Same<AnyEvent, LogType<(typeof ALL)[number]>>>;
