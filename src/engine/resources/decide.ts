// Resources' decide: declarations, and the authorization of every non-STS call. iamsim models
// the decision, not the data: an allowed s3:PutObject stores nothing.
import { freeze } from 'immer';
import { authenticate, type Caller } from '../call/caller.js';
import { staleSessionNote } from '../call/stale-session.js';
import { authorizeCall } from '../call/authorize-call.js';
import type { CallCommand } from '../call/command.js';
import { iamEntityFacts, requestContext, sourceNote } from '../call/context.js';
import { orgNotes } from '../call/org-levels.js';
import { materialize } from '../call/params.js';
import { accessDeniedMessage, callRecord } from '../call/record.js';
import { requestRegion } from '../call/region.js';
import type { PolicyDocument } from '../iam/state.js';
import type { World } from '../world.js';
import type { ResourcesCommand } from './commands.js';
import type { ResourcesEvent } from './events.js';
import { accessDeniedCode, arnAccount, findResource, s3Bucket } from './owner.js';
import { kmsContext, kmsCrossAccountRefusal, kmsKeyResource } from './kms.js';
import { onBehalfKeys, onBehalfNote } from './called-via.js';
import { requestTagKeys } from './request-tags.js';
import { EXPECTED_OWNER_MISMATCH, s3Addressed, s3BucketNote, s3RequestKeys } from './s3-request.js';
import type { PolicyResource } from './state.js';
import type { ContextValue } from '../../policy/types.js';
import type { CallRecord } from '../call-record.js';
import type { ErrorCode } from '../error-codes.js';
import { endpointUse } from './vpc-endpoint.js';
import { bucketPolicyDenies, lockOutNote, ownerRootMayManagePolicy } from './owner-root.js';

export function decideResources(command: ResourcesCommand): ResourcesEvent[] {
  switch (command.type) {
    case 'CreateBucket':
      return [{ type: 'BucketCreated', data: command.data }];
    case 'CreateKey':
      return [{ type: 'KeyCreated', data: { ...command.data, aliases: [...command.data.aliases] } }];
    case 'CreateVpcEndpoint':
      return [{ type: 'VpcEndpointCreated', data: { ...command.data, document: freeze(command.data.document) } }];
    case 'RegisterResource':
      return [{ type: 'ResourceRegistered', data: command.data }];
    case 'PutResourcePolicy':
      // frozen: immer does not walk it into the state (src/engine/iam/decide.ts)
      return [{ type: 'ResourcePolicyPut', data: { ...command.data, document: freeze(command.data.document) } }];
    case 'TagResource':
      return [{ type: 'ResourceTagged', data: command.data }];
    case 'CompleteStack': {
      const { failed, ...stack } = command.data;
      const resources = stack.resources.map((r) => ({ ...r }));
      return failed === null
        ? [{ type: 'StackCreated', data: { ...stack, resources } }]
        : [{ type: 'StackCreateFailed', data: { ...stack, resources, failed } }];
    }
    default: {
      const unreachable: never = command;
      throw new Error(`bug: unknown resources command ${JSON.stringify(unreachable)}`);
    }
  }
}

/**
 * What a service that carries out its requests (IAM) reads from a request's parameters before it is
 * authorized: the resource it is on and the keys it carries, or the error AWS answers before it
 * authorizes anything (a parameter that fails validation).
 */
export interface ServiceAddressing {
  /** the resource the request acts on; null to leave it to the step (`resource`) or `*` */
  readonly resource: string | null;
  readonly keys: Readonly<Record<string, ContextValue>>;
  readonly notes: readonly string[];
  readonly error: { readonly code: ErrorCode; readonly message: string; readonly note: string } | null;
}

export type Address = (params: Readonly<Record<string, unknown>>, who: Caller, world: World) => ServiceAddressing;

/** An authorized request, for the service to carry out: who sent it, on what, and its record so far. */
export interface Granted {
  readonly who: Caller;
  readonly params: Readonly<Record<string, unknown>>;
  readonly resource: string;
  readonly call: CallRecord;
}

export interface Decided {
  readonly events: ResourcesEvent[];
  /** the request, when it was allowed */
  readonly granted: Granted | null;
}

function failed(call: CallRecord): Decided {
  return { events: [{ type: 'RequestFailed', data: { call } }], granted: null };
}

/**
 * A request to a service other than STS: authenticated, then authorized on its resource with every
 * policy that applies. `address` lets a service that carries its requests out (IAM) read them first.
 */
