// STS events: each carries the full record of the call that produced it; the three that issue
// credentials also carry the session they created.
import type { CallRecord } from '../call-record.js';
import type { PreparedToken } from '../oidc/token.js';
import type { FederatedSession, RoleSession, SessionToken } from './state.js';

export type StsEvent =
  | { readonly type: 'RoleAssumed'; readonly data: { readonly call: CallRecord; readonly session: RoleSession } }
  | { readonly type: 'AssumeRoleDenied'; readonly data: { readonly call: CallRecord } }
  | { readonly type: 'AssumeRoleFailed'; readonly data: { readonly call: CallRecord } }
  | { readonly type: 'SessionTokenIssued'; readonly data: { readonly call: CallRecord; readonly session: SessionToken } }
  | { readonly type: 'FederationTokenIssued'; readonly data: { readonly call: CallRecord; readonly session: FederatedSession } }
  | { readonly type: 'CallerIdentityReturned'; readonly data: { readonly call: CallRecord } }
  | { readonly type: 'AccessKeyInfoReturned'; readonly data: { readonly call: CallRecord } }
  /** AssumeRoleWithWebIdentity: the token's facts ride along (null when no token was sent) */
  | {
      readonly type: 'RoleAssumedWithWebIdentity';
      readonly data: { readonly call: CallRecord; readonly session: RoleSession; readonly token: PreparedToken };
    }
  | { readonly type: 'AssumeRoleWithWebIdentityDenied'; readonly data: { readonly call: CallRecord; readonly token: PreparedToken | null } }
  | { readonly type: 'AssumeRoleWithWebIdentityFailed'; readonly data: { readonly call: CallRecord; readonly token: PreparedToken | null } }
  /** an STS call other than AssumeRole that got no answer: AccessDenied, a validation error, expired credentials … */
  | { readonly type: 'StsCallFailed'; readonly data: { readonly call: CallRecord } };
