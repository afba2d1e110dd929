// sts:AssumeRole, in the order of reference sts-oidc-irsa §4.4: validate parameters, authenticate,
// refuse root, find the role, evaluate trust and identity, check the duration, mint credentials.
import { accessKeyId, secretAccessKey, sessionToken } from '../ids.js';
import { authenticate } from '../call/caller.js';
import { authorize } from '../call/authorize.js';
import type { CallData } from '../call/command.js';
import { requestContext } from '../call/context.js';
import { materialize, textParam } from '../call/params.js';
import { callerPolicies, compiled } from '../call/policies.js';
import { accessDeniedMessage, callRecord } from '../call/record.js';
import type { World } from '../world.js';
import type { StsEvent } from './events.js';
import type { RoleSession } from './state.js';
import {
  checkInteger,
  checkLength,
  checkPattern,
  checkRequired,
  validationMessage,
  type Constraint,
} from './validation.js';

const SESSION_NAME = '[\\w+=,.@-]*';

export function assumeRole(data: CallData, world: World): StsEvent[] {
  const params = materialize(data.params, world);
  const roleArn = textParam(params, 'RoleArn');
  const sessionName = textParam(params, 'RoleSessionName');
  const auth = authenticate(data.caller, world);
  const caller = auth.ok ? auth.caller.record : auth.record;
  const base = { caller, params, resource: roleArn };

  const violations: Constraint[] = [];
  checkRequired('roleArn', roleArn, violations);
  checkLength('roleArn', roleArn, 20, 2048, violations);
  checkRequired('roleSessionName', sessionName, violations);
  checkLength('roleSessionName', sessionName, 2, 64, violations);
  checkPattern('roleSessionName', sessionName, SESSION_NAME, violations);
  const requested = checkInteger('durationSeconds', textParam(params, 'DurationSeconds'), 900, 43200, violations);
  if (violations.length > 0) {
    const error = { code: 'ValidationError', message: validationMessage(violations) };
    return [{ type: 'AssumeRoleFailed', data: { call: callRecord(data, world, { ...base, error }) } }];
  }
  if (!auth.ok) return [{ type: 'StsCallFailed', data: { call: callRecord(data, world, { ...base, error: auth.error, notes: [auth.note] }) } }];
  const who = auth.caller;
  if (who.principal.kind === 'root') {
    const error = { code: 'AccessDenied', message: 'Roles may not be assumed by root accounts.' };
    return [{ type: 'AssumeRoleFailed', data: { call: callRecord(data, world, { ...base, error }) } }];
  }
  const arn = roleArn!;
  const denied = (evaluations: Parameters<typeof callRecord>[2]['evaluations'], notes: string[] = []) => {
    const decision = evaluations?.[0]?.evaluation.decision ?? 'ImplicitDeny';
    const error = { code: 'AccessDenied', message: accessDeniedMessage(caller.arn, 'sts:AssumeRole', arn, decision, null) };
    const call = callRecord(data, world, { ...base, decision, error, evaluations: evaluations ?? [], notes });
    return [{ type: 'AssumeRoleDenied', data: { call } } as const];
  };
  const role = world.iam.roles[arn];
  if (!role) return denied([], [`no role ${arn} exists; AWS answers as it would for a denial`]);

  const mine = callerPolicies(who, world);
  const trustName = `trust policy of role ${role.name}`;
  const documents = new Map(mine.documents).set(trustName, role.trust);
  const context = requestContext(who, world, data.region, { account: role.account, tags: role.tags }, data.context);
  context['sts:RoleSessionName'] = sessionName!;
  const request = {
    principal: who.principal,
    action: 'sts:AssumeRole',
    resource: role.arn,
    resourceAccount: role.account,
    context,
  };
  const evaluation = authorize(
    request,
    {
      identity: mine.identity,
      boundary: mine.boundary,
      resource: compiled(role.trust, trustName, 'trust'),
      resourceMustAllow: true,
    },
    documents,
  );
  if (evaluation.evaluation.decision !== 'Allow') return denied([evaluation]);

  const chained = who.session !== null;
  const duration = requested ?? 3600;
  const limitError = chained && duration > 3600
    ? 'The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.'
    : duration > role.maxSessionDuration
      ? 'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.'
      : null;
  if (limitError !== null) {
    const error = { code: 'ValidationError', message: limitError };
    const call = callRecord(data, world, { ...base, context, decision: 'Allow', error, evaluations: [evaluation] });
    return [{ type: 'AssumeRoleFailed', data: { call } }];
  }

  const seed = world.scenario.seed;
  const issued = Object.keys(world.sts.sessions).length;
  const keyId = accessKeyId('ASIA', role.account, seed, `${role.arn}|${sessionName}|${world.scenario.clock}|${issued}`);
  const expiration = new Date(Date.parse(world.scenario.clock) + duration * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const session: RoleSession = {
    kind: 'role-session',
    accessKeyId: keyId,
    arn: `arn:aws:sts::${role.account}:assumed-role/${role.name}/${sessionName}`,
    roleArn: role.arn,
    roleId: role.id,
    sessionName: sessionName!,
    account: role.account,
    issuedAt: world.scenario.clock,
    expiration,
    sourceArn: caller.arn,
    chained,
    mfa: false,
  };
  const response = {
    Credentials: {
      AccessKeyId: keyId,
      SecretAccessKey: secretAccessKey(seed, keyId),
      SessionToken: sessionToken(seed, keyId),
      Expiration: expiration,
    },
    AssumedRoleUser: { AssumedRoleId: `${role.id}:${sessionName}`, Arn: session.arn },
  };
  const notes = [
    requested === null
      ? `DurationSeconds not given: the session lasts the default 3600 seconds, until ${expiration} (the role allows up to ${role.maxSessionDuration} seconds)`
      : `the session lasts the requested ${duration} seconds, until ${expiration} (the role allows up to ${role.maxSessionDuration} seconds)`,
  ];
  if (chained) notes.push('role chaining: the caller is itself a role session, so the session may last at most 1 hour');
  const call = callRecord(data, world, { ...base, context, decision: 'Allow', response, evaluations: [evaluation], notes });
  return [{ type: 'RoleAssumed', data: { call, session } }];
}
