// What the Query protocol of STS and IAM needs to know about the two services, from botocore's
// service models (boto/botocore, botocore/data/sts/2011-06-15/service-2.json and
// botocore/data/iam/2010-05-08/service-2.json): their API versions and XML namespaces, IAM's
// operations, the request members that are lists or structures (every other member the engine
// takes is a scalar, sent as text), and the HTTP status of each error code.
import { STS_ACTIONS } from '../engine/sts/catalogue.js';

export type QueryService = 'sts' | 'iam';

/** The `Version` each service's Query API answers, and the namespace of its XML (metadata.xmlNamespace). */
export const QUERY_SERVICES: Readonly<Record<QueryService, { readonly version: string; readonly xmlns: string }>> = {
  sts: { version: '2011-06-15', xmlns: 'https://sts.amazonaws.com/doc/2011-06-15/' },
  iam: { version: '2010-05-08', xmlns: 'https://iam.amazonaws.com/doc/2010-05-08/' },
};

/** Which service a request's `Version` names; null for any other. */
export function queryServiceOfVersion(version: string): QueryService | null {
  for (const service of ['sts', 'iam'] as const) if (QUERY_SERVICES[service].version === version) return service;
  return null;
}

/** IAM's operations (botocore's iam service model, `operations`): those the engine does not carry out are still known. */
const IAM_OPERATIONS = [
  'AcceptDelegationRequest',
  'AddClientIDToOpenIDConnectProvider',
  'AddRoleToInstanceProfile',
  'AddUserToGroup',
  'AssociateDelegationRequest',
  'AttachGroupPolicy',
  'AttachRolePolicy',
  'AttachUserPolicy',
  'ChangePassword',
  'CreateAccessKey',
  'CreateAccountAlias',
  'CreateDelegationRequest',
  'CreateGroup',
  'CreateInstanceProfile',
  'CreateLoginProfile',
  'CreateOpenIDConnectProvider',
  'CreatePolicy',
  'CreatePolicyVersion',
  'CreateRole',
  'CreateSAMLProvider',
  'CreateServiceLinkedRole',
  'CreateServiceSpecificCredential',
  'CreateUser',
  'CreateVirtualMFADevice',
  'DeactivateMFADevice',
  'DeleteAccessKey',
  'DeleteAccountAlias',
  'DeleteAccountPasswordPolicy',
  'DeleteGroup',
  'DeleteGroupPolicy',
  'DeleteInstanceProfile',
  'DeleteLoginProfile',
  'DeleteOpenIDConnectProvider',
  'DeletePolicy',
  'DeletePolicyVersion',
  'DeleteRole',
  'DeleteRolePermissionsBoundary',
  'DeleteRolePolicy',
  'DeleteSAMLProvider',
  'DeleteSSHPublicKey',
  'DeleteServerCertificate',
  'DeleteServiceLinkedRole',
  'DeleteServiceSpecificCredential',
  'DeleteSigningCertificate',
  'DeleteUser',
  'DeleteUserPermissionsBoundary',
  'DeleteUserPolicy',
  'DeleteVirtualMFADevice',
  'DetachGroupPolicy',
  'DetachRolePolicy',
  'DetachUserPolicy',
  'DisableOrganizationsRootCredentialsManagement',
  'DisableOrganizationsRootSessions',
  'DisableOutboundWebIdentityFederation',
  'EnableMFADevice',
  'EnableOrganizationsRootCredentialsManagement',
  'EnableOrganizationsRootSessions',
  'EnableOutboundWebIdentityFederation',
  'GenerateCredentialReport',
  'GenerateOrganizationsAccessReport',
  'GenerateServiceLastAccessedDetails',
  'GetAccessKeyLastUsed',
  'GetAccountAuthorizationDetails',
  'GetAccountPasswordPolicy',
  'GetAccountSummary',
  'GetContextKeysForCustomPolicy',
  'GetContextKeysForPrincipalPolicy',
  'GetCredentialReport',
  'GetDelegationRequest',
  'GetGroup',
  'GetGroupPolicy',
  'GetHumanReadableSummary',
  'GetInstanceProfile',
  'GetLoginProfile',
  'GetMFADevice',
  'GetOpenIDConnectProvider',
  'GetOrganizationsAccessReport',
  'GetOutboundWebIdentityFederationInfo',
  'GetPolicy',
  'GetPolicyVersion',
  'GetRole',
  'GetRolePolicy',
  'GetSAMLProvider',
  'GetSSHPublicKey',
  'GetServerCertificate',
  'GetServiceLastAccessedDetails',
  'GetServiceLastAccessedDetailsWithEntities',
  'GetServiceLinkedRoleDeletionStatus',
  'GetUser',
  'GetUserPolicy',
  'ListAccessKeys',
  'ListAccountAliases',
  'ListAttachedGroupPolicies',
  'ListAttachedRolePolicies',
  'ListAttachedUserPolicies',
  'ListDelegationRequests',
  'ListEntitiesForPolicy',
  'ListGroupPolicies',
  'ListGroups',
  'ListGroupsForUser',
  'ListInstanceProfileTags',
  'ListInstanceProfiles',
  'ListInstanceProfilesForRole',
  'ListMFADeviceTags',
  'ListMFADevices',
  'ListOpenIDConnectProviderTags',
  'ListOpenIDConnectProviders',
  'ListOrganizationsFeatures',
  'ListPolicies',
  'ListPoliciesGrantingServiceAccess',
  'ListPolicyTags',
  'ListPolicyVersions',
  'ListRolePolicies',
  'ListRoleTags',
  'ListRoles',
  'ListSAMLProviderTags',
  'ListSAMLProviders',
  'ListSSHPublicKeys',
  'ListServerCertificateTags',
  'ListServerCertificates',
  'ListServiceSpecificCredentials',
  'ListSigningCertificates',
  'ListUserPolicies',
  'ListUserTags',
  'ListUsers',
  'ListVirtualMFADevices',
  'PutGroupPolicy',
  'PutRolePermissionsBoundary',
  'PutRolePolicy',
  'PutUserPermissionsBoundary',
  'PutUserPolicy',
  'RejectDelegationRequest',
  'RemoveClientIDFromOpenIDConnectProvider',
  'RemoveRoleFromInstanceProfile',
  'RemoveUserFromGroup',
  'ResetServiceSpecificCredential',
  'ResyncMFADevice',
  'SendDelegationToken',
  'SetDefaultPolicyVersion',
  'SetSecurityTokenServicePreferences',
  'SimulateCustomPolicy',
  'SimulatePrincipalPolicy',
  'TagInstanceProfile',
  'TagMFADevice',
  'TagOpenIDConnectProvider',
  'TagPolicy',
  'TagRole',
  'TagSAMLProvider',
  'TagServerCertificate',
  'TagUser',
  'UntagInstanceProfile',
  'UntagMFADevice',
  'UntagOpenIDConnectProvider',
  'UntagPolicy',
  'UntagRole',
  'UntagSAMLProvider',
  'UntagServerCertificate',
  'UntagUser',
  'UpdateAccessKey',
  'UpdateAccountPasswordPolicy',
  'UpdateAssumeRolePolicy',
  'UpdateDelegationRequest',
  'UpdateGroup',
  'UpdateLoginProfile',
  'UpdateOpenIDConnectProviderThumbprint',
  'UpdateRole',
  'UpdateRoleDescription',
  'UpdateSAMLProvider',
  'UpdateSSHPublicKey',
  'UpdateServerCertificate',
  'UpdateServiceSpecificCredential',
  'UpdateSigningCertificate',
  'UpdateUser',
  'UploadSSHPublicKey',
  'UploadServerCertificate',
  'UploadSigningCertificate',
] as const;

