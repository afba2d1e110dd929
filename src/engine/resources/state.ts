// Resources that carry resource-based policies: S3 buckets and any other ARN a scenario declares.
import type { PolicyDocument } from '../iam/state.js';

export interface PolicyResource {
  readonly arn: string;
  readonly account: string;
  readonly kind: 'bucket' | 'resource';
  readonly name: string; // bucket name, or the ARN for generic resources
  policy: PolicyDocument | null;
  tags: Record<string, string>;
}

export interface ResourcesState {
  byArn: Record<string, PolicyResource>;
}

export const initialResourcesState: ResourcesState = { byArn: {} };
