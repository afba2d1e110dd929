// sts:AssumeRoleWithWebIdentity (AWS STS API Reference "AssumeRoleWithWebIdentity"): an unsigned
// call. Parameters, then the token (assume-role-with-web-identity-token.ts), then the role's trust
// policy, which must allow the IAM OIDC provider (Principal.Federated) with the token's keys, then
// the duration, the session policies and the packed size; the session is an ordinary role session.
import type { Caller } from '../call/caller.js';
import type { CallData, CallerRef } from '../call/command.js';
import { materialize, textParam } from '../call/params.js';
import { callRecord, type RecordParts } from '../call/record.js';
import type { CallerRecord } from '../call-record.js';
import { tokenSummary, type PreparedToken } from '../oidc/token.js';
import type { World } from '../world.js';
import { readWebIdentity } from './assume-role-with-web-identity-request.js';
import { sessionClaims } from './assume-role-with-web-identity-claims.js';
import { checkAccessToken, checkToken, tokenContext } from './assume-role-with-web-identity-token.js';
import { evaluateFederatedTrust } from './assume-role-trust.js';
import { durationNote, mint } from './credentials.js';
import type { StsEvent } from './events.js';
import { packedSize, packedTooLarge } from './packed-size.js';
import { checkSessionPolicies, hasSessionPolicies } from './session-policies.js';
import { roleSession } from './role-session.js';
import { requestTagKeys, tagRecord, tagText } from './tags.js';
import type { ErrorCode } from '../error-codes.js';

const NOT_AUTHORIZED = 'Not authorized to perform sts:AssumeRoleWithWebIdentity';

