// Reading an event log: its items (one per JSON line or YAML list item), its header, and every event
// checked against the log's schema. A broken log gets one located message: the file, the line (and
// for YAML the column), the event's number and type, the field and what it should hold.
import type { LoggedEvent } from '../engine/events.js';
import { EVENT_TYPES, loggedEventSchemas } from '../engine/log-schema.js';
import { nearest } from '../errors.js';
import { isObject } from '../json/is-object.js';
import { checkConsistency } from './log-consistency.js';
import { EventLogError, LOG_FORMAT, LOG_VERSION } from './log-format.js';
import { describeFound, describeSchema, fieldPath, fieldsOf, schemaAt, valueAt } from './log-words.js';

interface Item {
  readonly value: unknown;
  /** 1-based line of a JSON Lines item; YAML lines are found only when a message needs one */
  readonly line: number | null;
}

export async function readLog(text: string, file: string): Promise<LoggedEvent[]> {
  const yaml = !/\.jsonl$/i.test(file);
  const items = yaml ? await yamlItems(text, file) : jsonItems(text, file);
  const where = async (index: number, path: readonly (string | number)[]): Promise<string> => {
    const line = items[index]?.line ?? null;
    if (line !== null) return `${file}:${line}:1`;
    if (!yaml) return file;
    const at = await yamlPosition(text, [index, ...path]);
    return at === null ? file : `${file}:${at.line}:${at.col}`;
  };
  const headed = header(items[0]?.value);
  if (headed !== null) {
    const problem = headerProblem(headed);
    if (problem !== null) throw new EventLogError(`${await where(0, [])}: error: ${problem}`);
  }
  const first = headed === null ? 0 : 1;
  const events: LoggedEvent[] = [];
  for (let i = first; i < items.length; i++) {
    const n = i - first + 1;
    const problem = eventProblem(items[i]!.value, i === first);
    if (problem !== null) throw new EventLogError(`${await where(i, problem.path)}: error: event ${n}${problem.text}`);
    events.push(items[i]!.value as LoggedEvent);
  }
  if (events.length === 0) throw new EventLogError(`${file}: error: an event log starts with ScenarioStarted`);
  const broken = checkConsistency(events);
  if (broken !== null) {
    const i = broken.index + first;
    const e = events[broken.index]!;
    throw new EventLogError(`${await where(i, broken.path)}: error: event ${broken.index + 1} (${e.type}): ${broken.text}`);
  }
  return events;
}

function jsonItems(text: string, file: string): Item[] {
  const items: Item[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '') continue;
    try {
      items.push({ value: JSON.parse(line), line: i + 1 });
    } catch (e) {
      throw new EventLogError(`${file}:${i + 1}:1: error: not a JSON event (${(e as Error).message})`);
    }
  }
  return items;
}

async function yamlItems(text: string, file: string): Promise<Item[]> {
  const { parse } = await import('yaml');
  let doc: unknown;
  try {
    doc = parse(text);
  } catch (e) {
    throw new EventLogError(`${file}: error: not valid YAML (${(e as Error).message.split('\n')[0]})`);
  }
  if (!Array.isArray(doc)) throw new EventLogError(`${file}: error: an event log is a YAML list of events`);
  return doc.map((value: unknown) => ({ value, line: null }));
}

/** Line and column of the YAML node at `path`, or of the nearest node above it that exists. */
async function yamlPosition(text: string, path: readonly (string | number)[]): Promise<{ line: number; col: number } | null> {
  const { LineCounter, parseDocument } = await import('yaml');
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter });
  for (let len = path.length; len > 0; len--) {
    const node: unknown = doc.getIn(path.slice(0, len), true);
    const range = (node as { range?: [number, number, number] } | undefined)?.range;
    if (range) return counter.linePos(range[0]);
  }
  return null;
}

function header(value: unknown): Record<string, unknown> | null {
  return isObject(value) && 'format' in value ? value : null;
}

