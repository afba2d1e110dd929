// Schemas for what the policy library returns and a call record keeps: the evaluation of a request
// and its full detail. src/policy knows nothing of event logs, so its types stay its own and are
// checked here, at compile time, to be exactly what these schemas accept.
import * as z from 'zod/mini';
import type { ContextValue, Decision, Evaluation, EvaluationDetail } from '../policy/index.js';
import type { Assert, LogType, Same } from './log-type.js';

/** A policy document exactly as IAM stores it: any JSON object. */
export const policyDocumentSchema = z.record(z.string(), z.unknown());

export const decisionSchema = z.enum(['Allow', 'ExplicitDeny', 'ImplicitDeny']);
export const contextValueSchema = z.union([z.string(), z.array(z.string())]);

const policyTypeSchema = z.enum(['identity', 'resource', 'trust', 'boundary', 'session-policy', 'scp', 'rcp', 'vpc-endpoint']);
const principalHowSchema = z.enum(['direct', 'role', 'userOfFederated', 'account']);

const policyVerdictSchema = z.strictObject({
  type: policyTypeSchema,
  name: z.string(),
  arn: z.optional(z.string()),
  level: z.optional(z.string()),
  verdict: z.enum(['Allow', 'Deny', 'NoMatch']),
  matched: z.array(
    z.strictObject({
      index: z.number(),
      sid: z.optional(z.string()),
      effect: z.enum(['Allow', 'Deny']),
      principalMatch: z.optional(principalHowSchema),
    }),
  ),
});

export const evaluationSchema = z.strictObject({
  decision: decisionSchema,
  decidedBy: z.nullable(z.strictObject({ type: policyTypeSchema, name: z.optional(z.string()) })),
  reason: z.string(),
  sameAccount: z.boolean(),
  policies: z.array(policyVerdictSchema),
  missingContextKeys: z.array(z.string()),
});

const statementDetailSchema = z.strictObject({
  index: z.number(),
  sid: z.optional(z.string()),
  effect: z.string(),
  matched: z.boolean(),
  never: z.optional(z.string()),
  action: z.optional(z.strictObject({ element: z.enum(['Action', 'NotAction']), matching: z.array(z.string()), matched: z.boolean() })),
  resource: z.optional(
    z.strictObject({
      element: z.enum(['Resource', 'NotResource']),
      values: z.array(z.strictObject({ value: z.string(), resolved: z.optional(z.nullable(z.string())), matches: z.boolean() })),
      matched: z.boolean(),
      rule: z.optional(z.string()),
    }),
  ),
  principal: z.optional(
    z.strictObject({
      element: z.nullable(z.enum(['Principal', 'NotPrincipal'])),
      values: z.array(z.strictObject({ type: z.string(), value: z.string(), match: z.nullable(principalHowSchema) })),
      matched: z.boolean(),
      how: z.optional(principalHowSchema),
      rule: z.optional(z.string()),
    }),
  ),
  conditions: z.optional(
    z.array(
      z.strictObject({
        operator: z.string(),
        key: z.string(),
        values: z.array(z.string()),
        resolved: z.optional(z.array(z.nullable(z.string()))),
        holds: z.boolean(),
        rule: z.optional(z.string()),
      }),
    ),
  ),
});

export const evaluationDetailSchema = z.strictObject({
  policies: z.array(
    z.strictObject({
      name: z.string(),
      level: z.optional(z.string()),
      statements: z.array(statementDetailSchema),
      sameAs: z.optional(z.number()),
    }),
  ),
  rules: z.array(
    z.strictObject({
      rule: z.enum([
        'special-case',
        'explicit-deny',
        'rcp',
        'scp',
        'vpc-endpoint',
        'resource',
        'identity',
        'boundary',
        'session-policy',
        'combine',
      ]),
      outcome: z.enum(['allows', 'denies', 'not-applicable', 'decides']),
      text: z.string(),
    }),
  ),
});

export type PolicyTypesMatchTheirSchemas = [
  Assert<Same<Decision, LogType<typeof decisionSchema>>>,
  Assert<Same<ContextValue, LogType<typeof contextValueSchema>>>,
  Assert<Same<Evaluation, LogType<typeof evaluationSchema>>>,
  Assert<Same<EvaluationDetail, LogType<typeof evaluationDetailSchema>>>,
];
