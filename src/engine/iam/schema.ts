// Schemas of the IAM events: facts about the identities that exist.
import * as z from 'zod/mini';
import { event } from '../event-schema.js';
import { policyDocumentSchema } from '../policy-schema.js';

/** An identity or policy as declared: its ARN, name, path and owner account. */
export const entitySpecShape = { arn: z.string(), name: z.string(), path: z.string(), account: z.string() };
export const entitySpecSchema = z.strictObject(entitySpecShape);

/** `created`: when a step's IAM call made it (absent for declarations, made when the scenario starts) */
const withId = { ...entitySpecShape, id: z.string(), created: z.optional(z.string()) };
const tags = z.record(z.string(), z.string());
const arn = { arn: z.string() };

export const iamEvents = [
  event('AccountCreated', { id: z.string(), name: z.string() }),
  event('UserCreated', withId),
  event('GroupCreated', withId),
  event('RoleCreated', { ...withId, maxSessionDuration: z.number(), trust: policyDocumentSchema, description: z.nullable(z.string()) }),
  // version: the id of its first (default) version when a declaration gives one (`version v12`), else v1
  event('PolicyCreated', {
    ...withId,
    document: policyDocumentSchema,
    description: z.optional(z.string()),
    version: z.optional(z.string()),
  }),
  event('InlinePolicyPut', { entity: z.string(), name: z.string(), document: policyDocumentSchema }),
  event('PolicyAttached', { entity: z.string(), policy: z.string() }),
  event('PermissionsBoundarySet', { entity: z.string(), policy: z.string() }),
  event('UserAddedToGroup', { user: z.string(), group: z.string() }),
  event('EntityTagged', { entity: z.string(), tags }),
  event('AccessKeyCreated', { user: z.string(), account: z.string(), accessKeyId: z.string(), created: z.optional(z.string()) }),
  event('MfaDeviceEnabled', { user: z.string(), serialNumber: z.string(), code: z.nullable(z.string()) }),
  // what IAM calls in steps change (src/engine/iam/api/)
  event('UserDeleted', arn),
  event('GroupDeleted', arn),
  event('RoleDeleted', arn),
  event('PolicyDeleted', arn),
  event('UserRemovedFromGroup', { user: z.string(), group: z.string() }),
  event('InlinePolicyDeleted', { entity: z.string(), name: z.string() }),
  event('PolicyDetached', { entity: z.string(), policy: z.string() }),
  event('PermissionsBoundaryDeleted', { entity: z.string() }),
  event('EntityUntagged', { entity: z.string(), keys: z.array(z.string()) }),
  event('TrustPolicyUpdated', { role: z.string(), document: policyDocumentSchema }),
  event('PolicyVersionCreated', {
    policy: z.string(),
    versionId: z.string(),
    document: policyDocumentSchema,
    setAsDefault: z.boolean(),
    created: z.string(),
  }),
  event('DefaultPolicyVersionSet', { policy: z.string(), versionId: z.string() }),
  event('PolicyVersionDeleted', { policy: z.string(), versionId: z.string() }),
  event('AccessKeyStatusChanged', { accessKeyId: z.string(), status: z.enum(['Active', 'Inactive']) }),
  event('AccessKeyDeleted', { accessKeyId: z.string() }),
  event('LoginProfileCreated', { user: z.string(), passwordResetRequired: z.boolean(), created: z.string() }),
  event('LoginProfileUpdated', { user: z.string(), passwordResetRequired: z.boolean() }),
  event('LoginProfileDeleted', { user: z.string() }),
  event('InstanceProfileCreated', withId),
  event('InstanceProfileDeleted', arn),
  event('RoleAddedToInstanceProfile', { profile: z.string(), role: z.string() }),
  event('RoleRemovedFromInstanceProfile', { profile: z.string(), role: z.string() }),
] as const;
