export type { ScenarioCommand, ExpectationSpec } from './commands.js';
export type { ScenarioEvent } from './events.js';
export * from './state.js';
export { decideScenario, isoSeconds } from './decide.js';
export { evolveScenario, rememberCall } from './evolve.js';
export { describeOutcome } from './expect.js';
