// The console opened from the AWS access portal (IAM Identity Center User Guide "Sign in to the AWS
// access portal", "AWS access portal": the portal lists the accounts a user is assigned and, in
// each, the permission sets; choosing one opens the console as that permission set's role): the
// user signs in at https://IDENTITY-STORE-ID.awsapps.com/start (the default access portal URL), and
// the portal, with the access token of that sign-in, calls sso:GetRoleCredentials (portal.ts, the
// portal's one decider: this module only asks and reads its answer), then opens the console with
// the credentials. The session is the GetRoleCredentials one: the permission set's session
// duration, named after the user.
import type { CallData } from '../call/command.js';
import type { ErrorCode } from '../error-codes.js';
import type { LogType } from '../log-type.js';
import { consoleOpened, consoleRefused } from '../saml/sign-in.js';
import type { SamlEvent } from '../saml/events.js';
import type { LastCall } from '../scenario/state.js';
import type { World } from '../world.js';
import type { SsoCommand } from './commands.js';
import type { SsoEvent } from './events.js';
import type { portalSignInSchema } from './schema.js';
import { roleKey } from './state.js';

export type PortalSignIn = LogType<typeof portalSignInSchema>;

type SignInData = Extract<SsoCommand, { type: 'SignInToPortal' }>['data'];

/** The user's sign-in to the access portal, and the account and permission set chosen there. */
export function decidePortalSignIn(data: SignInData, world: World): SsoEvent[] {
  const instance = world.sso.instance;
  if (instance === null) throw new Error('bug: a sign-in to the access portal with no Identity Center instance');
  const url = `https://${instance.identityStoreId}.awsapps.com/start`;
  const name = world.iam.accounts[data.account]?.name ?? data.account;
  const lines = [
    `${data.user} signs in to the AWS access portal with Identity Center's identity store ${instance.identityStoreId}: the sign-in gives the portal an access token`,
    `the portal lists the accounts and permission sets assigned to ${data.user}; ${data.user} opens ${data.permissionSet} in account ${name} (${data.account})`,
    `the portal calls sso:GetRoleCredentials with the access token, then opens the console with the credentials`,
  ];
  return [{ type: 'PortalSignInStarted', data: { ...data, url, region: instance.region, lines } }];
}

/** The portal's call for the role's credentials (the access portal's API, portal.ts decides it). */
export function portalGetRoleCredentials(s: PortalSignIn): CallData {
  return {
    caller: { kind: 'anonymous' },
    action: 'sso:GetRoleCredentials',
    resource: null,
    params: {
      roleName: { t: 'text', v: s.permissionSet },
      accountId: { t: 'text', v: s.account },
      accessToken: { t: 'text', v: s.accessToken },
    },
    context: {},
    region: s.region,
  };
}

/** What the portal does with GetRoleCredentials's answer (the world's last call): the console, or no access. */
export function finishPortalSignIn(s: PortalSignIn, portal: LastCall | null, world: World): SamlEvent[] {
  if (portal === null) throw new Error('bug: a portal sign-in finishes before its GetRoleCredentials');
  const provisioned = world.sso.roles[roleKey(s.account, s.permissionSet)];
  const roleArn = provisioned?.arn ?? null;
  const at = { region: s.region, params: { accountId: s.account, roleName: s.permissionSet }, resource: roleArn };
  if (portal.error !== null)
    return consoleRefused(world, at, portal.decision, { code: portal.error.code as ErrorCode, message: portal.error.message }, [
      `sso:GetRoleCredentials refused the portal's call: the access portal does not list ${s.permissionSet} in account ${s.account} for ${s.user}, and opening it directly fails the same way`,
    ]);
  const c = (portal.response?.['roleCredentials'] ?? {}) as {
    accessKeyId?: string;
    secretAccessKey?: string;
    sessionToken?: string;
    expiration?: number;
  };
  const credentials = {
    AccessKeyId: c.accessKeyId,
    SecretAccessKey: c.secretAccessKey,
    SessionToken: c.sessionToken,
    Expiration: new Date(c.expiration ?? 0).toISOString().replace(/\.\d{3}Z$/, 'Z'),
  };
  const name = provisioned?.name ?? s.permissionSet;
  const user = { Arn: `arn:aws:sts::${s.account}:assumed-role/${name}/${s.user}` };
  return consoleOpened(world, at, credentials, user, 'the access portal');
}
