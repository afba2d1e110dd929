// A call a workload makes — code in a Lambda function, or a program on an EC2 instance — is signed
// with the session the service got for it by assuming the role through its trust policy:
// - Lambda assumes the function's execution role as lambda.amazonaws.com, with the function's name as
//   session name (arn:aws:sts::ACCOUNT:assumed-role/ROLE/FUNCTION, third party: bluesentry/bucket-
//   antivirus-function#109) and aws:SourceArn / aws:SourceAccount of the function (AWS does not
//   document them for this AssumeRole; re:Post answers scope Lambda trust policies with them);
// - EC2 assumes the instance profile's role as ec2.amazonaws.com, with the instance ID as session
//   name (IAM User Guide "IAM policy elements: Variables and tags", principal key values: aws:userid
//   is role-id:ec2-instance-id), and the program reads the credentials from the instance metadata
//   service (Amazon EC2 User Guide "IAM roles for Amazon EC2"); AWS does not document aws:SourceArn
//   or aws:SourceAccount for it, and iamsim sends neither;
// - ECS assumes the task role as ecs-tasks.amazonaws.com, and the container's SDK gets the
//   credentials from the ECS agent's endpoint (Amazon ECS Developer Guide "Amazon ECS task IAM
//   role"). The session name is the task's ID and aws:SourceArn the task's ARN: AWS does not
//   document either (the page's trust policy conditions on aws:SourceAccount and on aws:SourceArn
//   arn:aws:ecs:REGION:ACCOUNT:*, which the task's ARN matches).
// The session is a hop of the step (workload-call.ts), as a pod's SDK gets its credentials.
import type { CallCommand, CallerRef } from '../call/command.js';
import { materialize } from '../call/params.js';
import { callRecord } from '../call/record.js';
import { NO_CREDENTIALS } from '../eks/sdk-chain.js';
import type { World } from '../world.js';
import type { ObtainWorkloadCredentials } from './commands.js';
import type { ServicesEvent } from './events.js';
import { EC2_PRINCIPAL, ECS_TASKS_PRINCIPAL, LAMBDA_PRINCIPAL, type Ec2Instance, type EcsTask, type LambdaFunction } from './state.js';

export type WorkloadRef = Extract<CallerRef, { kind: 'workload' }>;

/** The key a workload's credentials are kept under: `function ACCOUNT/NAME`, `instance ACCOUNT/NAME`, `task ACCOUNT/FAMILY`. */
export const workloadKey = (ref: Pick<WorkloadRef, 'of' | 'account' | 'name'>): string => `${ref.of} ${ref.account}/${ref.name}`;

export function findFunction(ref: Pick<WorkloadRef, 'account' | 'name'>, world: World): LambdaFunction | null {
  return Object.values(world.services.functions).find((f) => f.account === ref.account && f.name === ref.name) ?? null;
}

/** By Name tag or ID; the latest launched when several share a name. */
export function findInstance(ref: Pick<WorkloadRef, 'account' | 'name'>, world: World): Ec2Instance | null {
  const all = Object.values(world.services.instances).filter(
    (i) => i.account === ref.account && (i.name === ref.name || i.id === ref.name),
  );
  return all[all.length - 1] ?? null;
}

/** By family or ID; the latest started when several tasks run the family. */
export function findTask(ref: Pick<WorkloadRef, 'account' | 'name'>, world: World): EcsTask | null {
  const all = Object.values(world.services.tasks).filter((t) => t.account === ref.account && (t.family === ref.name || t.id === ref.name));
  return all[all.length - 1] ?? null;
}

/** A task's call: ECS assumes its task role, or the container finds no credentials. */
function decideTaskCall(ref: WorkloadRef, world: World, fail: (note: string) => ServicesEvent[]): ServicesEvent[] {
  const task = findTask(ref, world);
  if (task === null) return fail(`no task of family ${ref.name} runs in account ${ref.account}, so nothing makes the call`);
  if (task.taskRole === null) {
    // without a task role ECS sets no AWS_CONTAINER_CREDENTIALS_RELATIVE_URI; on EC2 the container
    // could fall back to the instance's role, which iamsim does not model (a task runs as on Fargate)
    return fail(`task ${task.id} has no task role: the ECS agent serves its containers no credentials, so the SDK finds none`);
  }
  const notes = [
    `the SDK gets credentials from the ECS agent (AWS_CONTAINER_CREDENTIALS_RELATIVE_URI): ECS assumes task role ${task.taskRole} of task ${task.id} (${task.family}) as ${ECS_TASKS_PRINCIPAL}, session name ${task.id}`,
  ];
  return [
    {
      type: 'WorkloadSessionRequested',
      data: {
        workload: workloadKey(ref),
        service: ECS_TASKS_PRINCIPAL,
        roleArn: task.taskRole,
        sessionName: task.id,
        sourceArn: task.arn,
        sourceAccount: task.account,
        notes,
      },
    },
  ];
}

export function workloadRecord(ref: WorkloadRef) {
  return {
    kind: 'workload' as const,
    arn: 'anonymous', // nothing signs the request yet
    account: ref.account,
    credentials: 'none' as const,
    accessKeyId: null,
    label: workloadKey(ref),
  };
}

