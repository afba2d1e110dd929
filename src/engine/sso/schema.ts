// Schemas of IAM Identity Center's events and of what its slice holds: the instance, its users and
// groups (the identity store), its permission sets, the account assignments and the roles
// provisioned for them (IAM Identity Center User Guide "Permission sets", "Multi-account
// permissions", "IAM roles created by IAM Identity Center").
import * as z from 'zod/mini';
import { callRecordSchema } from '../call-record-schema.js';
import { event } from '../event-schema.js';
import { policyDocumentSchema } from '../policy-schema.js';

export const ssoUserSchema = z.strictObject({
  userName: z.string(),
  /** the identity store's user ID (a UUID) */
  id: z.string(),
  groups: z.array(z.string()),
  /** the user's attributes, as the identity store holds them */
  attributes: z.record(z.string(), z.string()),
});

export const ssoGroupSchema = z.strictObject({ name: z.string(), id: z.string() });

/** A customer managed policy reference: a name and path, resolved in each account it is provisioned to. */
export const policyReferenceSchema = z.strictObject({ name: z.string(), path: z.string() });

export const permissionSetSchema = z.strictObject({
  name: z.string(),
  arn: z.string(), // arn:aws:sso:::permissionSet/ssoins-…/ps-…
  /** AWS managed policies, by ARN */
  managed: z.array(z.string()),
  customerManaged: z.array(policyReferenceSchema),
  inline: z.nullable(policyDocumentSchema),
  /** a permissions boundary: an AWS managed policy's ARN or a customer managed policy reference */
  boundary: z.nullable(z.union([z.strictObject({ managed: z.string() }), z.strictObject({ reference: policyReferenceSchema })])),
  /** seconds (SessionDuration, ISO-8601 in the API; 1 hour by default, 12 at most) */
  sessionDuration: z.number(),
});

export const instanceSchema = z.strictObject({
  arn: z.string(), // arn:aws:sso:::instance/ssoins-…
  identityStoreId: z.string(), // d-…
  /** the organization's management account, where the instance lives */
  account: z.string(),
  region: z.string(),
  /** the SAML provider Identity Center creates in each account it provisions (AWSSSO_…_DO_NOT_DELETE) */
  samlProvider: z.string(),
  /** attributes for access control: the user attributes passed as session tags */
  accessControlAttributes: z.array(z.string()),
});

export const assignmentSchema = z.strictObject({
  principalType: z.enum(['USER', 'GROUP']),
  principal: z.string(), // the user name or group name
  principalId: z.string(),
  permissionSet: z.string(),
  account: z.string(),
});

/** The IAM role a permission set became in one account. */
export const provisionedRoleSchema = z.strictObject({
  account: z.string(),
  permissionSet: z.string(),
  arn: z.string(),
  name: z.string(), // AWSReservedSSO_<PermissionSet>_<16 hex>
  path: z.string(), // /aws-reserved/sso.amazonaws.com/ (and the Region outside us-east-1)
  trust: policyDocumentSchema,
  maxSessionDuration: z.number(),
  /** the managed policies attached: AWS managed, then the customer managed references resolved in the account */
  attached: z.array(z.string()),
  inline: z.nullable(policyDocumentSchema),
  boundary: z.nullable(z.string()),
});

/** A user's sign-in to the access portal to open the console (portal-sign-in.ts). */
const portalSignIn = {
  user: z.string(),
  /** the access token of the sign-in, as the portal sends it (x-amz-sso_bearer_token) */
  accessToken: z.string(),
  account: z.string(),
  permissionSet: z.string(),
  /** the access portal's URL, https://d-….awsapps.com/start */
  url: z.string(),
  /** the instance's Region, where the portal's API answers */
  region: z.string(),
  /** what the trace shows */
  lines: z.array(z.string()),
};
export const portalSignInSchema = z.strictObject(portalSignIn);

export const ssoEvents = [
  event('IdentityCenterEnabled', {
    instance: instanceSchema,
    users: z.array(ssoUserSchema),
    groups: z.array(ssoGroupSchema),
    permissionSets: z.array(permissionSetSchema),
  }),
  event('AccountAssignmentCreated', { assignment: assignmentSchema }),
  event('PermissionSetProvisioned', { role: provisionedRoleSchema }),
  /** a call to the access portal (GetRoleCredentials) that got no credentials */
  event('PortalCallFailed', { call: callRecordSchema }),
  /** ListAccounts, ListAccountRoles: the response lists what the user is assigned */
  event('PortalCallAnswered', { call: callRecordSchema }),
  /** a user signs in to the access portal and opens an account's permission set in the console */
  event('PortalSignInStarted', portalSignIn),
] as const;
