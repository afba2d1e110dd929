// STS events: each carries the full record of the call that produced it; the three that issue
// credentials also carry the session they created. The types are derived from the schemas in schema.ts.
import type { LogType } from '../log-type.js';
import type { stsEvents } from './schema.js';

export type StsEvent = LogType<(typeof stsEvents)[number]>;
