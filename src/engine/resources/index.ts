export type { ResourcesCommand } from './commands.js';
export type { ResourcesEvent } from './events.js';
export * from './state.js';
export { resources } from './decider.js';
