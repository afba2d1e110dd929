export type { ScenarioCommand, ExpectationSpec } from './commands.js';
export type { ScenarioEvent } from './events.js';
export * from './state.js';
export { rememberCall } from './evolve.js';
export { describeOutcome } from './expect.js';
export { scenario } from './decider.js';
