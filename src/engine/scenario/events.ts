// The scenario's events. The types are derived from the schemas in schema.ts.
import type { LogType } from '../log-type.js';
import type { scenarioEvents } from './schema.js';

export type ScenarioEvent = LogType<(typeof scenarioEvents)[number]>;
