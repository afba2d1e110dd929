// The public contract of the policy library. src/policy knows nothing about scenarios or events:
// it validates IAM JSON, compiles it once, and decides requests following AWS's documented logic
// (IAM User Guide "Policy evaluation logic"; docs/aws-rules.md). Everything it returns is plain,
// serialisable data.

/**
 * Where a policy document is used; validation rules differ per kind (IAM User Guide "IAM JSON
 * policy element reference").
 */
export type PolicyKind =
  | 'identity' // inline user/group/role policy
  | 'managed' // customer managed policy (Version must be 2012-10-17)
  | 'boundary' // permissions boundary (a managed policy)
  | 'session' // session policy passed to STS
  | 'resource' // resource-based policy (bucket policy, …)
  | 'trust' // role trust policy
  | 'scp'
  | 'rcp';

/** One validation problem, in AWS's words, with the JSON path of the offending element. */
export interface PolicyProblem {
  readonly code: 'MalformedPolicyDocument' | 'LimitExceeded';
  readonly message: string; // e.g. "Syntax errors in policy."
  readonly path: readonly (string | number)[]; // e.g. ['Statement', 0, 'Effect']
}

export type Decision = 'Allow' | 'ExplicitDeny' | 'ImplicitDeny';

/** The policy types that can decide a request; `expect denied by KIND` uses these names. */
export type PolicyType = 'identity' | 'resource' | 'trust' | 'boundary' | 'session-policy' | 'scp' | 'rcp' | 'vpc-endpoint';

export type PrincipalKind =
  | 'root'
  | 'iamUser'
  | 'roleSession'
  | 'stsFederatedUser'
  | 'webIdentity' // the caller of AssumeRoleWithWebIdentity (matched by Federated principals)
  | 'servicePrincipal'
  | 'anonymous';

export interface RequestPrincipal {
  readonly kind: PrincipalKind;
  /** 12-digit account; absent for service principals, anonymous and web-identity callers */
  readonly accountId?: string;
  /** user ARN with path | assumed-role session ARN | federated-user ARN | root ARN */
  readonly arn?: string;
  /** role sessions: the role's ARN with its path */
  readonly roleArn?: string;
  /** STS federated users: the IAM user that called GetFederationToken, or the root ARN (`arn:aws:iam::ACCT:root`) when the root user did */
  readonly underlyingUserArn?: string;
  /** IAM unique id (AIDA…, AROA…): trust policies may name principals by id */
  readonly uniqueId?: string;
  /** service principals: `cloudtrail.amazonaws.com` */
  readonly service?: string;
  /** web identity: the provider ARN or built-in name (`accounts.google.com`) */
  readonly federatedProvider?: string;
  readonly isServiceLinkedRole?: boolean;
  /**
   * role sessions: the role has been deleted (or another made with its name): no Principal element
   * names the session or its role any more, only its account
   */
  readonly roleGone?: boolean;
  /** S3 callers identified by canonical user id (matched by `CanonicalUser` principals) */
  readonly canonicalUserId?: string;
}

/** A request context value: single-valued keys hold a string, multi-valued keys a list. */
export type ContextValue = string | readonly string[];

export interface AuthzRequest {
  readonly principal: RequestPrincipal;
  readonly action: string; // service:Action, any case
  readonly resource: string; // an ARN, or '*' for actions without resource-level permissions
  /** the account that owns the resource; absent for '*' */
  readonly resourceAccount?: string;
  /** condition keys, any case (lookup is case-insensitive); values are text */
  readonly context: Readonly<Record<string, ContextValue>>;
}

/** A compiled policy: built once, evaluated many times. Opaque outside src/policy. */
export interface CompiledPolicy {
  readonly name: string; // how the trace names it: "inline AssumeUpdateApp (group Developers)"
  readonly arn?: string; // managed policies
  readonly kind: PolicyKind;
  readonly statementCount: number;
  /** @internal the compiled form; shape private to src/policy */
  readonly compiled: unknown;
}

export interface OrgLevel {
  readonly name: string; // "root r-abcd", "ou Prod", "account 111111111111"
  readonly policies: readonly CompiledPolicy[];
}

export interface PolicySet {
  readonly identity: readonly CompiledPolicy[];
  readonly boundary?: CompiledPolicy | null;
  readonly session?: readonly CompiledPolicy[];
  readonly resource?: CompiledPolicy | null;
  /** true for role trust policies (and KMS key policies): the resource policy must allow itself */
  readonly resourceMustAllow?: boolean;
  /**
   * true when the resource policy is a KMS key policy: it must allow (resourceMustAllow) but is
   * reported as the resource-based policy it is, not as a trust policy
   */
  readonly keyPolicy?: boolean;
  /** present only when SCPs apply (principal in a member account …) */
  readonly scpLevels?: readonly OrgLevel[];
  /** present only when RCPs apply */
  readonly rcpLevels?: readonly OrgLevel[];
  /**
   * the policy of the VPC endpoint the request went through, if it did: a filter that must allow,
   * like an RCP, and whose Deny ends the evaluation (AWS PrivateLink Guide "Control access to VPC
   * endpoints using endpoint policies")
   */
  readonly endpoint?: CompiledPolicy | null;
}

/** Why one statement matched. */
export interface MatchedStatement {
  readonly index: number; // 0-based position in the policy's Statement list
  readonly sid?: string;
  readonly effect: 'Allow' | 'Deny';
  /**
   * for resource/trust policies: how the principal matched (IAM User Guide "Policy evaluation
   * logic")
   */
  readonly principalMatch?: 'direct' | 'role' | 'userOfFederated' | 'account';
}

/** What one consulted policy said about the request. */
export interface PolicyVerdict {
  readonly type: PolicyType;
  readonly name: string;
  readonly arn?: string;
  readonly level?: string; // SCP/RCP org level
  /** Allow: some Allow matched and no Deny; Deny: some Deny matched; NoMatch: nothing matched */
  readonly verdict: 'Allow' | 'Deny' | 'NoMatch';
  readonly matched: readonly MatchedStatement[];
}

export interface Evaluation {
  readonly decision: Decision;
  /** which kind of policy decided (for denials: the one that denied or failed to allow) */
  readonly decidedBy: { readonly type: PolicyType; readonly name?: string } | null;
  /** one line a person can read: "cross-account: the trust policy allows, and so does …" */
  readonly reason: string;
  readonly sameAccount: boolean;
  readonly policies: readonly PolicyVerdict[];
  /** condition keys a condition needed but the request did not have */
  readonly missingContextKeys: readonly string[];
}
