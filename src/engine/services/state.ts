// The workloads AWS services run with a role: Lambda functions (by ARN) and EC2 instances (by ARN),
// and the credentials each workload's service obtained for it in its latest step.
import type { LogType } from '../log-type.js';
import type { ec2InstanceSchema, lambdaFunctionSchema } from './schema.js';

export type LambdaFunction = LogType<typeof lambdaFunctionSchema>;
export type Ec2Instance = LogType<typeof ec2InstanceSchema>;

export interface ServicesState {
  functions: Record<string, LambdaFunction>;
  instances: Record<string, Ec2Instance>;
  /** the access key ID of the session each workload (by its key: workloadKey) got in its latest step */
  credentials: Record<string, string>;
}

export const initialServicesState: ServicesState = { functions: {}, instances: {}, credentials: {} };

export const LAMBDA_PRINCIPAL = 'lambda.amazonaws.com';
export const EC2_PRINCIPAL = 'ec2.amazonaws.com';

export const functionArn = (region: string, account: string, name: string): string =>
  `arn:aws:lambda:${region}:${account}:function:${name}`;
export const instanceArn = (region: string, account: string, id: string): string => `arn:aws:ec2:${region}:${account}:instance/${id}`;
