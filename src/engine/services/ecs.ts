// Amazon ECS's RegisterTaskDefinition and RunTask (Amazon ECS API Reference; a JSON protocol API,
// so its parameters are lower camel case). A task definition names the roles ECS hands its tasks:
// taskRoleArn, the role the containers' code gets credentials of (Amazon ECS Developer Guide
// "Amazon ECS task IAM role", https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-iam-roles.html),
// and executionRoleArn, the role ECS's agent uses to pull images and send logs ("Amazon ECS task
// execution IAM role", https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_execution_IAM_role.html).
// Both trust ecs-tasks.amazonaws.com, and handing either to ECS needs the caller's iam:PassRole:
// - RegisterTaskDefinition passes both (a denial is AccessDeniedException with IAM's wording,
//   AWS-observed: wellcomecollection/platform#374);
// - RunTask passes the task's roles again, the task definition's or the overrides' ("If your
//   scheduled tasks require the use of the task execution role, a task role, or a task role
//   override, then you must add iam:PassRole permissions for each", Amazon ECS Developer Guide
//   "Amazon ECS EventBridge IAM Role", https://docs.aws.amazon.com/AmazonECS/latest/developerguide/CWE_IAM_role.html;
//   AWS-observed: LBHackney-IT/Data-Platform#1992).
// iam:PassedToService is ecs-tasks.amazonaws.com (the policy of that page conditions on it);
// iam:AssociatedResourceArn is not sent: AWS does not document that ECS fills it. ECS does not
// check the trust policy when it registers or runs: a task whose role does not trust
// ecs-tasks.amazonaws.com runs, and its code finds no credentials (workload.ts).
import type { EvaluationRecord } from '../call-record.js';
import type { ServiceApi, ServiceOutcome, ServiceRequest } from './types.js';
import { authorizePassRole } from '../call/pass-role.js';
import { taskId } from './ids.js';
import { ECS_TASKS_PRINCIPAL, taskArn, taskDefinitionArn, type EcsTask, type EcsTaskDefinition } from './state.js';

const DEFAULT_CLUSTER = 'default';

function missing(member: string) {
  // ECS's answer to a missing required member is not documented (an SDK refuses the request before
  // sending it): the JSON protocol's validation wording, as Lambda answers it
  return {
    code: 'ValidationException' as const,
    message: `1 validation error detected: Value null at '${member}' failed to satisfy constraint: Member must not be null`,
    note: 'ECS refuses the request before authorizing it',
  };
}

/** A role given by name or ARN ("The short name or full Amazon Resource Name (ARN)"): its ARN. */
function roleArn(raw: unknown, account: string): string | null {
  if (typeof raw !== 'string' || raw === '') return null;
  return raw.startsWith('arn:') ? raw : `arn:aws:iam::${account}:role/${raw}`;
}

/** The task definition `taskDefinition` names (FAMILY, FAMILY:REVISION or its ARN): the latest ACTIVE revision of a family. */
function findTaskDefinition(req: ServiceRequest, spec: string): EcsTaskDefinition | null {
  const all = Object.values(req.world.services.taskDefinitions);
  if (spec.startsWith('arn:')) {
    // a task definition of another account or Region is not one ECS runs here
    const d = req.world.services.taskDefinitions[spec];
    return d !== undefined && d.account === req.account && d.region === req.region ? d : null;
  }
  const colon = spec.lastIndexOf(':');
  const [family, revision] = colon > 0 ? [spec.slice(0, colon), Number(spec.slice(colon + 1))] : [spec, null];
  const mine = all.filter((d) => d.account === req.account && d.region === req.region && d.family === family);
  if (revision !== null) return mine.find((d) => d.revision === revision) ?? null;
  return mine.reduce<EcsTaskDefinition | null>((latest, d) => (latest === null || d.revision > latest.revision ? d : latest), null);
}

/** The ARN RunTask is authorized on: the task definition's (its latest revision when none is named). */
function runTaskResource(req: ServiceRequest, spec: string): string {
  const found = findTaskDefinition(req, spec);
  if (found) return found.arn;
  if (spec.startsWith('arn:')) return spec;
  const colon = spec.lastIndexOf(':');
  // no such task definition: the family's ARN with the revision named, or * (ECS then answers ClientException)
  return `arn:aws:ecs:${req.region}:${req.account}:task-definition/${colon > 0 ? spec : `${spec}:*`}`;
}

interface Passed {
  readonly notes: string[];
  readonly evaluations: EvaluationRecord[];
}

/** iam:PassRole of each role handed to ECS, in order; the first refusal fails the call. */
function passRoles(req: ServiceRequest, roles: readonly (readonly [string, string | null])[]): ServiceOutcome | Passed {
  const notes: string[] = [];
  const evaluations: EvaluationRecord[] = [];
  for (const [what, role] of roles) {
    if (role === null) continue;
    const passed = authorizePassRole(
      { who: req.who, role, service: ECS_TASKS_PRINCIPAL, associated: null, region: req.region, stepContext: req.stepContext },
      req.world,
    );
    if (passed.evaluation !== null) evaluations.push(passed.evaluation);
    notes.push(`${what}: ${passed.note}`);
    if (passed.message !== null) {
      return {
        ok: false,
        code: 'AccessDeniedException',
        message: passed.message,
        notes,
        denied: { decision: passed.decision, evaluations },
      };
    }
    if (req.world.iam.roles[role] === undefined) {
      // AWS-observed for a role ECS cannot use (fabfuel/ecs-deploy#231, aws-samples/aws-modern-application-workshop#272)
      return {
        ok: false,
        code: 'ClientException',
        message: 'Role is not valid',
        notes: [...notes, `no role ${role} exists (whether ECS checks iam:PassRole before it looks the role up, AWS does not document)`],
      };
    }
  }
  return { notes, evaluations };
}

