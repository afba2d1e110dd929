import type { CallData } from '../call/command.js';

// The services' commands: a Lambda function, an EC2 instance or an instance profile as a scenario
// declares them (the resolver resolves every reference to an ARN), and the workflow's command
// after a workload's service got it a session.

export type ServicesCommand =
  | {
      readonly type: 'DeclareFunction';
      readonly data: { readonly name: string; readonly account: string; readonly region: string; readonly role: string };
    }
  | {
      readonly type: 'DeclareInstance';
      readonly data: { readonly name: string; readonly account: string; readonly region: string; readonly profile: string | null };
    }
  | {
      /** an instance profile (IAM's InstanceProfileCreated, and RoleAddedToInstanceProfile with a role) */
      readonly type: 'DeclareInstanceProfile';
      readonly data: {
        readonly arn: string;
        readonly name: string;
        readonly path: string;
        readonly account: string;
        readonly role: string | null;
      };
    };

/** The workflow's command after the session hop: the workload keeps the credentials it returned. */
export interface ObtainWorkloadCredentials {
  readonly type: 'ObtainWorkloadCredentials';
  readonly data: { readonly workload: string; readonly call: CallData };
}
