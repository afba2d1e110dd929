// The decision algorithm (IAM User Guide "Policy evaluation logic"): special cases, explicit deny
// anywhere, the RCP and SCP filters (every org level needs an Allow), then the grant rules of
// decide-grant.ts.
import { decideGrant } from './decide-grant.js';
import { endpointGapReason, explicitDenyReason, orgGapReason, resourceSideType } from './explain.js';
import { makeProbe, type Probe } from './probe.js';
import { scanPolicy } from './scan.js';
import type { AuthzRequest, CompiledPolicy, Decision, Evaluation, OrgLevel, PolicySet, PolicyType, PolicyVerdict } from './types.js';

const NO_KEYS: readonly string[] = Object.freeze([]);
const NO_LEVELS: readonly OrgLevel[] = Object.freeze([]);

export function evaluate(req: AuthzRequest, set: PolicySet): Evaluation {
  const p = req.principal;
  const signed = p.kind === 'iamUser' || p.kind === 'roleSession' || p.kind === 'stsFederatedUser' || p.kind === 'root';
  const hasBoundary = signed && p.kind !== 'root' && set.boundary != null;
  const sameAccount = p.accountId !== undefined && (req.resourceAccount === undefined || req.resourceAccount === p.accountId);
  const probe = makeProbe(req, hasBoundary);

  // GetCallerIdentity needs no permissions, even against an explicit deny (AWS STS API Reference
  // "GetCallerIdentity")
  if (probe.action === 'sts:getcalleridentity' && p.kind !== 'anonymous' && p.kind !== 'webIdentity') {
    const reason = 'sts:GetCallerIdentity needs no permissions: every signed caller may call it';
    return result('Allow', null, reason, sameAccount, [], NO_KEYS);
  }

  // which policies apply to this caller (IAM User Guide "Policy evaluation logic")
  const policies: PolicyVerdict[] = [];
  let identityAllow: PolicyVerdict | null = null;
  if (signed) {
    for (const pol of set.identity) {
      const v = scanPolicy(pol, probe, 'identity', 'identity');
      if (identityAllow === null && v.verdict === 'Allow') identityAllow = v;
      policies.push(v);
    }
  }
  let boundary: PolicyVerdict | null = null;
  if (hasBoundary && set.boundary) {
    boundary = scanPolicy(set.boundary, probe, 'identity', 'boundary');
    policies.push(boundary);
  }
  let sessionFirst: PolicyVerdict | null = null;
  let sessionAllow = false;
  if ((p.kind === 'roleSession' || p.kind === 'stsFederatedUser') && set.session) {
    for (const pol of set.session) {
      const v = scanPolicy(pol, probe, 'identity', 'session-policy');
      sessionFirst ??= v;
      if (v.verdict === 'Allow') sessionAllow = true;
      policies.push(v);
    }
  }
  let resource: PolicyVerdict | null = null;
  if (set.resource) {
    resource = scanPolicy(set.resource, probe, 'resource', resourceSideType(set));
    policies.push(resource);
  }
  // SCPs skip service-linked roles, service principals, anonymous and web-identity callers;
  // RCPs skip calls made by service-linked roles (IAM User Guide "Policy evaluation logic")
  const slr = p.isServiceLinkedRole === true;
  const scpLevels = signed && !slr && set.scpLevels ? set.scpLevels : NO_LEVELS;
  const rcpLevels = !slr && set.rcpLevels ? set.rcpLevels : NO_LEVELS;
  const rcpGap = scanLevels(rcpLevels, probe, 'rcp', policies);
  const scpGap = scanLevels(scpLevels, probe, 'scp', policies);
  // the endpoint policy filters every caller that sends through the endpoint; like an RCP it names
  // principals but grants nothing (AWS PrivateLink Guide "Control access to VPC endpoints using
  // endpoint policies")
  const endpoint = set.endpoint ? scanPolicy(set.endpoint, probe, 'endpoint', 'vpc-endpoint') : null;
  if (endpoint !== null) policies.push(endpoint);
  const missing = probe.missing ?? NO_KEYS;

  // an explicit deny in any applicable policy ends evaluation (IAM User Guide "Policy evaluation
  // logic")
  for (const v of policies) {
    if (v.verdict === 'Deny') {
      const by = { type: v.type, name: v.name };
      return result('ExplicitDeny', by, explicitDenyReason(v), sameAccount, policies, missing);
    }
  }
  // RCPs of the resource's account, then SCPs of the principal's account (IAM User Guide "Policy
  // evaluation logic")
  const gap = rcpGap ?? scpGap;
  if (gap !== null) {
    const type = rcpGap !== null ? 'rcp' : 'scp';
    const reason = orgGapReason(type, gap.name, req.action);
    return result('ImplicitDeny', { type, name: gap.name }, reason, sameAccount, policies, missing);
  }
  // AWS does not document where the endpoint filter sits among the filters; it matters only for
  // which one an implicit deny names, and iamsim names the organization's first
  if (endpoint !== null && endpoint.verdict !== 'Allow') {
    const by = { type: 'vpc-endpoint' as const, name: endpoint.name };
    return result('ImplicitDeny', by, endpointGapReason(endpoint.name, req.action), sameAccount, policies, missing);
  }

  const g = decideGrant({
    req,
    set,
    probe,
    sameAccount,
    identityAllow,
    boundary,
    sessionFirst,
    sessionAllow,
    resource,
  });
  return result(g.decision, g.decidedBy, g.reason, sameAccount, policies, missing);
}

function result(
  decision: Decision,
  decidedBy: { readonly type: PolicyType; readonly name?: string } | null,
  reason: string,
  sameAccount: boolean,
  policies: readonly PolicyVerdict[],
  missingContextKeys: readonly string[],
): Evaluation {
  return { decision, decidedBy, reason, sameAccount, policies, missingContextKeys };
}

/**
 * Scans every policy of every level; returns the first level without a matching Allow. A policy
 * attached at several levels (FullAWSAccess is everywhere) is scanned once per request.
 */
function scanLevels(levels: readonly OrgLevel[], probe: Probe, type: 'scp' | 'rcp', policies: PolicyVerdict[]): OrgLevel | null {
  if (levels.length === 0) return null;
  let gap: OrgLevel | null = null;
  const seen: CompiledPolicy[] = [];
  const seenVerdicts: PolicyVerdict[] = [];
  for (const level of levels) {
    let allowed = false;
    for (const pol of level.policies) {
      const at = seen.indexOf(pol);
      const v =
        at < 0 ? scanPolicy(pol, probe, type === 'rcp' ? 'rcp' : 'identity', type, level.name) : atLevel(seenVerdicts[at]!, level.name);
      if (at < 0) {
        seen.push(pol);
        seenVerdicts.push(v);
      }
      if (v.verdict === 'Allow') allowed = true;
      policies.push(v);
    }
    if (!allowed && gap === null) gap = level;
  }
  return gap;
}

/** The verdict of a policy scanned at another level, built field by field (one object shape). */
function atLevel(v: PolicyVerdict, level: string): PolicyVerdict {
  const out: { -readonly [K in keyof PolicyVerdict]: PolicyVerdict[K] } = {
    type: v.type,
    name: v.name,
    verdict: v.verdict,
    matched: v.matched,
  };
  if (v.arn !== undefined) out.arn = v.arn;
  out.level = level;
  return out;
}
