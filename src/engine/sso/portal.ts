// The AWS access portal's API (AWS IAM Identity Center Portal API Reference: GetRoleCredentials,
// ListAccounts, ListAccountRoles). A request carries no signature: the access token of the user's
// sign-in (accessToken, sent as x-amz-sso_bearer_token) says who asks. GetRoleCredentials gives a
// user a session of the role a permission set became in an account when the user is assigned that
// permission set there, directly or through a group; the session is named after the user (the
// role session name is the Identity Center user name, as CloudTrail's assumed-role ARNs of
// AWSReservedSSO_ roles show), lasts the permission set's session duration, and carries the user's
// attributes for access control as session tags (IAM Identity Center User Guide "Attributes for
// access control": aws:PrincipalTag/KEY).
//
// Errors: UnauthorizedException "Session token not found or invalid" for a token no sign-in issued;
// ForbiddenException "No access" for a role the user is not assigned in that account (the text the
// AWS CLI prints, e.g. ministryofjustice/modernisation-platform#10161); InvalidRequestException for
// a missing parameter. Which of them AWS checks first is not documented: iamsim checks the
// parameters, then the token, then the assignment.
import { authenticate } from '../call/caller.js';
import type { CallData } from '../call/command.js';
import { materialize } from '../call/params.js';
import { callRecord } from '../call/record.js';
import type { ErrorCode } from '../error-codes.js';
import type { StsEvent } from '../sts/events.js';
import { mint } from '../sts/credentials.js';
import { roleSession } from '../sts/role-session.js';
import { tagText } from '../sts/tags.js';
import type { World } from '../world.js';
import type { SsoEvent } from './events.js';
import { portalAccessToken } from './ids.js';
import { roleKey, type SsoUser } from './state.js';

export const PORTAL_ACTIONS = ['GetRoleCredentials', 'ListAccounts', 'ListAccountRoles'] as const;

/** The parameters each portal action takes (all required but the paging ones, which iamsim does not model). */
export const PORTAL_PARAMS: Readonly<Record<(typeof PORTAL_ACTIONS)[number], readonly string[]>> = {
  GetRoleCredentials: ['roleName', 'accountId', 'accessToken'],
  ListAccounts: ['accessToken'],
  ListAccountRoles: ['accessToken', 'accountId'],
};

export function isPortalAction(action: string): boolean {
  const lower = action.toLowerCase();
  return PORTAL_ACTIONS.some((a) => `sso:${a.toLowerCase()}` === lower);
}

