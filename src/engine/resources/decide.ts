// Resources' decide: declarations, and the authorization of every non-STS call. iamsim models
// the decision, not the data: an allowed s3:PutObject stores nothing.
import { freeze } from 'immer';
import { authenticate } from '../call/caller.js';
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
import type { PolicyResource } from './state.js';
import { kmsContext, kmsCrossAccountRefusal, kmsKeyResource } from './kms.js';
import { accessDeniedCode, arnAccount, findResource } from './owner.js';
import { bucketPolicyDenies, lockOutNote, ownerRootMayManagePolicy } from './owner-root.js';

export function decideResources(command: ResourcesCommand | CallCommand, world: World): ResourcesEvent[] {
  switch (command.type) {
    case 'CreateBucket':
      return [{ type: 'BucketCreated', data: command.data }];
    case 'CreateKey':
      return [{ type: 'KeyCreated', data: { ...command.data, aliases: [...command.data.aliases] } }];
    case 'RegisterResource':
      return [{ type: 'ResourceRegistered', data: command.data }];
    case 'PutResourcePolicy':
      // frozen: immer does not walk it into the state (src/engine/iam/decide.ts)
      return [{ type: 'ResourcePolicyPut', data: { ...command.data, document: freeze(command.data.document) } }];
    case 'TagResource':
      return [{ type: 'ResourceTagged', data: command.data }];
    case 'Call':
      return decideCall(command, world);
    default: {
      const unreachable: never = command;
      throw new Error(`bug: unknown resources command ${JSON.stringify(unreachable)}`);
    }
  }
}

function decideCall(command: CallCommand, world: World): ResourcesEvent[] {
  // a global service's request goes to its single endpoint's Region (call/region.ts)
  const sent = requestRegion(command.data.action, command.data.region);
  const data = sent.region === command.data.region ? command.data : { ...command.data, region: sent.region };
  const params = materialize(data.params, world);
  const auth = authenticate(data.caller, world, data.action);
  if (!auth.ok) {
    const resource = data.resource ?? '*';
    const call = callRecord(data, world, { caller: auth.record, params, resource, error: auth.error, notes: [auth.note] });
    return [{ type: 'RequestFailed', data: { call } }];
  }
  const who = auth.caller;
  // a KMS call names its key with KeyId (resources/kms.ts)
  const resource = data.resource ?? kmsKeyResource(data.action, params, world, who.record.account, data.region) ?? '*';
  const target = resource === '*' ? null : findResource(resource, world);
  const account = target?.account ?? (resource === '*' ? who.record.account : (arnAccount(resource) ?? who.record.account));
  const refusal = target?.kind === 'key' ? kmsCrossAccountRefusal(data.action, target.account, who.record.account) : null;
  if (refusal !== null) {
    const message = accessDeniedMessage(who.record.arn, data.action, resource, 'ImplicitDeny', null);
    const error = { code: accessDeniedCode(data.action), message };
    const call = callRecord(data, world, { caller: who.record, params, resource, error, notes: [refusal] });
    return [{ type: 'RequestFailed', data: { call } }];
  }
  const policy = target?.policy ? resourcePolicyOf(target, target.policy) : null;
  // an IAM user or role addressed by its ARN brings its tags (aws:ResourceTag/*, iam:ResourceTag/*)
  const facts = (target === null && resource !== '*' ? iamEntityFacts(resource, world) : null) ?? { account, tags: target?.tags ?? {} };
  const extra = { ...kmsContext(data.action, params, who.record.account), ...data.context };
  const context = requestContext(who, world, data.region, facts, extra);
  const orgAccount = resource === '*' ? null : account;
  const request = { who, action: data.action, resource, resourceAccount: account, orgAccount, context };
  let evaluation = authorizeCall({ ...request, policy }, world);
  const notes = sent.note === null ? [] : [sent.note];
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
  const call = callRecord(data, world, {
    caller: who.record,
    params,
    resource,
    context,
    decision,
    evaluations: [evaluation],
    notes,
    error,
  });
  return [error === null ? { type: 'RequestAllowed', data: { call } } : { type: 'RequestDenied', data: { call } }];
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
