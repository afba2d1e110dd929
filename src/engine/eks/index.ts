export type { EksCommand } from './commands.js';
export type { EksEvent, ChainLink } from './events.js';
export * from './state.js';
export type { ObtainPodCredentials } from './pod-sdk.js';
export { eks } from './decider.js';
