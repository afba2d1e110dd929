// The whole simulated world: one slice per component.
import { initialIamState, type IamState } from './iam/state.js';
import { initialResourcesState, type ResourcesState } from './resources/state.js';
import { initialScenarioState, type ScenarioState } from './scenario/state.js';
import { initialStsState, type StsState } from './sts/state.js';

export interface World {
  scenario: ScenarioState;
  iam: IamState;
  sts: StsState;
  resources: ResourcesState;
}

export const initialWorld: World = {
  scenario: initialScenarioState,
  iam: initialIamState,
  sts: initialStsState,
  resources: initialResourcesState,
};
