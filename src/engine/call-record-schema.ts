// The schema of a call record: what every API call leaves in the event log (see call-record.ts).
import * as z from 'zod/mini';
import { contextValueSchema, decisionSchema, evaluationDetailSchema, evaluationSchema } from './policy-schema.js';

export const callerKindSchema = z.enum([
  'iam-user',
  'root',
  'role-session',
  'federated-user',
  'anonymous',
  'service',
  'workload', // a Lambda function, EC2 instance or ECS task before its service got it a session
  'pod', // a pod before its SDK has credentials (unsigned calls, or none found)
]);

export const callerRecordSchema = z.strictObject({
  kind: callerKindSchema,
  arn: z.string(), // the identity AWS reports (assumed-role ARN for sessions), or a service name
  account: z.nullable(z.string()),
  credentials: z.enum(['long-term', 'temporary', 'none']),
  accessKeyId: z.nullable(z.string()),
  label: z.string(), // "user alice", "kept credentials alice-update"
});

/** A statement that matched, with the JSON text it came from (so the trace can quote it). */
export const quotedStatementSchema = z.strictObject({ policy: z.string(), index: z.number(), text: z.string() });

export const evaluationRecordSchema = z.strictObject({
  action: z.string(),
  resource: z.string(),
  evaluation: evaluationSchema,
  statements: z.array(quotedStatementSchema),
  /**
   * Every statement of every consulted policy, element by element, and the combining rules: what
   * `--explain` and the Markdown walkthrough show. Recorded when the run asks for it (ScenarioStarted
   * says whether it did: --explain, --format markdown, --events) and always for a pod's hops, which
   * the JSON and YAML traces show whole; absent otherwise, and in event logs written before it.
   */
  detail: z.optional(evaluationDetailSchema),
});

export const outcomeSchema = z.enum(['allowed', 'denied', 'error']);

export const callRecordSchema = z.strictObject({
  caller: callerRecordSchema,
  action: z.string(),
  resource: z.nullable(z.string()),
  region: z.string(),
  at: z.string(), // ISO-8601, the scenario clock
  params: z.record(z.string(), z.unknown()),
  context: z.record(z.string(), contextValueSchema),
  outcome: outcomeSchema,
  decision: z.nullable(decisionSchema),
  error: z.nullable(z.strictObject({ code: z.string(), message: z.string() })),
  response: z.nullable(z.record(z.string(), z.unknown())),
  evaluations: z.array(evaluationRecordSchema),
  notes: z.array(z.string()),
  /** made by a service for the step's request (call/command.ts OnBehalf); absent for the step's own */
  onBehalf: z.optional(
    z.strictObject({ services: z.array(z.string()), credentials: z.enum(['caller', 'service']), index: z.optional(z.number()) }),
  ),
});
