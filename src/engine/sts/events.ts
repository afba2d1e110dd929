// STS events: each carries the full record of the call that produced it.
import type { CallRecord } from '../call-record.js';
import type { Session } from './state.js';

export type StsEvent =
  | { readonly type: 'RoleAssumed'; readonly data: { readonly call: CallRecord; readonly session: Session } }
  | { readonly type: 'AssumeRoleDenied'; readonly data: { readonly call: CallRecord } }
  | { readonly type: 'AssumeRoleFailed'; readonly data: { readonly call: CallRecord } }
  | { readonly type: 'CallerIdentityReturned'; readonly data: { readonly call: CallRecord } }
  | { readonly type: 'StsCallFailed'; readonly data: { readonly call: CallRecord } };
