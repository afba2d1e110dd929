// Schemas of the resource events: declarations, and the outcome of every non-STS call.
import * as z from 'zod/mini';
import { callRecordSchema } from '../call-record-schema.js';
import { event } from '../event-schema.js';
import { policyDocumentSchema } from '../policy-schema.js';

const call = { call: callRecordSchema };

export const resourcesEvents = [
  event('BucketCreated', { name: z.string(), arn: z.string(), account: z.string() }),
  event('KeyCreated', {
    name: z.string(),
    arn: z.string(),
    keyId: z.string(),
    account: z.string(),
    region: z.string(),
    aliases: z.array(z.string()),
  }),
  event('VpcEndpointCreated', {
    name: z.string(),
    id: z.string(),
    arn: z.string(),
    vpc: z.string(),
    account: z.string(),
    region: z.string(),
    service: z.string(),
    document: policyDocumentSchema,
  }),
  event('ResourceRegistered', { arn: z.string(), account: z.string() }),
  event('ResourcePolicyPut', { arn: z.string(), document: policyDocumentSchema }),
  event('ResourceTagged', { arn: z.string(), tags: z.record(z.string(), z.string()) }),
  event('RequestAllowed', call),
  event('RequestDenied', call),
  event('RequestFailed', call),
] as const;
