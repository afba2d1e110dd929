// What every STS handler starts with: the parameters, the authenticated caller, and the events for
// the ways a call ends without credentials.
import { authenticate, type Authentication, type Caller } from '../call/caller.js';
import type { CallData } from '../call/command.js';
import { materialize } from '../call/params.js';
import { callRecord, type RecordParts } from '../call/record.js';
import type { CallerRecord } from '../call-record.js';
import type { World } from '../world.js';
import type { StsEvent } from './events.js';
import type { ErrorCode } from '../error-codes.js';

export interface StsCall {
  readonly params: Record<string, unknown>;
  readonly auth: Authentication;
  readonly caller: CallerRecord;
  /** a call that failed (validation, expired credentials, …) */
  failed(code: ErrorCode, message: string, notes?: readonly string[], more?: Partial<RecordParts>): StsEvent[];
  /** a call refused with AccessDenied */
  denied(message: string, notes?: readonly string[], more?: Partial<RecordParts>): StsEvent[];
  /** the record of a call that succeeded */
  record(parts: Partial<RecordParts>): ReturnType<typeof callRecord>;
}

/** `resourceOf` names the resource the call record shows (null: none). */
export function startStsCall(
  data: CallData,
  world: World,
  resourceOf: (params: Record<string, unknown>, caller: CallerRecord) => string | null = () => null,
): StsCall {
  const params = materialize(data.params, world);
  const auth = authenticate(data.caller, world, data.action);
  const caller = auth.ok ? auth.caller.record : auth.record;
  const base = { caller, params, resource: resourceOf(params, caller) };
  return {
    params,
    auth,
    caller,
    failed: (code, message, notes = [], more = {}) => [
      { type: 'StsCallFailed', data: { call: callRecord(data, world, { ...base, error: { code, message }, notes, ...more }) } },
    ],
    denied: (message, notes = [], more = {}) => [
      {
        type: 'StsCallFailed',
        data: { call: callRecord(data, world, { ...base, error: { code: 'AccessDenied', message }, notes, ...more }) },
      },
    ],
    record: (parts) => callRecord(data, world, { ...base, decision: 'Allow', ...parts }),
  };
}

/**
 * GetSessionToken and GetFederationToken take long-term credentials only (AWS STS API Reference
 * "GetSessionToken", "GetFederationToken"): the refusal of a caller with session credentials, or
 * null.
 */
export function sessionCredentialsRefused(call: StsCall, who: Caller, action: 'GetSessionToken' | 'GetFederationToken'): StsEvent[] | null {
  if (who.session === null) return null;
  return call.denied(`Cannot call ${action} with session credentials`, [
    `${action} takes long-term credentials: an access key of an IAM user or of the root user`,
  ]);
}

/**
 * GetSessionToken and GetFederationToken: IAM users last 900–129,600 seconds (default 43,200); the
 * root user is capped at one hour, and a longer request is shortened rather than refused.
 */
export function tokenDuration(root: boolean, requested: number | null): { seconds: number; note: string | null } {
  if (!root) return { seconds: requested ?? 43200, note: null };
  if (requested !== null && requested > 3600) {
    return { seconds: 3600, note: `the root user's sessions last at most one hour: the requested ${requested} seconds become 3600` };
  }
  return { seconds: requested ?? 3600, note: null };
}
