// Resource events: declarations, and the outcome of every non-STS call.
import type { CallRecord } from '../call-record.js';
import type { PolicyDocument } from '../iam/state.js';

export type ResourcesEvent =
  | {
      readonly type: 'BucketCreated';
      readonly data: { readonly name: string; readonly arn: string; readonly account: string };
    }
  | { readonly type: 'ResourceRegistered'; readonly data: { readonly arn: string; readonly account: string } }
  | { readonly type: 'ResourcePolicyPut'; readonly data: { readonly arn: string; readonly document: PolicyDocument } }
  | {
      readonly type: 'ResourceTagged';
      readonly data: { readonly arn: string; readonly tags: Readonly<Record<string, string>> };
    }
  | { readonly type: 'RequestAllowed'; readonly data: { readonly call: CallRecord } }
  | { readonly type: 'RequestDenied'; readonly data: { readonly call: CallRecord } }
  | { readonly type: 'RequestFailed'; readonly data: { readonly call: CallRecord } };
