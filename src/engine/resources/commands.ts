// Resource commands: declare resources with resource-based policies and tags.
import type { PolicyDocument } from '../iam/state.js';

export type ResourcesCommand =
  | {
      readonly type: 'CreateBucket';
      readonly data: { readonly name: string; readonly arn: string; readonly account: string };
    }
  | {
      readonly type: 'CreateKey';
      readonly data: {
        readonly name: string;
        readonly arn: string;
        readonly keyId: string;
        readonly account: string;
        readonly region: string;
        /** alias names, `alias/NAME` */
        readonly aliases: readonly string[];
      };
    }
  | {
      /** a VPC endpoint and its endpoint policy (AWS's default endpoint policy when none is given) */
      readonly type: 'CreateVpcEndpoint';
      readonly data: {
        readonly name: string;
        readonly id: string;
        readonly arn: string;
        readonly vpc: string;
        readonly account: string;
        readonly region: string;
        /** the service it connects to: `s3`, `kms`, … */
        readonly service: string;
        readonly document: PolicyDocument;
      };
    }
  | { readonly type: 'RegisterResource'; readonly data: { readonly arn: string; readonly account: string } }
  | { readonly type: 'PutResourcePolicy'; readonly data: { readonly arn: string; readonly document: PolicyDocument } }
  | {
      /** CloudFormation has made its calls for a stack (resources/stack-workflow.ts): the stack's outcome */
      readonly type: 'CompleteStack';
      readonly data: {
        readonly stackId: string;
        readonly name: string;
        readonly account: string;
        readonly region: string;
        readonly roleArn: string | null;
        readonly resources: readonly { readonly logicalId: string; readonly type: string; readonly physicalId: string }[];
        readonly failed: { readonly logicalId: string; readonly type: string; readonly reason: string } | null;
      };
    }
  | {
      readonly type: 'TagResource';
      readonly data: { readonly arn: string; readonly tags: Readonly<Record<string, string>> };
    };
