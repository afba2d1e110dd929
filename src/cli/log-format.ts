// What an event log is: a header that names the format and its version, then one event per line
// (JSON Lines) or per list item (YAML). Version 1 is the format described in docs/event-log.md; a
// log without a header, as the first release wrote them, is read as version 1.

export const LOG_FORMAT = 'iamsim-events';
export const LOG_VERSION = 1;

/** The first line (JSON Lines) or list item (YAML) of every log this version writes. */
export const LOG_HEADER = { format: LOG_FORMAT, version: LOG_VERSION } as const;

/** A log that cannot be read: the message says where and why. */
export class EventLogError extends Error {}
