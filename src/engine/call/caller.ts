// Authentication: turn the step's subject into the principal AWS would see, or the error AWS
// would give for its credentials (expired session credentials → ExpiredToken).
import type { RequestPrincipal } from '../../policy/types.js';
import type { CallerRecord } from '../call-record.js';
import type { IamRole, IamUser } from '../iam/state.js';
import type { FederatedSession, RoleSession, Session, SessionToken } from '../sts/state.js';
import { arnAccount, findResource } from '../resources/owner.js';
import type { World } from '../world.js';
import type { CallerRef } from './command.js';
import type { ErrorCode } from '../error-codes.js';

export interface Caller {
  readonly record: CallerRecord;
  readonly principal: RequestPrincipal;
  readonly user: IamUser | null;
  readonly role: IamRole | null;
  readonly session: Session | null;
  /** a service principal's source resource: what it calls on behalf of (null parts: not known) */
  readonly source?: ServiceSource;
}

export interface ServiceSource {
  readonly arn: string | null;
  readonly account: string | null;
  /** where the account came from: the step, the ARN's account field, or the declared resource's owner */
  readonly accountFrom: 'step' | 'arn' | 'owner' | null;
}

export type Authentication =
  | { readonly ok: true; readonly caller: Caller }
  | {
      readonly ok: false;
      readonly record: CallerRecord;
      readonly error: { readonly code: ErrorCode; readonly message: string };
      readonly note: string;
    };

/**
 * `action` (service:Action) lets authentication apply the limits AWS puts on some temporary
 * credentials: GetSessionToken credentials without MFA, and federation tokens, cannot call IAM.
 */
export function authenticate(ref: CallerRef, world: World, action: string | null = null): Authentication {
  switch (ref.kind) {
    case 'user': {
      const user = world.iam.users[ref.arn];
      if (!user) return invalidKey(longTermRecord(ref.arn, null), `user ${ref.arn} has been deleted, and its access keys with it`);
      // `as user` signs with the user's first access key; a user declared without one stands for its
      // long-term credentials, but a user whose every key was deleted has none left to sign with
      const keyId = user.accessKeys[0] ?? null;
      if (keyId === null && (world.iam.keysMinted[user.arn] ?? 0) > 0) {
        return invalidKey(userRecord(user, null), `user ${user.name} has no access key left: every key it had was deleted`);
      }
      if (keyId !== null && world.iam.accessKeys[keyId]?.status === 'Inactive') {
        return invalidKey(userRecord(user, keyId), `access key ${keyId} of user ${user.name} is inactive`);
      }
      let known = asUser.get(user);
      if (known === undefined) asUser.set(user, (known = userCaller(user, keyId)));
      return known;
    }
    case 'root': {
      const arn = `arn:aws:iam::${ref.account}:root`;
      const record: CallerRecord = {
        kind: 'root',
        arn,
        account: ref.account,
        credentials: 'long-term',
        accessKeyId: null,
        label: `root user of ${world.iam.accounts[ref.account]?.name ?? ref.account}`,
      };
      const principal: RequestPrincipal = { kind: 'root', accountId: ref.account, arn };
      return { ok: true, caller: { record, principal, user: null, role: null, session: null } };
    }
    case 'kept':
      return authenticateKept(ref.name, world, action);
    case 'key':
      return authenticateKey(ref.accessKeyId, 'access key', world, action);
    case 'anonymous': {
      const record: CallerRecord = {
        kind: 'anonymous',
        arn: 'anonymous',
        account: null,
        credentials: 'none',
        accessKeyId: null,
        label: 'anonymous (unsigned request)',
      };
      return { ok: true, caller: { record, principal: { kind: 'anonymous' }, user: null, role: null, session: null } };
    }
    case 'service': {
      const record: CallerRecord = {
        kind: 'service',
        arn: ref.service,
        account: null,
        credentials: 'none',
        accessKeyId: null,
        label: `service ${ref.service}`,
      };
      const principal: RequestPrincipal = { kind: 'servicePrincipal', service: ref.service };
      const source = serviceSource(ref.sourceAccount, ref.sourceArn, world);
      return { ok: true, caller: { record, principal, user: null, role: null, session: null, ...(source ? { source } : {}) } };
    }
    case 'pod': {
      // the credentials the pod's SDK obtained in this step (src/engine/eks/pod-call.ts)
      const keyId = world.eks.podCredentials[ref.pod];
      const session = keyId === undefined ? undefined : world.sts.sessions[keyId];
      if (!session) throw new Error(`bug: pod ${ref.pod} calls without credentials`);
      return { ok: true, caller: sessionCaller(session, `pod ${ref.pod}`, world) };
    }
    case 'session': {
      // a service's session on a role it assumed for the step (resources/stack.ts)
      const session = world.sts.sessions[ref.accessKeyId];
      if (!session) throw new Error(`bug: no session ${ref.accessKeyId}`);
      return { ok: true, caller: sessionCaller(session, ref.label, world) };
    }
    case 'workload': {
      // the session the workload's service got it in this step (src/engine/services/workload-call.ts)
      const key = `${ref.of} ${ref.account}/${ref.name}`;
      const keyId = world.services.credentials[key];
      const session = keyId === undefined ? undefined : world.sts.sessions[keyId];
      if (!session) throw new Error(`bug: ${key} calls without credentials`);
      return { ok: true, caller: sessionCaller(session, key, world) };
    }
    default: {
      const unreachable: never = ref;
      throw new Error(`bug: unknown caller ${JSON.stringify(unreachable)}`);
    }
  }
}

