// The syntax tree of a `.iam` scenario. Nodes are readonly plain data with a `kind` and a `loc`;
// the parser builds them, src/dsl/resolve turns them into engine commands.
import type { Loc } from '../engine/envelope.js';

export type { Loc };

/** A plain word or a quoted string; `text` is the decoded value. */
export interface Text {
  readonly kind: 'Text';
  readonly text: string;
  readonly quoted: boolean;
  readonly loc: Loc;
}

export type RefEntity =
  'account' | 'user' | 'group' | 'role' | 'policy' | 'bucket' | 'key' | 'mfa' | 'cluster' | 'oidc-provider' | 'saml-provider';

/** `role Production/UpdateApp`, `account Development`, `mfa Development/alice-phone` … */
export interface Ref {
  readonly kind: 'Ref';
  readonly entity: RefEntity;
  readonly target: Text;
  readonly loc: Loc;
}

/** `oidc-provider for cluster demo` */
export interface OidcProviderForCluster {
  readonly kind: 'OidcProviderForCluster';
  readonly cluster: Text;
  readonly loc: Loc;
}

/** `json VALUE`: the raw JSON text (exact source slice) and its parsed value. */
export interface JsonValue {
  readonly kind: 'Json';
  readonly value: unknown;
  readonly raw: string;
  readonly loc: Loc; // where the JSON text starts (the `{` or `[`)
}

export interface EnvValue {
  readonly kind: 'Env';
  readonly name: Text;
  readonly loc: Loc;
}
export interface FileVarValue {
  readonly kind: 'FileVar';
  readonly name: Text;
  readonly loc: Loc;
}
export interface CredentialsValue {
  readonly kind: 'Credentials';
  readonly name: Text;
  readonly loc: Loc;
}
/** `access-token USER`: the access token of an IAM Identity Center user's sign-in to the access portal */
export interface AccessTokenValue {
  readonly kind: 'AccessToken';
  readonly name: Text;
  readonly loc: Loc;
}
/** `encoded-message NAME`: the encoded authorization failure message an earlier step kept */
export interface EncodedMessageValue {
  readonly kind: 'EncodedMessage';
  readonly name: Text;
  readonly loc: Loc;
}
/**
 * `token from pod A/c/ns/p …` or `token issuer NAME …`: a web identity token, maybe forged;
 * `token oauth PROVIDER { … }`: an OAuth 2.0 access token that provider issued.
 */
export interface TokenValue {
  readonly kind: 'Token';
  readonly source:
    | { readonly kind: 'pod'; readonly pod: Text }
    | { readonly kind: 'issuer'; readonly issuer: Text }
    | { readonly kind: 'oauth'; readonly provider: Text };
  /** `signed-by NAME`, `alg NAME`, `tampered` */
  readonly modifiers: readonly TokenModifier[];
  /** claims `{ sub: …, aud: …, exp: -1h }`, or null */
  readonly claims: readonly Entry[] | null;
  readonly loc: Loc;
}
export interface TokenModifier {
  readonly kind: 'TokenModifier';
  readonly modifier: 'signed-by' | 'alg' | 'tampered' | 'unsigned';
  readonly value: Text | null;
  readonly loc: Loc;
}
/** `saml-assertion IDP/USER …`: a SAML assertion the IdP issues for its user, maybe forged. */
export interface SamlAssertionValue {
  readonly kind: 'SamlAssertion';
  readonly user: Text;
  /** `signed-by NAME`, `unsigned`, `tampered` */
  readonly modifiers: readonly TokenModifier[];
  /** fields and attributes `{ Audience: …, NotOnOrAfter: -1h, Role: [...] }`, or null */
  readonly fields: readonly Entry[] | null;
  readonly loc: Loc;
}
/** `saml-idp NAME ENTITY-ID { user NAME { ATTRIBUTES } … }`: an identity provider outside AWS. */
export interface SamlIdpDecl {
  readonly kind: 'SamlIdp';
  readonly name: Text;
  readonly entityId: Text;
  readonly users: readonly { readonly name: Text; readonly attributes: readonly Entry[] | null; readonly loc: Loc }[];
  readonly loc: Loc;
}
/** `saml-provider NAME { metadata from IDP }`: an IAM SAML provider with an IdP's metadata. */
export interface SamlProviderDecl {
  readonly kind: 'SamlProvider';
  readonly name: Text;
  readonly idp: Text;
  readonly loc: Loc;
}
export interface ListValue {
  readonly kind: 'List';
  readonly items: readonly Value[];
  readonly loc: Loc;
}

