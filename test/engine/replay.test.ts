import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { replay } from '../../src/engine/run.js';
import { project } from '../../src/trace/project.js';
import { sim } from '../resolve/run.js';

describe('the event log is the only truth', () => {
  const source = readFileSync('scenarios/cross-account.iam', 'utf8');

  it('replaying the events rebuilds the same world', () => {
    const { events, world } = sim(source);
    expect(replay(events)).toEqual(world);
  });

  it('events survive a JSON round trip unchanged, and project to the same trace', () => {
    const { events, trace } = sim(source);
    const copy = JSON.parse(JSON.stringify(events));
    expect(copy).toEqual(events);
    expect(project(copy)).toEqual(trace);
  });

  it('events are past-tense facts with their step and source position as metadata', () => {
    const { events } = sim(source);
    const assumed = events.find((e) => e.type === 'RoleAssumed');
    expect(assumed?.meta).toEqual({ step: 1, line: 33, col: 3 });
    expect(Object.keys(assumed?.data ?? {})).toEqual(['call', 'session']);
    expect(events.map((e) => e.type)).toContain('ClockAdvanced');
  });

  it('the same scenario always yields the same events', () => {
    expect(JSON.stringify(sim(source).events)).toBe(JSON.stringify(sim(source).events));
  });
});

describe("a stack's calls, made by a workflow, are in the log like any call", () => {
  // scenarios/called-via.iam: CloudFormation creating a stack's resources (resources/stack-workflow.ts)
  const source = readFileSync('scenarios/called-via.iam', 'utf8');

  it('replaying the events rebuilds the same world, stacks, secrets and the roles the stacks created included', () => {
    const { events, world } = sim(source);
    const rebuilt = replay(events);
    expect(rebuilt).toEqual(world);
    expect(Object.values(rebuilt.resources.stacks).map((s) => [s.name, s.status])).toEqual([
      ['app', 'CREATE_COMPLETE'],
      ['app-with-role', 'CREATE_COMPLETE'],
      ['half-built', 'CREATE_FAILED'],
    ]);
    expect(rebuilt.iam.roles['arn:aws:iam::111111111111:role/app-via-stack']).toBeDefined();
  });

  it('events survive a JSON round trip unchanged, and project to the same trace', () => {
    const { events, trace } = sim(source);
    const copy = JSON.parse(JSON.stringify(events));
    expect(copy).toEqual(events);
    expect(project(copy)).toEqual(trace);
  });
});
