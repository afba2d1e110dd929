// A service calling another service for the caller's request: one mechanism. The request it makes
// is decided as any request is (decideRequest: the caller authenticated, the resource resolved,
// KMS's cross-account rule, the owner, the resource policy, every policy of the caller's, the
// organization's), signed with the caller's credentials (a forward access session: IAM User Guide
// "Forward access sessions", https://docs.aws.amazon.com/IAM/latest/UserGuide/access_forward_access_sessions.html)
// and carrying the keys AWS fills for it (called-via.ts). A permission a service checks when it is
// handed something (iam:PassRole) is not such a request: call/pass-role.ts.
//
// Two uses: inside a request (S3 SSE-KMS and Secrets Manager call KMS before they answer; a KMS
// denial is the request's denial: `dependent`), and as a request of its own that a workflow sends
// (CloudFormation creating a stack's resources: a `Call` command with `onBehalf`, see stack.ts).
import type { ContextValue, Decision } from '../../policy/types.js';
import type { CallCommand, CallData, OnBehalf, ParamValue } from '../call/command.js';
import { accessDeniedMessage } from '../call/record.js';
import type { CallRecord, EvaluationRecord } from '../call-record.js';
import type { World } from '../world.js';
import { decideRequest, type Decided, type Granted } from './decide.js';
import type { ResourcesEvent } from './events.js';
import { accessDeniedCode } from './owner.js';
import { kmsOnBehalf, type KmsOnBehalf } from './kms.js';
import { createdSecret, knownSecret, secretKmsOnBehalf } from './secrets.js';

/** A request a service makes for the step's request. */
export interface OnBehalfRequest {
  readonly action: string;
  readonly params: Readonly<Record<string, unknown>>;
  /** the resource, when the parameters do not name it as decideRequest reads them */
  readonly resource?: string;
  /** keys the service adds */
  readonly keys?: Readonly<Record<string, ContextValue>>;
  /** who made it and with whose credentials */
  readonly onBehalf: OnBehalf;
}

/** The request as a `Call` command of the step's caller, in the step's Region, under the step's context. */
export function onBehalfCommand(step: CallData, request: OnBehalfRequest): CallCommand {
  const params: Record<string, ParamValue> = {};
  for (const [k, v] of Object.entries(request.params)) params[k] = typeof v === 'string' ? { t: 'text', v } : { t: 'json', v };
  return {
    type: 'Call',
    data: {
      caller: step.caller,
      action: request.action,
      resource: request.resource ?? null,
      params,
      context: step.context,
      region: step.region,
      onBehalf: request.onBehalf,
    },
  };
}

/** Decides the request a service makes for the step's request, as decideRequest decides any. */
export function decideOnBehalf(
  step: CallData,
  request: OnBehalfRequest,
  world: World,
): { readonly call: CallRecord; readonly allowed: boolean } {
  const keys = request.keys;
  const decided: Decided = decideRequest(
    onBehalfCommand(step, request),
    world,
    keys === undefined ? undefined : () => ({ resource: null, keys, notes: [], error: null }),
  );
  const event = decided.events[0];
  if (event === undefined || !('call' in event.data)) throw new Error(`bug: no call decided for ${request.action}`);
  return { call: event.data.call as CallRecord, allowed: decided.granted !== null };
}

/** What a request that depended on another one's decision becomes. */
export interface Dependent {
  readonly evaluations: readonly EvaluationRecord[];
  readonly note: string;
  /** the dependent request was not allowed: its decision, and the message the first service answers with */
  readonly denied: { readonly decision: Decision; readonly message: string } | null;
}

/**
 * A request the service makes before it answers (S3 SSE-KMS, Secrets Manager): decided, and told
 * in one note. `refuses` says what the first service then answers.
 */
