export type { SsoCommand } from './commands.js';
export { sso } from './decider.js';
export type { SsoEvent } from './events.js';
export { isPortalAction, PORTAL_ACTIONS, PORTAL_PARAMS } from './portal.js';
export { portalAccessToken } from './ids.js';
export { initialSsoState, type SsoState } from './state.js';
