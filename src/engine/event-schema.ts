// How an event's schema is written: `{ type, data }`, nothing else (the log adds `meta` beside them).
import * as z from 'zod/mini';

export function event<T extends string, D extends z.core.$ZodLooseShape>(type: T, data: D) {
  return z.strictObject({ type: z.literal(type), data: z.strictObject(data) });
}

/** Where in the scenario an event came from: the step, and the line and column of its source. */
export const metaSchema = z.strictObject({
  step: z.optional(z.number()),
  line: z.optional(z.number()),
  col: z.optional(z.number()),
});
