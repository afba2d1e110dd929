// Whether a step's call needs the token service before it is decided: a pod's call (its SDK reads
// the pod's tokens, and `env`/`file` read the pod), AssumeRoleWithWebIdentity (its token is
// verified), and any `token …`, `env VAR` or `file VAR` parameter. No JOSE here: the engine asks
// this of every call, and loads the token service only when the answer is yes.
import type { CallCommand } from '../call/command.js';

const WEB_IDENTITY = 'sts:assumerolewithwebidentity';
const SAML = 'sts:assumerolewithsaml';

export function needsTokens(command: CallCommand): boolean {
  const d = command.data;
  if (d.caller.kind === 'pod') return true;
  if (d.action.length === WEB_IDENTITY.length && d.action.toLowerCase() === WEB_IDENTITY) return true;
  if (d.action.length === SAML.length && d.action.toLowerCase() === SAML) return true;
  for (const key in d.params) {
    const t = d.params[key]!.t;
    if (t === 'token' || t === 'env' || t === 'file' || t === 'assertion') return true;
  }
  return false;
}
