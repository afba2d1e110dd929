// Who holds the root user's permissions. The root user has no identity-based policies and implicit
// full access in its own account (IAM User Guide "Policy evaluation logic"). It may call
// GetFederationToken (IAM User Guide "Compare AWS STS credentials": "IAM user or AWS account root
// user"), and a federated user's permissions are the intersection of its caller's permissions and
// its session policies (AWS STS API Reference "GetFederationToken", Permissions): for a federated
// user of the root user, the root user's full access cut down by the session policies.
import type { RequestPrincipal } from './types.js';

const ROOT_ARN = /^arn:[a-z-]+:iam::\d{12}:root$/;

/** A federated user whose GetFederationToken was called by the account's root user. */
export function isRootFederatedUser(p: RequestPrincipal): boolean {
  return p.kind === 'stsFederatedUser' && p.underlyingUserArn !== undefined && ROOT_ARN.test(p.underlyingUserArn);
}

/** Whether the identity side allows whatever it is asked, before boundaries and session policies. */
export function hasRootPermissions(p: RequestPrincipal): boolean {
  return p.kind === 'root' || isRootFederatedUser(p);
}
