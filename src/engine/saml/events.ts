// SAML events. The types are derived from the schemas in schema.ts.
import type { LogType } from '../log-type.js';
import type { samlEvents } from './schema.js';

export type SamlEvent = LogType<(typeof samlEvents)[number]>;
