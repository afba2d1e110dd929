export type { StsEvent } from './events.js';
export * from './state.js';
export { SUPPORTED_STS_ACTIONS } from './decide.js';
export { sts } from './decider.js';
