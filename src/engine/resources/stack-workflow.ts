// CloudFormation creating a stack, as a workflow: once CreateStack is allowed, CloudFormation makes
// the calls of the stack's plan (stack.ts) one after the other, each a `Call` the engine routes to
// the service's decider (IAM carries out iam:CreateRole), and stops at the first that fails; then
// the stack is created or has failed. Without RoleARN the calls carry the caller's credentials (a
// forward access session, with aws:CalledVia); with it, CloudFormation first assumes the role
// (session AWSCloudFormation) and signs them with that session.
import type { CallRecord } from '../call-record.js';
import type { CallCommand, CallData, CallerRef } from '../call/command.js';
import { materialize } from '../call/params.js';
import type { AnyEvent, EngineCommand } from '../events.js';
import type { FollowUp, Workflow } from '../workflow.js';
import type { World } from '../world.js';
import { CLOUDFORMATION, isCreateStack, readStack, STACK_SESSION_NAME, type StackPlan } from './stack.js';

export const stackCreation: Workflow = {
  react(event, world, step) {
    if (step.type !== 'Call' || !isCreateStack(step.data.action)) return [];
    const call = callOf(event);
    if (call === null) return [];
    if (call.onBehalf === undefined) {
      // the step's own CreateStack, allowed
      if (event.type !== 'RequestAllowed' || !isCreateStack(call.action)) return [];
      const plan = planOf(step, world, call);
      if (plan.roleArn !== null) return [{ command: assumeStackRole(step.data, plan.roleArn), hop: true }];
      return next(plan, 0, step.data, step.data.caller, 'caller');
    }
    if (call.onBehalf.services[0] !== CLOUDFORMATION) return [];
    const plan = planOf(step, world, call);
    if (call.onBehalf.index === undefined) {
      // CloudFormation's AssumeRole on the stack's role
      if (event.type === 'RoleAssumed') {
        const session: CallerRef = {
          kind: 'session',
          accessKeyId: event.data.session.accessKeyId,
          label: 'CloudFormation',
        };
        return next(plan, 0, step.data, session, 'service');
      }
      // AWS refuses CreateStack itself with this ValidationError; iamsim assumes the role after it
      return complete(plan, 0, {
        logicalId: plan.name,
        type: 'AWS::CloudFormation::Stack',
        reason: `Role ${plan.roleArn} is invalid or cannot be assumed`,
      });
    }
    const index = call.onBehalf.index;
    const planned = plan.calls[index];
    if (planned === undefined) throw new Error(`bug: stack ${plan.name} has no call ${index}`);
    if (call.outcome !== 'allowed')
      return complete(plan, index, { logicalId: planned.logicalId, type: planned.type, reason: failure(call) });
    const caller: CallerRef =
      call.onBehalf.credentials === 'caller'
        ? step.data.caller
        : { kind: 'session', accessKeyId: call.caller.accessKeyId ?? '', label: call.caller.label };
    return next(plan, index + 1, step.data, caller, call.onBehalf.credentials);
  },
};

function callOf(event: AnyEvent): CallRecord | null {
  switch (event.type) {
    case 'RequestAllowed':
    case 'RequestDenied':
    case 'RequestFailed':
    case 'RoleAssumed':
    case 'AssumeRoleDenied':
    case 'AssumeRoleFailed':
    case 'StsCallFailed':
      return event.data.call;
    default:
      return null;
  }
}

/**
 * The stack the step asks for, read again from its parameters as CreateStack read them, in the
 * account of `call`'s caller: the step's caller, or CloudFormation's session on the stack's role,
 * which is of the same account (a role of another account cannot be passed: IAM User Guide "Grant
 * a user permissions to pass a role to an AWS service"); CloudFormation's own AssumeRole has no
 * account, and the role's ARN names it.
 */
function planOf(step: CallCommand, world: World, call: CallRecord): StackPlan {
  const params = materialize(step.data.params, world);
  const role = typeof params['RoleARN'] === 'string' ? params['RoleARN'] : '';
  const account = call.caller.account ?? role.split(':')[4] ?? '';
  const read = readStack(params, account, step.data.region, world);
  if (!read.ok) throw new Error(`bug: an allowed CreateStack has no stack: ${read.message}`);
  return read.plan;
}

/** CloudFormation's sts:AssumeRole on the stack's role, as the service principal. */
function assumeStackRole(step: CallData, roleArn: string): CallCommand {
  return {
    type: 'Call',
    data: {
      caller: { kind: 'service', service: CLOUDFORMATION, sourceAccount: null, sourceArn: null },
      action: 'sts:AssumeRole',
      resource: null,
      params: { RoleArn: { t: 'text', v: roleArn }, RoleSessionName: { t: 'text', v: STACK_SESSION_NAME } },
      context: {},
      region: step.region,
      onBehalf: { services: [CLOUDFORMATION], credentials: 'service' },
    },
  };
}

/** The stack's call at `index`, or the stack's outcome when there is none left. */
function next(plan: StackPlan, index: number, step: CallData, caller: CallerRef, credentials: 'caller' | 'service'): FollowUp[] {
  const planned = plan.calls[index];
  if (planned === undefined) return complete(plan, index, null);
  const params: CallData['params'] = Object.fromEntries(
    Object.entries(planned.params).map(([k, v]) => [k, typeof v === 'string' ? { t: 'text' as const, v } : { t: 'json' as const, v }]),
  );
  const command: EngineCommand = {
    type: 'Call',
    data: {
      caller,
      action: planned.action,
      resource: null,
      params,
      context: step.context,
      region: step.region,
      onBehalf: { services: [CLOUDFORMATION], credentials, index },
    },
  };
  return [{ command, hop: true }];
}

function complete(plan: StackPlan, done: number, failed: { logicalId: string; type: string; reason: string } | null): FollowUp[] {
  const resources: { logicalId: string; type: string; physicalId: string }[] = [];
  for (const c of plan.calls.slice(0, done)) {
    if (failed !== null && c.logicalId === failed.logicalId) continue;
    if (!resources.some((r) => r.logicalId === c.logicalId))
      resources.push({ logicalId: c.logicalId, type: c.type, physicalId: c.physicalId });
  }
  const { name, stackId, account, region, roleArn } = plan;
  return [{ command: { type: 'CompleteStack', data: { stackId, name, account, region, roleArn, resources, failed } }, hop: false }];
}

/**
 * CloudFormation's status reason for a resource whose call failed: for a denial, `API: ACTION
 * MESSAGE` (observed in stack events, aws-solutions/aws-waf-security-automations#33); for another
 * error, the service's code and message (AWS's exact wording for these is not documented).
 */
function failure(call: CallRecord): string {
  const error = call.error ?? { code: 'unknown', message: '' };
  return call.outcome === 'denied' ? `API: ${call.action} ${error.message}` : `${error.message} (Error Code: ${error.code})`;
}
