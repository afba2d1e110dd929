// AWS managed policies (IAM User Guide "AWS managed policies"): policies AWS creates and maintains,
// with ARNs in the account `aws` (`arn:aws:iam::aws:policy/[PATH]NAME`), usable from every account.
// A world holds those a scenario declares (`aws-managed-policy`), in IAM's state beside customer
// managed policies, with the account `aws`.

/** The account of AWS managed policies in IAM's state and in their ARNs. */
export const AWS_POLICY_ACCOUNT = 'aws';

/** The ARN of an AWS managed policy. */
export function awsPolicyArn(name: string, path = '/'): string {
  return `arn:aws:iam::aws:policy${path}${name}`;
}

/** Whether an ARN names an AWS managed policy, in any partition. */
export function isAwsManagedPolicy(arn: string): boolean {
  return /^arn:aws[\w-]*:iam::aws:policy\//.test(arn);
}

/** `managed`, or `AWS managed` for an AWS managed policy: how the trace qualifies a managed policy. */
export function managedKind(policy: { readonly account: string }): string {
  return policy.account === AWS_POLICY_ACCOUNT ? 'AWS managed' : 'managed';
}

/**
 * How the trace names a managed policy: `managed NAME`, or `AWS managed NAME` for an AWS managed one
 * (which may share its name with a customer managed policy of the account).
 */
export function managedPolicyLabel(policy: { readonly name: string; readonly account: string }): string {
  return `${managedKind(policy)} ${policy.name}`;
}
