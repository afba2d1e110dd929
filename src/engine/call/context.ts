// The request context AWS builds for a call: the global condition keys of the caller, the
// resource and the clock (IAM User Guide "AWS global condition context keys"), then the step's own
// `context` on top.
import type { ContextValue } from '../../policy/types.js';
import type { World } from '../world.js';
import { mfaContext } from '../sts/mfa.js';
import type { Session } from '../sts/state.js';
import { overlayTags } from '../sts/tags.js';
import type { Caller, ServiceSource } from './caller.js';
import { orgContext, sourceOrgContext } from './org-context.js';

export interface ResourceFacts {
  readonly account: string | null;
  readonly tags: Readonly<Record<string, string>>;
  /**
   * An IAM user or role: its tags are also iam:ResourceTag/* (Service Authorization Reference,
   * "Actions, resources, and condition keys for AWS Identity and Access Management" and "… for AWS
   * Security Token Service": the user and role resource types list both aws:ResourceTag/${TagKey}
   * and iam:ResourceTag/${TagKey}).
   */
  readonly iamEntity?: boolean;
}

/**
 * The IAM user or role an ARN names, as a resource of the request: its account and tags (null when
 * the ARN names no declared user or role).
 */
export function iamEntityFacts(arn: string, world: World): ResourceFacts | null {
  const entity = world.iam.roles[arn] ?? world.iam.users[arn];
  return entity === undefined ? null : { account: entity.account, tags: entity.tags, iamEntity: true };
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
      ctx['aws:PrincipalArn'] = user.arn;
      ctx['aws:PrincipalAccount'] = user.account;
      ctx['aws:PrincipalType'] = 'User';
      ctx['aws:userid'] = user.id;
      ctx['aws:username'] = user.name;
      ctx['aws:PrincipalIsAWSService'] = 'false';
      principalTags(ctx, user.tags);
      temporaryKeys(ctx, caller.session, clock);
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
      temporaryKeys(ctx, caller.session, clock);
      break;
    case 'roleSession': {
      const s = caller.session;
      if (s?.kind !== 'role-session') throw new Error('bug: a role session caller without its session');
      Object.assign(ctx, {
        'aws:PrincipalArn': s.roleArn,
        'aws:PrincipalAccount': s.account,
        'aws:PrincipalType': 'AssumedRole',
        'aws:userid': `${s.roleId}:${s.sessionName}`,
        'aws:PrincipalIsAWSService': 'false',
      });
      temporaryKeys(ctx, s, clock);
      if (s.sourceIdentity !== null) ctx['aws:SourceIdentity'] = s.sourceIdentity;
      if (s.webIdentity) Object.assign(ctx, webIdentityKeys(s.webIdentity));
      // IAM User Guide "IAM and AWS STS condition context keys", "SAML role permissions policies":
      // a SAML session's requests carry saml:namequalifier, saml:sub and saml:sub_type
      if (s.saml)
        Object.assign(ctx, { 'saml:namequalifier': s.saml.nameQualifier, 'saml:sub': s.saml.sub, 'saml:sub_type': s.saml.subType });
      // session tags (incl. inherited transitive ones) win over the role's tags (IAM User Guide
      // "Pass session tags in AWS STS")
      principalTags(ctx, overlayTags(caller.role?.tags ?? {}, s.tags));
      break;
    }
    case 'stsFederatedUser': {
      const s = caller.session;
      if (s?.kind !== 'federated-user') throw new Error('bug: a federated caller without its session');
      Object.assign(ctx, {
        'aws:PrincipalArn': s.arn,
        'aws:PrincipalAccount': s.account,
        'aws:PrincipalType': 'FederatedUser',
        'aws:userid': `${s.account}:${s.name}`,
        'aws:PrincipalIsAWSService': 'false',
      });
      temporaryKeys(ctx, s, clock);
      // GetFederationToken: session tags override the user's tags of the same key (STS API reference)
      principalTags(ctx, overlayTags(caller.user?.tags ?? {}, s.tags));
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
    case 'webIdentity':
      break;
    default: {
      const unreachable: never = p.kind;
      throw new Error(`bug: unknown principal kind ${String(unreachable)}`);
    }
  }
  ctx['aws:CurrentTime'] = clock;
  ctx['aws:EpochTime'] = epochSeconds(clock);
  ctx['aws:SecureTransport'] = 'true';
  ctx['aws:RequestedRegion'] = region;
  ctx['aws:ViaAWSService'] = 'false';
  if (resource?.account) ctx['aws:ResourceAccount'] = resource.account;
  const tags = resource?.tags;
  if (tags) for (const k in tags) ctx[`aws:ResourceTag/${k}`] = tags[k]!;
  if (tags && resource.iamEntity === true) for (const k in tags) ctx[`iam:ResourceTag/${k}`] = tags[k]!;
  if (world.organizations.organization !== null) Object.assign(ctx, orgContext(caller.principal, resource?.account ?? null, world));
  if (caller.source) sourceKeys(ctx, caller.source, world);
  return overlay(ctx, extra);
}

