// What every API call leaves in the event log: who called, what, how it was decided and what came
// back. The trace is rendered from this alone.
import type { ContextValue, Decision, Evaluation, EvaluationDetail } from '../policy/index.js';

export type CallerKind =
  | 'iam-user'
  | 'root'
  | 'role-session'
  | 'federated-user'
  | 'anonymous'
  | 'service'
  | 'pod'; // a pod before its SDK has credentials (unsigned calls, or none found)

export interface CallerRecord {
  readonly kind: CallerKind;
  readonly arn: string; // the identity AWS reports (assumed-role ARN for sessions), or a service name
  readonly account: string | null;
  readonly credentials: 'long-term' | 'temporary' | 'none';
  readonly accessKeyId: string | null;
  readonly label: string; // "user alice", "kept credentials alice-update"
}

/** A statement that matched, with the JSON text it came from (so the trace can quote it). */
export interface QuotedStatement {
  readonly policy: string;
  readonly index: number;
  readonly text: string;
}

export interface EvaluationRecord {
  readonly action: string;
  readonly resource: string;
  readonly evaluation: Evaluation;
  readonly statements: readonly QuotedStatement[];
  /**
   * Every statement of every consulted policy, element by element, and the combining rules: what
   * `--explain` and the Markdown walkthrough show. Recorded when the run asks for it (ScenarioStarted
   * says whether it did: --explain, --format markdown, --events) and always for a pod's hops, which
   * the JSON and YAML traces show whole; absent otherwise, and in event logs written before it.
   */
  readonly detail?: EvaluationDetail;
}

export type Outcome = 'allowed' | 'denied' | 'error';

export interface CallRecord {
  readonly caller: CallerRecord;
  readonly action: string;
  readonly resource: string | null;
  readonly region: string;
  readonly at: string; // ISO-8601, the scenario clock
  readonly params: { readonly [key: string]: unknown };
  readonly context: { readonly [key: string]: ContextValue };
  readonly outcome: Outcome;
  readonly decision: Decision | null;
  readonly error: { readonly code: string; readonly message: string } | null;
  readonly response: { readonly [key: string]: unknown } | null;
  readonly evaluations: readonly EvaluationRecord[];
  readonly notes: readonly string[];
}

/**
 * Errors the SDK raises before sending anything (no credentials found): the request never reached
 * AWS, so no service saw it and CloudTrail has no record of it.
 */
const CLIENT_SIDE_ERRORS: ReadonlySet<string> = new Set(['CredentialsProviderError']);

export function reachedAws(call: CallRecord): boolean {
  return call.error === null || !CLIENT_SIDE_ERRORS.has(call.error.code);
}
