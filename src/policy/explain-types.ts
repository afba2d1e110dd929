// The full explanation of one evaluation: for every policy the evaluation consulted, every statement
// with how each of its elements fared against the request, and the rules that combined the policies
// (IAM User Guide "Policy evaluation logic"). Plain, serialisable data, compact enough to record
// with every decision: a statement whose action does not match records only that, as AWS looks no
// further at it either, and conditions do not repeat the request's values (the call record has its
// context).
export type PrincipalHow = 'direct' | 'role' | 'userOfFederated' | 'account';

/** Action or NotAction: the values (as written) that match the request's action. */
export interface ActionDetail {
  readonly element: 'Action' | 'NotAction';
  readonly matching: readonly string[];
  /** the element's verdict: some value matches (Action), or none does (NotAction) */
  readonly matched: boolean;
}

export interface ResourceValue {
  readonly value: string;
  /** the pattern with its policy variables substituted; null when one could not be resolved */
  readonly resolved?: string | null;
  readonly matches: boolean;
}

export interface ResourceDetail {
  readonly element: 'Resource' | 'NotResource';
  readonly values: readonly ResourceValue[];
  readonly matched: boolean;
  /** a rule that decided beyond the listed values (a NotResource entry whose variable has no value) */
  readonly rule?: string;
}

export interface PrincipalValue {
  readonly type: string; // '*', 'AWS', 'Service', 'Federated', 'CanonicalUser'
  readonly value: string;
  readonly match: PrincipalHow | null;
}

export interface PrincipalDetail {
  /** null: the statement has neither Principal nor NotPrincipal */
  readonly element: 'Principal' | 'NotPrincipal' | null;
  readonly values: readonly PrincipalValue[];
  readonly matched: boolean;
  /** how the caller matched (Principal), for the grant rules of IAM's policy evaluation logic */
  readonly how?: PrincipalHow;
  /** a rule that decided beyond the listed values (NotPrincipal, no Principal element) */
  readonly rule?: string;
}

export interface ConditionDetail {
  readonly operator: string;
  readonly key: string; // as written in the policy
  readonly values: readonly string[]; // as written
  /** the values with policy variables substituted (null: unresolvable), when any has a variable */
  readonly resolved?: readonly (string | null)[];
  readonly holds: boolean;
  /** the rule that decided when it was not a plain comparison (missing key, IfExists, sets …) */
  readonly rule?: string;
}

export interface StatementDetail {
  readonly index: number; // 0-based position in the Statement list
  readonly sid?: string;
  readonly effect: string;
  /** the statement applies to the request (every element matched) */
  readonly matched: boolean;
  /** why the statement can never match (invalid effect, no action, unknown operator …) */
  readonly never?: string;
  readonly action?: ActionDetail;
  /** absent when the action did not match, or (trust policies) when there is no Resource element */
  readonly resource?: ResourceDetail;
  /** present only where principals are checked: resource-based and trust policies, RCPs */
  readonly principal?: PrincipalDetail;
  readonly conditions?: readonly ConditionDetail[];
}

/** One consulted policy, in the order of Evaluation.policies. */
export interface PolicyDetail {
  readonly name: string;
  readonly level?: string;
  readonly statements: readonly StatementDetail[];
  /** the same policy at another org level: its detail is that of policies[sameAs] */
  readonly sameAs?: number;
}

export type RuleName =
  'special-case' | 'explicit-deny' | 'rcp' | 'scp' | 'vpc-endpoint' | 'resource' | 'identity' | 'boundary' | 'session-policy' | 'combine';

/** One step of AWS's evaluation logic and what it found; `decides` marks the step that decided. */
export interface RuleStep {
  readonly rule: RuleName;
  readonly outcome: 'allows' | 'denies' | 'not-applicable' | 'decides';
  readonly text: string;
}

export interface EvaluationDetail {
  readonly policies: readonly PolicyDetail[];
  readonly rules: readonly RuleStep[];
}
