export type { ResourcesCommand } from './commands.js';
export type { ResourcesEvent } from './events.js';
export * from './state.js';
export { decideResources } from './decide.js';
export { evolveResources } from './evolve.js';