/**
 * The resource a service principal acts for. The calling service passes the source resource's ARN
 * and its account (IAM User Guide "AWS global condition context keys", aws:SourceAccount and
 * aws:SourceArn): the account is the one the step names, else the ARN's account field, else, for an
 * ARN without one (an S3 bucket), the owner of the declared resource.
 */
function serviceSource(account: string | null, arn: string | null, world: World): ServiceSource | null {
  if (account !== null) return { arn, account, accountFrom: 'step' };
  if (arn === null) return null;
  const inArn = arnAccount(arn);
  if (inArn !== null) return { arn, account: inArn, accountFrom: 'arn' };
  const owner = findResource(arn, world)?.account ?? null;
  return { arn, account: owner, accountFrom: owner === null ? null : 'owner' };
}

/** An IAM user's caller depends on the user alone (a new object whenever it changes): made once. */
const asUser = new WeakMap<IamUser, Authentication>();

function userRecord(user: IamUser, keyId: string | null, label = `user ${user.name}`): CallerRecord {
  return { kind: 'iam-user', arn: user.arn, account: user.account, credentials: 'long-term', accessKeyId: keyId, label };
}

function longTermRecord(arn: string, keyId: string | null, label = `user ${arn.slice(arn.lastIndexOf('/') + 1)}`): CallerRecord {
  return { kind: 'iam-user', arn, account: arnAccount(arn), credentials: 'long-term', accessKeyId: keyId, label };
}

function userCaller(user: IamUser, keyId: string | null, label?: string): Authentication {
  const record = userRecord(user, keyId, label);
  const principal: RequestPrincipal = { kind: 'iamUser', accountId: user.account, arn: user.arn, uniqueId: user.id };
  return { ok: true, caller: { record, principal, user, role: null, session: null } };
}

/**
 * A long-term access key AWS does not accept: deleted, or made inactive (IAM User Guide "Manage
 * access keys for IAM users": an inactive key "cannot be used to make API calls").
 */
function invalidKey(record: CallerRecord, note: string): Authentication {
  const error = { code: 'InvalidClientTokenId' as const, message: 'The security token included in the request is invalid.' };
  return { ok: false, record, error, note: `${note}: AWS refuses the request before it looks at any policy` };
}

