// STS's decide: one handler per supported action.
import type { CallCommand } from '../call/command.js';
import type { World } from '../world.js';
import { assumeRole } from './assume-role.js';
import { assumeRoleWithWebIdentity } from './assume-role-with-web-identity.js';
import { assumeRoleWithSaml } from './assume-role-with-saml.js';
import type { StsEvent } from './events.js';
import { decodeAuthorizationMessageCall } from './decode-authorization-message.js';
import { getFederationToken } from './federation-token.js';
import { getAccessKeyInfo, getCallerIdentity } from './identity.js';
import { getSessionToken } from './session-token.js';

/** The STS actions the engine runs; the resolver refuses the others before a run starts. */
export const SUPPORTED_STS_ACTIONS = [
  'assumerole',
  'getcalleridentity',
  'getsessiontoken',
  'getfederationtoken',
  'getaccesskeyinfo',
  'assumerolewithwebidentity',
  'decodeauthorizationmessage',
  'assumerolewithsaml',
] as const;

type Supported = (typeof SUPPORTED_STS_ACTIONS)[number];

const HANDLERS: Record<Supported, (data: CallCommand['data'], world: World) => StsEvent[]> = {
  assumerole: assumeRole,
  getcalleridentity: getCallerIdentity,
  getsessiontoken: getSessionToken,
  getfederationtoken: getFederationToken,
  getaccesskeyinfo: getAccessKeyInfo,
  assumerolewithwebidentity: assumeRoleWithWebIdentity,
  assumerolewithsaml: assumeRoleWithSaml,
  decodeauthorizationmessage: decodeAuthorizationMessageCall,
};

export function decideSts(command: CallCommand, world: World): StsEvent[] {
  const data = command.data;
  const name = data.action.slice(data.action.indexOf(':') + 1).toLowerCase();
  if (!isSupported(name)) throw new Error(`bug: unsupported STS action ${data.action} reached the engine`);
  return HANDLERS[name](data, world);
}

function isSupported(name: string): name is Supported {
  return (SUPPORTED_STS_ACTIONS as readonly string[]).includes(name);
}
