// sts:GetCallerIdentity (AWS STS API Reference "GetCallerIdentity"; IAM User Guide "IAM policy
// elements: Variables and tags") and sts:GetAccessKeyInfo (AWS STS API Reference
// "GetAccessKeyInfo").
import type { Caller } from '../call/caller.js';
import type { CallData } from '../call/command.js';
import { authorizeCall } from '../call/authorize-call.js';
import { requestContext } from '../call/context.js';
import { textParam } from '../call/params.js';
import { accessDeniedMessage } from '../call/record.js';
import { accountFromAccessKeyId } from '../ids.js';
import type { World } from '../world.js';
import { startStsCall, type StsCall } from './call-kit.js';
import type { CallRecord, EvaluationRecord } from '../call-record.js';
import type { StsEvent } from './events.js';
import { checkLength, checkPattern, checkRequired, validationMessage, type Constraint } from '../call/validation.js';

/** GetCallerIdentity needs no permission: even an explicit deny cannot stop it (STS API ref). */
export function getCallerIdentity(data: CallData, world: World): StsEvent[] {
  const call = startStsCall(data, world);
  if (!call.auth.ok) return call.failed(call.auth.error.code, call.auth.error.message, [call.auth.note]);
  const who = call.auth.caller;
  const response = { UserId: userId(who), Account: who.record.account, Arn: who.record.arn };
  const notes = ['GetCallerIdentity needs no permission; no policy is consulted, and even an explicit deny cannot block it'];
  if (who.session?.kind === 'session-token')
    notes.push('credentials from GetSessionToken report the identity that obtained them, not a session');
  return [{ type: 'CallerIdentityReturned', data: { call: call.record({ response, notes }) } }];
}

/**
 * aws:userid of every kind of caller (IAM User Guide "IAM policy elements: Variables and tags").
 */
function userId(who: Caller): string {
  const s = who.session;
  if (s?.kind === 'role-session') return `${s.roleId}:${s.sessionName}`;
  if (s?.kind === 'federated-user') return `${s.account}:${s.name}`;
  return who.user ? who.user.id : (who.record.account ?? '');
}

/**
 * GetAccessKeyInfo decodes the owning account from the key id itself (AWS STS API Reference
 * "GetAccessKeyInfo"): it says nothing about whether the key exists or is active. It is an STS
 * action like the others, so the caller needs `sts:GetAccessKeyInfo` in an identity-based policy
 * (Service Authorization Reference, "Actions, resources, and condition keys for AWS Security Token
 * Service": the action has no resource type, so the request is on `*`). Temporary credentials are limited
 * before any policy: GetSessionToken credentials "cannot call any STS API except AssumeRole or
 * GetCallerIdentity" (AWS STS API Reference "GetSessionToken", Permissions), GetFederationToken
 * credentials none but GetCallerIdentity ("GetFederationToken", Permissions).
 */
export function getAccessKeyInfo(data: CallData, world: World): StsEvent[] {
  const call = startStsCall(data, world);
  const keyId = textParam(call.params, 'AccessKeyId');
  const v: Constraint[] = [];
  checkRequired('accessKeyId', keyId, v);
  checkLength('accessKeyId', keyId, 16, 128, v);
  checkPattern('accessKeyId', keyId, '[\\w]*', v);
  if (v.length > 0) return call.failed('ValidationError', validationMessage(v));
  const authorized = authorizeStsOnAll(call, data, world, ACTION);
  if ('refused' in authorized) return authorized.refused;
  const { context, evaluation, decision } = authorized;
  const account = accountFromAccessKeyId(keyId!);
  if (account === null) {
    const note = 'iamsim decodes AKIA and ASIA key ids of 20 characters; AWS does not document its error for others';
    return call.failed('InvalidParameterValue', `The access key ID ${keyId!} could not be decoded.`, [note], {
      context,
      evaluations: [evaluation],
      decision,
    });
  }
  const kind = keyId!.startsWith('AKIA') ? 'a long-term key of an IAM user or root user' : 'temporary credentials from STS';
  const notes = [
    `characters 5 to 12 of ${keyId!} encode account ${account}; the prefix ${keyId!.slice(0, 4)} marks ${kind}. The answer says nothing about whether the key exists or works`,
  ];
  const record = call.record({ context, evaluations: [evaluation], response: { Account: account }, notes });
  return [{ type: 'AccessKeyInfoReturned', data: { call: record } }];
}

const ACTION = 'sts:GetAccessKeyInfo';

/**
 * An STS action with no resource type (GetAccessKeyInfo, DecodeAuthorizationMessage), authorized on
 * `*` for an authenticated caller whose credentials may call it: the request's context and allowing
 * evaluation, or the events of its refusal.
 */
export function authorizeStsOnAll(
  call: StsCall,
  data: CallData,
  world: World,
  action: string,
):
  | { readonly refused: StsEvent[] }
  | { readonly context: CallRecord['context']; readonly evaluation: EvaluationRecord; readonly decision: 'Allow' } {
  if (!call.auth.ok) return { refused: call.failed(call.auth.error.code, call.auth.error.message, [call.auth.note]) };
  const who = call.auth.caller;
  const limited = temporaryCredentialsLimit(who);
  if (limited !== null) {
    const note = `${limited}; AWS documents the rule but not the error it returns: iamsim answers AccessDenied, as for a denied call`;
    return { refused: call.denied(accessDeniedMessage(who.record.arn, action, '*', 'ImplicitDeny', null), [note]) };
  }
  const context = requestContext(who, world, data.region, null, data.context);
  const evaluation = authorizeCall({ who, action, resource: '*', resourceAccount: null, context }, world);
  const decision = evaluation.evaluation.decision;
  if (decision !== 'Allow') {
    const message = accessDeniedMessage(who.record.arn, action, '*', decision, evaluation.evaluation.decidedBy?.type ?? null);
    return { refused: call.denied(message, [], { context, evaluations: [evaluation], decision }) };
  }
  return { context, evaluation, decision };
}

/**
 * The STS actions temporary credentials may not call, whatever their policies say: null when the
 * caller's credentials may call GetAccessKeyInfo.
 */
function temporaryCredentialsLimit(who: Caller): string | null {
  switch (who.session?.kind) {
    case 'session-token':
      return 'credentials from GetSessionToken may call no STS action but AssumeRole and GetCallerIdentity';
    case 'federated-user':
      return 'credentials from GetFederationToken may call no STS action but GetCallerIdentity';
    default:
      return null;
  }
}