function headerProblem(h: Record<string, unknown>): string | null {
  if (h['format'] !== LOG_FORMAT) {
    return `not an iamsim event log: its header names the format ${describeFound(h['format'])}, expected "${LOG_FORMAT}"`;
  }
  const version = h['version'];
  if (typeof version !== 'number')
    return `the header has no version number (expected { "format": "${LOG_FORMAT}", "version": ${LOG_VERSION} })`;
  if (version !== LOG_VERSION) {
    const newer = version > LOG_VERSION ? 'a later release of simulate wrote it' : 'no release of simulate writes it';
    return `this event log is version ${version} of the ${LOG_FORMAT} format, and this simulate reads version ${LOG_VERSION} only (${newer})`;
  }
  const extra = Object.keys(h).filter((k) => k !== 'format' && k !== 'version');
  if (extra.length > 0)
    return `the header has an unknown field "${extra[0]}" (a version ${LOG_VERSION} header is { "format": "${LOG_FORMAT}", "version": ${LOG_VERSION} })`;
  return null;
}

interface Problem {
  /** the message after "event N" */
  readonly text: string;
  readonly path: readonly (string | number)[];
}

function eventProblem(value: unknown, first: boolean): Problem | null {
  if (!isObject(value)) {
    return { text: ` is not an event: expected an object { type, data, meta }, found ${describeFound(value)}`, path: [] };
  }
  const type = (value as { type?: unknown }).type;
  if (type === undefined) {
    const what = 'format' in value ? 'a header, which only the first line of a log may be' : 'an object without a type';
    return { text: ` is not an event: expected { type, data, meta }, found ${what}`, path: [] };
  }
  if (typeof type !== 'string') return { text: `: type: expected the name of an event type, found ${describeFound(type)}`, path: ['type'] };
  const schema = loggedEventSchemas.get(type);
  if (schema === undefined) {
    return { text: `: unknown event type "${type}"${didYouMean(type, EVENT_TYPES)}`, path: ['type'] };
  }
  if (first && type !== 'ScenarioStarted') return { text: ` (${type}): an event log starts with ScenarioStarted`, path: ['type'] };
  const result = schema.safeParse(value);
  if (result.success) return null;
  const issues = result.error.issues;
  // a misspelt field is two problems: the field is missing, and its parent has an unknown one
  const issue = issues.find((i) => i.code === 'unrecognized_keys' && issues.some((m) => isMissingChild(m, i.path, value))) ?? issues[0]!;
  const more = issues.length - 1 - (issue === issues[0] ? 0 : 1);
  const tail = more > 0 ? ` (and ${more} more problem${more === 1 ? '' : 's'} in this event)` : '';
  return {
    text: ` (${type}): ${issueText(schema, value, issue)}${tail}`,
    path: keysOf(issue.path),
  };
}

function isMissingChild(m: Issue, parent: readonly PropertyKey[], event: unknown): boolean {
  const path = keysOf(m.path);
  return path.length === parent.length + 1 && parent.every((k, i) => k === path[i]) && valueAt(event, path).missing;
}

interface Issue {
  readonly code: string;
  readonly path: readonly PropertyKey[];
  readonly keys?: readonly string[];
}

function issueText(schema: Parameters<typeof schemaAt>[0], event: unknown, issue: Issue): string {
  const path = keysOf(issue.path);
  if (issue.code === 'unrecognized_keys' && issue.keys && issue.keys.length > 0) {
    const key = issue.keys[0]!;
    const known = fieldsOf(schemaAt(schema, event, path));
    const at = path.length === 0 ? 'the event' : fieldPath(path);
    return `${at} has an unknown field "${key}"${didYouMean(key, known)}`;
  }
  const found = valueAt(event, path);
  const expected = describeSchema(schemaAt(schema, event, path));
  if (found.missing) return `${fieldPath(path)} is missing (expected ${expected})`;
  return `${fieldPath(path)}: expected ${expected}, found ${describeFound(found.value)}`;
}

/** A zod issue's path as the log's keys (zod's symbol keys never occur in a log). */
function keysOf(path: readonly PropertyKey[]): (string | number)[] {
  return path.filter((k): k is string | number => typeof k !== 'symbol');
}

function didYouMean(word: string, candidates: readonly string[]): string {
  const near = nearest(word, candidates);
  return near === undefined ? '' : ` (did you mean "${near}"?)`;
}
