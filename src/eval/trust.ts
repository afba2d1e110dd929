// When the ResourcePolicy of the input is a role's trust policy. A role's resource-based policy is its
// trust policy (IAM User Guide "Cross-account policy evaluation logic": "The role's resource-based
// policy is called a role trust policy"), and it governs the requests to
// assume the role: sts:AssumeRole, sts:AssumeRoleWithWebIdentity, sts:AssumeRoleWithSAML, and
// sts:TagSession / sts:SetSourceIdentity, which those requests also need when they pass session
// tags or a source identity (IAM User Guide "Pass session tags in AWS STS", "Monitor and control
// actions taken with assumed roles"). So when ActionNames holds one of these actions and
// ResourceArns names a role, the ResourcePolicy is that role's trust policy: it is validated as one
// (IAM's checks for kind `trust`, as a scenario's `trust { … }` block) and must allow the caller
// itself, in the same account too (src/policy's `resourceMustAllow`, the rule the scenario engine
// applies to every AssumeRole: IAM User Guide "Policy evaluation logic"). It is no resource-based
// policy of any other request of the batch.
import { parseArn } from './principal.js';

const TRUST_ACTIONS: ReadonlySet<string> = new Set([
  'sts:assumerole',
  'sts:assumerolewithwebidentity',
  'sts:assumerolewithsaml',
  'sts:tagsession',
  'sts:setsourceidentity',
]);

export function isTrustAction(action: string): boolean {
  return TRUST_ACTIONS.has(action.toLowerCase());
}

/** `arn:aws:iam::111122223333:role/path/Name` */
export function isRoleArn(resource: string): boolean {
  const a = parseArn(resource);
  return a !== null && a.service === 'iam' && /^role\/./.test(a.resource);
}

/** This request is one the role's trust policy decides. */
export function governedByTrust(action: string, resource: string): boolean {
  return isTrustAction(action) && isRoleArn(resource);
}

/** The first action and role that make the ResourcePolicy a trust policy, or null. */
export function trustTarget(actions: readonly string[], resources: readonly string[] | null): TrustTarget | null {
  const action = actions.findIndex(isTrustAction);
  const role = resources?.findIndex(isRoleArn) ?? -1;
  return action < 0 || role < 0 ? null : { action: actions[action]!, role: resources![role]! };
}

export interface TrustTarget {
  readonly action: string;
  readonly role: string;
}
