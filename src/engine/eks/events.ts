// EKS events: declarations, the webhook's mutation of each pod, and what a pod's SDK did to get
// credentials in a step (the calls it made are STS's own events, between these). The types are
// derived from the schemas in schema.ts.
import type { LogType } from '../log-type.js';
import type { chainLinkSchema, eksEvents } from './schema.js';

/** One provider of the SDK's default chain and what it found. */
export type ChainLink = LogType<typeof chainLinkSchema>;

export type EksEvent = LogType<(typeof eksEvents)[number]>;