/** An IAM user's access key (CreateAccessKey, or `access-key` in the world), as it is now. */
function authenticateLongTermKey(keyId: string, label: string, world: World): Authentication {
  const key = world.iam.accessKeys[keyId];
  if (key === undefined) {
    const record: CallerRecord = { kind: 'iam-user', arn: 'unknown', account: null, credentials: 'long-term', accessKeyId: keyId, label };
    return invalidKey(record, `access key ${keyId} has been deleted`);
  }
  const user = world.iam.users[key.user];
  if (!user) return invalidKey(longTermRecord(key.user, keyId, label), `user ${key.user} has been deleted`);
  if (key.status === 'Inactive') return invalidKey(userRecord(user, keyId, label), `access key ${keyId} is inactive`);
  return userCaller(user, keyId, label);
}

function authenticateKept(name: string, world: World, action: string | null): Authentication {
  const keyId = world.scenario.kept[name];
  if (keyId === undefined) throw new Error(`bug: credentials ${name} were never kept`);
  // long-term keys are AKIA…, temporary ones ASIA… (IAM User Guide "IAM identifiers")
  if (keyId.startsWith('AKIA')) return authenticateLongTermKey(keyId, `credentials ${name}`, world);
  if (!world.sts.sessions[keyId]) throw new Error(`bug: credentials ${name} were never kept`);
  return authenticateKey(keyId, `credentials ${name}`, world, action, `credentials ${name}`);
}

/**
 * A request signed with an access key: a long-term key is its user's (deleted or inactive:
 * InvalidClientTokenId), a temporary key its session's (unknown: InvalidClientTokenId; ended:
 * ExpiredToken). `named` is how the notes name the credentials.
 */
function authenticateKey(
  keyId: string,
  label: string,
  world: World,
  action: string | null,
  named = `credentials ${keyId}`,
): Authentication {
  if (keyId.startsWith('AKIA')) return authenticateLongTermKey(keyId, label, world);
  const session = world.sts.sessions[keyId];
  if (!session) {
    const record: CallerRecord = {
      kind: 'role-session',
      arn: 'unknown',
      account: null,
      credentials: 'temporary',
      accessKeyId: keyId,
      label,
    };
    const error = { code: 'InvalidClientTokenId' as const, message: 'The security token included in the request is invalid.' };
    return {
      ok: false,
      record,
      error,
      note: `no session has temporary access key ${keyId}: AWS refuses the request before it looks at any policy`,
    };
  }
  if (session.kind === 'session-token') {
    const gone = userGone(session, world);
    if (gone !== null) {
      const error = { code: 'InvalidClientTokenId' as const, message: 'The security token included in the request is invalid.' };
      const note = `${gone}: AWS does not document what such credentials get; iamsim refuses them as it refuses the deleted user's access keys`;
      return { ok: false, record: sessionRecord('iam-user', session.principalArn, session, label), error, note };
    }
  }
  const caller = sessionCaller(session, label, world);
  if (Date.parse(world.scenario.clock) >= Date.parse(session.expiration)) {
    return {
      ok: false,
      record: caller.record,
      error: { code: 'ExpiredToken', message: 'The security token included in the request is expired' },
      note: `${named} expired at ${session.expiration} and the clock reads ${world.scenario.clock}; AWS refuses them before it looks at any policy`,
    };
  }
  const iamLimit = action !== null && action.toLowerCase().startsWith('iam:') ? iamRefusal(session) : null;
  if (iamLimit !== null) {
    // the error AWS returns to GetSessionToken credentials without MFA (observed, see aws-vault #15)
    const error = { code: 'InvalidClientTokenId' as const, message: 'The security token included in the request is invalid' };
    return { ok: false, record: caller.record, error, note: iamLimit };
  }
  return { ok: true, caller };
}