export type Value =
  | Text
  | Ref
  | OidcProviderForCluster
  | JsonValue
  | EnvValue
  | FileVarValue
  | CredentialsValue
  | EncodedMessageValue
  | AccessTokenValue
  | TokenValue
  | SamlAssertionValue
  | ListValue;

/** `Key: value` in parameter, context, tags and annotation blocks. */
export interface Entry {
  readonly kind: 'Entry';
  readonly key: Text;
  readonly value: Value;
  readonly loc: Loc;
}

// ---- policies ---------------------------------------------------------------------------------

export type PrincipalItem =
  | { readonly kind: 'AnyPrincipal'; readonly loc: Loc } // `*`
  | Ref // account NAME|ID, user A/N, role A/N
  | Text // an ARN
  | { readonly kind: 'ServicePrincipal'; readonly name: Text; readonly loc: Loc }
  | {
      readonly kind: 'FederatedPrincipal';
      readonly target: Text | Ref | OidcProviderForCluster; // a Ref is `oidc-provider HOST/PATH`
      readonly loc: Loc;
    };

export type ResourceItem = Text | Ref; // `*`, an ARN, or a reference

export interface Condition {
  readonly kind: 'Condition';
  readonly operator: Text; // StringEquals, ForAnyValue:StringLikeIfExists …
  readonly key: Text;
  readonly values: readonly (Text | Ref)[];
  readonly loc: Loc;
}

export type Clause =
  | { readonly kind: 'Sid'; readonly sid: Text; readonly loc: Loc }
  | {
      readonly kind: 'Principal' | 'NotPrincipal';
      readonly items: readonly PrincipalItem[];
      readonly loc: Loc;
    }
  | { readonly kind: 'Action' | 'NotAction'; readonly items: readonly Text[]; readonly loc: Loc }
  | {
      readonly kind: 'Resource' | 'NotResource';
      readonly items: readonly ResourceItem[];
      readonly loc: Loc;
    }
  | Condition;

export interface Statement {
  readonly kind: 'Statement';
  readonly effect: 'Allow' | 'Deny';
  readonly clauses: readonly Clause[];
  readonly loc: Loc;
}

export type PolicyBody =
  | { readonly kind: 'Statements'; readonly statements: readonly Statement[]; readonly loc: Loc }
  | JsonValue
  | { readonly kind: 'PolicyFile'; readonly path: Text; readonly loc: Loc };

// ---- world ------------------------------------------------------------------------------------

export interface TagsDecl {
  readonly kind: 'Tags';
  readonly entries: readonly Entry[];
  readonly loc: Loc;
}
export interface InlineDecl {
  readonly kind: 'Inline';
  readonly name: Text;
  readonly body: PolicyBody;
  readonly loc: Loc;
}
/** `attach A, B` — managed policy names, references or ARNs. */
export interface AttachDecl {
  readonly kind: 'Attach';
  readonly policies: readonly ResourceItem[];
  readonly loc: Loc;
}
export interface BoundaryDecl {
  readonly kind: 'Boundary';
  readonly policy: ResourceItem;
  readonly loc: Loc;
}
export interface PathDecl {
  readonly kind: 'Path';
  readonly path: Text;
  readonly loc: Loc;
}

