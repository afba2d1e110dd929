// Statement element rules per policy kind (IAM User Guide "IAM JSON policy element reference").
import type { PolicyKind, PolicyProblem } from '../types.js';
import { checkActions } from './action.js';
import { checkCondition } from './condition.js';
import { malformed, MSG, type Path } from './messages.js';
import { checkPrincipal } from './principal.js';
import { checkResources } from './resource.js';
import { isObject } from '../../json/is-object.js';

const ELEMENTS = new Set(['Sid', 'Effect', 'Principal', 'NotPrincipal', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition']);

const NO_PRINCIPAL: ReadonlySet<PolicyKind> = new Set(['identity', 'managed', 'boundary', 'session', 'scp']);
const SID_ALNUM = /^[0-9A-Za-z]*$/;

export function checkStatement(st: unknown, path: Path, kind: PolicyKind, sids: Set<string>, out: PolicyProblem[]): void {
  if (!isObject(st)) {
    out.push(malformed(MSG.syntax, path));
    return;
  }
  const at = (key: string): Path => [...path, key];
  for (const key of Object.keys(st)) if (!ELEMENTS.has(key)) out.push(malformed(MSG.syntax, at(key)));
  checkSid(st['Sid'], at('Sid'), kind, sids, out);
  checkEffect(st, at('Effect'), kind, out);

  const principalKey = 'Principal' in st ? 'Principal' : 'NotPrincipal' in st ? 'NotPrincipal' : null;
  if ('Principal' in st && 'NotPrincipal' in st) out.push(malformed(MSG.syntax, path));
  else if (NO_PRINCIPAL.has(kind)) {
    if (principalKey !== null) out.push(malformed(MSG.principalForbidden, at(principalKey)));
  } else if (principalKey === null) {
    out.push(malformed(MSG.missingPrincipal, path));
  } else if (principalKey === 'NotPrincipal' && (kind !== 'resource' || st['Effect'] !== 'Deny')) {
    // NotPrincipal: Deny only, and only in resource-based policies (IAM User Guide "AWS JSON policy
    // elements: Principal", "AWS JSON policy elements: NotPrincipal")
    out.push(malformed(MSG.syntax, at('NotPrincipal')));
  } else checkPrincipal(st[principalKey], at(principalKey), kind, out);

  // RCPFullAWSAccess is the one RCP allowed to say Action "*"
  const actionKind = kind === 'rcp' && isRcpFullAccess(st) ? 'scp' : kind;
  if ('Action' in st && 'NotAction' in st) out.push(malformed(MSG.syntax, path));
  else if ('Action' in st) checkActions(st['Action'], at('Action'), actionKind, out);
  else if ('NotAction' in st) {
    if (kind === 'trust') out.push(malformed(MSG.trustActions, at('NotAction')));
    else if (kind === 'rcp') out.push(malformed(MSG.syntax, at('NotAction')));
    else checkActions(st['NotAction'], at('NotAction'), kind, out);
  } else out.push(malformed(MSG.noActions, path));

  const resourceKey = 'Resource' in st ? 'Resource' : 'NotResource' in st ? 'NotResource' : null;
  if (kind === 'trust') {
    if (resourceKey !== null) out.push(malformed(MSG.prohibitedResource, at(resourceKey)));
  } else if ('Resource' in st && 'NotResource' in st) out.push(malformed(MSG.syntax, path));
  else if (resourceKey === null) out.push(malformed(MSG.noResources, path));
  else checkResources(st[resourceKey], at(resourceKey), out);

  if ('Condition' in st) checkCondition(st['Condition'], at('Condition'), out);
}

function checkSid(sid: unknown, path: Path, kind: PolicyKind, sids: Set<string>, out: PolicyProblem[]): void {
  if (sid === undefined) return;
  if (typeof sid !== 'string') {
    out.push(malformed(MSG.syntax, path));
    return;
  }
  // other services allow more characters in resource-based policies (IAM User Guide "IAM JSON
  // policy elements: Sid")
  if (kind !== 'resource' && !SID_ALNUM.test(sid)) out.push(malformed(MSG.sidAlnum, path));
  if (sid !== '' && sids.has(sid)) out.push(malformed(MSG.sidUnique, path));
  sids.add(sid);
}

function checkEffect(st: Record<string, unknown>, path: Path, kind: PolicyKind, out: PolicyProblem[]): void {
  const effect = st['Effect'];
  if (effect === 'Deny') return;
  if (effect === 'Allow') {
    // customer RCPs are Deny-only; only the RCPFullAWSAccess shape may Allow (IAM User Guide "IAM
    // JSON policy element reference")
    if (kind === 'rcp' && !isRcpFullAccess(st)) out.push(malformed(MSG.syntax, path));
    return;
  }
  const lower = typeof effect === 'string' ? effect.toLowerCase() : '';
  out.push(malformed(lower === 'allow' || lower === 'deny' ? MSG.legacy : MSG.syntax, path));
}

function isRcpFullAccess(st: Record<string, unknown>): boolean {
  return (
    st['Effect'] === 'Allow' && st['Principal'] === '*' && st['Action'] === '*' && st['Resource'] === '*' && st['Condition'] === undefined
  );
}
