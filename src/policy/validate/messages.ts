// IAM's MalformedPolicyDocument / LimitExceeded texts (IAM User Guide "IAM JSON policy element
// reference", "IAM and AWS STS quotas").
import type { PolicyProblem } from '../types.js';

export type Path = readonly (string | number)[];

export const MSG = {
  syntax: 'Syntax errors in policy.',
  version: 'Policy document must be version 2012-10-17 or greater.',
  principalForbidden: 'Policy document should not specify a principal.',
  noActions: 'Policy statement must contain actions.',
  noResources: 'Policy statement must contain resources.',
  vendor: 'Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.',
  oneColon: 'Actions/Condition can contain only one colon.',
  legacy: 'The policy failed legacy parsing',
  sidUnique: 'Statement IDs (SID) in a single policy must be unique.',
  sidAlnum: 'Statement IDs (SID) must be alpha-numeric. Check that your input satisfies the regular expression [0-9A-Za-z]*',
  prohibitedResource: 'Has prohibited field Resource',
  trustActions: 'Trust Policy statement actions can only be sts:AssumeRole, sts:AssumeRoleWithSAML,  and sts:AssumeRoleWithWebIdentity',
  missingPrincipal: 'Missing required field Principal',
  resourceVendor: 'Resource vendor must be fully qualified and cannot contain regexes.',
  iamPath:
    'IAM resource path must either be "*" or start with user/, federated-user/, role/, group/, instance-profile/, mfa/, server-certificate/, policy/, sms-mfa/, saml-provider/, oidc-provider/, report/, access-report/.',
  vendorInvalid: (prefix: string): string => `Vendor ${prefix} is not valid`,
  notArn: (r: string): string => `Resource ${r} must be in ARN format or "*".`,
  partition: (p: string, expanded: string): string => `Partition "${p}" is not valid for resource "${expanded}".`,
  iamRegion: (r: string): string => `IAM resource ${r} cannot contain region information.`,
  s3Region: (r: string): string => `Resource ${r} can not contain region information.`,
  invalidPrincipal: (type: string, value: string): string => `Invalid principal in policy: "${type}":"${value}"`,
} as const;

export function malformed(message: string, path: Path): PolicyProblem {
  return { code: 'MalformedPolicyDocument', message, path };
}

export function limitExceeded(message: string, path: Path = []): PolicyProblem {
  return { code: 'LimitExceeded', message, path };
}
