// Every command a scenario hands the engine and every event the engine can record. Which component
// decides a command and which slice an event evolves is derived from the table of deciders
// (deciders.ts).
import type { CallCommand } from './call/command.js';
import type { EksCommand, EksEvent, ObtainPodCredentials } from './eks/index.js';
import type { IamCommand, IamEvent } from './iam/index.js';
import type { OidcCommand, OidcEvent } from './oidc/index.js';
import type { OrganizationsCommand, OrganizationsEvent } from './organizations/index.js';
import type { ResourcesCommand, ResourcesEvent } from './resources/index.js';
import type { SamlCommand, SamlEvent } from './saml/index.js';
import type { ScenarioCommand, ScenarioEvent } from './scenario/index.js';
import type { ObtainWorkloadCredentials, ServicesCommand, ServicesEvent } from './services/index.js';
import type { SsoCommand, SsoEvent } from './sso/index.js';
import type { StsEvent } from './sts/index.js';
import type { Meta } from './envelope.js';

export type AnyCommand =
  | ScenarioCommand
  | IamCommand
  | ResourcesCommand
  | OrganizationsCommand
  | OidcCommand
  | EksCommand
  | ServicesCommand
  | SsoCommand
  | SamlCommand
  | CallCommand;
export type AnyEvent =
  ScenarioEvent | IamEvent | StsEvent | ResourcesEvent | OrganizationsEvent | OidcEvent | EksEvent | ServicesEvent | SsoEvent | SamlEvent;

/** The commands the engine decides: a scenario's, and those its workflows send (workflow.ts). */
export type EngineCommand = AnyCommand | ObtainPodCredentials | ObtainWorkloadCredentials;

export interface CommandEnvelope {
  readonly command: AnyCommand;
  readonly meta: Meta;
}

/** One line of the event log. */
export type LoggedEvent = AnyEvent & { readonly meta: Meta };
