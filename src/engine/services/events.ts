// The services' events; their types are derived from the schemas in schema.ts.
import type { LogType } from '../log-type.js';
import type { servicesEvents } from './schema.js';

export type ServicesEvent = LogType<(typeof servicesEvents)[number]>;
