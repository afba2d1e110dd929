// A log edited by hand must still hold together (docs/event-log.md, "Reading a log"): a function
// or instance an event names must have been created by an earlier event.
import { describe, expect, it } from 'vitest';
import { checkConsistency } from '../../src/cli/log-consistency.js';
import type { LoggedEvent } from '../../src/engine/events.js';

const ev = (type: string, data: object): LoggedEvent => ({ type, data, meta: {} }) as unknown as LoggedEvent;
const started = ev('ScenarioStarted', {});
const account = ev('AccountCreated', { id: '111111111111', name: 'Dev' });
const fn = { arn: 'arn:aws:lambda:us-east-1:111111111111:function:f', name: 'f', account: '111111111111', region: 'us-east-1', role: 'r' };

describe('functions and instances in a log', () => {
  it('accepts a function updated after it was created', () => {
    const log = [started, account, ev('FunctionCreated', { function: fn }), ev('FunctionUpdated', { arn: fn.arn, role: 'r2' })];
    expect(checkConsistency(log)).toBeNull();
  });

  it('refuses a function updated, or an instance associated, that no event created', () => {
    expect(checkConsistency([started, account, ev('FunctionUpdated', { arn: fn.arn, role: 'r2' })])?.text).toContain(
      'no event before it created that function',
    );
    const instance = 'arn:aws:ec2:us-east-1:111111111111:instance/i-00000000000000000';
    expect(checkConsistency([started, account, ev('InstanceProfileAssociated', { instance, profile: 'p' })])?.text).toContain(
      'no event before it created that instance',
    );
  });

  it('refuses a function in an account the log never created', () => {
    expect(checkConsistency([started, ev('FunctionCreated', { function: fn })])?.path).toEqual(['data', 'function', 'account']);
  });
});

describe('ECS task definitions and tasks in a log', () => {
  const definition = {
    arn: 'arn:aws:ecs:us-east-1:111111111111:task-definition/worker:1',
    family: 'worker',
    revision: 1,
    account: '111111111111',
    region: 'us-east-1',
    taskRole: null,
    executionRole: null,
  };
  const task = {
    arn: 'arn:aws:ecs:us-east-1:111111111111:task/default/0123456789abcdef0123456789abcdef',
    id: '0123456789abcdef0123456789abcdef',
    cluster: 'default',
    family: 'worker',
    taskDefinition: definition.arn,
    account: '111111111111',
    region: 'us-east-1',
    taskRole: null,
    executionRole: null,
  };

  it('accepts a task started from a task definition registered before it', () => {
    const log = [started, account, ev('TaskDefinitionRegistered', { taskDefinition: definition }), ev('TaskStarted', { task })];
    expect(checkConsistency(log)).toBeNull();
  });

  it('refuses a task whose task definition no event registered, and a task definition in an account never created', () => {
    const orphan = checkConsistency([started, account, ev('TaskStarted', { task })]);
    expect(orphan?.path).toEqual(['data', 'task', 'taskDefinition']);
    expect(orphan?.text).toContain('no event before it created that task definition');
    expect(checkConsistency([started, ev('TaskDefinitionRegistered', { taskDefinition: definition })])?.path).toEqual([
      'data',
      'taskDefinition',
      'account',
    ]);
  });
});
