// sts:AssumeRole, in the order of AWS STS API Reference "AssumeRole": validate parameters,
// authenticate, refuse root and federated users, check MFA, tags and session policies, find the
// role, evaluate trust and identity, check the duration and the packed size, mint credentials.
import { authenticate, type Caller } from '../call/caller.js';
import type { CallData } from '../call/command.js';
import { materialize, textParam } from '../call/params.js';
import { accessDeniedMessage, callRecord, type RecordParts } from '../call/record.js';
import type { World } from '../world.js';
import { readAssumeRole } from './assume-role-request.js';
import { chainingNote, newRoleSession } from './assume-role-session.js';
import { evaluateTrust } from './assume-role-trust.js';
import type { StsEvent } from './events.js';
import { checkMfa, mfaContext } from './mfa.js';
import { checkSessionPolicies } from './session-policies.js';
import { tagRuleError } from './tags.js';
import type { ErrorCode } from '../error-codes.js';

export function assumeRole(data: CallData, world: World): StsEvent[] {
  const params = materialize(data.params, world);
  const auth = authenticate(data.caller, world, data.action);
  const caller = auth.ok ? auth.caller.record : auth.record;
  const base = { caller, params, resource: textParam(params, 'RoleArn') };
  const failed = (code: ErrorCode, message: string, notes: string[] = [], more: Partial<RecordParts> = {}): StsEvent[] => {
    const call = callRecord(data, world, { ...base, error: { code, message }, notes, ...more });
    return [{ type: 'AssumeRoleFailed', data: { call } }];
  };

  const read = readAssumeRole(params);
  if (!read.ok) return failed('ValidationError', read.message);
  if (!auth.ok)
    return [{ type: 'StsCallFailed', data: { call: callRecord(data, world, { ...base, error: auth.error, notes: [auth.note] }) } }];
  const who = auth.caller;
  const p = read.params;
  if (who.principal.kind === 'root') return failed('AccessDenied', 'Roles may not be assumed by root accounts.');
  if (who.principal.kind === 'stsFederatedUser') {
    const note = 'credentials from GetFederationToken may call no STS action but GetCallerIdentity';
    return failed('AccessDenied', accessDeniedMessage(caller.arn, 'sts:AssumeRole', p.roleArn, 'ImplicitDeny', null), [note]);
  }
  const mfa = checkMfa('AssumeRole', p.serialNumber, p.tokenCode, who, world);
  if (!mfa.ok) return failed('AccessDenied', mfa.message, [mfa.note]);

  const from = who.session?.kind === 'role-session' ? who.session : null;
  const inherited = from === null ? {} : transitiveTags(from.tags, from.transitiveTagKeys);
  const tagError = tagRuleError(p.tags, p.transitiveTagKeys, Object.keys(inherited));
  if (tagError !== null) return failed('InvalidParameterValue', tagError.message, [tagError.note]);
  const roleAccount = p.roleArn.split(':')[4] ?? '';
  const policies = checkSessionPolicies(p.policy, roleAccount, `role ${p.roleArn.slice(p.roleArn.lastIndexOf('/') + 1)}`, world);
  if (!policies.ok) return failed(policies.code, policies.message, [policies.note]);

  const denied = (action: string, more: Partial<RecordParts>, notes: string[] = []): StsEvent[] => {
    const decision = more.evaluations?.[more.evaluations.length - 1]?.evaluation.decision ?? 'ImplicitDeny';
    const error = { code: 'AccessDenied' as const, message: accessDeniedMessage(caller.arn, action, p.roleArn, decision, null) };
    const call = callRecord(data, world, { ...base, decision, error, notes, ...more });
    return [{ type: 'AssumeRoleDenied', data: { call } }];
  };
  const role = world.iam.roles[p.roleArn];
  if (!role) return denied('sts:AssumeRole', { evaluations: [] }, [`no role ${p.roleArn} exists; AWS answers as it would for a denial`]);

  const carriedMfa = mfa.mfa === null ? carriedMfaNote(who, world) : null;
  const carried = from?.sourceIdentity ?? null;
  const sourceIdentity = p.sourceIdentity ?? carried;
  if (carried !== null && p.sourceIdentity !== null && p.sourceIdentity !== carried) {
    const note = `the calling session's source identity is ${carried}: once set, a source identity cannot change along a chain`;
    return denied('sts:SetSourceIdentity', { evaluations: [] }, [note]);
  }
  const trust = evaluateTrust(
    { who, role, params: p, mfa: mfa.mfa, inherited, sourceIdentity, region: data.region, stepContext: data.context },
    world,
  );
  const evaluated = { context: trust.context, evaluations: trust.evaluations };
  if (trust.refused !== null) {
    const notes = [
      ...(carriedMfa === null ? [] : [carriedMfa.replace(/; a new session keeps that MFA$/, '')]),
      ...refusalNotes(trust.refused, p.tags.length > 0),
    ];
    return denied(trust.refused, evaluated, notes);
  }

  // role chaining: the caller holds temporary credentials — a role session, or (as AWS treats it,
  // though the IAM User Guide only names roles) GetSessionToken credentials
  const chained = who.session !== null;
  const duration = p.duration ?? 3600;
  const limitError =
    chained && duration > 3600
      ? 'The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.'
      : duration > role.maxSessionDuration
        ? 'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.'
        : null;
  if (limitError !== null) {
    const note =
      chained && duration > 3600
        ? chainingNote(who)
        : `the role ${role.name} allows sessions of at most ${role.maxSessionDuration} seconds`;
    return failed('ValidationError', limitError, [note], { ...evaluated, decision: 'Allow' });
  }

  const notes = [...(mfa.note === null ? [] : [mfa.note]), ...(carriedMfa === null ? [] : [carriedMfa]), ...policies.notes];
  const issued = newRoleSession(
    { who, role, params: p, chained, inherited, sourceIdentity, mfa: mfa.mfa, policies: policies.policies, notes },
    world,
  );
  if (!issued.ok) return failed('PackedPolicyTooLarge', issued.tooLarge, issued.notes, { ...evaluated, decision: 'Allow' });
  const call = callRecord(data, world, { ...base, ...evaluated, decision: 'Allow', response: issued.response, notes: issued.notes });
  return [{ type: 'RoleAssumed', data: { call, session: issued.session } }];
}