export type UserMember =
  | { readonly kind: 'Groups'; readonly groups: readonly (Text | Ref)[]; readonly loc: Loc }
  | InlineDecl
  | AttachDecl
  | BoundaryDecl
  | TagsDecl
  | PathDecl
  | {
      readonly kind: 'MfaDevice';
      readonly name: Text;
      readonly code: Text | null;
      readonly loc: Loc;
    }
  | { readonly kind: 'AccessKey'; readonly loc: Loc };

export interface UserDecl {
  readonly kind: 'User';
  readonly name: Text;
  readonly members: readonly UserMember[];
  readonly loc: Loc;
}

export interface GroupDecl {
  readonly kind: 'Group';
  readonly name: Text;
  readonly members: readonly (InlineDecl | AttachDecl | PathDecl)[];
  readonly loc: Loc;
}

export type RoleMember =
  | PathDecl
  | { readonly kind: 'MaxSessionDuration'; readonly duration: Text; readonly loc: Loc }
  | { readonly kind: 'Trust'; readonly body: PolicyBody; readonly loc: Loc }
  | InlineDecl
  | AttachDecl
  | BoundaryDecl
  | TagsDecl
  | { readonly kind: 'Description'; readonly text: Text; readonly loc: Loc };

export interface RoleDecl {
  readonly kind: 'Role';
  readonly name: Text;
  readonly members: readonly RoleMember[];
  readonly loc: Loc;
}

/** `policy NAME [path /p/] [version vN] { statements }` — a customer managed policy. */
export interface ManagedPolicyDecl {
  readonly kind: 'ManagedPolicy';
  readonly name: Text;
  readonly path: Text | null;
  /** the id of its (default) version, `v1` when absent */
  readonly version: Text | null;
  readonly body: PolicyBody;
  readonly loc: Loc;
}

/**
 * `aws-managed-policy NAME [path /p/] [version vN] { statements }` at the top level: an AWS managed policy
 * (`arn:aws:iam::aws:policy/[PATH]NAME`) and the document AWS publishes for it.
 */
export interface AwsManagedPolicyDecl {
  readonly kind: 'AwsManagedPolicy';
  readonly name: Text;
  readonly path: Text | null;
  /** the id of the version AWS publishes as the default, `v1` when absent */
  readonly version: Text | null;
  readonly body: PolicyBody;
  readonly loc: Loc;
}

/** `policy { … }` inside a bucket or resource: its resource-based policy. */
export interface ResourcePolicyDecl {
  readonly kind: 'ResourcePolicy';
  readonly body: PolicyBody;
  readonly loc: Loc;
}

export interface BucketDecl {
  readonly kind: 'Bucket';
  readonly name: Text;
  readonly members: readonly (ResourcePolicyDecl | TagsDecl)[];
  readonly loc: Loc;
}

export interface ResourceDecl {
  readonly kind: 'Resource';
  readonly arn: Text;
  readonly members: readonly (ResourcePolicyDecl | TagsDecl)[];
  readonly loc: Loc;
}

/** `alias NAME` inside a key: a KMS alias (`alias/NAME`) of that key. */
export interface KmsAliasDecl {
  readonly kind: 'KmsAlias';
  readonly name: Text;
  readonly loc: Loc;
}

/** `key NAME { policy …; alias …; tags … }`: a KMS key and its key policy. */
export interface KmsKeyDecl {
  readonly kind: 'KmsKey';
  readonly name: Text;
  readonly members: readonly (ResourcePolicyDecl | TagsDecl | KmsAliasDecl)[];
  readonly loc: Loc;
}

/** `id vpce-…`, `vpc vpc-…` or `service NAME` of a `vpc-endpoint` declaration */
export interface VpcEndpointField {
  readonly kind: 'VpcEndpointField';
  readonly field: 'id' | 'vpc' | 'service';
  readonly value: Text;
  readonly loc: Loc;
}

/** `vpc-endpoint NAME { id …; vpc …; service …; policy … }`: a VPC endpoint and its endpoint policy. */
export interface VpcEndpointDecl {
  readonly kind: 'VpcEndpoint';
  readonly name: Text;
  readonly members: readonly (VpcEndpointField | ResourcePolicyDecl)[];
  readonly loc: Loc;
}

