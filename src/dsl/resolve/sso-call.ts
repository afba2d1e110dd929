// The checks a call to the AWS access portal gets before the run: one of the portal actions this
// version runs, no `resource`, an anonymous caller (the portal's requests are not signed: the access
// token says who asks), and known parameter names (AWS IAM Identity Center Portal API Reference:
// GetRoleCredentials, ListAccounts, ListAccountRoles). A missing parameter is left to the engine,
// so the trace shows the portal's own error.
import { nearest } from '../../errors.js';
import type { CallerRef } from '../../engine/call/command.js';
import { PORTAL_ACTIONS, PORTAL_PARAMS } from '../../engine/sso/portal.js';
import type { CallDecl } from '../ast.js';
import type { Located } from './located.js';

export function checkPortalCall(call: CallDecl, caller: CallerRef, at: Located): void {
  const action = call.action.text;
  const known = PORTAL_ACTIONS.find((a) => `sso:${a}`.toLowerCase() === action.toLowerCase())!;
  if (call.resource)
    throw at.error(call.resource.loc, `sso:${known} takes no \`resource\``, { expected: 'the account and role in accountId and roleName' });
  if (caller.kind !== 'anonymous')
    throw at.error(call.loc, `sso:${known} is not signed: the access portal knows the caller by its access token`, {
      length: 4,
      expected: '`as anonymous`, with `accessToken: access-token USER`',
    });
  const names = PORTAL_PARAMS[known];
  for (const entry of call.params ?? []) {
    const key = entry.key.text;
    if (names.includes(key)) continue;
    const suggestion = nearest(key, names);
    throw at.error(entry.key.loc, `sso:${known} has no parameter ${key}`, {
      length: key.length,
      expected: `one of ${names.join(', ')}`,
      ...(suggestion ? { suggestion } : {}),
    });
  }
}
