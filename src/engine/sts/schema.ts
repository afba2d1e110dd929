// Schemas of the STS events and of the sessions they create. Each event carries the full record of
// the call that produced it; the three that issue credentials also carry the session they created.
import * as z from 'zod/mini';
import { callRecordSchema } from '../call-record-schema.js';
import { event } from '../event-schema.js';
import { preparedTokenSchema } from '../oidc/schema.js';
import { preparedAssertionSchema } from '../saml/schema.js';
import { policyDocumentSchema } from '../policy-schema.js';

/** A successful MFA check: which device, and when (aws:MultiFactorAuthAge counts from it). */
export const mfaAuthSchema = z.strictObject({
  serialNumber: z.string(),
  authenticatedAt: z.string(), // ISO-8601
});

/** Session policies passed with Policy and PolicyArns (managed policies are kept by ARN). */
export const sessionPoliciesSchema = z.strictObject({
  inline: z.nullable(policyDocumentSchema),
  managed: z.array(z.string()),
});

const sessionBase = {
  accessKeyId: z.string(), // ASIA…
  account: z.string(),
  issuedAt: z.string(), // ISO-8601, aws:TokenIssueTime
  expiration: z.string(),
  sourceArn: z.string(), // who obtained it
  mfa: z.nullable(mfaAuthSchema),
};
const tags = z.record(z.string(), z.string());

export const roleSessionSchema = z.strictObject({
  kind: z.literal('role-session'),
  ...sessionBase,
  arn: z.string(), // arn:aws:sts::ACCT:assumed-role/Role/Session (no role path)
  roleArn: z.string(),
  roleId: z.string(),
  sessionName: z.string(),
  chained: z.boolean(), // assumed with role-session credentials
  /** session tags: passed with Tags, plus the transitive tags inherited from the caller */
  tags,
  /** keys of `tags` that pass on to sessions this one assumes (case as given) */
  transitiveTagKeys: z.array(z.string()),
  sourceIdentity: z.nullable(z.string()),
  policies: sessionPoliciesSchema,
  /** AssumeRoleWithWebIdentity sessions: the IAM OIDC provider's ARN (or a built-in provider's name) and the token's subject and audience */
  webIdentity: z.optional(z.strictObject({ provider: z.string(), subject: z.string(), audience: z.string() })),
  /** AssumeRoleWithSAML sessions: the keys a SAML role's permissions policies may test (saml:sub, saml:sub_type, saml:namequalifier) */
  saml: z.optional(z.strictObject({ sub: z.string(), subType: z.string(), nameQualifier: z.string() })),
});

export const federatedSessionSchema = z.strictObject({
  kind: z.literal('federated-user'),
  ...sessionBase,
  arn: z.string(), // arn:aws:sts::ACCT:federated-user/Name
  name: z.string(),
  /** the IAM user (or root) whose long-term credentials called GetFederationToken */
  userArn: z.string(),
  tags,
  policies: sessionPoliciesSchema,
});

/** GetSessionToken: the caller's own identity, with temporary credentials (and maybe MFA). */
export const sessionTokenSchema = z.strictObject({
  kind: z.literal('session-token'),
  ...sessionBase,
  principalArn: z.string(), // the user's ARN, or arn:aws:iam::ACCT:root
});

const call = { call: callRecordSchema };

export const stsEvents = [
  event('RoleAssumed', { ...call, session: roleSessionSchema }),
  event('AssumeRoleDenied', call),
  event('AssumeRoleFailed', call),
  event('SessionTokenIssued', { ...call, session: sessionTokenSchema }),
  event('FederationTokenIssued', { ...call, session: federatedSessionSchema }),
  event('CallerIdentityReturned', call),
  event('AccessKeyInfoReturned', call),
  /** DecodeAuthorizationMessage: the response carries the decoded JSON text */
  event('AuthorizationMessageDecoded', call),
  /** AssumeRoleWithWebIdentity: the token's facts ride along (null when no token was sent) */
  event('RoleAssumedWithWebIdentity', { ...call, session: roleSessionSchema, token: preparedTokenSchema }),
  event('AssumeRoleWithWebIdentityDenied', { ...call, token: z.nullable(preparedTokenSchema) }),
  event('AssumeRoleWithWebIdentityFailed', { ...call, token: z.nullable(preparedTokenSchema) }),
  /** AssumeRoleWithSAML: the assertion's facts ride along (null when none was sent) */
  event('RoleAssumedWithSAML', { ...call, session: roleSessionSchema, assertion: preparedAssertionSchema }),
  event('AssumeRoleWithSAMLDenied', { ...call, assertion: preparedAssertionSchema }),
  event('AssumeRoleWithSAMLFailed', { ...call, assertion: z.nullable(preparedAssertionSchema) }),
  /** an STS call other than AssumeRole that got no answer: AccessDenied, a validation error, expired credentials … */
  event('StsCallFailed', call),
] as const;
