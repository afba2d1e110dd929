// One-line human reasons for an Evaluation. Wording follows AWS's access-denied messages where they
// exist ("no <policy type> allows …", "explicit deny in a <policy type>"), IAM User Guide
// "Troubleshoot access denied error messages".
import type { MatchedStatement, PolicySet, PolicyType, PolicyVerdict, RequestPrincipal } from './types.js';

const LABEL: Readonly<Record<PolicyType, string>> = {
  identity: 'identity-based policy',
  resource: 'resource-based policy',
  trust: 'trust policy',
  boundary: 'permissions boundary',
  'session-policy': 'session policy',
  scp: 'service control policy',
  rcp: 'resource control policy',
  'vpc-endpoint': 'VPC endpoint policy',
};

export function label(type: PolicyType): string {
  return LABEL[type];
}

/** How the resource side of a set is reported: a role's trust policy, or a resource-based policy (a KMS key policy among them). */
export function resourceSideType(set: PolicySet): 'trust' | 'resource' {
  return set.resourceMustAllow === true && set.keyPolicy !== true ? 'trust' : 'resource';
}

export function callerText(p: RequestPrincipal): string {
  return p.arn ?? p.service ?? p.federatedProvider ?? (p.kind === 'anonymous' ? 'anonymous' : p.kind);
}

function statementText(s: MatchedStatement): string {
  return s.sid === undefined ? `statement #${s.index + 1}` : `statement ${s.sid}`;
}

export function explicitDenyReason(v: PolicyVerdict): string {
  const st = v.matched.find((m) => m.effect === 'Deny');
  const where = v.level === undefined ? '' : ` (${v.level})`;
  const which = st === undefined ? '' : `, ${statementText(st)}`;
  return `explicit deny in the ${label(v.type)} ${v.name}${where}${which}`;
}

export function endpointGapReason(name: string, action: string): string {
  return `no statement of the ${label('vpc-endpoint')} ${name} allows this caller to ${action}`;
}

export function orgGapReason(type: 'scp' | 'rcp', level: string, action: string): string {
  return `no ${label(type)} at ${level} allows ${action}`;
}

/** Why the principal side (identity ∧ boundary ∧ session policy) failed. */
export function identityGapText(
  type: 'identity' | 'boundary' | 'session-policy',
  action: string,
  name: string | undefined,
  federatedWithoutSession: boolean,
): string {
  switch (type) {
    case 'identity':
      return `no identity-based policy allows ${action}`;
    case 'boundary':
      return `the permissions boundary ${name === undefined ? '' : `${name} `}does not allow ${action}`;
    case 'session-policy':
      return federatedWithoutSession
        ? 'a federated-user session without a session policy has no permissions'
        : `no session policy allows ${action}`;
  }
}

export function grantText(how: 'direct' | 'role' | 'userOfFederated' | 'account'): string {
  switch (how) {
    case 'direct':
      return 'names the caller directly';
    case 'role':
      return "names the caller's role";
    case 'userOfFederated':
      return 'names the IAM user behind the federated session';
    case 'account':
      return "names the caller's account";
  }
}
