// Amazon ECS: RegisterTaskDefinition and RunTask hand ECS a task role and a task execution role, so
// they authorize the caller's iam:PassRole on each with iam:PassedToService ecs-tasks.amazonaws.com;
// a task's code calls with a session of its task role, which ECS assumes. Sources: Amazon ECS
// Developer Guide "Amazon ECS task IAM role" (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-iam-roles.html),
// "Amazon ECS task execution IAM role" (task_execution_IAM_role.html), "Amazon ECS EventBridge IAM
// Role" (CWE_IAM_role.html: RunTask needs iam:PassRole for each task execution role, task role or
// task role override); IAM User Guide "Grant a user permissions to pass a role to an AWS service"
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html); Service
// Authorization Reference, Amazon ECS (RunTask on task-definition); the AWS-observed error texts
// named in each test.
import { describe, expect, it } from 'vitest';
import type { CallerRef, ParamValue } from '../../src/engine/call/command.js';
import type { AnyCommand, AnyEvent } from '../../src/engine/events.js';
import type { World } from '../../src/engine/world.js';
import { account, DEV, given, inline, PROD, role, start, user, when } from './given.js';

const WORKER = `arn:aws:iam::${PROD}:role/worker`;
const EXEC = `arn:aws:iam::${PROD}:role/exec`;
const ADMIN = `arn:aws:iam::${PROD}:role/admin`;
const BATCH = `arn:aws:iam::${PROD}:role/batch`;
const DANA = `arn:aws:iam::${PROD}:user/dana`;
const EVE = `arn:aws:iam::${PROD}:user/eve`;
const OLIVER = `arn:aws:iam::${PROD}:user/oliver`;
const TD = `arn:aws:ecs:us-east-1:${PROD}:task-definition/app:1`;
const trusts = (service: string) => ({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' }],
});
const containers = [{ name: 'app', image: 'busybox' }];

function callOf(caller: CallerRef, action: string, params: Record<string, unknown>): AnyCommand {
  const p: Record<string, ParamValue> = {};
  for (const [k, v] of Object.entries(params)) p[k] = typeof v === 'string' ? { t: 'text', v } : { t: 'json', v };
  return { type: 'Call', data: { caller, action, resource: null, params: p, context: {}, region: 'us-east-1' } };
}
const dana: CallerRef = { kind: 'user', arn: DANA };
const eve: CallerRef = { kind: 'user', arn: EVE };
const oliver: CallerRef = { kind: 'user', arn: OLIVER };
const register = (caller: CallerRef, params: Record<string, unknown>) =>
  callOf(caller, 'ecs:RegisterTaskDefinition', { containerDefinitions: containers, ...params });
const registerApp = register(dana, { family: 'app', taskRoleArn: WORKER, executionRoleArn: EXEC });

const base = (): AnyCommand[] => [
  start(),
  account(PROD, 'Prod'),
  account(DEV, 'Dev'),
  role(PROD, 'worker', trusts('ecs-tasks.amazonaws.com')),
  role(PROD, 'exec', trusts('ecs-tasks.amazonaws.com')),
  role(PROD, 'admin', trusts('ecs-tasks.amazonaws.com')),
  role(PROD, 'batch', trusts('batch.amazonaws.com')),
  role(DEV, 'other', trusts('ecs-tasks.amazonaws.com')),
  user(PROD, 'dana'),
  inline(DANA, 'Open', [
    { Effect: 'Allow', Action: ['ecs:*'], Resource: '*' },
    {
      Effect: 'Allow',
      Action: 'iam:PassRole',
      Resource: '*',
      Condition: { StringEquals: { 'iam:PassedToService': 'ecs-tasks.amazonaws.com' } },
    },
  ]),
  user(PROD, 'eve'),
  inline(EVE, 'NoPass', [{ Effect: 'Allow', Action: ['ecs:*'], Resource: '*' }]),
  user(PROD, 'oliver'),
  inline(OLIVER, 'TaskRoleOnly', [
    { Effect: 'Allow', Action: ['ecs:*'], Resource: '*' },
    { Effect: 'Allow', Action: 'iam:PassRole', Resource: WORKER },
  ]),
];
const world = (...more: AnyCommand[]): World => given([...base(), ...more]);

function outcome(events: AnyEvent[]) {
  const e = events.find((x) => x.type === 'RequestAllowed' || x.type === 'RequestDenied' || x.type === 'RequestFailed');
  if (!e || !('call' in e.data)) throw new Error('no request outcome');
  return e.data.call;
}

const denial = (who: string, roleArn: string) =>
  `User: ${who} is not authorized to perform: iam:PassRole on resource: ${roleArn} because no identity-based policy allows the iam:PassRole action`;

