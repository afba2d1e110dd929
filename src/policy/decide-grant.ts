// Grants once no explicit deny and no org filter stopped the request (IAM User Guide "Policy
// evaluation logic", "Cross-account policy evaluation logic"). Same account: identity path OR
// resource grant by principal type; cross account: both.
import { callerText, grantText, identityGapText, label, resourceSideType } from './explain.js';
import type { PrincipalMatch } from './match-principal.js';
import type { Probe } from './probe.js';
import { hasRootPermissions, isRootFederatedUser } from './root-permissions.js';
import type { AuthzRequest, Decision, PolicySet, PolicyType, PolicyVerdict } from './types.js';

export interface GrantInput {
  readonly req: AuthzRequest;
  readonly set: PolicySet;
  readonly probe: Probe;
  readonly sameAccount: boolean;
  /** the first identity-based policy that allows, if any */
  readonly identityAllow: PolicyVerdict | null;
  readonly boundary: PolicyVerdict | null;
  /** the first session policy (null: the session has none) and whether any of them allows */
  readonly sessionFirst: PolicyVerdict | null;
  readonly sessionAllow: boolean;
  readonly resource: PolicyVerdict | null;
}

type DecidedBy = { readonly type: PolicyType; readonly name?: string } | null;

export interface Grant {
  readonly decision: Decision;
  readonly decidedBy: DecidedBy;
  readonly reason: string;
}

type IdentityGap = 'identity' | 'boundary' | 'session-policy';

const UNSIGNED = {
  anonymous: 'anonymous request',
  servicePrincipal: 'service principal',
  webIdentity: 'web-identity caller',
} as const;

/** How a decision's reason names the caller of AssumeRoleWithSAML (an IAM SAML provider's federated user). */
const SAML_CALLER = 'SAML-federated caller';

/** arn:aws:iam::ACCOUNT:saml-provider/NAME (AssumeRoleWithSAML's PrincipalArn), not an OIDC provider or a built-in one. */
function isSamlProvider(provider: string | undefined): boolean {
  return provider !== undefined && /^arn:[\w-]+:iam::\d{12}:saml-provider\//.test(provider);
}

const grant = (decision: Decision, decidedBy: DecidedBy, reason: string): Grant => ({
  decision,
  decidedBy,
  reason,
});

