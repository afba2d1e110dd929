export type { IamCommand, EntitySpec } from './commands.js';
export type { IamEvent } from './events.js';
export * from './state.js';
export { iam } from './decider.js';
