export type { EksCommand } from './commands.js';
export type { EksEvent, ChainLink } from './events.js';
export * from './state.js';
export { decideEks } from './decide.js';
export { evolveEks } from './evolve.js';
export { decidePodCall, type PodCallKit } from './pod-call.js';
