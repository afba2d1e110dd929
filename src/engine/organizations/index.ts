export type { OrganizationsCommand, OrgPolicyType, OrgTarget } from './commands.js';
export type { OrganizationsEvent } from './events.js';
export * from './state.js';
export { RCP_SERVICES, rcpAppliesTo } from './rcp-services.js';
export { organizations } from './decider.js';
