// docs/event-log.md describes every event type of the log's schema, and no other.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EVENT_TYPES } from '../../src/engine/log-schema.js';

describe('docs/event-log.md', () => {
  const doc = readFileSync('docs/event-log.md', 'utf8');
  const listed = new Set(
    [...doc.matchAll(/^\| (`[A-Za-z]+`(?:, `[A-Za-z]+`)*) \|/gm)].flatMap((m) => m[1]!.split(', ').map((t) => t.slice(1, -1))),
  );

  it('lists every event type, and only those', () => {
    expect([...listed].filter((t) => /^[A-Z]/.test(t)).sort()).toEqual([...EVENT_TYPES].sort());
  });
});