export function assumeRoleWithWebIdentity(data: CallData, world: World): StsEvent[] {
  const raw = data.params['WebIdentityToken'];
  if (raw !== undefined && raw.t !== 'jwt' && raw.t !== 'unset') throw new Error(`bug: WebIdentityToken reached STS unprepared (${raw.t})`);
  const token = raw?.t === 'jwt' ? raw.token : null;
  const params = materialize(data.params, world);
  const caller = unsignedRecord(data.caller);
  const base = { caller, params, resource: textParam(params, 'RoleArn') };
  const unset = Object.values(data.params).flatMap((v) => (v.t === 'unset' ? [v.reason] : []));
  const lead = [unsignedNote(data.caller), ...unset, ...(token?.claims || token?.accessToken ? [`token ${tokenSummary(token)}`] : [])];
  const failed = (code: ErrorCode, message: string, notes: string[], more: Partial<RecordParts> = {}): StsEvent[] => [
    {
      type: 'AssumeRoleWithWebIdentityFailed',
      data: { call: callRecord(data, world, { ...base, error: { code, message }, notes: [...lead, ...notes], ...more }), token },
    },
  ];
  const read = readWebIdentity(params, token);
  if (!read.ok) return failed('ValidationError', read.message, []);
  const p = read.params;
  const roleAccount = p.roleArn.split(':')[4] ?? '';
  const checked = p.providerId !== null ? checkAccessToken(p.token, p.providerId) : checkToken(p.token, roleAccount, world);
  if (!checked.ok) return failed(checked.code, checked.message, checked.notes);
  const extra = sessionClaims(checked.claims);
  if (!extra.ok) return failed('InvalidIdentityToken', extra.message, [...checked.notes, extra.note]);

  const denied = (notes: string[], more: Partial<RecordParts>): StsEvent[] => {
    const decision = more.evaluations?.[more.evaluations.length - 1]?.evaluation.decision ?? 'ImplicitDeny';
    const call = callRecord(data, world, {
      ...base,
      decision,
      error: { code: 'AccessDenied', message: NOT_AUTHORIZED },
      notes: [...lead, ...checked.notes, ...notes],
      ...more,
    });
    return [{ type: 'AssumeRoleWithWebIdentityDenied', data: { call, token } }];
  };
  const role = world.iam.roles[p.roleArn];
  if (!role) return denied([`no role ${p.roleArn} exists; AWS answers as it would for a denial`], { evaluations: [] });

  const who: Caller = {
    record: caller,
    principal: { kind: 'webIdentity', federatedProvider: checked.federation.name },
    user: null,
    role: null,
    session: null,
  };
  const keys: Record<string, string | string[]> = {
    'aws:FederatedProvider': checked.federation.name,
    ...tokenContext(checked.federation, checked.claims, checked.audience),
    'sts:RoleSessionName': p.sessionName,
    ...requestTagKeys(extra.tags, extra.transitiveTagKeys),
  };
  if (extra.sourceIdentity !== null) keys['sts:SourceIdentity'] = extra.sourceIdentity;
  const gets = { tags: extra.tags.length > 0, sourceIdentity: extra.sourceIdentity !== null };
  const trust = { region: data.region, context: data.context, gets };
  const { context, evaluations, refused, why } = evaluateFederatedTrust(
    who,
    role,
    'sts:AssumeRoleWithWebIdentity',
    'token',
    keys,
    trust,
    world,
  );
  if (refused !== null) return denied(why, { context, evaluations });
  const evaluated = { context, evaluations, decision: 'Allow' as const };

  const duration = p.duration ?? 3600;
  if (duration > role.maxSessionDuration) {
    return failed(
      'ValidationError',
      'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.',
      [...checked.notes, `the role ${role.name} allows sessions of at most ${role.maxSessionDuration} seconds`],
      evaluated,
    );
  }
  const policies = checkSessionPolicies(p.policy, roleAccount, `role ${role.name}`, world);
  if (!policies.ok) return failed(policies.code, policies.message, [...checked.notes, policies.note], evaluated);
  const size = hasSessionPolicies(policies.policies) || extra.tags.length > 0 ? packedSize(p.policy.text, p.policy.arns, extra.tags) : null;
  const tooLarge = size === null ? null : packedTooLarge(size);
  if (tooLarge !== null) return failed('PackedPolicyTooLarge', tooLarge, checked.notes, evaluated);

  const minted = mint(world, role.account, `${role.arn}|${p.sessionName}|web-identity`, duration);
  const tags = tagRecord(extra.tags);
  const { session, assumedRoleUser } = roleSession(world, role, p.sessionName, minted, {
    sourceArn: caller.arn,
    chained: false,
    mfa: null,
    tags,
    transitiveTagKeys: [...extra.transitiveTagKeys],
    sourceIdentity: extra.sourceIdentity,
    policies: policies.policies,
    webIdentity: { provider: checked.federation.name, subject: checked.subject, audience: checked.audience },
  });
  const notes = [
    ...lead,
    ...checked.notes,
    durationNote(
      p.duration,
      duration,
      minted.expiration,
      `the role allows up to ${role.maxSessionDuration} seconds; the token's own exp does not shorten the session`,
    ),
    ...policies.notes,
  ];
  if (extra.tags.length > 0)
    notes.push(`session tags from the token's https://aws.amazon.com/tags claim: ${tagText(tags, extra.transitiveTagKeys)}`);
  if (extra.sourceIdentity !== null)
    notes.push(`source identity ${extra.sourceIdentity} from the token's https://aws.amazon.com/source_identity claim`);
  if (size !== null) notes.push(`PackedPolicySize ${size.percent} is iamsim's estimate; AWS does not publish its packing`);
  const response: Record<string, unknown> = {
    Credentials: minted.credentials,
    SubjectFromWebIdentityToken: checked.subject,
    AssumedRoleUser: assumedRoleUser,
  };
  if (size !== null) response['PackedPolicySize'] = size.percent;
  response['Provider'] = checked.federation.name;
  response['Audience'] = checked.audience;
  if (extra.sourceIdentity !== null) response['SourceIdentity'] = extra.sourceIdentity;
  const call = callRecord(data, world, { ...base, ...evaluated, response, notes });
  return [{ type: 'RoleAssumedWithWebIdentity', data: { call, session, token: p.token } }];
}

/** The call carries no credentials: the record names who sent it, nothing more. */
function unsignedRecord(ref: CallerRef): CallerRecord {
  if (ref.kind === 'pod')
    return { kind: 'pod', arn: 'anonymous', account: null, credentials: 'none', accessKeyId: null, label: `pod ${ref.pod}` };
  return { kind: 'anonymous', arn: 'anonymous', account: null, credentials: 'none', accessKeyId: null, label: 'unsigned request' };
}

function unsignedNote(ref: CallerRef): string {
  const who =
    ref.kind === 'pod' ? 'the pod sends it' : ref.kind === 'anonymous' ? 'it is sent' : "it is sent without the caller's credentials";
  return `AssumeRoleWithWebIdentity is unsigned: ${who} with no AWS credentials, and the token alone says who is asking`;
}

export type { PreparedToken };
