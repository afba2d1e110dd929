// Every event the engine can record, and which component owns it.
import type { CallCommand } from './call/command.js';
import type { IamCommand, IamEvent } from './iam/index.js';
import type { ResourcesCommand, ResourcesEvent } from './resources/index.js';
import type { ScenarioCommand, ScenarioEvent } from './scenario/index.js';
import type { StsEvent } from './sts/index.js';
import type { Meta } from './envelope.js';

export type AnyCommand = ScenarioCommand | IamCommand | ResourcesCommand | CallCommand;
export type AnyEvent = ScenarioEvent | IamEvent | StsEvent | ResourcesEvent;

export interface CommandEnvelope {
  readonly command: AnyCommand;
  readonly meta: Meta;
}

/** One line of the event log. */
export type LoggedEvent = AnyEvent & { readonly meta: Meta };

export type Component = 'scenario' | 'iam' | 'sts' | 'resources';

export const EVENT_OWNER: Record<AnyEvent['type'], Component> = {
  ScenarioStarted: 'scenario',
  ClockAdvanced: 'scenario',
  StepStarted: 'scenario',
  CallNotMade: 'scenario',
  ExpectationChecked: 'scenario',
  CredentialsKept: 'scenario',
  CredentialsNotKept: 'scenario',
  AccountCreated: 'iam',
  UserCreated: 'iam',
  GroupCreated: 'iam',
  RoleCreated: 'iam',
  PolicyCreated: 'iam',
  InlinePolicyPut: 'iam',
  PolicyAttached: 'iam',
  PermissionsBoundarySet: 'iam',
  UserAddedToGroup: 'iam',
  EntityTagged: 'iam',
  AccessKeyCreated: 'iam',
  MfaDeviceEnabled: 'iam',
  RoleAssumed: 'sts',
  AssumeRoleDenied: 'sts',
  AssumeRoleFailed: 'sts',
  CallerIdentityReturned: 'sts',
  StsCallFailed: 'sts',
  BucketCreated: 'resources',
  ResourceRegistered: 'resources',
  ResourcePolicyPut: 'resources',
  ResourceTagged: 'resources',
  RequestAllowed: 'resources',
  RequestDenied: 'resources',
  RequestFailed: 'resources',
};

export const COMMAND_OWNER: Record<AnyCommand['type'], Component | 'call'> = {
  StartScenario: 'scenario',
  AdvanceClock: 'scenario',
  StartStep: 'scenario',
  CheckExpectation: 'scenario',
  KeepCredentials: 'scenario',
  CreateAccount: 'iam',
  CreateUser: 'iam',
  CreateGroup: 'iam',
  CreateRole: 'iam',
  CreatePolicy: 'iam',
  PutInlinePolicy: 'iam',
  AttachPolicy: 'iam',
  PutPermissionsBoundary: 'iam',
  AddUserToGroup: 'iam',
  TagEntity: 'iam',
  CreateAccessKey: 'iam',
  EnableMfaDevice: 'iam',
  CreateBucket: 'resources',
  RegisterResource: 'resources',
  PutResourcePolicy: 'resources',
  TagResource: 'resources',
  Call: 'call',
};
