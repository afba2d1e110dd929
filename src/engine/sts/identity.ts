// sts:GetCallerIdentity (AWS STS API Reference "GetCallerIdentity"; IAM User Guide "IAM policy
// elements: Variables and tags") and sts:GetAccessKeyInfo (AWS STS API Reference
// "GetAccessKeyInfo").
import type { Caller } from '../call/caller.js';
import type { CallData } from '../call/command.js';
import { textParam } from '../call/params.js';
import { accountFromAccessKeyId } from '../ids.js';
import type { World } from '../world.js';
import { startStsCall } from './call-kit.js';
import type { StsEvent } from './events.js';
import { checkLength, checkPattern, checkRequired, validationMessage, type Constraint } from './validation.js';

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
 * "GetAccessKeyInfo"): it says nothing about whether the key exists or is active. iamsim answers it
 * for any signed caller without a permission check, as the language's Example 3 requires; real STS
 * also requires sts:GetAccessKeyInfo in an identity-based policy ("… is not authorized to perform:
 * sts:GetAccessKeyInfo because no identity-based policy allows …", observed) and documents that
 * GetSessionToken credentials may call only AssumeRole and GetCallerIdentity. The trace says so.
 */
export function getAccessKeyInfo(data: CallData, world: World): StsEvent[] {
  const call = startStsCall(data, world);
  const keyId = textParam(call.params, 'AccessKeyId');
  const v: Constraint[] = [];
  checkRequired('accessKeyId', keyId, v);
  checkLength('accessKeyId', keyId, 16, 128, v);
  checkPattern('accessKeyId', keyId, '[\\w]*', v);
  if (v.length > 0) return call.failed('ValidationError', validationMessage(v));
  if (!call.auth.ok) return call.failed(call.auth.error.code, call.auth.error.message, [call.auth.note]);
  const account = accountFromAccessKeyId(keyId!);
  if (account === null) {
    const note = 'iamsim decodes AKIA and ASIA key ids of 20 characters; AWS does not document its error for others';
    return call.failed('InvalidParameterValue', `The access key ID ${keyId!} could not be decoded.`, [note]);
  }
  const kind = keyId!.startsWith('AKIA') ? 'a long-term key of an IAM user or root user' : 'temporary credentials from STS';
  const notes = [
    `characters 5 to 12 of ${keyId!} encode account ${account}; the prefix ${keyId!.slice(0, 4)} marks ${kind}. The answer says nothing about whether the key exists or works`,
    "iamsim checks no permission here (the scenario language's Example 3 relies on it); real STS requires sts:GetAccessKeyInfo in an identity-based policy and refuses credentials from GetSessionToken",
  ];
  return [{ type: 'AccessKeyInfoReturned', data: { call: call.record({ response: { Account: account }, notes }) } }];
}
