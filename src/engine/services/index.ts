export { services } from './decider.js';
export type { ServicesCommand, ObtainWorkloadCredentials } from './commands.js';
export type { ServicesEvent } from './events.js';
export { isServiceApi, serviceApiActions } from './api.js';