export function decideRequest(command: CallCommand, world: World, address?: Address): Decided {
  // a global service's request goes to its single endpoint's Region (call/region.ts)
  const sent = requestRegion(command.data.action, command.data.region);
  const data = sent.region === command.data.region ? command.data : { ...command.data, region: sent.region };
  const params = materialize(data.params, world);
  const notes = sent.note === null ? [] : [sent.note];
  // an S3 request names its bucket and key; S3 authorizes it on their ARN (resources/s3-request.ts)
  const addressed = data.resource === null ? s3Addressed(data.action, params) : null;
  if (addressed !== null && !addressed.ok) notes.push(`${addressed.problem}: the request addresses no resource, so it is authorized on *`);
  const bucketNote = s3BucketNote(data.action, params);
  if (bucketNote !== null) notes.push(bucketNote);
  const named = data.resource ?? (addressed?.ok ? addressed.arn : null);
  const auth = authenticate(data.caller, world, data.action);
  if (!auth.ok) {
    const call = callRecord(data, world, {
      caller: auth.record,
      params,
      resource: named ?? '*',
      error: auth.error,
      notes: [...notes, auth.note],
    });
    return failed(call);
  }
  const who = auth.caller;
  const stale = staleSessionNote(who, world);
  if (stale !== null) notes.push(stale);
  const service = address === undefined ? null : address(params, who, world);
  if (service !== null) notes.push(...service.notes);
  if (service?.error) {
    const call = callRecord(data, world, {
      caller: who.record,
      params,
      resource: service.resource ?? named ?? '*',
      error: { code: service.error.code, message: service.error.message },
      notes: [...notes, service.error.note],
    });
    return failed(call);
  }
  // a KMS call names its key with KeyId (resources/kms.ts)
  const resource = service?.resource ?? named ?? kmsKeyResource(data.action, params, world, who.record.account, data.region) ?? '*';
  const target = resource === '*' ? null : findResource(resource, world);
  const refusal = target?.kind === 'key' ? kmsCrossAccountRefusal(data.action, target.account, who.record.account) : null;
  if (refusal !== null) {
    const message = accessDeniedMessage(who.record.arn, data.action, resource, 'ImplicitDeny', null);
    const error = { code: accessDeniedCode(data.action), message };
    const call = callRecord(data, world, { caller: who.record, params, resource, error, notes: [...notes, refusal] });
    return failed(call);
  }
  const owner = resourceOwner(resource, target, data.action, params, who.record.account);
  if (owner.refusal !== null) {
    const call = callRecord(data, world, {
      caller: who.record,
      params,
      resource,
      error: { code: 'AccessDenied', message: EXPECTED_OWNER_MISMATCH },
      notes: [...notes, owner.refusal],
    });
    return failed(call);
  }
  if (owner.note !== null) notes.push(owner.note);
  const account = owner.account;
  const policy = target?.policy ? resourcePolicyOf(target, target.policy) : null;
  // an IAM user or role addressed by its ARN brings its tags (aws:ResourceTag/*, iam:ResourceTag/*)
  const facts = (target === null && resource !== '*' ? iamEntityFacts(resource, world) : null) ?? { account, tags: target?.tags ?? {} };
  const tagged = requestTagKeys(data.action, params);
  if (tagged.note !== null) notes.push(tagged.note);
  const via = endpointUse(data, world);
  if (via !== null) notes.push(via.note);
  // a request a service makes for the step's request (resources/on-behalf.ts)
  const forwarded = onBehalfKeys(data.onBehalf, data.action, data.region);
  const made = onBehalfNote(data.onBehalf, forwarded);
  if (made !== null) notes.push(made);
  const keys = {
    ...s3RequestKeys(data.action, params),
    ...kmsContext(data.action, params, who.record.account),
    ...tagged.keys,
    ...via?.keys,
    ...service?.keys,
    ...forwarded,
  };
  const context = requestContext(who, world, data.region, facts, withRequestKeys(keys, data.context));
  const orgAccount = resource === '*' ? null : account;
  const request = {
    who,
    action: data.action,
    resource,
    resourceAccount: owner.unknown ? ANOTHER_ACCOUNT : account,
    orgAccount,
    context,
    endpoint: via?.policy ?? null,
  };
  let evaluation = authorizeCall({ ...request, policy }, world);
  if (policy !== null && evaluation.evaluation.decision === 'ExplicitDeny' && ownerRootMayManagePolicy(who, target, data.action)) {
    const denies = bucketPolicyDenies(evaluation.evaluation, policy.name);
    if (denies.length > 0) {
      // S3's lock-out protection (resources/owner-root.ts): decided again without the bucket policy
      evaluation = authorizeCall({ ...request, policy: null }, world);
      notes.push(lockOutNote(target, data.action, denies));
    }
  }
  const decision = evaluation.evaluation.decision;
  const source = sourceNote(who, context);
  if (source !== null) notes.push(source);
  notes.push(...orgNotes(who.principal, resource === '*' ? null : account, data.action, world));
  const error =
    decision === 'Allow'
      ? null
      : {
          code: accessDeniedCode(data.action),
          message: accessDeniedMessage(who.record.arn, data.action, resource, decision, evaluation.evaluation.decidedBy?.type ?? null),
        };
  const evaluations = [evaluation];
  const call = callRecord(data, world, {
    caller: who.record,
    params,
    resource,
    context,
    decision,
    evaluations,
    notes,
    error,
  });
  if (error !== null) return { events: [{ type: 'RequestDenied', data: { call } }], granted: null };
  return { events: [{ type: 'RequestAllowed', data: { call } }], granted: { who, params, resource, call } };
}

