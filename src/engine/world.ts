// The whole simulated world: one slice per component (its decider's state; deciders.ts builds the
// initial world from them).
import type { EksState } from './eks/state.js';
import type { IamState } from './iam/state.js';
import type { OidcState } from './oidc/state.js';
import type { OrganizationsState } from './organizations/state.js';
import type { ResourcesState } from './resources/state.js';
import type { SamlState } from './saml/state.js';
import type { ScenarioState } from './scenario/state.js';
import type { ServicesState } from './services/state.js';
import type { SsoState } from './sso/state.js';
import type { StsState } from './sts/state.js';

export interface World {
  scenario: ScenarioState;
  iam: IamState;
  sts: StsState;
  resources: ResourcesState;
  organizations: OrganizationsState;
  oidc: OidcState;
  eks: EksState;
  services: ServicesState;
  sso: SsoState;
  saml: SamlState;
}