describe('ecs:RegisterTaskDefinition', () => {
  it('registers revision 1 after the call and iam:PassRole on both roles (iam:PassedToService ecs-tasks.amazonaws.com) are allowed', () => {
    const events = when(world(), registerApp);
    const call = outcome(events);
    expect(call.outcome).toBe('allowed');
    expect(call.resource).toBe(TD);
    expect(call.evaluations.map((e) => [e.action, e.resource])).toEqual([
      ['ecs:RegisterTaskDefinition', TD],
      ['iam:PassRole', WORKER],
      ['iam:PassRole', EXEC],
    ]);
    expect(call.response).toEqual({
      taskDefinition: { taskDefinitionArn: TD, family: 'app', revision: 1, taskRoleArn: WORKER, executionRoleArn: EXEC, status: 'ACTIVE' },
    });
    expect(events.find((e) => e.type === 'TaskDefinitionRegistered')?.data).toEqual({
      taskDefinition: { arn: TD, family: 'app', revision: 1, account: PROD, region: 'us-east-1', taskRole: WORKER, executionRole: EXEC },
    });
  });

  it('numbers the revisions of a family 1, 2, …, and takes a role by its short name', () => {
    const call = outcome(when(world(registerApp), register(dana, { family: 'app', taskRoleArn: 'worker' })));
    expect(call.resource).toBe(`arn:aws:ecs:us-east-1:${PROD}:task-definition/app:2`);
    expect(call.response).toMatchObject({ taskDefinition: { revision: 2, taskRoleArn: WORKER } });
  });

  it("fails with ECS's AccessDeniedException and IAM's wording when iam:PassRole is not allowed (wellcomecollection/platform#374)", () => {
    const events = when(world(), register(eve, { family: 'app', taskRoleArn: WORKER }));
    const call = outcome(events);
    expect(call.outcome).toBe('denied');
    expect(call.error).toEqual({ code: 'AccessDeniedException', message: denial(EVE, WORKER) });
    expect(events.some((e) => e.type === 'TaskDefinitionRegistered')).toBe(false);
  });

  it('passes the execution role too: a caller who may pass only the task role is refused on executionRoleArn', () => {
    const call = outcome(when(world(), register(oliver, { family: 'app', taskRoleArn: WORKER, executionRoleArn: EXEC })));
    expect(call.error).toEqual({ code: 'AccessDeniedException', message: denial(OLIVER, EXEC) });
    expect(call.evaluations.map((e) => e.evaluation.decision)).toEqual(['Allow', 'Allow', 'ImplicitDeny']);
  });

  it('a role of another account cannot be passed (IAM User Guide: PassRole does not pass a cross-account role)', () => {
    const call = outcome(when(world(), register(dana, { family: 'app', taskRoleArn: `arn:aws:iam::${DEV}:role/other` })));
    expect(call.error?.code).toBe('AccessDeniedException');
  });

  it("a role that does not exist: ClientException 'Role is not valid' (AWS-observed: fabfuel/ecs-deploy#231)", () => {
    const call = outcome(when(world(), register(dana, { family: 'app', taskRoleArn: `arn:aws:iam::${PROD}:role/ghost` })));
    expect(call.error).toEqual({ code: 'ClientException', message: 'Role is not valid' });
  });

  it('ECS checks no trust policy: a task role that trusts AWS Batch is registered', () => {
    expect(outcome(when(world(), register(dana, { family: 'app', taskRoleArn: BATCH }))).outcome).toBe('allowed');
  });

  it('family and containerDefinitions are required: a ValidationException before authorization', () => {
    const noFamily = outcome(when(world(), register(dana, {})));
    expect(noFamily.error?.code).toBe('ValidationException');
    expect(noFamily.error?.message).toContain("'family'");
    expect(noFamily.evaluations).toEqual([]);
    const noContainers = outcome(when(world(), callOf(dana, 'ecs:RegisterTaskDefinition', { family: 'app' })));
    expect(noContainers.error?.message).toContain("'containerDefinitions'");
  });
});

