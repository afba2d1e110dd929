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

/** A VPC endpoint (AWS PrivateLink Guide "Control access to VPC endpoints using endpoint policies"). */
export interface VpcEndpoint {
  readonly name: string; // the scenario's name
  readonly id: string; // vpce-…
  readonly arn: string; // arn:aws:ec2:REGION:ACCOUNT:vpc-endpoint/vpce-…
  readonly vpc: string; // vpc-…
  readonly account: string;
  readonly region: string;
  readonly service: string;
  readonly document: PolicyDocument;
}

/** A CloudFormation stack (resources/stack.ts): created, or failed (rollback is not modelled). */
export interface Stack {
  readonly stackId: string;
  readonly name: string;
  readonly account: string;
  readonly region: string;
  readonly roleArn: string | null;
  readonly status: 'CREATE_COMPLETE' | 'CREATE_FAILED';
  readonly resources: readonly { readonly logicalId: string; readonly type: string; readonly physicalId: string }[];
}

/** A secret a step created under a customer managed key (resources/secrets.ts). */
export interface Secret {
  readonly arn: string;
  readonly name: string;
  readonly account: string;
  readonly region: string;
  /** the key as CreateSecret named it (key ID, ARN, alias name or alias ARN) */
  readonly kmsKeyId: string;
}

export interface ResourcesState {
  byArn: Record<string, PolicyResource>;
  /** VPC endpoints by ID (vpce-…) */
  vpcEndpoints: Record<string, VpcEndpoint>;
  /** KMS aliases: alias ARN (`arn:aws:kms:REGION:ACCOUNT:alias/NAME`) → key ARN */
  kmsAliases: Record<string, string>;
  /** CloudFormation stacks by stack ID */
  stacks: Record<string, Stack>;
  /** secrets steps created under a customer managed key, by ARN */
  secrets: Record<string, Secret>;
}

export const initialResourcesState: ResourcesState = { byArn: {}, vpcEndpoints: {}, kmsAliases: {}, stacks: {}, secrets: {} };
