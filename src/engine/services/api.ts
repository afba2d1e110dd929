// The calls of other services that hand a role to a service (Lambda, EC2, ECS): authorized as any request
// (resources/decide.ts, decideRequest, with the `address` hook naming the resource), then carried
// out by the service: iam:PassRole for the same caller (pass-role.ts), the service's own checks and
// errors, and the events that put the function or instance in the world.
import type { CallCommand } from '../call/command.js';
import type { IamEvent } from '../iam/events.js';
import { decideRequest, type ServiceAddressing } from '../resources/decide.js';
import type { ResourcesEvent } from '../resources/events.js';
import type { World } from '../world.js';
import type { ServicesEvent } from './events.js';
import { EC2_APIS } from './ec2.js';
import { ECS_APIS } from './ecs.js';
import { LAMBDA_APIS } from './lambda.js';
import { S3_APIS } from './s3.js';
import type { ServiceApi } from './types.js';
import { withEncodedMessage } from '../call/authorization-message.js';

const APIS: ReadonlyMap<string, ServiceApi> = new Map(
  Object.entries({ ...LAMBDA_APIS, ...EC2_APIS, ...ECS_APIS, ...S3_APIS }).map(([k, v]) => [k.toLowerCase(), v]),
);

/** Whether the engine carries out this action (lambda:CreateFunction …); the others are only authorized. */
export function isServiceApi(action: string): boolean {
  return APIS.has(action.toLowerCase());
}

export function serviceApiActions(): string[] {
  return Object.keys({ ...LAMBDA_APIS, ...EC2_APIS, ...ECS_APIS, ...S3_APIS });
}

export function decideServiceCall(command: CallCommand, world: World): (ServicesEvent | ResourcesEvent | IamEvent)[] {
  const api = APIS.get(command.data.action.toLowerCase());
  if (api === undefined) throw new Error(`bug: no service carries out ${command.data.action}`);
  const region = command.data.region;
  const stepContext = command.data.context;
  const { events, granted } = decideRequest(command, world, (params, who): ServiceAddressing => {
    const account = who.record.account;
    if (account === null) return { resource: null, keys: {}, notes: [], error: null };
    const a = api.address({ who, params, account, region, world, stepContext, resource: command.data.resource });
    if ('resource' in a) return { resource: a.resource, keys: {}, notes: [], error: null };
    return { resource: null, keys: {}, notes: [], error: { code: a.code, message: a.message, note: a.note } };
  });
  if (granted === null) return events;
  const call = granted.call;
  const account = granted.who.record.account;
  if (account === null) return events;
  const outcome = api.apply({
    who: granted.who,
    params: granted.params,
    account,
    region,
    world,
    stepContext,
    resource: command.data.resource,
  });
  if (!outcome.ok) {
    const error = { code: outcome.code, message: outcome.message };
    const notes = [...call.notes, ...outcome.notes];
    if (outcome.denied) {
      const evaluations = [...call.evaluations, ...outcome.denied.evaluations];
      const denied = { ...call, outcome: 'denied' as const, decision: outcome.denied.decision, error, evaluations, notes };
      return [{ type: 'RequestDenied', data: { call: withEncodedMessage(denied, world.scenario.seed) } }];
    }
    return [{ type: 'RequestFailed', data: { call: { ...call, outcome: 'error', error, notes } } }];
  }
  const done = {
    ...call,
    response: outcome.response,
    evaluations: [...call.evaluations, ...outcome.evaluations],
    notes: [...call.notes, ...outcome.notes],
  };
  return [{ type: 'RequestAllowed', data: { call: done } }, ...outcome.events];
}
