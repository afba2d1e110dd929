// The request context AWS builds for a call: the global condition keys of the caller, the
// resource and the clock (reference iam-evaluation §6.2), then the step's own `context` on top.
import type { ContextValue } from '../../policy/types.js';
import type { World } from '../world.js';
import type { Caller } from './caller.js';

export interface ResourceFacts {
  readonly account: string | null;
  readonly tags: Readonly<Record<string, string>>;
}

export function requestContext(
  caller: Caller,
  world: World,
  region: string,
  resource: ResourceFacts | null,
  extra: Readonly<Record<string, ContextValue>>,
): Record<string, ContextValue> {
  const clock = world.scenario.clock;
  const ctx: Record<string, ContextValue> = {};
  const p = caller.principal;
  switch (p.kind) {
    case 'iamUser': {
      const user = caller.user!;
      Object.assign(ctx, {
        'aws:PrincipalArn': user.arn,
        'aws:PrincipalAccount': user.account,
        'aws:PrincipalType': 'User',
        'aws:userid': user.id,
        'aws:username': user.name,
        'aws:PrincipalIsAWSService': 'false',
      });
      for (const [k, v] of Object.entries(user.tags)) ctx[`aws:PrincipalTag/${k}`] = v;
      break;
    }
    case 'root':
      Object.assign(ctx, {
        'aws:PrincipalArn': p.arn,
        'aws:PrincipalAccount': p.accountId,
        'aws:PrincipalType': 'Account',
        'aws:userid': p.accountId,
        'aws:PrincipalIsAWSService': 'false',
      });
      break;
    case 'roleSession': {
      const s = caller.session!;
      Object.assign(ctx, {
        'aws:PrincipalArn': s.roleArn,
        'aws:PrincipalAccount': s.account,
        'aws:PrincipalType': 'AssumedRole',
        'aws:userid': `${s.roleId}:${s.sessionName}`,
        'aws:PrincipalIsAWSService': 'false',
        'aws:TokenIssueTime': s.issuedAt,
        'aws:MultiFactorAuthPresent': s.mfa ? 'true' : 'false',
      });
      for (const [k, v] of Object.entries(caller.role?.tags ?? {})) ctx[`aws:PrincipalTag/${k}`] = v;
      break;
    }
    case 'anonymous':
      Object.assign(ctx, {
        'aws:PrincipalAccount': 'anonymous',
        'aws:PrincipalType': 'Anonymous',
        'aws:userid': 'anonymous',
      });
      break;
    case 'servicePrincipal':
      Object.assign(ctx, {
        'aws:PrincipalIsAWSService': 'true',
        'aws:PrincipalServiceName': p.service,
      });
      break;
    case 'stsFederatedUser':
    case 'webIdentity':
      break;
    default: {
      const unreachable: never = p.kind;
      throw new Error(`bug: unknown principal kind ${String(unreachable)}`);
    }
  }
  Object.assign(ctx, {
    'aws:CurrentTime': clock,
    'aws:EpochTime': String(Math.floor(Date.parse(clock) / 1000)),
    'aws:SecureTransport': 'true',
    'aws:RequestedRegion': region,
    'aws:ViaAWSService': 'false',
  });
  if (resource?.account) ctx['aws:ResourceAccount'] = resource.account;
  for (const [k, v] of Object.entries(resource?.tags ?? {})) ctx[`aws:ResourceTag/${k}`] = v;
  return overlay(ctx, extra);
}

/** The step's context wins over the engine's defaults; key names compare case-insensitively. */
function overlay(ctx: Record<string, ContextValue>, extra: Readonly<Record<string, ContextValue>>) {
  const keys = Object.keys(extra);
  if (keys.length === 0) return ctx;
  const lower = new Map(Object.keys(ctx).map((k) => [k.toLowerCase(), k]));
  for (const key of keys) {
    const existing = lower.get(key.toLowerCase());
    if (existing !== undefined) delete ctx[existing];
    ctx[key] = extra[key]!;
  }
  return ctx;
}
