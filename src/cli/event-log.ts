// Writing and reading the event log: JSON Lines (.jsonl) or YAML (.yaml/.yml).
import type { LoggedEvent } from '../engine/events.js';
import { isEventType } from '../engine/deciders.js';

export class EventLogError extends Error {}

function kind(file: string): 'jsonl' | 'yaml' {
  if (/\.jsonl$/i.test(file)) return 'jsonl';
  if (/\.ya?ml$/i.test(file)) return 'yaml';
  throw new EventLogError(`${file}: an event log must end in .jsonl, .yaml or .yml`);
}

export async function serialiseEvents(events: readonly LoggedEvent[], file: string): Promise<string> {
  if (kind(file) === 'jsonl') return events.map((e) => JSON.stringify(e)).join('\n') + '\n';
  const { stringify } = await import('yaml');
  return stringify(events, { aliasDuplicateObjects: false, lineWidth: 0 });
}

export async function parseEvents(text: string, file: string): Promise<LoggedEvent[]> {
  let items: unknown[];
  if (kind(file) === 'jsonl') {
    items = [];
    const lines = text.split('\n');
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!.trim();
      if (line === '') continue;
      try {
        items.push(JSON.parse(line));
      } catch (e) {
        throw new EventLogError(`${file}:${i + 1}:1: error: not a JSON event (${(e as Error).message})`);
      }
    }
  } else {
    const { parse } = await import('yaml');
    let doc: unknown;
    try {
      doc = parse(text);
    } catch (e) {
      throw new EventLogError(`${file}: error: not valid YAML (${(e as Error).message.split('\n')[0]})`);
    }
    if (!Array.isArray(doc)) throw new EventLogError(`${file}: error: an event log is a YAML list of events`);
    items = doc;
  }
  items.forEach((item, i) => {
    const e = item as { type?: unknown; data?: unknown; meta?: unknown };
    if (
      e === null || typeof e !== 'object' || typeof e.type !== 'string' || !isEventType(e.type) ||
      e.data === null || typeof e.data !== 'object' || e.meta === null || typeof e.meta !== 'object'
    ) {
      throw new EventLogError(`${file}: error: event ${i + 1} is not an iamsim event (expected { type, data, meta } with a known type)`);
    }
  });
  if ((items[0] as { type?: string } | undefined)?.type !== 'ScenarioStarted') {
    throw new EventLogError(`${file}: error: an event log starts with ScenarioStarted`);
  }
  return items as LoggedEvent[];
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
export function requireDetail(events: readonly LoggedEvent[], file: string, args: { readonly explain: boolean; readonly format: string }): void {
  const first = events[0];
  if (first?.type !== 'ScenarioStarted' || first.data.detail !== false || !(args.explain || args.format === 'markdown')) return;
  const what = args.format === 'markdown' ? 'the Markdown walkthrough' : '--explain';
  throw new EventLogError(
    `${file}: error: ${what} needs the full detail of every evaluation, and this event log was written without it (ScenarioStarted has detail: false); run the scenario again with --events, which always records it`,
  );
}