const OPERATIONS: Readonly<Record<QueryService, ReadonlySet<string>>> = {
  sts: new Set<string>(STS_ACTIONS),
  iam: new Set<string>(IAM_OPERATIONS),
};

/** Whether the service has this operation (names compare exactly, as AWS's do). */
export function isQueryOperation(service: QueryService, operation: string): boolean {
  return OPERATIONS[service].has(operation);
}

/**
 * A request member that is not a scalar: a list of scalars, a list of structures with these
 * members, or one structure. None of the members below is flattened or renamed (no
 * `locationName`), so the Query protocol sends them as `Name.member.N` and `Name.member.N.Member`.
 */
export type MemberShape =
  | { readonly kind: 'list' }
  | { readonly kind: 'structures'; readonly members: readonly string[] }
  | { readonly kind: 'structure'; readonly members: readonly string[] };

const TAGS: MemberShape = { kind: 'structures', members: ['Key', 'Value'] };
const POLICY_ARNS: MemberShape = { kind: 'structures', members: ['arn'] };
const STRINGS: MemberShape = { kind: 'list' };

/**
 * The non-scalar input members of the operations, by name: the same name has the same shape in
 * every operation of the service that has it (tagListType, tagKeyListType,
 * policyDescriptorListType, tagKeyListType, ProvidedContextsListType, PolicyDescriptorType, the
 * Audience list of GetWebIdentityToken).
 */
