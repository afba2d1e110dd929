// Schemas of the IAM events: facts about the identities that exist.
import * as z from 'zod/mini';
import { event } from '../event-schema.js';
import { policyDocumentSchema } from '../policy-schema.js';

/** An identity or policy as declared: its ARN, name, path and owner account. */
export const entitySpecShape = { arn: z.string(), name: z.string(), path: z.string(), account: z.string() };
export const entitySpecSchema = z.strictObject(entitySpecShape);

const withId = { ...entitySpecShape, id: z.string() };
const tags = z.record(z.string(), z.string());

export const iamEvents = [
  event('AccountCreated', { id: z.string(), name: z.string() }),
  event('UserCreated', withId),
  event('GroupCreated', withId),
  event('RoleCreated', { ...withId, maxSessionDuration: z.number(), trust: policyDocumentSchema, description: z.nullable(z.string()) }),
  event('PolicyCreated', { ...withId, document: policyDocumentSchema }),
  event('InlinePolicyPut', { entity: z.string(), name: z.string(), document: policyDocumentSchema }),
  event('PolicyAttached', { entity: z.string(), policy: z.string() }),
  event('PermissionsBoundarySet', { entity: z.string(), policy: z.string() }),
  event('UserAddedToGroup', { user: z.string(), group: z.string() }),
  event('EntityTagged', { entity: z.string(), tags }),
  event('AccessKeyCreated', { user: z.string(), account: z.string(), accessKeyId: z.string() }),
  event('MfaDeviceEnabled', { user: z.string(), serialNumber: z.string(), code: z.nullable(z.string()) }),
] as const;
