// Authentication: turn the step's subject into the principal AWS would see, or the error AWS
// would give for its credentials (expired session credentials → ExpiredToken).
import type { RequestPrincipal } from '../../policy/types.js';
import type { CallerRecord } from '../call-record.js';
import type { IamRole, IamUser } from '../iam/state.js';
import type { Session } from '../sts/state.js';
import type { World } from '../world.js';
import type { CallerRef } from './command.js';

export interface Caller {
  readonly record: CallerRecord;
  readonly principal: RequestPrincipal;
  readonly user: IamUser | null;
  readonly role: IamRole | null;
  readonly session: Session | null;
}

export type Authentication =
  | { readonly ok: true; readonly caller: Caller }
  | {
      readonly ok: false;
      readonly record: CallerRecord;
      readonly error: { readonly code: string; readonly message: string };
      readonly note: string;
    };

export function authenticate(ref: CallerRef, world: World): Authentication {
  switch (ref.kind) {
    case 'user': {
      const user = world.iam.users[ref.arn];
      if (!user) throw new Error(`bug: unknown user ${ref.arn}`);
      const record: CallerRecord = {
        kind: 'iam-user',
        arn: user.arn,
        account: user.account,
        credentials: 'long-term',
        accessKeyId: user.accessKeys[0] ?? null,
        label: `user ${user.name}`,
      };
      const principal: RequestPrincipal = {
        kind: 'iamUser',
        accountId: user.account,
        arn: user.arn,
        uniqueId: user.id,
      };
      return { ok: true, caller: { record, principal, user, role: null, session: null } };
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
      return authenticateKept(ref.name, world);
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
      return { ok: true, caller: { record, principal, user: null, role: null, session: null } };
    }
    default: {
      const unreachable: never = ref;
      throw new Error(`bug: unknown caller ${JSON.stringify(unreachable)}`);
    }
  }
}

function authenticateKept(name: string, world: World): Authentication {
  const keyId = world.scenario.kept[name];
  const session = keyId === undefined ? undefined : world.sts.sessions[keyId];
  if (keyId === undefined || !session) throw new Error(`bug: credentials ${name} were never kept`);
  const role = world.iam.roles[session.roleArn] ?? null;
  const record: CallerRecord = {
    kind: 'role-session',
    arn: session.arn,
    account: session.account,
    credentials: 'temporary',
    accessKeyId: session.accessKeyId,
    label: `credentials ${name}`,
  };
  if (Date.parse(world.scenario.clock) >= Date.parse(session.expiration)) {
    return {
      ok: false,
      record,
      error: { code: 'ExpiredToken', message: 'The security token included in the request is expired' },
      note: `credentials ${name} expired at ${session.expiration} and the clock reads ${world.scenario.clock}; AWS refuses them before it looks at any policy`,
    };
  }
  const principal: RequestPrincipal = {
    kind: 'roleSession',
    accountId: session.account,
    arn: session.arn,
    roleArn: session.roleArn,
    uniqueId: session.roleId,
    isServiceLinkedRole: session.roleArn.includes(':role/aws-service-role/'),
  };
  return { ok: true, caller: { record, principal, user: null, role, session } };
}
