// IAM Identity Center's identifiers and the names of what it provisions, derived from the seed
// (src/engine/ids.ts). Formats: instance ARNs arn:aws:sso:::instance/ssoins-<16 hex>, identity
// store IDs d-<10 hex>, permission set ARNs …/ps-<16 hex> (AWS IAM Identity Center API Reference,
// "InstanceMetadata", "PermissionSet"); user and group IDs are UUIDs (Identity Store API
// Reference, "User"); roles AWSReservedSSO_<permission set>_<16 hex> under
// /aws-reserved/sso.amazonaws.com/, with the Region after it outside us-east-1 (IAM Identity Center
// User Guide "Referencing permission sets in resource policies, Amazon EKS, and AWS KMS").
import { hexId } from '../ids.js';

export function instanceId(seed: string, account: string): string {
  return `ssoins-${hexId(seed, `sso-instance|${account}`, 16)}`;
}

export function identityStoreId(seed: string, account: string): string {
  return `d-${hexId(seed, `identity-store|${account}`, 10)}`;
}

export function samlProviderName(seed: string, instance: string): string {
  return `AWSSSO_${hexId(seed, `saml-provider|${instance}`, 16)}_DO_NOT_DELETE`;
}

/**
 * The issuer of the assertions IAM Identity Center signs for AWS account access, which the metadata
 * of its SAML provider names as entity ID: https://portal.sso.REGION.amazonaws.com/saml/assertion/ID,
 * the form of the Issuer of Identity Center's sign-ins in CloudTrail's AssumeRoleWithSAML records;
 * iamsim's ID is the base64 of the management account and the instance's ID.
 */
export function assertionIssuer(account: string, instanceArn: string, region: string): string {
  const id = Buffer.from(`${account}_${instanceArn.slice(instanceArn.lastIndexOf('/') + 1).replace(/^sso/, '')}`).toString('base64');
  return `https://portal.sso.${region}.amazonaws.com/saml/assertion/${id}`;
}

export function principalId(seed: string, kind: 'user' | 'group', name: string): string {
  const h = hexId(seed, `identity-store-${kind}|${name}`, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export function permissionSetArn(seed: string, instance: string, name: string): string {
  return `arn:aws:sso:::permissionSet/${instance}/ps-${hexId(seed, `permission-set|${name}`, 16)}`;
}

export function reservedRoleName(seed: string, account: string, permissionSet: string): string {
  return `AWSReservedSSO_${permissionSet}_${hexId(seed, `sso-role|${account}|${permissionSet}`, 16)}`;
}

export function reservedRolePath(region: string): string {
  return region === 'us-east-1' ? '/aws-reserved/sso.amazonaws.com/' : `/aws-reserved/sso.amazonaws.com/${region}/`;
}

/**
 * The access token a user's sign-in to the access portal yields (what the AWS CLI caches after
 * `aws sso login` and sends as x-amz-sso_bearer_token): opaque; iamsim derives it from the seed,
 * the instance and the user, so the portal can tell whose it is.
 */
export function portalAccessToken(seed: string, instance: string, userName: string): string {
  return `aoa${hexId(seed, `portal-token|${instance}|${userName}`, 48)}`;
}
