// Resource events: declarations, and the outcome of every non-STS call. The types are derived from
// the schemas in schema.ts.
import type { LogType } from '../log-type.js';
import type { resourcesEvents } from './schema.js';

export type ResourcesEvent = LogType<(typeof resourcesEvents)[number]>;
