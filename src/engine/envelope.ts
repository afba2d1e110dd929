// Commands and events are `{ type, data }`; the engine adds metadata (step index, source
// location) beside them, never inside `data`.

/** A position in a scenario's source text (the parser's syntax tree carries it on every node). */
export interface Loc {
  readonly line: number; // 1-based
  readonly col: number; // 1-based
  readonly offset: number; // 0-based character offset into the file
}

export interface Meta {
  readonly step?: number;
  readonly line?: number;
  readonly col?: number;
}

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