export function decidePortalCall(data: CallData, world: World): (SsoEvent | StsEvent)[] {
  const params = materialize(data.params, world);
  const auth = authenticate(data.caller, world, data.action);
  const caller = auth.ok ? auth.caller.record : auth.record;
  const name = PORTAL_ACTIONS.find((a) => `sso:${a.toLowerCase()}` === data.action.toLowerCase())!;
  const base = { caller, params, resource: null };
  const failed = (code: ErrorCode, message: string, notes: readonly string[]): SsoEvent[] => [
    { type: 'PortalCallFailed', data: { call: callRecord(data, world, { ...base, error: { code, message }, notes }) } },
  ];
  for (const key of PORTAL_PARAMS[name]) {
    if (typeof params[key] !== 'string' || params[key] === '')
      return failed('InvalidRequestException', `${key} is required`, [
        `sso:${name} takes ${PORTAL_PARAMS[name].join(', ')}; iamsim's wording`,
      ]);
  }
  const sso = world.sso;
  const instance = sso.instance;
  const token = params.accessToken as string;
  const user =
    instance === null
      ? undefined
      : Object.values(sso.users).find((u) => portalAccessToken(world.scenario.seed, instance.arn, u.userName) === token);
  if (instance === null || user === undefined) {
    return failed('UnauthorizedException', 'Session token not found or invalid', [
      instance === null ? 'the world has no IAM Identity Center instance' : 'no sign-in to the access portal issued this access token',
    ]);
  }
  const who = `the access token is ${user.userName}'s sign-in to the access portal (Identity Center user ${user.id})`;
  const assigned = (account: string, permissionSet: string): string | null => {
    for (const a of sso.assignments) {
      if (a.account !== account || a.permissionSet !== permissionSet) continue;
      if (a.principalType === 'USER' && a.principal === user.userName) return `user ${user.userName}`;
      if (a.principalType === 'GROUP' && user.groups.includes(a.principal)) return `group ${a.principal}`;
    }
    return null;
  };
  const accountName = (id: string) => world.iam.accounts[id]?.name ?? id;
  if (name === 'ListAccounts') {
    const accounts = [...new Set(sso.assignments.filter((a) => assigned(a.account, a.permissionSet) !== null).map((a) => a.account))];
    return answered(data, world, base, { accountList: accounts.map((id) => ({ accountId: id, accountName: accountName(id) })) }, [who]);
  }
  const accountId = params.accountId as string;
  if (name === 'ListAccountRoles') {
    const roles = [
      ...new Set(
        sso.assignments.filter((a) => a.account === accountId && assigned(a.account, a.permissionSet) !== null).map((a) => a.permissionSet),
      ),
    ];
    return answered(data, world, base, { roleList: roles.map((roleName) => ({ roleName, accountId })) }, [who]);
  }
  const roleName = params.roleName as string;
  const through = assigned(accountId, roleName);
  const provisioned = sso.roles[roleKey(accountId, roleName)];
  const role = provisioned === undefined ? undefined : world.iam.roles[provisioned.arn];
  if (through === null || role === undefined) {
    return failed('ForbiddenException', 'No access', [
      who,
      `${user.userName} is not assigned permission set ${roleName} in account ${accountId}, neither directly nor through a group${user.groups.length ? ` (${user.groups.join(', ')})` : ''}`,
    ]);
  }
  const set = sso.permissionSets[roleName]!;
  const tags = sessionTags(user, instance.accessControlAttributes);
  const minted = mint(world, accountId, `${role.arn}|${user.userName}`, set.sessionDuration);
  const { session } = roleSession(world, role, user.userName, minted, {
    sourceArn: `arn:aws:iam::${accountId}:saml-provider/${instance.samlProvider}`,
    chained: false,
    mfa: null,
    tags,
    transitiveTagKeys: [],
    sourceIdentity: null,
    policies: { inline: null, managed: [] },
  });
  const notes = [
    who,
    `${user.userName} is assigned ${roleName} in account ${accountId} through ${through}: the session is of ${role.name}, named ${user.userName}`,
    `the session lasts the permission set's session duration, ${set.sessionDuration} seconds, until ${minted.expiration}`,
  ];
  if (Object.keys(tags).length > 0) notes.push(`attributes for access control become session tags (aws:PrincipalTag/*): ${tagText(tags)}`);
  const response = {
    roleCredentials: {
      accessKeyId: minted.credentials.AccessKeyId,
      secretAccessKey: minted.credentials.SecretAccessKey,
      sessionToken: minted.credentials.SessionToken,
      expiration: Date.parse(minted.expiration),
    },
  };
  return [{ type: 'RoleAssumed', data: { call: callRecord(data, world, { ...base, decision: 'Allow', response, notes }), session } }];
}

function answered(
  data: CallData,
  world: World,
  base: Parameters<typeof callRecord>[2],
  response: Record<string, unknown>,
  notes: readonly string[],
): SsoEvent[] {
  return [{ type: 'PortalCallAnswered', data: { call: callRecord(data, world, { ...base, decision: 'Allow', response, notes }) } }];
}

/** The configured attributes the user has, as session tags (an attribute the user lacks is left out). */
export function sessionTags(user: SsoUser, keys: readonly string[]): Record<string, string> {
  const tags: Record<string, string> = {};
  for (const key of keys) if (user.attributes[key] !== undefined) tags[key] = user.attributes[key];
  return tags;
}