const SHAPES: Readonly<Record<QueryService, Readonly<Record<string, MemberShape>>>> = {
  sts: {
    Tags: TAGS,
    PolicyArns: POLICY_ARNS,
    TransitiveTagKeys: STRINGS,
    ProvidedContexts: { kind: 'structures', members: ['ProviderArn', 'ContextAssertion'] },
    TaskPolicyArn: { kind: 'structure', members: ['arn'] },
    Audience: STRINGS,
  },
  iam: { Tags: TAGS, TagKeys: STRINGS },
};

export function memberShape(service: QueryService, member: string): MemberShape | null {
  return SHAPES[service][member] ?? null;
}

/**
 * The HTTP status and fault of each error code: botocore's `error.httpStatusCode` and `senderFault`
 * for the modelled exceptions of STS and IAM; the Common Errors pages of the STS and IAM API
 * References for the codes every Query action may return
 * (https://docs.aws.amazon.com/STS/latest/APIReference/CommonErrors.html,
 * https://docs.aws.amazon.com/IAM/latest/APIReference/CommonErrors.html); and what AWS is seen to
 * answer where neither says (AccessDenied and ExpiredToken: 403, see docs/aws-rules.md). A code
 * not listed is a 400 of the sender.
 */
const STATUS: Readonly<Record<string, number>> = {
  // STS's modelled errors
  ExpiredTokenException: 400,
  IDPCommunicationError: 400,
  IDPRejectedClaim: 403,
  InvalidAuthorizationMessageException: 400,
  InvalidIdentityToken: 400,
  MalformedPolicyDocument: 400,
  PackedPolicyTooLarge: 400,
  RegionDisabledException: 403,
  // IAM's modelled errors
  ConcurrentModification: 409,
  DeleteConflict: 409,
  EntityAlreadyExists: 409,
  EntityTemporarilyUnmodifiable: 409,
  InvalidAuthenticationCode: 403,
  InvalidInput: 400,
  LimitExceeded: 409,
  NoSuchEntity: 404,
  PasswordPolicyViolation: 400,
  PolicyEvaluation: 500,
  PolicyNotAttachable: 400,
  ServiceFailure: 500,
  UnmodifiableEntity: 400,
  // the Common Errors of the Query APIs
  IncompleteSignature: 400,
  InternalFailure: 500,
  InvalidAction: 400,
  InvalidClientTokenId: 403,
  InvalidParameterCombination: 400,
  InvalidParameterValue: 400,
  InvalidQueryParameter: 400,
  MalformedQueryString: 404,
  MissingAction: 400,
  MissingAuthenticationToken: 403,
  MissingParameter: 400,
  NotAuthorized: 400,
  OptInRequired: 403,
  RequestExpired: 400,
  ServiceUnavailable: 503,
  Throttling: 400,
  ThrottlingException: 400,
  ValidationError: 400,
  // seen from AWS (docs/aws-rules.md "The Query protocol of STS and IAM")
  AccessDenied: 403,
  ExpiredToken: 403,
  SignatureDoesNotMatch: 403,
  // iamsim's own: an action AWS has and iamsim does not carry out, a request body over the limit
  NotImplemented: 501,
  RequestEntityTooLarge: 413,
};

/** The HTTP status AWS answers an error code with. */
export function errorStatus(code: string): number {
  return STATUS[code] ?? 400;
}
