// Resources that carry resource-based policies: S3 buckets, KMS keys (with their key policies and
// aliases) and any other ARN a scenario declares.
import type { PolicyDocument } from '../iam/state.js';

export interface PolicyResource {
  readonly arn: string;
  readonly account: string;
  readonly kind: 'bucket' | 'key' | 'resource';
  readonly name: string; // bucket name, the key's declared name, or the ARN for generic resources
  policy: PolicyDocument | null;
  tags: Record<string, string>;
}

export interface ResourcesState {
  byArn: Record<string, PolicyResource>;
  /** KMS aliases: alias ARN (`arn:aws:kms:REGION:ACCOUNT:alias/NAME`) → key ARN */
  kmsAliases: Record<string, string>;
}

export const initialResourcesState: ResourcesState = { byArn: {}, kmsAliases: {} };
