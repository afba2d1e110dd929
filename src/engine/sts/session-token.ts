// sts:GetSessionToken (AWS STS API Reference "GetSessionToken"): temporary credentials for an IAM
// user (or the root user) calling with long-term keys, optionally MFA-authenticated. It is an
// authentication operation: no policy is consulted.
import type { CallData } from '../call/command.js';
import { textParam } from '../call/params.js';
import type { World } from '../world.js';
import { sessionCredentialsRefused, startStsCall, tokenDuration } from './call-kit.js';
import { durationNote, mint } from './credentials.js';
import type { StsEvent } from './events.js';
import { checkMfa, readMfaParams } from './mfa.js';
import type { SessionToken } from './state.js';
import { checkInteger, validationMessage, type Constraint } from '../call/validation.js';

export function getSessionToken(data: CallData, world: World): StsEvent[] {
  const call = startStsCall(data, world);
  const v: Constraint[] = [];
  const requested = checkInteger('durationSeconds', textParam(call.params, 'DurationSeconds'), 900, 129600, v);
  const { serialNumber: serial, tokenCode: code } = readMfaParams(call.params, v);
  if (v.length > 0) return call.failed('ValidationError', validationMessage(v));
  if (!call.auth.ok) return call.failed(call.auth.error.code, call.auth.error.message, [call.auth.note]);
  const who = call.auth.caller;
  const longTermOnly = sessionCredentialsRefused(call, who, 'GetSessionToken');
  if (longTermOnly !== null) return longTermOnly;
  const mfa = checkMfa('GetSessionToken', serial, code, who, world);
  if (!mfa.ok) return call.denied(mfa.message, [mfa.note]);

  const root = who.principal.kind === 'root';
  const duration = tokenDuration(root, requested);
  const minted = mint(world, who.record.account ?? '', `${who.record.arn}|session-token`, duration.seconds);
  const limit = root ? 'the root user may have at most 3600 seconds' : 'an IAM user may ask for 900 to 129600 seconds';
  const notes = [durationNote(requested, duration.seconds, minted.expiration, limit)];
  if (duration.note !== null) notes.push(duration.note);
  notes.push(mfa.note ?? 'no MFA: the credentials carry aws:MultiFactorAuthPresent = false and cannot call IAM');
  notes.push(
    'GetSessionToken needs no permission: it authenticates the caller, and policies cannot control it; the credentials act as the caller itself, with its own policies',
  );
  const session: SessionToken = {
    kind: 'session-token',
    accessKeyId: minted.accessKeyId,
    account: who.record.account ?? '',
    issuedAt: world.scenario.clock,
    expiration: minted.expiration,
    sourceArn: who.record.arn,
    mfa: mfa.mfa,
    principalArn: who.record.arn,
  };
  const record = call.record({ response: { Credentials: minted.credentials }, notes });
  return [{ type: 'SessionTokenIssued', data: { call: record, session } }];
}
