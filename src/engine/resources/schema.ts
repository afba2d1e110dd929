// Schemas of the resource events: declarations, and the outcome of every non-STS call.
import * as z from 'zod/mini';
import { callRecordSchema } from '../call-record-schema.js';
import { event } from '../event-schema.js';
import { policyDocumentSchema } from '../policy-schema.js';

const call = { call: callRecordSchema };

const stackResource = z.strictObject({ logicalId: z.string(), type: z.string(), physicalId: z.string() });
const stack = {
  stackId: z.string(),
  name: z.string(),
  account: z.string(),
  region: z.string(),
  roleArn: z.nullable(z.string()),
  /** the resources created, in the order CloudFormation created them */
  resources: z.array(stackResource),
};

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
  event('ResourcePolicyDeleted', { arn: z.string() }),
  event('ResourceTagged', { arn: z.string(), tags: z.record(z.string(), z.string()) }),
  event('RequestAllowed', call),
  event('RequestDenied', call),
  event('RequestFailed', call),
  event('SecretCreated', { arn: z.string(), name: z.string(), account: z.string(), region: z.string(), kmsKeyId: z.string() }),
  event('StackCreated', stack),
  event('StackCreateFailed', {
    ...stack,
    /** the first resource that failed, and CloudFormation's status reason */
    failed: z.strictObject({ logicalId: z.string(), type: z.string(), reason: z.string() }),
  }),
] as const;
