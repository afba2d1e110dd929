// Schemas of the Organizations events: the organization, its OUs and member accounts, and its SCPs
// and RCPs with where each is attached (the AWS-managed FullAWSAccess attachments included).
import * as z from 'zod/mini';
import { event } from '../event-schema.js';
import { policyDocumentSchema } from '../policy-schema.js';

export const orgPolicyTypeSchema = z.enum(['scp', 'rcp']);

export const organizationsEvents = [
  event('OrganizationCreated', { id: z.string(), arn: z.string(), rootId: z.string(), managementAccount: z.string() }),
  event('OrganizationPolicyCreated', {
    id: z.string(),
    name: z.string(),
    policyType: orgPolicyTypeSchema,
    awsManaged: z.boolean(),
    document: policyDocumentSchema,
  }),
  event('OrganizationalUnitCreated', { id: z.string(), name: z.string(), parent: z.string() }),
  event('AccountJoinedOrganization', { account: z.string(), parent: z.string() }),
  event('OrganizationPolicyAttached', { policy: z.string(), target: z.string() }),
  event('OrganizationPolicyDetached', { policy: z.string(), target: z.string() }),
] as const;
