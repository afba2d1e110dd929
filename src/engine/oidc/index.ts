export type { OidcCommand } from './commands.js';
export type { OidcEvent } from './events.js';
export * from './state.js';
export type * from './token.js';
export { oidc } from './decider.js';
