// The scenario's decider: the run's clock and steps, what they keep and check, and the calls a
// step cannot make.
import type { CallCommand } from '../call/command.js';
import { callStage } from '../call/stage.js';
import type { Decider } from '../decider.js';
import type { ScenarioCommand } from './commands.js';
import { decideScenario } from './decide.js';
import type { ScenarioEvent } from './events.js';
import { evolveScenario } from './evolve.js';
import { initialScenarioState, type ScenarioState } from './state.js';

export const scenario: Decider<ScenarioCommand | CallCommand, ScenarioEvent, ScenarioState> = {
  commands: {
    StartScenario: true,
    AdvanceClock: true,
    StartStep: true,
    CheckExpectation: true,
    KeepCredentials: true,
    KeepEncodedMessage: true,
    RefuseRequest: true,
    Call: true,
  },
  events: {
    ScenarioStarted: true,
    ClockAdvanced: true,
    StepStarted: true,
    CallNotMade: true,
    ExpectationChecked: true,
    CredentialsKept: true,
    CredentialsNotKept: true,
    EncodedMessageKept: true,
    EncodedMessageNotKept: true,
    RequestRefused: true,
  },
  initialState: initialScenarioState,
  takes: (command, world) => command.type !== 'Call' || callStage(command, world) === 'not-made',
  decide: decideScenario,
  evolve: evolveScenario,
};