export function decideWorkloadCall(command: CallCommand, world: World): ServicesEvent[] {
  const ref = command.data.caller;
  if (ref.kind !== 'workload') throw new Error('bug: a workload call without a workload');
  const key = workloadKey(ref);
  const fail = (code: 'ResourceNotFoundException' | 'CredentialsProviderError', message: string, note: string): ServicesEvent[] => {
    const call = callRecord(command.data, world, {
      caller: workloadRecord(ref),
      params: materialize(command.data.params, world),
      resource: command.data.resource,
      error: { code, message },
      notes: [note],
    });
    return [{ type: 'WorkloadCallFailed', data: { workload: key, call } }];
  };
  if (ref.of === 'function') {
    const fn = findFunction(ref, world);
    if (fn === null) {
      const arn = `arn:aws:lambda:${command.data.region}:${ref.account}:function:${ref.name}`;
      return fail(
        'ResourceNotFoundException',
        `Function not found: ${arn}`,
        `no function ${ref.name} exists, so no code runs to make the call (Lambda's Invoke answers so)`,
      );
    }
    const notes = [
      `Lambda runs function ${fn.name} with its execution role ${fn.role}: it assumes the role as ${LAMBDA_PRINCIPAL}, session name ${fn.name}`,
    ];
    return [
      {
        type: 'WorkloadSessionRequested',
        data: {
          workload: key,
          service: LAMBDA_PRINCIPAL,
          roleArn: fn.role,
          sessionName: fn.name,
          sourceArn: fn.arn,
          sourceAccount: fn.account,
          notes,
        },
      },
    ];
  }
  if (ref.of === 'task') return decideTaskCall(ref, world, (note) => fail('CredentialsProviderError', NO_CREDENTIALS, note));
  const instance = findInstance(ref, world);
  if (instance === null) {
    return fail(
      'CredentialsProviderError',
      NO_CREDENTIALS,
      `no instance ${ref.name} runs in account ${ref.account}, so nothing makes the call`,
    );
  }
  const profile = instance.profile === null ? undefined : world.iam.instanceProfiles[instance.profile];
  const role = profile?.roles[0];
  if (role === undefined) {
    const why =
      instance.profile === null
        ? `instance ${instance.id} has no instance profile`
        : profile === undefined
          ? `instance profile ${instance.profile} no longer exists`
          : `instance profile ${profile.name} holds no role`;
    return fail(
      'CredentialsProviderError',
      NO_CREDENTIALS,
      `${why}: the instance metadata service has no credentials (iam/security-credentials/ is empty), so the SDK finds none`,
    );
  }
  const notes = [
    `the SDK reads credentials from the instance metadata service (iam/security-credentials/${role.slice(role.lastIndexOf('/') + 1)}): EC2 assumes role ${role} of instance profile ${profile!.name} as ${EC2_PRINCIPAL}, session name ${instance.id}`,
  ];
  return [
    {
      type: 'WorkloadSessionRequested',
      data: { workload: key, service: EC2_PRINCIPAL, roleArn: role, sessionName: instance.id, sourceArn: null, sourceAccount: null, notes },
    },
  ];
}

/** The credentials the session hop returned, as the workload now holds them. */
export function decideObtainWorkload(command: ObtainWorkloadCredentials, world: World): ServicesEvent[] {
  const creds = world.scenario.lastCall?.response?.['Credentials'] as { AccessKeyId?: unknown } | undefined;
  const session = typeof creds?.AccessKeyId === 'string' ? world.sts.sessions[creds.AccessKeyId] : undefined;
  if (session === undefined) {
    const ref = command.data.call.caller;
    if (ref.kind !== 'workload' || ref.of === 'function') return []; // the refused session is the step's outcome
    // EC2 could not assume the role: the metadata service reports AssumeRoleUnauthorizedAccess at
    // iam/info (AWS-observed: aws/amazon-ecs-agent#5134) and serves no credentials, so the SDK finds
    // none (aws/aws-cli#2060). ECS likewise: its agent has no credentials for the task (what its
    // endpoint answers, AWS does not document), and the SDK's container provider finds none.
    const why =
      ref.of === 'instance'
        ? 'EC2 could not assume the role (the hop above): the instance metadata service reports AssumeRoleUnauthorizedAccess at iam/info and has no credentials, so the SDK finds none and the call never leaves the instance'
        : 'ECS could not assume the task role (the hop above): the ECS agent has no credentials for the task, so the SDK finds none and the call never leaves the container';
    const call = callRecord(command.data.call, world, {
      caller: workloadRecord(ref),
      params: materialize(command.data.call.params, world),
      resource: command.data.call.resource,
      error: { code: 'CredentialsProviderError', message: NO_CREDENTIALS },
      notes: [why],
    });
    return [{ type: 'WorkloadCallFailed', data: { workload: command.data.workload, call } }];
  }
  return [
    {
      type: 'WorkloadCredentialsObtained',
      data: { workload: command.data.workload, accessKeyId: session.accessKeyId, expiration: session.expiration },
    },
  ];
}