export interface ServiceAccountDecl {
  readonly kind: 'ServiceAccount';
  readonly name: Text;
  readonly annotations: readonly Entry[]; // from `annotation K: V` members
  /** `pod-identity ROLE`: an EKS Pod Identity association of this service account (absent if none) */
  readonly podIdentity?: PodIdentityDecl;
  readonly loc: Loc;
}
export interface PodIdentityDecl {
  readonly kind: 'PodIdentity';
  readonly role: ResourceItem;
  readonly loc: Loc;
}
export interface PodDecl {
  readonly kind: 'Pod';
  readonly name: Text;
  readonly serviceAccount: Text | null;
  readonly loc: Loc;
}
export interface NamespaceDecl {
  readonly kind: 'Namespace';
  readonly name: Text;
  readonly members: readonly (ServiceAccountDecl | PodDecl)[];
  readonly loc: Loc;
}
export interface ClusterDecl {
  readonly kind: 'Cluster';
  readonly name: Text;
  readonly members: readonly (
    | { readonly kind: 'Region'; readonly name: Text; readonly loc: Loc }
    | { readonly kind: 'OidcIssuerId'; readonly id: Text; readonly loc: Loc }
    | NamespaceDecl
  )[];
  readonly loc: Loc;
}

export interface OidcProviderDecl {
  readonly kind: 'OidcProvider';
  /** the URL, or the cluster for `oidc-provider for cluster NAME` */
  readonly source: Text | OidcProviderForCluster;
  readonly members: readonly (
    | { readonly kind: 'ClientIds'; readonly ids: readonly Text[]; readonly loc: Loc }
    | { readonly kind: 'Thumbprints'; readonly thumbprints: readonly Text[]; readonly loc: Loc }
  )[];
  readonly loc: Loc;
}

export interface OidcIssuerDecl {
  readonly kind: 'OidcIssuer';
  readonly name: Text;
  readonly url: Text;
  readonly loc: Loc;
}

/** `role ROLE` or `instance-profile PROFILE` in a `function`, `instance` or `instance-profile` block */
export interface WorkloadField {
  readonly kind: 'WorkloadField';
  readonly field: 'role' | 'instance-profile';
  readonly value: ResourceItem;
  readonly loc: Loc;
}

/**
 * `instance-profile NAME { role R; path P }`, `function NAME { role R }`, `instance NAME {
 * instance-profile P }`: what a service runs with a role (src/dsl/resolve/workloads.ts).
 */
export interface WorkloadDecl {
  readonly kind: 'Workload';
  readonly of: 'instance-profile' | 'function' | 'instance';
  readonly name: Text;
  readonly members: readonly (WorkloadField | PathDecl)[];
  readonly loc: Loc;
}

export type AccountMember =
  | WorkloadDecl
  | UserDecl
  | GroupDecl
  | RoleDecl
  | ManagedPolicyDecl
  | BucketDecl
  | ResourceDecl
  | KmsKeyDecl
  | VpcEndpointDecl
  | ClusterDecl
  | OidcProviderDecl
  | OidcIssuerDecl
  | SamlProviderDecl
  | TagsDecl;

export interface AccountDecl {
  readonly kind: 'Account';
  readonly name: Text;
  readonly id: Text;
  readonly members: readonly AccountMember[];
  readonly loc: Loc;
}

// ---- organizations ----------------------------------------------------------------------------

