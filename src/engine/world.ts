// The whole simulated world: one slice per component.
import { initialEksState, type EksState } from './eks/state.js';
import { initialIamState, type IamState } from './iam/state.js';
import { initialOidcState, type OidcState } from './oidc/state.js';
import { initialOrganizationsState, type OrganizationsState } from './organizations/state.js';
import { initialResourcesState, type ResourcesState } from './resources/state.js';
import { initialScenarioState, type ScenarioState } from './scenario/state.js';
import { initialStsState, type StsState } from './sts/state.js';

export interface World {
  scenario: ScenarioState;
  iam: IamState;
  sts: StsState;
  resources: ResourcesState;
  organizations: OrganizationsState;
  oidc: OidcState;
  eks: EksState;
}

export const initialWorld: World = {
  scenario: initialScenarioState,
  iam: initialIamState,
  sts: initialStsState,
  resources: initialResourcesState,
  organizations: initialOrganizationsState,
  oidc: initialOidcState,
  eks: initialEksState,
};
