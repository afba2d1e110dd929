// Schemas of the services' events: the Lambda functions and EC2 instances that calls create or
// a scenario declares, the ECS task definitions and tasks that calls register and run, and the credentials a workload's service obtains for it.
import * as z from 'zod/mini';
import { callRecordSchema } from '../call-record-schema.js';
import { event } from '../event-schema.js';

export const lambdaFunctionSchema = z.strictObject({
  arn: z.string(), // arn:aws:lambda:REGION:ACCOUNT:function:NAME
  name: z.string(),
  account: z.string(),
  region: z.string(),
  role: z.string(), // the execution role's ARN
});

export const ec2InstanceSchema = z.strictObject({
  arn: z.string(), // arn:aws:ec2:REGION:ACCOUNT:instance/i-…
  id: z.string(), // i- and 17 hexadecimal digits
  name: z.string(), // its Name tag, or its ID
  account: z.string(),
  region: z.string(),
  profile: z.nullable(z.string()), // the instance profile's ARN
});

export const ecsTaskDefinitionSchema = z.strictObject({
  arn: z.string(), // arn:aws:ecs:REGION:ACCOUNT:task-definition/FAMILY:REVISION
  family: z.string(),
  revision: z.number(), // 1, 2, … per family
  account: z.string(),
  region: z.string(),
  taskRole: z.nullable(z.string()), // the task role's ARN (taskRoleArn)
  executionRole: z.nullable(z.string()), // the task execution role's ARN (executionRoleArn)
});

export const ecsTaskSchema = z.strictObject({
  arn: z.string(), // arn:aws:ecs:REGION:ACCOUNT:task/CLUSTER/ID
  id: z.string(), // 32 hexadecimal digits
  cluster: z.string(), // the cluster's name
  family: z.string(),
  taskDefinition: z.string(), // the task definition's ARN
  account: z.string(),
  region: z.string(),
  taskRole: z.nullable(z.string()), // the task definition's, or the override's
  executionRole: z.nullable(z.string()),
});

/** A function, an instance or a task, as a step's `as function A/N` / `as instance A/N` names it. */
const workload = { workload: z.string() };

export const servicesEvents = [
  event('FunctionCreated', { function: lambdaFunctionSchema }),
  event('FunctionUpdated', { arn: z.string(), role: z.string() }),
  event('InstanceLaunched', { instance: ec2InstanceSchema }),
  event('InstanceProfileAssociated', { instance: z.string(), profile: z.string() }),
  event('TaskDefinitionRegistered', { taskDefinition: ecsTaskDefinitionSchema }),
  event('TaskStarted', { task: ecsTaskSchema }),
  // a workload's call: the service that runs it gets it credentials first (services/workload-call.ts)
  event('WorkloadSessionRequested', {
    ...workload,
    service: z.string(),
    roleArn: z.string(),
    sessionName: z.string(),
    sourceArn: z.nullable(z.string()),
    sourceAccount: z.nullable(z.string()),
    notes: z.array(z.string()),
  }),
  event('WorkloadCallFailed', { ...workload, call: callRecordSchema }),
  event('WorkloadCredentialsObtained', { ...workload, accessKeyId: z.string(), expiration: z.string() }),
] as const;