/** `scp NAME { … }` defines and attaches; `scp NAME` attaches one defined elsewhere in the block. */
export interface OrgPolicyDecl {
  readonly kind: 'Scp' | 'Rcp';
  readonly name: Text;
  readonly body: PolicyBody | null;
  readonly loc: Loc;
}
export interface DetachDecl {
  readonly kind: 'Detach';
  readonly name: Text;
  readonly loc: Loc;
}
export interface OrgAccountsDecl {
  readonly kind: 'OrgAccounts';
  readonly accounts: readonly Text[];
  readonly loc: Loc;
}
export interface OrgAccountBlock {
  readonly kind: 'OrgAccount';
  readonly account: Text;
  readonly members: readonly (OrgPolicyDecl | DetachDecl)[];
  readonly loc: Loc;
}
export type OuMember = OrgAccountsDecl | OrgAccountBlock | OuDecl | OrgPolicyDecl | DetachDecl;
export interface OuDecl {
  readonly kind: 'Ou';
  readonly name: Text;
  readonly id: Text | null;
  readonly members: readonly OuMember[];
  readonly loc: Loc;
}
export interface OrganizationDecl {
  readonly kind: 'Organization';
  readonly id: Text | null;
  readonly members: readonly ({ readonly kind: 'Management'; readonly account: Text; readonly loc: Loc } | OuMember)[];
  readonly loc: Loc;
}

// ---- steps ------------------------------------------------------------------------------------

export type Subject =
  | { readonly kind: 'UserSubject'; readonly user: Text; readonly loc: Loc } // user A/N
  | { readonly kind: 'RootSubject'; readonly account: Text; readonly loc: Loc } // root A
  | { readonly kind: 'KeptSubject'; readonly name: Text; readonly loc: Loc } // kept credentials
  | { readonly kind: 'PodSubject'; readonly path: Text; readonly loc: Loc } // pod A/c/ns/pod
  | { readonly kind: 'WorkloadSubject'; readonly of: 'function' | 'instance' | 'task'; readonly path: Text; readonly loc: Loc } // function A/N
  | {
      readonly kind: 'ServiceSubject';
      readonly service: Text;
      readonly sourceAccount: Text | null;
      readonly sourceArn: Text | null;
      readonly loc: Loc;
    }
  | { readonly kind: 'AnonymousSubject'; readonly loc: Loc };

/** What an error's message must be: exactly the text, or contain it. */
export interface ExpectedMessage {
  readonly match: 'exact' | 'contains';
  readonly text: Text;
  readonly loc: Loc;
}

export type Expectation =
  | {
      readonly kind: 'ExpectOutcome';
      readonly outcome: 'allowed' | 'denied' | 'explicit-deny' | 'implicit-deny';
      readonly loc: Loc;
    }
  | {
      readonly kind: 'ExpectError';
      readonly code: Text;
      /** `message "…"` or `message contains "…"`; absent when the expectation names the code alone */
      readonly message?: ExpectedMessage;
      readonly loc: Loc;
    }
  | {
      readonly kind: 'ExpectDeniedBy';
      readonly by: Text; // scp, rcp, boundary, session-policy, identity, resource, trust
      readonly name: Text | null;
      readonly loc: Loc;
    }
  | { readonly kind: 'ExpectResponse'; readonly path: Text; readonly value: Value; readonly loc: Loc }
  /** `expect who-can ACTION on RESOURCE = [user A/N, role A/N, …]`: a question about the world, not the call */
  | {
      readonly kind: 'ExpectWhoCan';
      readonly action: Text;
      readonly resource: ResourceItem;
      readonly principals: readonly Ref[];
      readonly loc: Loc;
    }
  /** `expect path from P to role A/N`, `expect no path from P to role A/N` */
  | { readonly kind: 'ExpectPath'; readonly exists: boolean; readonly from: Ref; readonly to: Ref; readonly loc: Loc };

export interface CallDecl {
  readonly kind: 'Call';
  readonly action: Text;
  readonly resource: ResourceItem | null;
  readonly params: readonly Entry[] | null;
  readonly context: readonly Entry[] | null;
  readonly loc: Loc;
}

export type StepMember =
  | { readonly kind: 'As'; readonly subject: Subject; readonly loc: Loc }
  | { readonly kind: 'Region'; readonly name: Text; readonly loc: Loc }
  /** `via vpc-endpoint ENDPOINT from IP`: the call is sent through a VPC endpoint */
  | { readonly kind: 'Via'; readonly endpoint: Text; readonly sourceIp: Text; readonly loc: Loc }
  | CallDecl
  | Expectation
  /** `keep credentials as NAME`, `keep encoded-message as NAME` */
  | { readonly kind: 'Keep'; readonly what: 'credentials' | 'encoded-message'; readonly name: Text; readonly loc: Loc }
  | SignInDecl
  | PortalSignInDecl;

