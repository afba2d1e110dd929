// IAM Identity Center's events. The types are derived from the schemas in schema.ts.
import type { LogType } from '../log-type.js';
import type { ssoEvents } from './schema.js';

export type SsoEvent = LogType<(typeof ssoEvents)[number]>;
