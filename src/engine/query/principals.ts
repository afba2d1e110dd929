// The principals a question is asked about (`simulate who-can`, `simulate paths`): the world's IAM
// users and roles, each as the caller its requests would come from — a user with its long-term
// credentials, a role as a session of it with no session policy, no session tags and no MFA
// (docs/aws-rules.md "Questions about a world").
import { authenticate, sessionCaller, type Caller } from '../call/caller.js';
import { callerPolicies } from '../call/policies.js';
import type { IamRole, IamUser } from '../iam/state.js';
import type { RoleSession } from '../sts/state.js';
import type { World } from '../world.js';
import { mayAllowAction } from '../../policy/index.js';

export type PrincipalKind = 'user' | 'role';

export interface QueryPrincipal {
  readonly kind: PrincipalKind;
  readonly arn: string;
  readonly account: string;
  /** as the language writes a reference to it: `user Development/alice`, `role Production/Admin` */
  readonly label: string;
}

/** The session name a role's questioned session carries (it shows in the session's ARN). */
export const QUESTION_SESSION = 'iamsim-question';

export function principalOf(kind: PrincipalKind, entity: IamUser | IamRole, world: World): QueryPrincipal {
  const accountName = world.iam.accounts[entity.account]?.name ?? entity.account;
  return { kind, arn: entity.arn, account: entity.account, label: `${kind} ${accountName}/${entity.name}` };
}

/** Every user and role of the world, users first, each in the order IAM holds them. */
export function allPrincipals(world: World): QueryPrincipal[] {
  const out: QueryPrincipal[] = [];
  for (const user of Object.values(world.iam.users)) out.push(principalOf('user', user, world));
  for (const role of Object.values(world.iam.roles)) out.push(principalOf('role', role, world));
  return out;
}

const roleSessions = new WeakMap<IamRole, RoleSession>();

/** A session of the role as AssumeRole would make it at the world's clock, with nothing passed. */
export function questionSession(role: IamRole, world: World): RoleSession {
  let session = roleSessions.get(role);
  if (session === undefined) {
    session = {
      kind: 'role-session',
      accessKeyId: `ASIA${role.id.slice(4)}`,
      account: role.account,
      issuedAt: world.scenario.clock,
      expiration: world.scenario.clock,
      sourceArn: role.arn,
      mfa: null,
      arn: `arn:aws:sts::${role.account}:assumed-role/${role.name}/${QUESTION_SESSION}`,
      roleArn: role.arn,
      roleId: role.id,
      sessionName: QUESTION_SESSION,
      chained: false,
      tags: {},
      transitiveTagKeys: [],
      sourceIdentity: null,
      policies: { inline: null, managed: [] },
    };
    roleSessions.set(role, session);
  }
  return session;
}

export const NO_CREDENTIALS = 'the user has no active access key to sign a request with';

/** The caller a principal's requests come from; null for a user whose every access key was deleted or made inactive. */
export function callerOf(p: QueryPrincipal, world: World): Caller | null {
  if (p.kind === 'user') {
    const auth = authenticate({ kind: 'user', arn: p.arn }, world);
    return auth.ok ? auth.caller : null;
  }
  const role = world.iam.roles[p.arn];
  if (role === undefined) throw new Error(`bug: no role ${p.arn}`);
  return sessionCaller(questionSession(role, world), p.label, world);
}

/** Whether any identity policy of the principal has an Allow statement for the action (a filter, not a decision). */
export function identityMayAllow(p: QueryPrincipal, action: string, world: World, resource: string | null = null): boolean {
  const who = callerOf(p, world);
  return who !== null && callerPolicies(who, world).identity.some((policy) => mayAllowAction(policy, action, resource));
}
