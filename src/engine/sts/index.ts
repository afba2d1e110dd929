export type { StsEvent } from './events.js';
export * from './state.js';
export { decideSts, SUPPORTED_STS_ACTIONS } from './decide.js';
export { evolveSts } from './evolve.js';