/**
 * A service principal acting for a resource passes that resource's ARN and account, and the
 * account's organization when it has one: aws:SourceArn, aws:SourceAccount, aws:SourceOrgID and
 * aws:SourceOrgPaths, the keys confused-deputy conditions compare (IAM User Guide "AWS global
 * condition context keys"; "The confused deputy problem").
 */
function sourceKeys(ctx: Record<string, ContextValue>, source: ServiceSource, world: World): void {
  if (source.account !== null) ctx['aws:SourceAccount'] = source.account;
  if (source.arn !== null) ctx['aws:SourceArn'] = source.arn;
  if (source.account !== null) Object.assign(ctx, sourceOrgContext(source.account, world));
}

const SOURCE_KEYS = ['aws:SourceAccount', 'aws:SourceArn', 'aws:SourceOrgID', 'aws:SourceOrgPaths'];

/** What the trace says of a service caller's source: the resource, its account, the keys it put in the request. */
export function sourceNote(caller: Caller, ctx: Readonly<Record<string, ContextValue>>): string | null {
  const source = caller.source;
  if (source === undefined || caller.principal.kind !== 'servicePrincipal') return null;
  const what = source.arn ?? 'a resource';
  const owner = source.accountFrom === 'owner' ? ', its owner in the scenario' : '';
  const account =
    source.account === null
      ? ' (whose account the scenario does not name, so aws:SourceAccount is absent)'
      : ` (account ${source.account}${owner})`;
  const keys = SOURCE_KEYS.filter((k) => ctx[k] !== undefined);
  const carried = keys.length === 0 ? 'none of the source keys' : keys.join(', ').replace(/, ([^,]*)$/, ' and $1');
  return `${caller.principal.service} calls on behalf of ${what}${account}: the request carries ${carried}`;
}

let lastClock = '';
let lastEpoch = '';

/** aws:EpochTime of the clock (which changes only when a scenario waits). */
function epochSeconds(clock: string): string {
  if (clock !== lastClock) {
    lastEpoch = String(Math.floor(Date.parse(clock) / 1000));
    lastClock = clock;
  }
  return lastEpoch;
}

/**
 * Keys that only temporary credentials carry (IAM User Guide "AWS global condition context keys"):
 * absent for access keys.
 */
function temporaryKeys(ctx: Record<string, ContextValue>, session: Session | null, clock: string): void {
  if (session === null) return;
  ctx['aws:TokenIssueTime'] = session.issuedAt;
  Object.assign(ctx, mfaContext(session.mfa, clock));
}

function principalTags(ctx: Record<string, ContextValue>, tags: Readonly<Record<string, string>>): void {
  for (const k in tags) ctx[`aws:PrincipalTag/${k}`] = tags[k]!;
}

/**
 * The step's context wins over the engine's defaults; key names compare case-insensitively. A key
 * given again moves to the end (the record shows the step's keys last); of two engine keys that
 * differ only in case, the later one is replaced.
 */
function overlay(ctx: Record<string, ContextValue>, extra: Readonly<Record<string, ContextValue>>) {
  let base: string[] | null = null;
  for (const key in extra) {
    base ??= Object.keys(ctx);
    const lower = lowerCase(key);
    for (let i = base.length - 1; i >= 0; i--) {
      if (lowerCase(base[i]!) === lower) {
        delete ctx[base[i]!];
        break;
      }
    }
    ctx[key] = extra[key]!;
  }
  return ctx;
}

const lowered = new Map<string, string>();

/** Context keys recur in every call: lower-case each spelling once. */
function lowerCase(key: string): string {
  let l = lowered.get(key);
  if (l === undefined) {
    if (lowered.size > 4096) lowered.clear();
    lowered.set(key, (l = key.toLowerCase()));
  }
  return l;
}

/**
 * A web identity session keeps aws:FederatedProvider and its provider's aud and sub keys in every
 * later request (IAM User Guide "IAM and AWS STS condition context keys": of the claim keys, amr,
 * aud, id and sub remain).
 */
function webIdentityKeys(w: { readonly provider: string; readonly subject: string; readonly audience: string }): Record<string, string> {
  // Login with Amazon and Facebook keep only what the list names: graph.facebook.com:id
  if (w.provider === 'graph.facebook.com') return { 'aws:FederatedProvider': w.provider, 'graph.facebook.com:id': w.subject };
  if (w.provider === 'www.amazon.com') return { 'aws:FederatedProvider': w.provider };
  // an IAM OIDC provider's keys are named by its URL; a built-in provider's by its name
  const at = w.provider.indexOf(':oidc-provider/');
  const prefix = at < 0 ? w.provider : w.provider.slice(at + ':oidc-provider/'.length);
  return { 'aws:FederatedProvider': w.provider, [`${prefix}:aud`]: w.audience, [`${prefix}:sub`]: w.subject };
}
