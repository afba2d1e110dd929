// The shapes `simulate import` reads: the output of `aws iam get-account-authorization-details`
// (IAM API Reference "GetAccountAuthorizationDetails"; botocore's iam/2010-05-08/service-2.json,
// GetAccountAuthorizationDetailsResponse), the Organizations outputs of the bundle (botocore's
// organizations/2016-11-28/service-2.json) and the resource-policy wrappers (docs/cli.md "simulate
// import"). Structure names are botocore's; test/import/shapes.test.ts checks their members against
// the model. Every field is optional, as in the model; what the importer needs is checked where it
// is used.

export type Shape =
  | 'string'
  | 'boolean'
  | 'number'
  | 'date' // a timestamp: the CLI prints ISO-8601 text, an SDK may give a number
  | 'document' // a policy document: URL-encoded JSON text (the API) or a JSON object (the CLI)
  | { readonly list: Shape }
  | { readonly map: Shape } // an object keyed by a parameter value (the bundle's ParentId, PolicyId …)
  | { readonly struct: string };

const s = (name: string): Shape => ({ struct: name });
const list = (of: Shape): Shape => ({ list: of });
const map = (of: Shape): Shape => ({ map: of });

export const STRUCTURES: Readonly<Record<string, Readonly<Record<string, Shape>>>> = {
  // ---- IAM: GetAccountAuthorizationDetails ----
  GetAccountAuthorizationDetailsResponse: {
    UserDetailList: list(s('UserDetail')),
    GroupDetailList: list(s('GroupDetail')),
    RoleDetailList: list(s('RoleDetail')),
    Policies: list(s('ManagedPolicyDetail')),
    IsTruncated: 'boolean',
    Marker: 'string',
  },
  UserDetail: {
    Path: 'string',
    UserName: 'string',
    UserId: 'string',
    Arn: 'string',
    CreateDate: 'date',
    UserPolicyList: list(s('PolicyDetail')),
    GroupList: list('string'),
    AttachedManagedPolicies: list(s('AttachedPolicy')),
    PermissionsBoundary: s('AttachedPermissionsBoundary'),
    Tags: list(s('Tag')),
  },
  PolicyDetail: { PolicyName: 'string', PolicyDocument: 'document' },
  AttachedPolicy: { PolicyName: 'string', PolicyArn: 'string' },
  AttachedPermissionsBoundary: { PermissionsBoundaryType: 'string', PermissionsBoundaryArn: 'string' },
  Tag: { Key: 'string', Value: 'string' },
  GroupDetail: {
    Path: 'string',
    GroupName: 'string',
    GroupId: 'string',
    Arn: 'string',
    CreateDate: 'date',
    GroupPolicyList: list(s('PolicyDetail')),
    AttachedManagedPolicies: list(s('AttachedPolicy')),
  },
  RoleDetail: {
    Path: 'string',
    RoleName: 'string',
    RoleId: 'string',
    Arn: 'string',
    CreateDate: 'date',
    AssumeRolePolicyDocument: 'document',
    InstanceProfileList: list(s('InstanceProfile')),
    RolePolicyList: list(s('PolicyDetail')),
    AttachedManagedPolicies: list(s('AttachedPolicy')),
    PermissionsBoundary: s('AttachedPermissionsBoundary'),
    Tags: list(s('Tag')),
    RoleLastUsed: s('RoleLastUsed'),
  },
  InstanceProfile: {
    Path: 'string',
    InstanceProfileName: 'string',
    InstanceProfileId: 'string',
    Arn: 'string',
    CreateDate: 'date',
    Roles: list(s('Role')),
    Tags: list(s('Tag')),
  },
  Role: {
    Path: 'string',
    RoleName: 'string',
    RoleId: 'string',
    Arn: 'string',
    CreateDate: 'date',
    AssumeRolePolicyDocument: 'document',
    Description: 'string',
    MaxSessionDuration: 'number',
    PermissionsBoundary: s('AttachedPermissionsBoundary'),
    Tags: list(s('Tag')),
    RoleLastUsed: s('RoleLastUsed'),
  },
  RoleLastUsed: { LastUsedDate: 'date', Region: 'string' },
  ManagedPolicyDetail: {
    PolicyName: 'string',
    PolicyId: 'string',
    Arn: 'string',
    Path: 'string',
    DefaultVersionId: 'string',
    AttachmentCount: 'number',
    PermissionsBoundaryUsageCount: 'number',
    IsAttachable: 'boolean',
    Description: 'string',
    CreateDate: 'date',
    UpdateDate: 'date',
    PolicyVersionList: list(s('PolicyVersion')),
  },
  PolicyVersion: { Document: 'document', VersionId: 'string', IsDefaultVersion: 'boolean', CreateDate: 'date' },

  // ---- Organizations: each command's output, as the CLI prints it ----
  ListRootsResponse: { Roots: list(s('Root')), NextToken: 'string' },
  Root: { Id: 'string', Arn: 'string', Name: 'string', PolicyTypes: list(s('PolicyTypeSummary')) },
  PolicyTypeSummary: { Type: 'string', Status: 'string' },
  ListOrganizationalUnitsForParentResponse: { OrganizationalUnits: list(s('OrganizationalUnit')), NextToken: 'string' },
  OrganizationalUnit: { Id: 'string', Arn: 'string', Name: 'string', Path: 'string' },
  ListAccountsForParentResponse: { Accounts: list(s('Account')), NextToken: 'string' },
  Account: {
    Id: 'string',
    Arn: 'string',
    Email: 'string',
    Name: 'string',
    Status: 'string',
    State: 'string',
    Paths: list('string'),
    JoinedMethod: 'string',
    JoinedTimestamp: 'date',
  },
  ListPoliciesResponse: { Policies: list(s('PolicySummary')), NextToken: 'string' },
  PolicySummary: { Id: 'string', Arn: 'string', Name: 'string', Description: 'string', Type: 'string', AwsManaged: 'boolean' },
  DescribePolicyResponse: { Policy: s('Policy') },
  Policy: { PolicySummary: s('PolicySummary'), Content: 'document' },
  ListTargetsForPolicyResponse: { Targets: list(s('PolicyTargetSummary')), NextToken: 'string' },
  PolicyTargetSummary: { TargetId: 'string', Arn: 'string', Name: 'string', Type: 'string' },
};

/** iamsim's own wrappers (docs/cli.md "simulate import"): not AWS shapes, so not checked against botocore. */
export const WRAPPERS: Readonly<Record<string, Readonly<Record<string, Shape>>>> = {
  /** one file for the organization: each command's output under the parameter it was called with */
  OrganizationBundle: {
    ListRoots: s('ListRootsResponse'),
    ListOrganizationalUnitsForParent: map(s('ListOrganizationalUnitsForParentResponse')),
    ListAccountsForParent: map(s('ListAccountsForParentResponse')),
    ListPolicies: map(s('ListPoliciesResponse')),
    DescribePolicy: map(s('DescribePolicyResponse')),
    ListTargetsForPolicy: map(s('ListTargetsForPolicyResponse')),
  },
  /** `aws s3api get-bucket-policy --bucket B --expected-bucket-owner A`: its parameters beside its output */
  BucketPolicy: { Bucket: 'string', ExpectedBucketOwner: 'string', Policy: 'document' },
  /** `aws kms get-key-policy --key-id ARN`: the key's ARN beside the output */
  KeyPolicy: { KeyId: 'string', PolicyName: 'string', Policy: 'document' },
};

export const ALL_STRUCTURES: Readonly<Record<string, Readonly<Record<string, Shape>>>> = { ...STRUCTURES, ...WRAPPERS };
