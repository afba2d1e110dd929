// Commands and events are `{ type, data }`; the engine adds metadata (step index, source
// location) beside them, never inside `data`.
import type { metaSchema } from './event-schema.js';
import type { LogType } from './log-type.js';

/** A position in a scenario's source text (the parser's syntax tree carries it on every node). */
export interface Loc {
  readonly line: number; // 1-based
  readonly col: number; // 1-based
  readonly offset: number; // 0-based character offset into the file
}

/** The step, and the line and column of the source; derived from its schema in event-schema.ts. */
export type Meta = LogType<typeof metaSchema>;

export interface Envelope<T> {
  readonly event: T;
  readonly meta: Meta;
}

export function metaOf(step: number | undefined, loc: Loc | undefined): Meta {
  const meta: { step?: number; line?: number; col?: number } = {};
  if (step !== undefined) meta.step = step;
  if (loc) {
    meta.line = loc.line;
    meta.col = loc.col;
  }
  return meta;
}