function describeTaskDefinition(d: EcsTaskDefinition): Record<string, unknown> {
  return {
    taskDefinitionArn: d.arn,
    family: d.family,
    revision: d.revision,
    ...(d.taskRole === null ? {} : { taskRoleArn: d.taskRole }),
    ...(d.executionRole === null ? {} : { executionRoleArn: d.executionRole }),
    status: 'ACTIVE',
  };
}

function nextRevision(req: ServiceRequest, family: string): number {
  const revisions = Object.values(req.world.services.taskDefinitions)
    .filter((d) => d.account === req.account && d.region === req.region && d.family === family)
    .map((d) => d.revision);
  return Math.max(0, ...revisions) + 1;
}

export const ECS_APIS: Readonly<Record<string, ServiceApi>> = {
  'ecs:RegisterTaskDefinition': {
    address(req) {
      const family = req.params['family'];
      if (typeof family !== 'string' || family === '') return missing('family');
      if (!Array.isArray(req.params['containerDefinitions'])) return missing('containerDefinitions');
      return { resource: taskDefinitionArn(req.region, req.account, family, nextRevision(req, family)) };
    },
    apply(req) {
      const family = req.params['family'] as string;
      const taskRole = roleArn(req.params['taskRoleArn'], req.account);
      const executionRole = roleArn(req.params['executionRoleArn'], req.account);
      const passed = passRoles(req, [
        ['the task role (taskRoleArn)', taskRole],
        ['the task execution role (executionRoleArn)', executionRole],
      ]);
      if ('ok' in passed) return passed;
      const revision = nextRevision(req, family);
      const definition: EcsTaskDefinition = {
        arn: taskDefinitionArn(req.region, req.account, family, revision),
        family,
        revision,
        account: req.account,
        region: req.region,
        taskRole,
        executionRole,
      };
      return {
        ok: true,
        events: [{ type: 'TaskDefinitionRegistered', data: { taskDefinition: definition } }],
        response: { taskDefinition: describeTaskDefinition(definition) },
        ...passed,
      };
    },
  },
  'ecs:RunTask': {
    // Service Authorization Reference, Amazon ECS: RunTask's resource type is task-definition
    address(req) {
      const spec = req.params['taskDefinition'];
      if (typeof spec !== 'string' || spec === '') return missing('taskDefinition');
      return { resource: runTaskResource(req, spec) };
    },
    apply(req) {
      const spec = req.params['taskDefinition'] as string;
      const definition = findTaskDefinition(req, spec);
      if (definition === null) {
        // AWS-observed: Cloud-CV/EvalAI#2419 (CreateService), remind101/empire#353
        return {
          ok: false,
          code: 'ClientException',
          message: 'TaskDefinition not found.',
          notes: [`no task definition ${spec} is registered in account ${req.account}, ${req.region}`],
        };
      }
      const overrides = typeof req.params['overrides'] === 'object' && req.params['overrides'] !== null ? req.params['overrides'] : {};
      const o = overrides as Record<string, unknown>;
      const taskRole = roleArn(o['taskRoleArn'], req.account) ?? definition.taskRole;
      const executionRole = roleArn(o['executionRoleArn'], req.account) ?? definition.executionRole;
      const from = (key: string) =>
        typeof o[key] === 'string' ? 'its override' : `task definition ${definition.family}:${definition.revision}`;
      const passed = passRoles(req, [
        [`the task role, from ${from('taskRoleArn')}`, taskRole],
        [`the task execution role, from ${from('executionRoleArn')}`, executionRole],
      ]);
      if ('ok' in passed) return passed;
      const rawCluster = req.params['cluster'];
      const cluster =
        typeof rawCluster === 'string' && rawCluster !== '' ? rawCluster.slice(rawCluster.lastIndexOf('/') + 1) : DEFAULT_CLUSTER;
      const ordinal = Object.values(req.world.services.tasks).filter((t) => t.account === req.account).length;
      const id = taskId(req.world.scenario.seed, req.account, ordinal);
      const task: EcsTask = {
        arn: taskArn(req.region, req.account, cluster, id),
        id,
        cluster,
        family: definition.family,
        taskDefinition: definition.arn,
        account: req.account,
        region: req.region,
        taskRole,
        executionRole,
      };
      const overridden = Object.fromEntries(
        (['taskRoleArn', 'executionRoleArn'] as const)
          .filter((k) => typeof o[k] === 'string')
          .map((k) => [k, k === 'taskRoleArn' ? taskRole : executionRole]),
      );
      const response = {
        tasks: [
          {
            taskArn: task.arn,
            clusterArn: `arn:aws:ecs:${req.region}:${req.account}:cluster/${cluster}`,
            taskDefinitionArn: definition.arn,
            group: `family:${definition.family}`,
            lastStatus: 'PROVISIONING',
            overrides: overridden,
          },
        ],
        failures: [],
      };
      return { ok: true, events: [{ type: 'TaskStarted', data: { task } }], response, ...passed };
    },
  },
};