describe('ecs:RunTask', () => {
  const runs = (caller: CallerRef, params: Record<string, unknown>) => callOf(caller, 'ecs:RunTask', params);

  it("is authorized on the task definition's ARN, passes its roles again, and starts a task with a 32-hex ID", () => {
    const events = when(world(registerApp), runs(dana, { taskDefinition: 'app', cluster: `arn:aws:ecs:us-east-1:${PROD}:cluster/jobs` }));
    const call = outcome(events);
    expect(call.outcome).toBe('allowed');
    expect(call.resource).toBe(TD);
    expect(call.evaluations.map((e) => e.action)).toEqual(['ecs:RunTask', 'iam:PassRole', 'iam:PassRole']);
    const started = events.find((e) => e.type === 'TaskStarted');
    if (started?.type !== 'TaskStarted') throw new Error('no task');
    const task = started.data.task;
    expect(task.id).toMatch(/^[0-9a-f]{32}$/);
    expect(task).toMatchObject({
      arn: `arn:aws:ecs:us-east-1:${PROD}:task/jobs/${task.id}`,
      cluster: 'jobs',
      family: 'app',
      taskRole: WORKER,
    });
    // the same seed and history give the same ID
    expect(when(world(registerApp), runs(dana, { taskDefinition: 'app' })).find((e) => e.type === 'TaskStarted')).toMatchObject({
      data: { task: { id: task.id, cluster: 'default' } },
    });
  });

  it('names the task definition by family:revision or ARN', () => {
    expect(outcome(when(world(registerApp), runs(dana, { taskDefinition: 'app:1' }))).outcome).toBe('allowed');
    expect(outcome(when(world(registerApp), runs(dana, { taskDefinition: TD }))).outcome).toBe('allowed');
  });

  it("an override's role is passed: AccessDeniedException when the caller may not pass it", () => {
    const w = world(register(dana, { family: 'app', taskRoleArn: WORKER }));
    expect(outcome(when(w, runs(oliver, { taskDefinition: 'app' }))).outcome).toBe('allowed');
    const call = outcome(when(w, runs(oliver, { taskDefinition: 'app', overrides: { taskRoleArn: ADMIN } })));
    expect(call.error).toEqual({ code: 'AccessDeniedException', message: denial(OLIVER, ADMIN) });
  });

  it("the task definition's roles are passed again (LBHackney-IT/Data-Platform#1992): a caller without iam:PassRole cannot run it", () => {
    const call = outcome(when(world(registerApp), runs(eve, { taskDefinition: 'app' })));
    expect(call.error).toEqual({ code: 'AccessDeniedException', message: denial(EVE, WORKER) });
  });

  it("a task definition never registered: ClientException 'TaskDefinition not found.' (AWS-observed: Cloud-CV/EvalAI#2419)", () => {
    const call = outcome(when(world(registerApp), runs(dana, { taskDefinition: 'app:7' })));
    expect(call.resource).toBe(`arn:aws:ecs:us-east-1:${PROD}:task-definition/app:7`);
    expect(call.error).toEqual({ code: 'ClientException', message: 'TaskDefinition not found.' });
  });

  it('taskDefinition is required: a ValidationException before authorization', () => {
    expect(outcome(when(world(), runs(dana, {}))).error?.code).toBe('ValidationException');
  });
});

describe('a task calls', () => {
  const taskCaller = (name: string): CallerRef => ({ kind: 'workload', of: 'task', account: PROD, name });
  const running = (family: string, taskRoleArn?: string) =>
    world(register(dana, { family, ...(taskRoleArn ? { taskRoleArn } : {}) }), callOf(dana, 'ecs:RunTask', { taskDefinition: family }));

  it('with a session ECS asks for as ecs-tasks.amazonaws.com: the task ID as session name, the task ARN and account as its source', () => {
    const w = running('app', WORKER);
    const task = Object.values(w.services.tasks)[0]!;
    const events = when(w, callOf(taskCaller('app'), 's3:ListAllMyBuckets', {}));
    expect(events[0]).toMatchObject({
      type: 'WorkloadSessionRequested',
      data: { service: 'ecs-tasks.amazonaws.com', roleArn: WORKER, sessionName: task.id, sourceArn: task.arn, sourceAccount: PROD },
    });
    // by its ID too
    expect(when(w, callOf(taskCaller(task.id), 's3:ListAllMyBuckets', {}))[0]?.type).toBe('WorkloadSessionRequested');
  });

  it('no task of the family runs: CredentialsProviderError', () => {
    const events = when(world(), callOf(taskCaller('ghost'), 's3:ListAllMyBuckets', {}));
    expect(events[0]?.type === 'WorkloadCallFailed' && events[0].data.call.error).toEqual({
      code: 'CredentialsProviderError',
      message: 'Could not load credentials from any providers',
    });
  });

  it('a task without a task role has no credentials: CredentialsProviderError', () => {
    const events = when(running('bare'), callOf(taskCaller('bare'), 's3:ListAllMyBuckets', {}));
    expect(events[0]?.type === 'WorkloadCallFailed' && events[0].data.call.error?.code).toBe('CredentialsProviderError');
  });
});

describe('ecs:RunTask across accounts', () => {
  it("another account's task definition: ECS has no resource-based policies, so the request is denied", () => {
    const theirs = `arn:aws:ecs:us-east-1:${DEV}:task-definition/app:1`;
    const call = outcome(when(world(registerApp), callOf(dana, 'ecs:RunTask', { taskDefinition: theirs })));
    expect(call.resource).toBe(theirs);
    expect(call.outcome).toBe('denied');
    expect(call.error?.code).toBe('AccessDeniedException');
  });
});
