// The authorization of an AssumeRole request (IAM User Guide "IAM and AWS STS condition context
// keys"; AWS STS API Reference "AssumeRole"): the request context STS builds, then sts:AssumeRole,
// sts:TagSession when the new session gets tags (passed, or inherited as transitive tags — EKS Pod
// Identity users see chained calls fail on sts:TagSession for exactly that reason) and
// sts:SetSourceIdentity when it gets a source identity (passed, or inherited in a chain — iamsim's
// reading of the IAM User Guide; AWS states it only for the set case). Each is evaluated against
// the trust policy and the caller's own policies; the first that is not allowed decides the
// AccessDenied.
import type { Caller } from '../call/caller.js';
import { requestContext } from '../call/context.js';
import type { ContextValue } from '../../policy/types.js';
import type { IamRole } from '../iam/state.js';
import type { World } from '../world.js';
import type { AssumeRoleParams } from './assume-role-request.js';
import type { CallAuthzRequest } from '../call/authorize-call.js';
import { authorizeInTurn, type InTurn } from './authorize-sts.js';
import { mfaContext } from './mfa.js';
import type { MfaAuth } from './state.js';
import { overlayTags, requestTagKeys } from './tags.js';

export interface TrustInput {
  readonly who: Caller;
  readonly role: IamRole;
  readonly params: AssumeRoleParams;
  /** MFA validated in this very request (SerialNumber + TokenCode) */
  readonly mfa: MfaAuth | null;
  /** transitive tags the calling session passes on */
  readonly inherited: Readonly<Record<string, string>>;
  /** the source identity the new session will carry (requested, or inherited) */
  readonly sourceIdentity: string | null;
  readonly region: string;
  readonly stepContext: Readonly<Record<string, ContextValue>>;
}

export interface TrustOutcome extends InTurn {
  readonly context: Record<string, ContextValue>;
}

export function evaluateTrust(input: TrustInput, world: World): TrustOutcome {
  const { who, role, params: p } = input;
  const context = trustContext(input, world);
  const gets = { tags: p.tags.length > 0 || Object.keys(input.inherited).length > 0, sourceIdentity: input.sourceIdentity !== null };
  return { context, ...authorizeInTurn(trustRequest(who, role, 'sts:AssumeRole', context), gets, world) };
}

/**
 * The trust side of a federated call (AssumeRoleWithWebIdentity, AssumeRoleWithSAML), which has no
 * identity side: the caller's keys, the claims' or attributes' keys and the step's context, the role's
 * tags as the resource's; then the action, and sts:TagSession or sts:SetSourceIdentity for what the
 * token or assertion carries (`refused` names the one the trust policy did not allow, with why).
 */
export function evaluateFederatedTrust(
  who: Caller,
  role: IamRole,
  action: string,
  carrier: 'token' | 'assertion',
  keys: Record<string, ContextValue>,
  request: {
    readonly region: string;
    readonly context: Readonly<Record<string, ContextValue>>;
    readonly gets: { tags: boolean; sourceIdentity: boolean };
  },
  world: World,
): TrustOutcome & { readonly why: string[] } {
  const context = requestContext(
    who,
    world,
    request.region,
    { account: role.account, tags: role.tags, iamEntity: true },
    { ...keys, ...request.context },
  );
  const { evaluations, refused } = authorizeInTurn(trustRequest(who, role, action, context), request.gets, world);
  const why =
    refused === null || refused === action
      ? []
      : [
          `the ${carrier} carries ${refused === 'sts:TagSession' ? 'session tags' : 'a source identity'}, so the trust policy must allow ${refused} too`,
        ];
  return { context, evaluations, refused, why };
}

/** The request of a call on a role, which the role's trust policy must allow too. */
export function trustRequest(who: Caller, role: IamRole, action: string, context: Record<string, ContextValue>): CallAuthzRequest {
  const policy = { name: `trust policy of role ${role.name}`, document: role.trust, kind: 'trust' as const };
  return { who, action, resource: role.arn, resourceAccount: role.account, context, policy };
}

/**
 * The caller's keys, then what STS adds for this request: sts:RoleSessionName, sts:ExternalId,
 * sts:SourceIdentity, the request's tags (aws:RequestTag/*, aws:TagKeys, sts:TransitiveTagKeys), the
 * MFA of this request, and aws:ResourceTag/* and iam:ResourceTag/* from the role's tags overlaid by
 * inherited transitive tags (the Service Authorization Reference lists both keys for the role resource
 * of sts:AssumeRole; that the transitive tags overlay iam:ResourceTag/* as they do aws:ResourceTag/*
 * is iamsim's reading: AWS documents the overlay only for aws:ResourceTag). The step's own `context`
 * goes on top.
 */
function trustContext(input: TrustInput, world: World): Record<string, ContextValue> {
  const p = input.params;
  const keys: Record<string, ContextValue> = { 'sts:RoleSessionName': p.sessionName };
  if (p.externalId !== null) keys['sts:ExternalId'] = p.externalId;
  if (input.sourceIdentity !== null) keys['sts:SourceIdentity'] = input.sourceIdentity;
  Object.assign(keys, requestTagKeys(p.tags, p.transitiveTagKeys));
  if (input.mfa !== null) Object.assign(keys, mfaContext(input.mfa, world.scenario.clock));
  const resource = { account: input.role.account, tags: overlayTags(input.role.tags, input.inherited), iamEntity: true };
  return requestContext(input.who, world, input.region, resource, { ...keys, ...input.stepContext });
}
