// The scenarios whose steps change IAM replay from their event log to the same world and the same
// trace (docs/architecture.md, "The event log"): the changes are events, and nothing else is kept.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { replay } from '../../src/engine/run.js';
import { project } from '../../src/trace/project.js';
import { sim } from '../resolve/run.js';

describe.each(['scenarios/iam-changes-and-sessions.iam', 'scenarios/escalation-create-access-key.iam'])('%s', (file) => {
  const source = readFileSync(file, 'utf8');

  it('replays its events to the same world, and its logged events to the same trace', () => {
    const { events, world, trace } = sim(source);
    expect(replay(events)).toEqual(world);
    expect(project(JSON.parse(JSON.stringify(events)))).toEqual(trace);
  });
});
