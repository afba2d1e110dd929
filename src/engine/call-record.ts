// What every API call leaves in the event log: who called, what, how it was decided and what came
// back. The trace is rendered from this alone.
import type { LogType } from './log-type.js';
import type {
  callerKindSchema,
  callerRecordSchema,
  callRecordSchema,
  evaluationRecordSchema,
  outcomeSchema,
  quotedStatementSchema,
} from './call-record-schema.js';

// The types are derived from the schemas in call-record-schema.ts, which say what each field holds.
export type CallerKind = LogType<typeof callerKindSchema>;
export type CallerRecord = LogType<typeof callerRecordSchema>;
/** A statement that matched, with the JSON text it came from (so the trace can quote it). */
export type QuotedStatement = LogType<typeof quotedStatementSchema>;
export type EvaluationRecord = LogType<typeof evaluationRecordSchema>;
export type Outcome = LogType<typeof outcomeSchema>;
export type CallRecord = LogType<typeof callRecordSchema>;

/**
 * Errors the SDK raises before sending anything (no credentials found): the request never reached
 * AWS, so no service saw it and CloudTrail has no record of it.
 */
const CLIENT_SIDE_ERRORS: ReadonlySet<string> = new Set(['CredentialsProviderError']);

export function reachedAws(call: CallRecord): boolean {
  // a function or instance whose service got it no session sends nothing (services/workload.ts)
  if (call.caller.kind === 'workload') return false;
  return call.error === null || !CLIENT_SIDE_ERRORS.has(call.error.code);
}
