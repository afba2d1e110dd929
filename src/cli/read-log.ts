// Reading an event log: its items (one per JSON line or YAML list item), its header, and every event
// checked against the log's schema. A broken log gets one located message: the file, the line (and
// for YAML the column), the event's number and type, the field and what it should hold.
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import type { LoggedEvent } from '../engine/events.js';
import { EVENT_TYPES, loggedEventSchemas } from '../engine/log-schema.js';
import { nearest } from '../errors.js';
import { isObject } from '../json/is-object.js';
import { consistencyChecker } from './log-consistency.js';
import { EventLogError, LOG_FORMAT, LOG_VERSION } from './log-format.js';
import { describeFound, describeSchema, fieldPath, fieldsOf, schemaAt, valueAt } from './log-words.js';

interface Item {
  readonly value: unknown;
  /** 1-based line of a JSON Lines item; YAML lines are found only when a message needs one */
  readonly line: number | null;
}

/** Where a problem is: `file:line:col`, or the file. */
type Where = (item: Item | null, index: number, path: readonly (string | number)[]) => Promise<string>;

/** The events of a log's text, checked (the library API; a YAML log, which is read whole). */
export async function readLog(text: string, file: string): Promise<LoggedEvent[]> {
  const yaml = !/\.jsonl$/i.test(file);
  const items = yaml ? await yamlItems(text, file) : jsonItems(text.split('\n'), file);
  const where: Where = async (item, index, path) => {
    if (item?.line != null) return `${file}:${item.line}:1`;
    if (!yaml) return file;
    const at = await yamlPosition(text, [index, ...path]);
    return at === null ? file : `${file}:${at.line}:${at.col}`;
  };
  return (await checkItems(items, file, where, true)).events;
}

/** A log checked whole, whose events can be read again one at a time (a JSON Lines log is never held whole). */
export interface CheckedLog {
  events(): Iterable<LoggedEvent>;
}

/**
 * A log file, checked as readLog checks it (the same messages, the first problem the same one)
 * while it is read one line at a time, when it is JSON Lines; then `events()` reads it again, one
 * event at a time: replaying a long run's log holds one event, not the log. A YAML log is read whole.
 * `observe` sees each event of the first reading (the log is sound up to it).
 */
export async function checkLogFile(file: string, checkName: () => void, observe?: (event: LoggedEvent) => void): Promise<CheckedLog> {
  if (!/\.jsonl$/i.test(file)) {
    const text = readFileSync(file, 'utf8');
    checkName();
    const events = await readLog(text, file);
    if (observe) for (const e of events) observe(e);
    return { events: () => events };
  }
  const where: Where = async (item) => (item?.line != null ? `${file}:${item.line}:1` : file);
  const { headed } = await checkItems(jsonItems(fileLines(file), file), file, where, false, observe);
  return {
    *events() {
      let first = headed;
      for (const item of jsonItems(fileLines(file), file)) {
        if (first) first = false;
        else yield item.value as LoggedEvent;
      }
    },
  };
}

interface Found {
  readonly item: Item | null;
  readonly index: number;
  readonly path: readonly (string | number)[];
  readonly text: string;
}

/**
 * Checks a log's items in one pass. Its first problem is found in this order, as when every step
 * was a pass over the whole log: a line that is not JSON (thrown as it is read), then the header,
 * then the first event that breaks the schema, then the first that breaks the log's consistency.
 */
async function checkItems(
  items: Iterable<Item>,
  file: string,
  where: Where,
  keep: boolean,
  /** each event, while the log is sound so far */
  observe?: (event: LoggedEvent) => void,
): Promise<{ events: LoggedEvent[]; headed: boolean }> {
  const events: LoggedEvent[] = [];
  const consistency = consistencyChecker();
  let headed = false;
  let index = 0;
  let n = 0; // events
  let shape: Found | null = null; // the first header or schema problem
  let broken: Found | null = null; // the first inconsistency
  for (const item of items) {
    const i = index++;
    if (shape !== null) continue; // every line is still read as JSON
    if (i === 0) {
      const h = header(item.value);
      if (h !== null) {
        headed = true;
        const problem = headerProblem(h);
        if (problem !== null) shape = { item, index: i, path: [], text: problem };
        continue;
      }
    }
    n++;
    const problem = eventProblem(item.value, n === 1);
    if (problem !== null) {
      shape = { item, index: i, path: problem.path, text: `event ${n}${problem.text}` };
      continue;
    }
    const event = item.value as LoggedEvent;
    if (broken === null) {
      const found = consistency.add(event, n - 1);
      if (found !== null) broken = { item, index: i, path: found.path, text: `event ${n} (${event.type}): ${found.text}` };
    }
    if (keep) events.push(event);
    if (broken === null) observe?.(event);
  }
  if (shape !== null) throw new EventLogError(`${await where(shape.item, shape.index, shape.path)}: error: ${shape.text}`);
  if (n === 0) throw new EventLogError(`${file}: error: an event log starts with ScenarioStarted`);
  if (broken !== null) throw new EventLogError(`${await where(broken.item, broken.index, broken.path)}: error: ${broken.text}`);
  return { events, headed };
}

/** The JSON values of non-empty lines, numbered from 1; a line that is not JSON is a located error. */
function* jsonItems(lines: Iterable<string>, file: string): Generator<Item> {
  let i = 0;
  for (const raw of lines) {
    i++;
    const line = raw.trim();
    if (line === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (e) {
      throw new EventLogError(`${file}:${i}:1: error: not a JSON event (${(e as Error).message})`);
    }
    yield { value, line: i };
  }
}

/** A file's lines, as its text split at "\n" gives them, read a megabyte at a time. */
export function* fileLines(file: string): Generator<string> {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.allocUnsafe(1 << 20);
    let pieces: Buffer[] = []; // of the line being read
    for (;;) {
      const size = readSync(fd, buffer, 0, buffer.length, null);
      if (size === 0) break;
      const read = buffer.subarray(0, size);
      let start = 0;
      for (let nl = read.indexOf(10); nl !== -1; nl = read.indexOf(10, start)) {
        pieces.push(read.subarray(start, nl));
        yield text(pieces);
        pieces = [];
        start = nl + 1;
      }
      // the buffer is read into again: the rest of the line is copied
      if (start < size) pieces.push(Buffer.from(read.subarray(start)));
    }
    yield text(pieces);
  } finally {
    closeSync(fd);
  }
}

/** UTF-8 decoded by line is the file decoded whole: a newline byte is never part of a longer character. */
const text = (pieces: readonly Buffer[]): string =>
  pieces.length === 1 ? pieces[0]!.toString('utf8') : Buffer.concat(pieces).toString('utf8');

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
