export type { IamCommand, EntitySpec } from './commands.js';
export type { IamEvent } from './events.js';
export * from './state.js';
export { decideIam } from './decide.js';
export { evolveIam } from './evolve.js';