export function decideGrant(g: GrantInput): Grant {
  const { probe, set } = g;
  const p = g.req.principal;
  const rBy = resourceBy(g);

  // unsigned and service callers are decided by the resource side alone (IAM User Guide "Policy
  // evaluation logic")
  if (p.kind === 'anonymous' || p.kind === 'servicePrincipal' || p.kind === 'webIdentity') {
    // the caller of AssumeRoleWithSAML is matched as web identity callers are (Federated), but is named as what it is
    const who = p.kind === 'webIdentity' && isSamlProvider(p.federatedProvider) ? SAML_CALLER : UNSIGNED[p.kind];
    return probe.rpDirect
      ? grant('Allow', rBy, `${who}: the ${label(rBy.type)} allows ${callerText(p)}`)
      : grant('ImplicitDeny', rBy, `${who}: ${noResourceAllow(g)}`);
  }

  // the root user, and a federated user it made, hold the root user's implicit full access
  const idAllow = hasRootPermissions(p) || g.identityAllow !== null;
  const pbOK = g.boundary === null || g.boundary.verdict === 'Allow';
  const spOK =
    p.kind === 'roleSession'
      ? g.sessionFirst === null || g.sessionAllow
      : p.kind === 'stsFederatedUser'
        ? g.sessionAllow // a federation token without a session policy has no permissions
        : true;
  const limitsOK = pbOK && spOK;
  const identityPath = idAllow && limitsOK;
  const gap: IdentityGap = !idAllow ? 'identity' : !pbOK ? 'boundary' : 'session-policy';
  const limitGap: IdentityGap = !pbOK ? 'boundary' : 'session-policy';
  const viaRole = probe.rpRole || probe.rpUserOfFed;
  const how: PrincipalMatch = probe.rpDirect ? 'direct' : probe.rpRole ? 'role' : probe.rpUserOfFed ? 'userOfFederated' : 'account';
  const anyResource = probe.rpDirect || viaRole || probe.rpAccount;
  const rLabel = label(rBy.type);

  // cross account needs both sides (IAM User Guide "Cross-account policy evaluation logic"); a
  // missing resource side is reported first (the resource's account never trusted the caller)
  if (!g.sameAccount) {
    if (identityPath && anyResource) {
      return grant('Allow', rBy, `cross-account: the identity side allows and the ${rLabel} ${grantText(how)}`);
    }
    if (!anyResource) {
      const side = identityPath ? 'the identity policy allows but' : `${gapText(g, gap)}, and`;
      return grant('ImplicitDeny', rBy, `cross-account: ${side} ${noResourceAllow(g)}`);
    }
    const why = `cross-account: ${gapText(g, gap)}, although the ${rLabel} ${grantText(how)}`;
    return grant('ImplicitDeny', gapBy(g, gap), why);
  }

  // trust policies (and KMS key policies) must allow the caller themselves ("Policy evaluation
  // logic")
  if (set.resourceMustAllow === true) {
    if (probe.rpDirect || (viaRole && limitsOK)) {
      return grant('Allow', rBy, `same account: the ${rLabel} ${grantText(how)}`);
    }
    if (probe.rpAccount && identityPath) {
      return grant('Allow', rBy, `same account: the ${rLabel} names the account and ${identityWhy(g)}`);
    }
    if (viaRole) return grant('ImplicitDeny', gapBy(g, limitGap), `same account: ${gapText(g, limitGap)}`);
    if (probe.rpAccount) {
      const why = `same account: the ${rLabel} names only the account and ${gapText(g, gap)}`;
      return grant('ImplicitDeny', gapBy(g, gap), why);
    }
    return grant('ImplicitDeny', rBy, `same account: ${noResourceAllow(g)}`);
  }

  // same account, identity OR resource grant by principal type (IAM User Guide "Policy evaluation
  // logic")
  if (probe.rpDirect || (viaRole && limitsOK)) {
    return grant('Allow', rBy, `same account: the ${rLabel} ${grantText(how)}`);
  }
  if (identityPath) return grant('Allow', identityBy(g), `same account: ${identityWhy(g)}`);
  if (viaRole) return grant('ImplicitDeny', gapBy(g, limitGap), `same account: ${gapText(g, limitGap)}`);
  const note = probe.rpAccount ? ` (the ${rLabel} names only the account)` : '';
  return grant('ImplicitDeny', gapBy(g, gap), `same account: ${gapText(g, gap)}${note}`);
}

function resourceBy(g: GrantInput): { readonly type: PolicyType; readonly name?: string } {
  const type: PolicyType = resourceSideType(g.set);
  return g.resource === null ? { type } : { type, name: g.resource.name };
}

function noResourceAllow(g: GrantInput): string {
  const l = label(resourceSideType(g.set));
  return g.resource === null ? `there is no ${l} on ${g.req.resource}` : `no statement of the ${l} allows ${callerText(g.req.principal)}`;
}

function gapBy(g: GrantInput, t: IdentityGap): DecidedBy {
  const name = t === 'boundary' ? g.boundary?.name : t === 'session-policy' ? g.sessionFirst?.name : undefined;
  return name === undefined ? { type: t } : { type: t, name };
}

function gapText(g: GrantInput, t: IdentityGap): string {
  const p = g.req.principal;
  const fedWithout = p.kind === 'stsFederatedUser' && g.sessionFirst === null;
  return identityGapText(t, g.req.action, g.boundary?.name, fedWithout);
}

function identityBy(g: GrantInput): DecidedBy {
  if (hasRootPermissions(g.req.principal)) return null;
  const granting = g.identityAllow;
  return granting === null ? { type: 'identity' } : { type: 'identity', name: granting.name };
}

function identityWhy(g: GrantInput): string {
  if (g.req.principal.kind === 'root') return 'the root user has implicit full access';
  if (isRootFederatedUser(g.req.principal)) {
    return `the root user behind this federated user has implicit full access, and a session policy allows ${g.req.action}`;
  }
  return `identity-based policy ${g.identityAllow?.name ?? ''} allows ${g.req.action}`;
}
