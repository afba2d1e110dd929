// Writing and reading the event log: JSON Lines (.jsonl) or YAML (.yaml/.yml).
import type { LoggedEvent } from '../engine/events.js';
import { EventLogError, LOG_HEADER } from './log-format.js';

export { EventLogError };

function kind(file: string): 'jsonl' | 'yaml' {
  if (/\.jsonl$/i.test(file)) return 'jsonl';
  if (/\.ya?ml$/i.test(file)) return 'yaml';
  throw new EventLogError(`${file}: an event log must end in .jsonl, .yaml or .yml`);
}

/** The log of a run: its header (the format and its version), then the events, one per line or list item. */
export async function serialiseEvents(events: readonly LoggedEvent[], file: string): Promise<string> {
  if (kind(file) === 'jsonl') return [LOG_HEADER, ...events].map((e) => JSON.stringify(e)).join('\n') + '\n';
  const { stringify } = await import('yaml');
  return stringify([LOG_HEADER, ...events], { aliasDuplicateObjects: false, lineWidth: 0 });
}

/** The events of a log, checked against the log's schema (loaded only here: a run never needs it). */
export async function parseEvents(text: string, file: string): Promise<LoggedEvent[]> {
  kind(file);
  const { readLog } = await import('./read-log.js');
  return readLog(text, file);
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
  events: readonly LoggedEvent[],
  file: string,
  args: { readonly explain: boolean; readonly format: string },
): void {
  const first = events[0];
  if (first?.type !== 'ScenarioStarted' || first.data.detail !== false || !(args.explain || args.format === 'markdown')) return;
  const what = args.format === 'markdown' ? 'the Markdown walkthrough' : '--explain';
  throw new EventLogError(
    `${file}: error: ${what} needs the full detail of every evaluation, and this event log was written without it (ScenarioStarted has detail: false); run the scenario again with --events, which always records it`,
  );
}