/**
 * GetSessionToken credentials of an IAM user that has been deleted, or that was created again since
 * they were issued: AWS does not document what their requests get; iamsim refuses them as it refuses
 * the deleted user's own access keys, rather than let them act as anyone else.
 */
function userGone(session: SessionToken, world: World): string | null {
  if (session.principalArn === `arn:aws:iam::${session.account}:root`) return null;
  const user = world.iam.users[session.principalArn];
  if (user === undefined) return `user ${session.principalArn} has been deleted since these credentials were issued`;
  if (user.created !== undefined && user.created > session.issuedAt) {
    return `user ${session.principalArn} was deleted and created again since these credentials were issued`;
  }
  return null;
}

/** STS API reference, GetSessionToken and GetFederationToken: who may not call IAM. */
function iamRefusal(session: Session): string | null {
  if (session.kind === 'session-token' && session.mfa === null) {
    return 'credentials from GetSessionToken cannot call IAM unless MFA was used to get them';
  }
  if (session.kind === 'federated-user') return 'credentials from GetFederationToken cannot call IAM through the API';
  return null;
}

export function sessionCaller(session: Session, label: string, world: World): Caller {
  switch (session.kind) {
    case 'role-session':
      return roleSessionCaller(session, label, world);
    case 'federated-user':
      return federatedCaller(session, label, world);
    case 'session-token':
      return sessionTokenCaller(session, label, world);
    default: {
      const unreachable: never = session;
      throw new Error(`bug: unknown session ${JSON.stringify(unreachable)}`);
    }
  }
}

/** What every kind of session reports of its caller: its temporary key in the session's account. */
function sessionRecord(kind: CallerRecord['kind'], arn: string, session: Session, label: string): CallerRecord {
  return { kind, arn, account: session.account, credentials: 'temporary', accessKeyId: session.accessKeyId, label };
}

function roleSessionCaller(session: RoleSession, label: string, world: World): Caller {
  // the role as it is now: a deleted role, or another created since with the same name (a new unique
  // ID), leaves the session no permissions, and no policy names it any more (docs/aws-rules.md)
  const current = world.iam.roles[session.roleArn];
  const role = current !== undefined && current.id === session.roleId ? current : null;
  const record = sessionRecord('role-session', session.arn, session, label);
  const principal: RequestPrincipal = {
    kind: 'roleSession',
    accountId: session.account,
    arn: session.arn,
    roleArn: session.roleArn,
    uniqueId: session.roleId,
    isServiceLinkedRole: session.roleArn.includes(':role/aws-service-role/'),
    ...(role === null ? { roleGone: true } : {}),
  };
  return { record, principal, user: null, role, session };
}

/**
 * A federated user acts with its IAM user's policies, cut down by its session policies; one made by
 * the root user (`userArn` is the root ARN, no IAM user) with the root user's implicit full access,
 * cut down likewise (src/policy/root-permissions.ts).
 */
function federatedCaller(session: FederatedSession, label: string, world: World): Caller {
  const record = sessionRecord('federated-user', session.arn, session, label);
  const principal: RequestPrincipal = {
    kind: 'stsFederatedUser',
    accountId: session.account,
    arn: session.arn,
    underlyingUserArn: session.userArn,
  };
  return { record, principal, user: world.iam.users[session.userArn] ?? null, role: null, session };
}

/**
 * GetSessionToken credentials are the user (or root) itself, temporarily (IAM User Guide "IAM
 * policy elements: Variables and tags").
 */
function sessionTokenCaller(session: SessionToken, label: string, world: World): Caller {
  const user = world.iam.users[session.principalArn] ?? null;
  const record = sessionRecord(user ? 'iam-user' : 'root', session.principalArn, session, label);
  const principal: RequestPrincipal = user
    ? { kind: 'iamUser', accountId: user.account, arn: user.arn, uniqueId: user.id }
    : { kind: 'root', accountId: session.account, arn: session.principalArn };
  return { record, principal, user, role: null, session };
}
