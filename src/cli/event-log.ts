// Writing and reading the event log: JSON Lines (.jsonl) or YAML (.yaml/.yml). A run writes its log
// as it goes (eventLogWriter): the header, then each event as the engine decides it.
import { closeSync, openSync, writeSync } from 'node:fs';
import type { LoggedEvent } from '../engine/events.js';
import { EventLogError, LOG_HEADER } from './log-format.js';
import type { CheckedLog } from './read-log.js';

export { EventLogError };

function kind(file: string): 'jsonl' | 'yaml' {
  if (/\.jsonl$/i.test(file)) return 'jsonl';
  if (/\.ya?ml$/i.test(file)) return 'yaml';
  throw new EventLogError(`${file}: an event log must end in .jsonl, .yaml or .yml`);
}

/** The log of a run: its header (the format and its version), then the events, one per line or list item. */
export async function serialiseEvents(events: readonly LoggedEvent[], file: string): Promise<string> {
  const entry = await logEntry(file);
  return [LOG_HEADER, ...events].map(entry).join('');
}

/**
 * How one entry of a log is written: a JSON line, or a YAML list item (the yaml library writes a
 * list as its items one after another, so a log written item by item is the list's YAML).
 */
async function logEntry(file: string): Promise<(entry: object) => string> {
  return entryWriter(kind(file), kind(file) === 'yaml' ? (await import('yaml')).stringify : null);
}

function entryWriter(format: 'jsonl' | 'yaml', stringify: typeof import('yaml').stringify | null): (entry: object) => string {
  if (format === 'jsonl') return (entry) => JSON.stringify(entry) + '\n';
  return (entry) => stringify!([entry], { aliasDuplicateObjects: false, lineWidth: 0 });
}

export interface EventLogWriter {
  /** writes an event (the file is created at the first) */
  write(event: LoggedEvent): void;
  /** writes what is buffered and closes the file (a run without events creates it with its header alone) */
  close(): void;
}

/**
 * A run's log written as the run goes, to `file`. Its name says the format, checked at the first
 * event (a scenario that cannot run says so first, as when the log was written after the run).
 */
export async function eventLogWriter(file: string): Promise<EventLogWriter> {
  const stringify = /\.ya?ml$/i.test(file) ? (await import('yaml')).stringify : null;
  let entry: ((entry: object) => string) | null = null;
  let fd: number | null = null;
  let buffer: string[] = [];
  let size = 0;
  const flush = (): void => {
    fd ??= openSync(file, 'w');
    writeSync(fd, buffer.join(''));
    buffer = [];
    size = 0;
  };
  const add = (text: string): void => {
    buffer.push(text);
    size += text.length;
    if (size >= 1 << 16) flush();
  };
  return {
    write(event) {
      if (entry === null) {
        entry = entryWriter(kind(file), stringify);
        add(entry(LOG_HEADER));
      }
      add(entry(event));
    },
    close() {
      if (entry === null) return;
      flush();
      closeSync(fd!);
    },
  };
}

/** The events of a log, checked against the log's schema (loaded only here: a run never needs it). */
export async function parseEvents(text: string, file: string): Promise<LoggedEvent[]> {
  kind(file);
  const { readLog } = await import('./read-log.js');
  return readLog(text, file);
}

/**
 * A log file checked whole, whose events are then read again one at a time (a JSON Lines log is
 * read a line at a time and never held: `simulate replay` and `simulate walk` of a long run).
 */
export async function checkedLog(file: string, observe?: (event: LoggedEvent) => void): Promise<CheckedLog> {
  const { checkLogFile } = await import('./read-log.js');
  return checkLogFile(file, () => kind(file), observe);
}

/**
 * Whether a run records every evaluation's full detail: `--explain` and the Markdown walkthrough
 * show it, and an event log is written complete, so that replay can show it too. Other runs leave
 * it out (it costs about half of a run); the choice is recorded in ScenarioStarted.
 */
export function needsDetail(args: { readonly explain: boolean; readonly format: string; readonly events: string | null }): boolean {
  return args.explain || args.format === 'markdown' || args.events !== null;
}

/** Replay cannot show detail that the run did not record, and says so rather than omit it. */
export function requireDetail(
  first: LoggedEvent | undefined,
  file: string,
  args: { readonly explain: boolean; readonly format: string },
): void {
  if (first?.type !== 'ScenarioStarted' || first.data.detail !== false || !(args.explain || args.format === 'markdown')) return;
  const what = args.format === 'markdown' ? 'the Markdown walkthrough' : '--explain';
  throw new EventLogError(
    `${file}: error: ${what} needs the full detail of every evaluation, and this event log was written without it (ScenarioStarted has detail: false); run the scenario again with --events, which always records it`,
  );
}
