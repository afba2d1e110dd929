// Every event the engine can record, and which component owns it.
import type { CallCommand } from './call/command.js';
import type { EksCommand, EksEvent } from './eks/index.js';
import type { IamCommand, IamEvent } from './iam/index.js';
import type { OidcCommand, OidcEvent } from './oidc/index.js';
import type { OrganizationsCommand, OrganizationsEvent } from './organizations/index.js';
import type { ResourcesCommand, ResourcesEvent } from './resources/index.js';
import type { ScenarioCommand, ScenarioEvent } from './scenario/index.js';
import type { StsEvent } from './sts/index.js';
import type { Meta } from './envelope.js';

export type AnyCommand = ScenarioCommand | IamCommand | ResourcesCommand | OrganizationsCommand | OidcCommand | EksCommand | CallCommand;
export type AnyEvent = ScenarioEvent | IamEvent | StsEvent | ResourcesEvent | OrganizationsEvent | OidcEvent | EksEvent;

export interface CommandEnvelope {
  readonly command: AnyCommand;
  readonly meta: Meta;
}

/** One line of the event log. */
export type LoggedEvent = AnyEvent & { readonly meta: Meta };

export type Component = 'scenario' | 'iam' | 'sts' | 'resources' | 'organizations' | 'oidc' | 'eks';

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
  SessionTokenIssued: 'sts',
  FederationTokenIssued: 'sts',
  CallerIdentityReturned: 'sts',
  AccessKeyInfoReturned: 'sts',
  StsCallFailed: 'sts',
  RoleAssumedWithWebIdentity: 'sts',
  AssumeRoleWithWebIdentityDenied: 'sts',
  AssumeRoleWithWebIdentityFailed: 'sts',
  BucketCreated: 'resources',
  ResourceRegistered: 'resources',
  ResourcePolicyPut: 'resources',
  ResourceTagged: 'resources',
  RequestAllowed: 'resources',
  RequestDenied: 'resources',
  RequestFailed: 'resources',
  OrganizationCreated: 'organizations',
  OrganizationPolicyCreated: 'organizations',
  OrganizationalUnitCreated: 'organizations',
  AccountJoinedOrganization: 'organizations',
  OrganizationPolicyAttached: 'organizations',
  OrganizationPolicyDetached: 'organizations',
  OidcIssuerRegistered: 'oidc',
  OpenIDConnectProviderCreated: 'oidc',
  ClusterCreated: 'eks',
  NamespaceCreated: 'eks',
  ServiceAccountCreated: 'eks',
  PodIdentityAssociationCreated: 'eks',
  PodAdmitted: 'eks',
  CredentialChainResolved: 'eks',
  CredentialChainFailed: 'eks',
  PodIdentityTokenExchanged: 'eks',
  PodIdentityTokenRefused: 'eks',
  PodCredentialsObtained: 'eks',
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
  CreateOrganization: 'organizations',
  CreateOrganizationPolicy: 'organizations',
  CreateOrganizationalUnit: 'organizations',
  AddAccountToOrganization: 'organizations',
  AttachOrganizationPolicy: 'organizations',
  DetachOrganizationPolicy: 'organizations',
  RegisterOidcIssuer: 'oidc',
  CreateOpenIDConnectProvider: 'oidc',
  CreateCluster: 'eks',
  CreateNamespace: 'eks',
  CreateServiceAccount: 'eks',
  CreatePodIdentityAssociation: 'eks',
  CreatePod: 'eks',
  Call: 'call',
};
