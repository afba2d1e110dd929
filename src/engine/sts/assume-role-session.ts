// The session AssumeRole creates, its response (AWS STS API Reference "AssumeRole": Credentials,
// AssumedRoleUser, PackedPolicySize when session policies or tags are passed, SourceIdentity) and
// the notes that explain it in the trace.
import type { Caller } from '../call/caller.js';
import type { IamRole } from '../iam/state.js';
import type { World } from '../world.js';
import type { AssumeRoleParams } from './assume-role-request.js';
import { durationNote, mint } from './credentials.js';
import { packedSize, packedTooLarge } from './packed-size.js';
import { roleSession } from './role-session.js';
import { hasSessionPolicies } from './session-policies.js';
import type { MfaAuth, RoleSession, SessionPolicies } from './state.js';
import { overlayTags, tagRecord, tagText, type Tag } from './tags.js';

export interface SessionInput {
  readonly who: Caller;
  readonly role: IamRole;
  readonly params: AssumeRoleParams;
  readonly chained: boolean;
  readonly inherited: Readonly<Record<string, string>>;
  readonly sourceIdentity: string | null;
  /** MFA validated in this request */
  readonly mfa: MfaAuth | null;
  readonly policies: SessionPolicies;
  /** notes on MFA and session policies, placed after the duration */
  readonly notes: readonly string[];
}

export type IssuedSession =
  | { readonly ok: true; readonly session: RoleSession; readonly response: Record<string, unknown>; readonly notes: string[] }
  /** the packed size is over 100 %: PackedPolicyTooLarge's message */
  | { readonly ok: false; readonly tooLarge: string; readonly notes: string[] };

export function newRoleSession(input: SessionInput, world: World): IssuedSession {
  const { who, role, params: p, inherited } = input;
  const inheritedTags: Tag[] = Object.entries(inherited).map(([key, value]) => ({ key, value }));
  const packedTags = [...inheritedTags, ...p.tags];
  const packs = hasSessionPolicies(input.policies) || packedTags.length > 0;
  const size = packs ? packedSize(p.policy.text, p.policy.arns, packedTags) : null;
  const sizeNote =
    size === null
      ? null
      : `PackedPolicySize ${size.percent} is iamsim's estimate of the share of STS's packed allowance the session policies and tags use; AWS does not publish its packing`;
  const tooLarge = size === null ? null : packedTooLarge(size);
  if (tooLarge !== null) return { ok: false, tooLarge, notes: [sizeNote!] };

  const duration = p.duration ?? 3600;
  const minted = mint(world, role.account, `${role.arn}|${p.sessionName}`, duration);
  const notes = [durationNote(p.duration, duration, minted.expiration, `the role allows up to ${role.maxSessionDuration} seconds`)];
  if (input.chained) notes.push(chainingNote(who));
  notes.push(...input.notes);
  const tags = { ...inherited, ...tagRecord(p.tags) };
  const transitive = [
    ...Object.keys(inherited),
    ...p.transitiveTagKeys.map((k) => p.tags.find((t) => t.key.toLowerCase() === k.toLowerCase())?.key ?? k),
  ];
  if (Object.keys(inherited).length > 0) notes.push(`inherited transitive tags: ${tagText(inherited)}`);
  if (p.tags.length > 0) notes.push(`session tags: ${tagText(tagRecord(p.tags), p.transitiveTagKeys)}`);
  if (Object.keys(tags).length > 0) {
    notes.push(
      `the session's principal tags (aws:PrincipalTag/*): ${tagText(overlayTags(role.tags, tags))}; session tags override the role's tags of the same key`,
    );
  }
  const mfa = input.mfa ?? who.session?.mfa ?? null;
  if (input.sourceIdentity !== null) {
    notes.push(
      p.sourceIdentity === null
        ? `source identity ${input.sourceIdentity} carries over from the calling session (aws:SourceIdentity)`
        : `source identity ${input.sourceIdentity} is set for good: every request of the session, and of sessions it assumes, carries aws:SourceIdentity`,
    );
  }
  if (sizeNote !== null) notes.push(sizeNote);

  const { session, assumedRoleUser } = roleSession(world, role, p.sessionName, minted, {
    sourceArn: who.record.arn,
    chained: input.chained,
    mfa,
    tags,
    transitiveTagKeys: transitive,
    sourceIdentity: input.sourceIdentity,
    policies: input.policies,
  });
  const response: Record<string, unknown> = { Credentials: minted.credentials, AssumedRoleUser: assumedRoleUser };
  if (size !== null) response['PackedPolicySize'] = size.percent;
  if (input.sourceIdentity !== null) response['SourceIdentity'] = input.sourceIdentity;
  return { ok: true, session, response, notes };
}

/** Why a chained session is capped at one hour. */
export function chainingNote(who: Caller): string {
  return who.session?.kind === 'role-session'
    ? 'role chaining: the caller is itself a role session, so the session may last at most 1 hour'
    : 'role chaining: AWS counts AssumeRole with GetSessionToken credentials as chaining too, so the session may last at most 1 hour';
}
