// sts:GetFederationToken (AWS STS API Reference "GetFederationToken"): a federated user of the
// calling IAM user, `arn:aws:sts::ACCT:federated-user/NAME`. Its permissions are the user's
// identity policies cut down by the session policies passed here — with none, it has no permissions
// at all, except what resource-based policies grant to the federated user itself. The root user may
// call it too (IAM User Guide "Compare AWS STS credentials"), though AWS recommends an IAM user made
// for the purpose instead (the API reference); its federated user then holds the root user's
// permissions — everything in the account, less what SCPs deny in a member account — cut down by
// the session policies (src/policy/root-permissions.ts).
import type { CallData } from '../call/command.js';
import { textParam } from '../call/params.js';
import { accessDeniedMessage } from '../call/record.js';
import { requestContext } from '../call/context.js';
import type { World } from '../world.js';
import { NAME } from './assume-role-request.js';
import { authorizeInTurn } from './authorize-sts.js';
import { sessionCredentialsRefused, startStsCall, tokenDuration } from './call-kit.js';
import { durationNote, mint } from './credentials.js';
import type { StsEvent } from './events.js';
import { packedSize, packedTooLarge } from './packed-size.js';
import { checkSessionPolicies, checkSessionPolicyParams, hasSessionPolicies, policyText, readPolicyArns } from './session-policies.js';
import type { FederatedSession } from './state.js';
import { checkTags, readTags, requestTagKeys, tagRecord, tagRuleError, tagText } from './tags.js';
import { checkInteger, checkLength, checkPattern, checkRequired, validationMessage, type Constraint } from '../call/validation.js';

export function getFederationToken(data: CallData, world: World): StsEvent[] {
  const call = startStsCall(data, world, (params, caller) => {
    const n = textParam(params, 'Name');
    return n !== null && caller.account !== null ? federatedUserArn(caller.account, n) : null;
  });
  const name = textParam(call.params, 'Name');
  const tags = readTags(call.params['Tags']);
  const arns = readPolicyArns(call.params['PolicyArns']);
  if (typeof tags === 'string') return call.failed('ValidationError', tags);
  if (typeof arns === 'string') return call.failed('ValidationError', arns);
  const v: Constraint[] = [];
  checkRequired('name', name, v);
  checkLength('name', name, 2, 32, v);
  checkPattern('name', name, NAME, v);
  const requested = checkInteger('durationSeconds', textParam(call.params, 'DurationSeconds'), 900, 129600, v);
  const policy = { text: policyText(call.params['Policy']), arns };
  checkSessionPolicyParams(policy, v);
  checkTags(tags, [], v);
  if (v.length > 0) return call.failed('ValidationError', validationMessage(v));
  if (!call.auth.ok) return call.failed(call.auth.error.code, call.auth.error.message, [call.auth.note]);
  const who = call.auth.caller;
  const longTermOnly = sessionCredentialsRefused(call, who, 'GetFederationToken');
  if (longTermOnly !== null) return longTermOnly;
  const tagError = tagRuleError(tags, [], []);
  if (tagError !== null) return call.failed('InvalidParameterValue', tagError.message, [tagError.note]);
  const userAccount = who.record.account ?? '';
  const policies = checkSessionPolicies(policy, userAccount, who.record.label, world);
  if (!policies.ok) return call.failed(policies.code, policies.message, [policies.note]);

  const federatedArn = federatedUserArn(userAccount, name!);
  const context = requestContext(who, world, data.region, { account: userAccount, tags: {} }, { ...requestTagKeys(tags), ...data.context });
  const request = { who, action: 'sts:GetFederationToken', resource: federatedArn, resourceAccount: userAccount, context };
  const { evaluations, refused } = authorizeInTurn(request, { tags: tags.length > 0, sourceIdentity: false }, world);
  if (refused !== null) {
    const e = evaluations[evaluations.length - 1]!.evaluation;
    const message = accessDeniedMessage(who.record.arn, refused, federatedArn, e.decision, e.decidedBy?.type ?? null);
    const notes = refused === 'sts:TagSession' ? ['the request passes session tags, so sts:TagSession must be allowed too'] : [];
    return call.denied(message, notes, { context, evaluations, decision: e.decision });
  }

  const size = packedSize(policy.text, policy.arns, tags);
  const tooLarge = packedTooLarge(size);
  if (tooLarge !== null) return call.failed('PackedPolicyTooLarge', tooLarge, [], { context, evaluations, decision: 'Allow' });
  const root = who.principal.kind === 'root';
  const duration = tokenDuration(root, requested);
  const minted = mint(world, userAccount, `${federatedArn}|federation-token`, duration.seconds);
  const limit = root ? 'the root user may have at most 3600 seconds' : 'an IAM user may ask for 900 to 129600 seconds';
  const notes = [durationNote(requested, duration.seconds, minted.expiration, limit)];
  if (duration.note !== null) notes.push(duration.note);
  if (root) {
    notes.push(
      'AWS allows the root user to call GetFederationToken but does not recommend it: it recommends an IAM user made for the purpose, whose policies limit what federated users may get (AWS STS API Reference "GetFederationToken")',
    );
    if (hasSessionPolicies(policies.policies)) {
      notes.push(
        `the root user has no identity-based policies, and AWS states the intersection rule only for an IAM user's policies: iamsim assumes, as AWS documents for the root user's GetSessionToken credentials, that ${federatedArn} holds the root user's permissions (everything in the account, less what SCPs deny in a member account), cut down by the session policies`,
      );
    }
  }
  if (!hasSessionPolicies(policies.policies)) {
    notes.push(
      `no session policy: the federated user has no permissions, except what resource-based policies grant to ${federatedArn} itself`,
    );
  }
  notes.push(...policies.notes);
  if (tags.length > 0) notes.push(`session tags: ${tagText(tagRecord(tags))}; they override the user's tags of the same key`);
  notes.push(
    `PackedPolicySize ${size.percent} is iamsim's estimate of the share of STS's packed allowance the session policies and tags use; AWS does not publish its packing`,
  );
  const session: FederatedSession = {
    kind: 'federated-user',
    accessKeyId: minted.accessKeyId,
    arn: federatedArn,
    name: name!,
    userArn: who.record.arn,
    account: userAccount,
    issuedAt: world.scenario.clock,
    expiration: minted.expiration,
    sourceArn: who.record.arn,
    mfa: null,
    tags: tagRecord(tags),
    policies: policies.policies,
  };
  const response = {
    Credentials: minted.credentials,
    FederatedUser: { FederatedUserId: `${userAccount}:${name!}`, Arn: federatedArn },
    PackedPolicySize: size.percent,
  };
  return [{ type: 'FederationTokenIssued', data: { call: call.record({ context, evaluations, response, notes }), session } }];
}

export function federatedUserArn(account: string, name: string): string {
  return `arn:aws:sts::${account}:federated-user/${name}`;
}
