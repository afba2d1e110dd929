// A workload's call, as a workflow (like a pod's, eks/pod-call.ts): once the service that runs the
// workload says which role it takes, the service's sts:AssumeRole (a hop, as the service principal,
// with the workload as its source), then the workload keeps the credentials it returned, then the
// call itself, signed with them. Lambda's requests carry lambda:SourceFunctionArn (AWS Lambda
// Developer Guide "Using source function ARN to control function access behavior"), an instance's
// ec2:SourceInstanceARN (IAM User Guide "AWS global condition context keys").
import type { CallCommand, CallData } from '../call/command.js';
import type { EngineCommand } from '../events.js';
import type { Workflow } from '../workflow.js';
import type { World } from '../world.js';
import { findFunction, findInstance } from './workload.js';

export const workloadCall: Workflow = {
  react(event, world, step) {
    switch (event.type) {
      case 'WorkloadSessionRequested': {
        const d = event.data;
        const call = stepCall(step).data;
        const hop: CallData = {
          caller: { kind: 'service', service: d.service, sourceAccount: d.sourceAccount, sourceArn: d.sourceArn },
          action: 'sts:AssumeRole',
          resource: null,
          params: { RoleArn: { t: 'text', v: d.roleArn }, RoleSessionName: { t: 'text', v: d.sessionName } },
          context: {},
          region: call.region,
        };
        return [
          { command: { type: 'Call', data: hop }, hop: true },
          { command: { type: 'ObtainWorkloadCredentials', data: { workload: d.workload, call } }, hop: false },
        ];
      }
      case 'WorkloadCredentialsObtained': {
        const call = stepCall(step);
        const ref = call.data.caller;
        if (ref.kind !== 'workload') return [];
        const context = { ...sourceKeys(ref, world), ...call.data.context };
        return [{ command: { type: 'Call', data: { ...call.data, caller: { ...ref, signed: true }, context } }, hop: false }];
      }
      default:
        return [];
    }
  },
};

function sourceKeys(ref: Extract<CallData['caller'], { kind: 'workload' }>, world: World): Record<string, string> {
  if (ref.of === 'function') {
    const fn = findFunction(ref, world);
    return fn === null ? {} : { 'lambda:SourceFunctionArn': fn.arn };
  }
  // a task's requests carry no source key of their own (AWS documents none for ECS tasks)
  if (ref.of === 'task') return {};
  const instance = findInstance(ref, world);
  return instance === null ? {} : { 'ec2:SourceInstanceARN': instance.arn };
}

function stepCall(step: EngineCommand): CallCommand {
  if (step.type !== 'Call') throw new Error(`bug: a workload's session in a ${step.type} step`);
  return step;
}
