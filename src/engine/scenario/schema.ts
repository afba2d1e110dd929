// Schemas of the scenario's events.
import * as z from 'zod/mini';
import { event } from '../event-schema.js';

/** What an `expect` line asks of the step's last call. */
export const expectationSpecSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('outcome'), outcome: z.enum(['allowed', 'denied', 'explicit-deny', 'implicit-deny']) }),
  z.strictObject({
    kind: z.literal('error'),
    code: z.string(),
    /** absent when the expectation names the code alone */
    message: z.optional(z.strictObject({ match: z.enum(['exact', 'contains']), text: z.string() })),
  }),
  z.strictObject({ kind: z.literal('denied-by'), by: z.string(), name: z.nullable(z.string()) }),
  z.strictObject({ kind: z.literal('response'), path: z.string(), value: z.string() }),
  /** `expect who-can ACTION on RESOURCE = [PRINCIPAL, …]`: the principals (ARNs) allowed, answered on the world as it stands */
  z.strictObject({ kind: z.literal('who-can'), action: z.string(), resource: z.string(), principals: z.array(z.string()) }),
  /** `expect path from P to ROLE` (exists) or `expect no path from P to ROLE`, answered on the world as it stands */
  z.strictObject({ kind: z.literal('path'), from: z.string(), to: z.string(), exists: z.boolean() }),
]);

export const scenarioEvents = [
  event('ScenarioStarted', {
    title: z.string(),
    description: z.nullable(z.string()),
    file: z.string(),
    seed: z.string(),
    clock: z.string(),
    region: z.string(),
    /**
     * whether every evaluation of the run records its full detail (EvaluationRecord.detail), which
     * --explain and the Markdown walkthrough show; absent in event logs written before the choice
     */
    detail: z.optional(z.boolean()),
  }),
  event('ClockAdvanced', { from: z.string(), to: z.string(), text: z.string() }),
  event('StepStarted', { index: z.number(), title: z.string(), at: z.string() }),
  event('CallNotMade', { action: z.string(), reason: z.string() }),
  event('ExpectationChecked', { text: z.string(), spec: expectationSpecSchema, passed: z.boolean(), actual: z.string() }),
  event('CredentialsKept', { name: z.string(), accessKeyId: z.string() }),
  event('CredentialsNotKept', { name: z.string(), reason: z.string() }),
  /** `keep encoded-message as NAME`: the encoded authorization failure message of the step's denial (EC2's) */
  event('EncodedMessageKept', { name: z.string(), message: z.string() }),
  event('EncodedMessageNotKept', { name: z.string(), reason: z.string() }),
  /**
   * a request `simulate serve` answered with an error before the engine could decide it (a missing
   * or bad signature, an unreadable request, a body over the limit): no step, no call
   */
  event('RequestRefused', {
    method: z.string(),
    path: z.string(),
    service: z.string(),
    code: z.string(),
    message: z.string(),
    from: z.string(),
    at: z.string(),
  }),
] as const;
