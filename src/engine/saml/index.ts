export type { SamlCommand } from './commands.js';
export type { SamlEvent } from './events.js';
export * from './state.js';
export { saml } from './decider.js';
