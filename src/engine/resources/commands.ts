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
  | { readonly type: 'RegisterResource'; readonly data: { readonly arn: string; readonly account: string } }
  | { readonly type: 'PutResourcePolicy'; readonly data: { readonly arn: string; readonly document: PolicyDocument } }
  | {
      readonly type: 'TagResource';
      readonly data: { readonly arn: string; readonly tags: Readonly<Record<string, string>> };
    };
