// IAM's API: the control-plane calls a step makes (`call iam:CreateRole { … }`). A request is
// validated, authorized like any request (src/engine/resources/decide.ts), and then carried out by
// IAM: its errors, or the events that change the world and the response the SDK returns. Every
// later step sees the changed world; policies are read at request time, so a change applies to
// existing sessions at once (IAM User Guide "Policy evaluation logic").
import type { CallCommand } from '../../call/command.js';
import { validationMessage, type Constraint } from '../../call/validation.js';
import type { ResourcesEvent } from '../../resources/events.js';
import type { IamEvent } from '../events.js';
import { decideRequest, type ServiceAddressing } from '../../resources/decide.js';
import type { World } from '../../world.js';
import type { IamApi, IamRequest } from './types.js';
import { ROLE_APIS } from './roles.js';
import { ATTACHMENT_APIS } from './attachments.js';
import { BOUNDARY_APIS } from './boundaries.js';
import { INLINE_POLICY_APIS } from './inline-policies.js';
import { MANAGED_POLICY_APIS } from './managed-policies.js';
import { TRUST_APIS } from './trust.js';

/** By lower-case action name (`createrole`). */
const APIS: ReadonlyMap<string, IamApi> = new Map(
  Object.entries({ ...ROLE_APIS, ...INLINE_POLICY_APIS, ...MANAGED_POLICY_APIS, ...ATTACHMENT_APIS, ...BOUNDARY_APIS, ...TRUST_APIS }).map(
    ([k, v]) => [k.toLowerCase(), v],
  ),
);

function apiOf(action: string): IamApi | undefined {
  const at = action.indexOf(':');
  return action.slice(0, at).toLowerCase() === 'iam' ? APIS.get(action.slice(at + 1).toLowerCase()) : undefined;
}

/** Whether IAM carries out this action (the others are only authorized, as for any service). */
export function isIamApi(action: string): boolean {
  return apiOf(action) !== undefined;
}

/** The request parameters of an IAM action IAM carries out; null for any other action. */
export function iamApiParams(action: string): readonly string[] | null {
  return apiOf(action)?.params ?? null;
}

/** The IAM actions the engine carries out, as `iam:Action`. */
export function iamApiActions(): string[] {
  return Object.keys({
    ...ROLE_APIS,
    ...INLINE_POLICY_APIS,
    ...MANAGED_POLICY_APIS,
    ...ATTACHMENT_APIS,
    ...BOUNDARY_APIS,
    ...TRUST_APIS,
  }).map((name) => `iam:${name}`);
}

export function decideIamCall(command: CallCommand, world: World): (IamEvent | ResourcesEvent)[] {
  const api = apiOf(command.data.action);
  if (api === undefined) throw new Error(`bug: IAM does not carry out ${command.data.action}`);
  const { events, granted } = decideRequest(command, world, (params, who): ServiceAddressing => {
    if (who.record.account === null) {
      // an unsigned request (IAM API Reference "Common Errors": MissingAuthenticationToken)
      const error = {
        code: 'MissingAuthenticationToken' as const,
        message: 'Request is missing Authentication Token',
        note: 'IAM requires a signed request',
      };
      return { resource: null, keys: {}, notes: [], error };
    }
    const out: Constraint[] = [];
    const address = api.address({ params, who, account: who.record.account, world }, out);
    const error =
      out.length === 0
        ? null
        : { code: 'ValidationError' as const, message: validationMessage(out), note: 'IAM refuses the request before authorizing it' };
    return { resource: address.resource, keys: address.keys ?? {}, notes: address.notes ?? [], error };
  });
  if (granted === null) return events;
  const request: IamRequest = { params: granted.params, who: granted.who, account: granted.who.record.account!, world };
  const outcome = api.apply(request);
  const call = granted.call;
  if (!outcome.ok) {
    const error = { code: outcome.code, message: outcome.message };
    return [{ type: 'RequestFailed', data: { call: { ...call, outcome: 'error', error, notes: [...call.notes, outcome.note] } } }];
  }
  const notes = [...call.notes, ...(outcome.notes ?? [])];
  return [{ type: 'RequestAllowed', data: { call: { ...call, response: outcome.response, notes } } }, ...outcome.events];
}
