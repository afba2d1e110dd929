// STS's decider: one handler per supported action.
import { authenticate } from '../call/caller.js';
import type { CallCommand } from '../call/command.js';
import { materialize } from '../call/params.js';
import { callRecord } from '../call/record.js';
import type { World } from '../world.js';
import { assumeRole } from './assume-role.js';
import type { StsEvent } from './events.js';

/** The STS actions the engine runs today; the resolver refuses the others before a run starts. */
export const SUPPORTED_STS_ACTIONS = ['assumerole', 'getcalleridentity'] as const;

export function decideSts(command: CallCommand, world: World): StsEvent[] {
  const data = command.data;
  const name = data.action.slice(data.action.indexOf(':') + 1).toLowerCase();
  switch (name) {
    case 'assumerole':
      return assumeRole(data, world);
    case 'getcalleridentity':
      return getCallerIdentity(command, world);
    default:
      throw new Error(`bug: unsupported STS action ${data.action} reached the engine`);
  }
}

/** GetCallerIdentity needs no permission: even an explicit deny cannot stop it (STS API ref). */
function getCallerIdentity(command: CallCommand, world: World): StsEvent[] {
  const data = command.data;
  const params = materialize(data.params, world);
  const auth = authenticate(data.caller, world);
  if (!auth.ok) {
    const call = callRecord(data, world, { caller: auth.record, params, resource: null, error: auth.error, notes: [auth.note] });
    return [{ type: 'StsCallFailed', data: { call } }];
  }
  const { caller } = auth;
  const s = caller.session;
  const userId = s ? `${s.roleId}:${s.sessionName}` : caller.user ? caller.user.id : caller.record.account;
  const response = { UserId: userId, Account: caller.record.account, Arn: caller.record.arn };
  const notes = ['GetCallerIdentity needs no permission; no policy is consulted, and even an explicit deny cannot block it'];
  const call = callRecord(data, world, { caller: caller.record, params, resource: null, decision: 'Allow', response, notes });
  return [{ type: 'CallerIdentityReturned', data: { call } }];
}
