// OIDC events. The types are derived from the schemas in schema.ts.
import type { LogType } from '../log-type.js';
import type { oidcEvents } from './schema.js';

export type OidcEvent = LogType<(typeof oidcEvents)[number]>;