/**
 * The policy of a declared resource, as the evaluation names it. A KMS key policy is not an
 * ordinary resource policy: it must allow the caller, or allow the account and so let identity
 * policies grant (AWS KMS Developer Guide "Key policies in AWS KMS").
 */
function resourcePolicyOf(target: PolicyResource, document: PolicyDocument) {
  switch (target.kind) {
    case 'bucket':
      return { name: `bucket policy of ${target.name}`, document, kind: 'resource' as const };
    case 'key':
      return { name: `key policy of ${target.name}`, document, kind: 'key' as const };
    case 'resource':
      return { name: `resource policy of ${target.arn}`, document, kind: 'resource' as const };
  }
}

/**
 * The account whose principals count as the resource's own for an owner the scenario does not name
 * (an undeclared bucket without ExpectedBucketOwner): text that is no account ID, so the request is
 * cross-account for every caller, as it is for every principal the scenario declares.
 */
const ANOTHER_ACCOUNT = 'an account the scenario does not declare';

interface Owner {
  /** the owner's account ID; null for a request on `*` by a caller of no account, or when unknown */
  readonly account: string | null;
  /** the owner is an account the scenario does not declare and the request does not name */
  readonly unknown: boolean;
  readonly note: string | null;
  /** why S3 refuses the request before authorizing it (ExpectedBucketOwner is not the owner) */
  readonly refusal: string | null;
}

/**
 * Who owns what the call is on: a declared resource's account; for a bucket the scenario does not
 * declare, the account ExpectedBucketOwner names, else one the scenario does not know (Amazon S3 User
 * Guide "Verifying bucket ownership with bucket owner condition": a request whose ExpectedBucketOwner
 * is not the bucket's owner fails with 403 Access Denied); else the ARN's account, or the caller's.
 */
function resourceOwner(
  resource: string,
  target: PolicyResource | null,
  action: string,
  params: Readonly<Record<string, unknown>>,
  callerAccount: string | null,
): Owner {
  const expected = typeof params['ExpectedBucketOwner'] === 'string' ? params['ExpectedBucketOwner'] : null;
  if (target !== null) {
    if (target.kind === 'bucket' && expected !== null && expected !== target.account) {
      const refusal =
        `ExpectedBucketOwner ${expected} is not the owner of bucket ${target.name} (account ${target.account}): S3 refuses the request ` +
        'with 403 Access Denied; iamsim checks this before any policy, as AWS does not document the order';
      return { account: target.account, unknown: false, note: null, refusal };
    }
    return { account: target.account, unknown: false, note: null, refusal: null };
  }
  if (resource === '*') return { account: callerAccount, unknown: false, note: null, refusal: null };
  const bucket = s3Bucket(resource);
  // a bucket being created is the caller's account's, if anyone's
  if (bucket === null || action.toLowerCase() === 's3:createbucket') {
    return { account: arnAccount(resource) ?? callerAccount, unknown: false, note: null, refusal: null };
  }
  const whose =
    expected !== null
      ? `iamsim takes it to belong to account ${expected}, as ExpectedBucketOwner says (S3 refuses a request whose ExpectedBucketOwner is not the owner)`
      : 'iamsim takes it to belong to an account the scenario does not declare, which the request does not name ' +
        '(ExpectedBucketOwner would), so aws:ResourceAccount is absent';
  return {
    account: expected,
    unknown: expected === null,
    note: `bucket ${bucket} is not declared in the scenario: ${whose}; no bucket policy of it is known, so none is consulted`,
    refusal: null,
  };
}

/** S3's and KMS's keys from the request's parameters, under the step's own context (which wins, any case). */
function withRequestKeys(
  keys: Readonly<Record<string, ContextValue>>,
  context: Readonly<Record<string, ContextValue>>,
): Readonly<Record<string, ContextValue>> {
  const names = Object.keys(keys);
  if (names.length === 0) return context;
  const given = new Set(Object.keys(context).map((k) => k.toLowerCase()));
  const out: Record<string, ContextValue> = {};
  for (const k of names) if (!given.has(k)) out[k] = keys[k]!;
  return { ...out, ...context };
}