export function dependent(step: CallData, request: OnBehalfRequest, world: World, lead: string, refuses: string): Dependent {
  const { call, allowed } = decideOnBehalf(step, request, world);
  const resource = call.resource ?? '*';
  const on = `${request.action.startsWith('kms:') ? 'key ' : ''}${resource}`;
  const via = `${lead} ${request.action} on ${on} for the caller, with its credentials`;
  if (call.decision === null) {
    // refused before any policy (KMS's cross-account rule): the last note says why
    const message = call.error?.message ?? accessDeniedMessage(call.caller.arn, request.action, resource, 'ImplicitDeny', null);
    return { evaluations: [], note: `${via}: ${call.notes[call.notes.length - 1] ?? ''}`, denied: { decision: 'ImplicitDeny', message } };
  }
  const shown = shownKeys(call.context, request);
  const decision = call.decision;
  const service = request.action.slice(0, request.action.indexOf(':')).toUpperCase();
  const outcome = allowed ? `${service} allowed it` : `${service} denied it (${decision}), so ${refuses}`;
  const note = `${via} (${shown}): ${outcome}`;
  if (allowed) return { evaluations: call.evaluations, note, denied: null };
  return { evaluations: call.evaluations, note, denied: { decision, message: call.error?.message ?? '' } };
}

/** The keys the dependent request carries because of who made it and on what, those of the forward access session last. */
function shownKeys(context: Readonly<Record<string, ContextValue>>, request: OnBehalfRequest): string {
  const own = Object.keys(context).filter(
    (k) => (k.startsWith('kms:') && k !== 'kms:ViaService') || (request.keys !== undefined && k in request.keys),
  );
  const names = [...own, ...FORWARDED.filter((k) => k in context)];
  return names.map((k) => `${k}=${JSON.stringify(context[k])}`).join(', ');
}

const FORWARDED = ['kms:ViaService', 'aws:ViaAWSService', 'aws:CalledVia', 'aws:CalledViaFirst', 'aws:CalledViaLast'];

/**
 * A request to a service other than STS and IAM: decided, then, if allowed, the request the service
 * makes on KMS for the caller before it answers (S3 SSE-KMS, Secrets Manager): a KMS denial is the
 * request's denial.
 */
export function decideServiceRequest(command: CallCommand, world: World): ResourcesEvent[] {
  // a secret a step created is named by SecretId: its ARN is the resource (resources/secrets.ts)
  const secretId = command.data.action.toLowerCase().startsWith('secretsmanager:') && command.data.resource === null;
  const { events, granted } = decideRequest(
    command,
    world,
    secretId
      ? (params, who) => ({
          resource: knownSecret(params['SecretId'], world, who.record.account, command.data.region)?.arn ?? null,
          keys: {},
          notes: [],
          error: null,
        })
      : undefined,
  );
  if (granted === null) return events;
  // S3 reads its object from the parameters (resources/s3-request.ts); a step's `resource` is taken as written
  const addressed = command.data.resource === null && granted.resource !== '*';
  const { action, region } = command.data;
  const account = granted.who.record.account;
  const use =
    kmsOnBehalf(action, granted.params, addressed, granted.resource) ??
    secretKmsOnBehalf(action, granted.params, granted.resource, world, account, region);
  if (use === null) return events;
  const decided = folded(command.data, granted, use, world);
  // a secret created under a customer managed key: Secrets Manager remembers its key
  const secret =
    decided.type === 'RequestAllowed' && action.toLowerCase() === 'secretsmanager:createsecret'
      ? createdSecret(granted.params, granted.resource, account, region)
      : null;
  return secret === null ? [decided] : [decided, { type: 'SecretCreated', data: secret }];
}

function folded(step: CallData, granted: Granted, use: KmsOnBehalf, world: World): ResourcesEvent {
  const request: OnBehalfRequest = {
    action: use.action,
    params: { KeyId: use.keyId, EncryptionContext: use.encryptionContext },
    onBehalf: { services: [use.service], credentials: 'caller' },
  };
  const lead = `${use.service.replace(/\.amazonaws\.com$/, '')}.${step.region}.amazonaws.com called`;
  const kms = dependent(step, request, world, lead, use.refuses);
  const call = granted.call;
  const notes = [...call.notes, kms.note];
  const evaluations = [...call.evaluations, ...kms.evaluations];
  if (kms.denied === null) return { type: 'RequestAllowed', data: { call: { ...call, notes, evaluations } } };
  const error = { code: accessDeniedCode(step.action), message: use.message ?? kms.denied.message };
  const denied: CallRecord = { ...call, notes, evaluations, decision: kms.denied.decision, outcome: 'denied', error };
  return { type: 'RequestDenied', data: { call: denied } };
}
