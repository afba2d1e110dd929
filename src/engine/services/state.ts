// The workloads AWS services run with a role: Lambda functions (by ARN), EC2 instances (by ARN),
// ECS task definitions and the tasks run from them (by ARN), and the credentials each workload's
// service obtained for it in its latest step.
import type { LogType } from '../log-type.js';
import type { ec2InstanceSchema, ecsTaskDefinitionSchema, ecsTaskSchema, lambdaFunctionSchema } from './schema.js';

export type LambdaFunction = LogType<typeof lambdaFunctionSchema>;
export type Ec2Instance = LogType<typeof ec2InstanceSchema>;
export type EcsTaskDefinition = LogType<typeof ecsTaskDefinitionSchema>;
export type EcsTask = LogType<typeof ecsTaskSchema>;

export interface ServicesState {
  functions: Record<string, LambdaFunction>;
  instances: Record<string, Ec2Instance>;
  taskDefinitions: Record<string, EcsTaskDefinition>;
  tasks: Record<string, EcsTask>;
  /** the access key ID of the session each workload (by its key: workloadKey) got in its latest step */
  credentials: Record<string, string>;
}

export const initialServicesState: ServicesState = { functions: {}, instances: {}, taskDefinitions: {}, tasks: {}, credentials: {} };

export const LAMBDA_PRINCIPAL = 'lambda.amazonaws.com';
export const EC2_PRINCIPAL = 'ec2.amazonaws.com';
/** the principal that assumes an ECS task's roles (Amazon ECS Developer Guide "Amazon ECS task IAM role") */
export const ECS_TASKS_PRINCIPAL = 'ecs-tasks.amazonaws.com';

export const functionArn = (region: string, account: string, name: string): string =>
  `arn:aws:lambda:${region}:${account}:function:${name}`;
export const instanceArn = (region: string, account: string, id: string): string => `arn:aws:ec2:${region}:${account}:instance/${id}`;
export const taskDefinitionArn = (region: string, account: string, family: string, revision: number): string =>
  `arn:aws:ecs:${region}:${account}:task-definition/${family}:${revision}`;
export const taskArn = (region: string, account: string, cluster: string, id: string): string =>
  `arn:aws:ecs:${region}:${account}:task/${cluster}/${id}`;