/** The tags of a session that it passes on to the sessions it assumes. */
function transitiveTags(tags: Readonly<Record<string, string>>, keys: readonly string[]): Record<string, string> {
  const wanted = new Set(keys.map((k) => k.toLowerCase()));
  return Object.fromEntries(Object.entries(tags).filter(([k]) => wanted.has(k.toLowerCase())));
}

function refusalNotes(action: string, passedTags: boolean): string[] {
  if (action === 'sts:TagSession') {
    return [
      passedTags
        ? 'the request passes session tags, so sts:TagSession must be allowed too'
        : 'the calling session carries transitive tags into the new session, so sts:TagSession must be allowed too',
    ];
  }
  if (action === 'sts:SetSourceIdentity') return ['the new session gets a source identity, so sts:SetSourceIdentity must be allowed too'];
  return [];
}

/** Temporary credentials authenticated with MFA pass it on: say how old it is (aws:MultiFactorAuthAge). */
function carriedMfaNote(who: Caller, world: World): string | null {
  const mfa = who.session?.mfa ?? null;
  if (mfa === null) return null;
  const age = mfaContext(mfa, world.scenario.clock)['aws:MultiFactorAuthAge'];
  return `the calling credentials were MFA-authenticated at ${mfa.authenticatedAt}, so the request carries aws:MultiFactorAuthPresent = true and aws:MultiFactorAuthAge = ${age}; a new session keeps that MFA`;
}