/** `sign-in access-portal USER to PERMISSION-SET in account A`: the console, opened from the AWS access portal. */
export interface PortalSignInDecl {
  readonly kind: 'PortalSignIn';
  readonly user: Text;
  readonly permissionSet: Text;
  readonly account: Text;
  readonly loc: Loc;
}

/** `sign-in saml-assertion IDP/USER … [to ROLE]`: a console sign-in through AWS's SAML endpoint. */
export interface SignInDecl {
  readonly kind: 'SignIn';
  readonly assertion: SamlAssertionValue;
  /** the role the user picks on the role selection page (a reference or an ARN), or null */
  readonly role: Ref | Text | null;
  readonly loc: Loc;
}

export interface StepDecl {
  readonly kind: 'Step';
  readonly title: Text;
  readonly members: readonly StepMember[];
  readonly loc: Loc;
}

export type WorldItem =
  | { readonly kind: 'ScenarioTitle'; readonly title: Text; readonly loc: Loc }
  | { readonly kind: 'Description'; readonly text: Text; readonly loc: Loc }
  | { readonly kind: 'Clock'; readonly time: Text; readonly loc: Loc }
  | { readonly kind: 'Region'; readonly name: Text; readonly loc: Loc }
  | AccountDecl
  | AwsManagedPolicyDecl
  | OrganizationDecl
  | OidcIssuerDecl
  | OidcProviderDecl
  | IdentityCenterDecl
  | SamlIdpDecl
  | StepDecl
  | { readonly kind: 'Wait'; readonly duration: Text; readonly loc: Loc };

export interface ScenarioFile {
  readonly kind: 'ScenarioFile';
  readonly file: string;
  readonly items: readonly WorldItem[];
}

// ---- IAM Identity Center ----------------------------------------------------------------------

/** `identity-center { … }`: the instance of the organization's management account. */
export interface IdentityCenterDecl {
  readonly kind: 'IdentityCenter';
  readonly members: readonly IdentityCenterMember[];
  readonly loc: Loc;
}

export type IdentityCenterMember =
  | { readonly kind: 'IcRegion'; readonly name: Text; readonly loc: Loc }
  | { readonly kind: 'IcAttributeKeys'; readonly keys: readonly Text[]; readonly loc: Loc }
  | { readonly kind: 'IcUser'; readonly name: Text; readonly members: readonly IcUserMember[]; readonly loc: Loc }
  | { readonly kind: 'IcGroup'; readonly name: Text; readonly loc: Loc }
  | { readonly kind: 'PermissionSet'; readonly name: Text; readonly members: readonly PermissionSetMember[]; readonly loc: Loc }
  | {
      readonly kind: 'Assign';
      readonly principalType: 'USER' | 'GROUP';
      readonly principal: Text;
      readonly permissionSet: Text;
      readonly accounts: readonly Text[];
      readonly loc: Loc;
    };

export type IcUserMember =
  | { readonly kind: 'IcUserGroups'; readonly groups: readonly Text[]; readonly loc: Loc }
  | { readonly kind: 'IcUserAttributes'; readonly entries: readonly Entry[]; readonly loc: Loc };

export type PermissionSetMember =
  | { readonly kind: 'PsManaged'; readonly arns: readonly Text[]; readonly loc: Loc }
  | { readonly kind: 'PsCustomerManaged'; readonly names: readonly Text[]; readonly loc: Loc }
  | { readonly kind: 'PsInline'; readonly body: PolicyBody; readonly loc: Loc }
  | { readonly kind: 'PsBoundary'; readonly policy: Text; readonly loc: Loc }
  | { readonly kind: 'PsSessionDuration'; readonly duration: Text; readonly loc: Loc };
