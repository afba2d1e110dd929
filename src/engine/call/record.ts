// Helpers to build call records.
import type { Decision } from '../../policy/types.js';
import type { CallRecord, CallerRecord, EvaluationRecord } from '../call-record.js';
import type { ErrorCode } from '../error-codes.js';
import type { World } from '../world.js';
import type { CallData } from './command.js';
import { withEncodedMessage } from './authorization-message.js';

export interface RecordParts {
  readonly caller: CallerRecord;
  readonly params: Record<string, unknown>;
  readonly context?: CallRecord['context'];
  readonly resource: string | null;
  readonly decision?: Decision | null;
  readonly error?: { code: ErrorCode; message: string } | null;
  readonly response?: Record<string, unknown> | null;
  readonly evaluations?: readonly EvaluationRecord[];
  readonly notes?: readonly string[];
}

export function callRecord(data: CallData, world: World, parts: RecordParts): CallRecord {
  const decision = parts.decision ?? null;
  const error = parts.error ?? null;
  const outcome = error === null ? 'allowed' : decision === 'ExplicitDeny' || decision === 'ImplicitDeny' ? 'denied' : 'error';
  const record: CallRecord = {
    caller: parts.caller,
    action: data.action,
    resource: parts.resource,
    region: data.region,
    at: world.scenario.clock,
    params: parts.params,
    context: parts.context ?? {},
    outcome,
    decision,
    error,
    response: parts.response ?? null,
    evaluations: parts.evaluations ?? [],
    notes: parts.notes ?? [],
    ...(data.onBehalf ? { onBehalf: { ...data.onBehalf, services: [...data.onBehalf.services] } } : {}),
  };
  // a denial of EC2 carries the encoded reason (call/authorization-message.ts)
  return withEncodedMessage(record, world.scenario.seed);
}

/** AWS's access-denied wording (IAM User Guide "Troubleshoot access denied error messages"). */
export function accessDeniedMessage(
  callerArn: string,
  action: string,
  resource: string,
  decision: Decision,
  decidedBy: string | null,
): string {
  const base = `User: ${callerArn} is not authorized to perform: ${action} on resource: ${resource}`;
  const kind = policyTypeWords(decidedBy);
  if (kind === null) return base;
  return decision === 'ExplicitDeny'
    ? `${base} with an explicit deny in ${/^[aeiou]/.test(kind) ? 'an' : 'a'} ${kind}`
    : `${base} because no ${kind} allows the ${action} action`;
}

function policyTypeWords(type: string | null): string | null {
  switch (type) {
    case 'identity':
      return 'identity-based policy';
    case 'resource':
      return 'resource-based policy';
    case 'boundary':
      return 'permissions boundary';
    case 'session-policy':
      return 'session policy';
    case 'scp':
      return 'service control policy';
    case 'rcp':
      return 'resource control policy';
    case 'vpc-endpoint':
      return 'VPC endpoint policy';
    default:
      return null;
  }
}
