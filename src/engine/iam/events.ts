// IAM events: facts about the identities that exist. The types are derived from the schemas in schema.ts.
import type { LogType } from '../log-type.js';
import type { iamEvents } from './schema.js';

export type IamEvent = LogType<(typeof iamEvents)[number]>;
