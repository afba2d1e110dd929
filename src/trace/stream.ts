// A trace written as the run decides it: the projection folds each event, and a writer turns the
// head (the title and the world), each step or wait once complete, and the end (the summary) into
// text. A format that a writer renders streams: memory does not grow with the number of steps.
import type { LoggedEvent } from '../engine/events.js';
import type { TraceModel } from './model.js';
import { createProjection, type TraceItem } from './project.js';

/** A format written in parts; head + each item + end is the format's whole output. */
export interface TraceWriter {
  /** before the first item: the model's world is complete, its items and summary are not */
  head(model: TraceModel): string;
  item(item: TraceItem, model: TraceModel): string;
  /** after the last item: the model has its summary */
  end(model: TraceModel): string;
}

export interface TraceStream {
  add(event: LoggedEvent): void;
  /** writes the end; returns the model (its summary; its items only when kept) */
  finish(): TraceModel;
}

/** Projects events as they come and writes the trace through `writer` to `write`; `keep` keeps the items in the model too. */
export function traceStream(writer: TraceWriter, write: (text: string) => void, keep = false): TraceStream {
  let head: string | null = null;
  const writeHead = (model: TraceModel): void => {
    if (head !== null) return;
    head = writer.head(model);
    write(head);
  };
  const kept: TraceItem[] = [];
  const projection = createProjection((item, model) => {
    writeHead(model);
    write(writer.item(item, model));
    if (keep) kept.push(item);
  });
  return {
    add: (event) => projection.add(event),
    finish() {
      const model = projection.finish();
      writeHead(model);
      // the world is written before the first step; nothing after it may change it
      if (writer.head(model) !== head) throw new Error('bug: the world changed after the trace wrote it');
      write(writer.end(model));
      model.items.push(...kept);
      return model;
    },
  };
}

/**
 * Whether the world a trace shows is complete when its first item starts, as in every log a run
 * writes (declarations come first): then the trace streams. A log edited by hand may declare
 * something after a step; its trace shows the world of the whole log, so it is rendered whole.
 */
export function worldSettles(): { add(event: LoggedEvent): void; settled(): boolean } {
  const world = (model: TraceModel): string => JSON.stringify({ ...model, items: [], summary: null });
  let first: string | null = null;
  const projection = createProjection((_, model) => (first ??= world(model)));
  return {
    add: (event) => projection.add(event),
    settled() {
      const model = projection.finish();
      return first === null || first === world(model);
    },
  };
}

/** Indents every line of `text` but empty ones, and the first line unless `first` is false. */
export function indentLines(text: string, by: string, first = true): string {
  return text
    .split('\n')
    .map((line, i) => (line === '' || (i === 0 && !first) ? line : by + line))
    .join('\n');
}
