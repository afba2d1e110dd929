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
import type { IamApi } from './types.js';
import { ROLE_APIS } from './roles.js';
import { ACCESS_KEY_APIS } from './access-keys.js';
import { INSTANCE_PROFILE_APIS } from './instance-profiles.js';
import { ROLE_READ_APIS } from './role-reads.js';
import { USER_APIS } from './users.js';
import { GROUP_APIS } from './groups.js';
import { TAG_APIS } from './tags.js';
import { LOGIN_PROFILE_APIS } from './login-profiles.js';
import { ATTACHMENT_APIS } from './attachments.js';
import { BOUNDARY_APIS } from './boundaries.js';
import { INLINE_POLICY_APIS } from './inline-policies.js';
import { MANAGED_POLICY_APIS } from './managed-policies.js';
import { TRUST_APIS } from './trust.js';

/** Every IAM API carried out, by its action name. */
const ALL: Readonly<Record<string, IamApi>> = {
  ...ROLE_APIS,
  ...ROLE_READ_APIS,
  ...USER_APIS,
  ...GROUP_APIS,
  ...TAG_APIS,
  ...LOGIN_PROFILE_APIS,
  ...ACCESS_KEY_APIS,
  ...INSTANCE_PROFILE_APIS,
  ...INLINE_POLICY_APIS,
  ...MANAGED_POLICY_APIS,
  ...ATTACHMENT_APIS,
  ...BOUNDARY_APIS,
  ...TRUST_APIS,
};

/** By lower-case action name (`createrole`). */
const APIS: ReadonlyMap<string, IamApi> = new Map(Object.entries(ALL).map(([k, v]) => [k.toLowerCase(), v]));

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
  return Object.keys(ALL).map((name) => `iam:${name}`);
}

export function decideIamCall(command: CallCommand, world: World): (IamEvent | ResourcesEvent)[] {
  const api = apiOf(command.data.action);
  if (api === undefined) throw new Error(`bug: IAM does not carry out ${command.data.action}`);
  const events = carryOut(api, command, world);
  return api.secrets === undefined ? events : events.map((e) => hideSecrets(e, api.secrets!));
}

/** A parameter that is a secret (a password) is never written to the log or the trace. */
function hideSecrets(event: IamEvent | ResourcesEvent, secrets: readonly string[]): IamEvent | ResourcesEvent {
  if (!('call' in event.data)) return event;
  const call = event.data.call;
  const params = { ...call.params };
  for (const name of secrets) if (params[name] !== undefined) params[name] = '<hidden>';
  return { ...event, data: { ...event.data, call: { ...call, params } } } as IamEvent | ResourcesEvent;
}

function carryOut(api: IamApi, command: CallCommand, world: World): (IamEvent | ResourcesEvent)[] {
  const { region, context: stepContext } = command.data;
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
    const address = api.address({ params, who, account: who.record.account, world, region, stepContext }, out);
    const error =
      out.length === 0
        ? null
        : { code: 'ValidationError' as const, message: validationMessage(out), note: 'IAM refuses the request before authorizing it' };
    return { resource: address.resource, keys: address.keys ?? {}, notes: address.notes ?? [], error };
  });
  if (granted === null) return events;
  const account = granted.who.record.account!;
  const outcome = api.apply({ params: granted.params, who: granted.who, account, world, region, stepContext });
  const call = granted.call;
  const evaluations = [...call.evaluations, ...(outcome.evaluations ?? [])];
  if (!outcome.ok) {
    const error = { code: outcome.code, message: outcome.message };
    const notes = [...call.notes, outcome.note];
    if (outcome.decision !== undefined) {
      // denied by a permission IAM checks besides the request's own (iam:PassRole)
      return [
        { type: 'RequestDenied', data: { call: { ...call, outcome: 'denied', decision: outcome.decision, error, notes, evaluations } } },
      ];
    }
    return [{ type: 'RequestFailed', data: { call: { ...call, outcome: 'error', error, notes, evaluations } } }];
  }
  const notes = [...call.notes, ...(outcome.notes ?? [])];
  return [{ type: 'RequestAllowed', data: { call: { ...call, response: outcome.response, notes, evaluations } } }, ...outcome.events];
}
