// One action on one resource: the evaluator's Evaluation in the terms of SimulatePolicyResponse
// (IAM API EvaluationResult / ResourceSpecificResult): the decision, the statements that determine
// it, the missing context keys, and what the boundary, the organization and each side said.
import type { Decision, Evaluation, PolicyVerdict } from '../policy/index.js';
import type { PolicyRecord, StatementOut } from './policies.js';

export type EvalDecision = 'allowed' | 'explicitDeny' | 'implicitDeny';

/** EvalDecisionDetails keys: how identity-based and resource-based policies each decided. */
export type DecisionDetails = Readonly<Record<string, EvalDecision>>;

export interface PairResult {
  readonly resource: string;
  readonly decision: EvalDecision;
  readonly matched: readonly StatementOut[];
  readonly missing: readonly string[];
  /** cross-account evaluations only (AWS populates EvalDecisionDetails for those) */
  readonly details: DecisionDetails | null;
  readonly allowedByBoundary: boolean | null;
  readonly allowedByOrganizations: boolean | null;
}

const DECISION: Readonly<Record<Decision, EvalDecision>> = {
  Allow: 'allowed',
  ExplicitDeny: 'explicitDeny',
  ImplicitDeny: 'implicitDeny',
};

/**
 * How the caller's side is decided: the root user's implicit full access, identity-based policies,
 * or not at all (the unsigned AssumeRoleWithWebIdentity / AssumeRoleWithSAML: the trust policy
 * alone decides).
 */
export type IdentitySide = 'root' | 'policies' | 'none';

export const SEVERITY: Readonly<Record<EvalDecision, number>> = { allowed: 0, implicitDeny: 1, explicitDeny: 2 };

const NONE: readonly StatementOut[] = Object.freeze([]);

export function pairResult(
  resource: string,
  ev: Evaluation,
  records: ReadonlyMap<string, PolicyRecord>,
  identity: IdentitySide,
): PairResult {
  return {
    resource,
    decision: DECISION[ev.decision],
    matched: matchedStatements(ev, records),
    missing: ev.missingContextKeys,
    details: ev.sameAccount ? null : sideDetails(ev.policies, identity),
    allowedByBoundary: boundaryAllows(ev.policies),
    allowedByOrganizations: organizationsAllow(ev.policies),
  };
}

/**
 * "The statements that determine the result" (IAM API EvaluationResult.MatchedStatements): for an
 * explicit deny only the Deny statements; for an allow the Allow statements of the identity-based,
 * resource-based, boundary and session policies (SCP/RCP filters are summed up in
 * OrganizationsDecisionDetail; a VPC endpoint policy, a filter too, shows only its Deny statements);
 * nothing determines an implicit deny.
 */
function matchedStatements(ev: Evaluation, records: ReadonlyMap<string, PolicyRecord>): readonly StatementOut[] {
  const want = ev.decision === 'ExplicitDeny' ? 'Deny' : ev.decision === 'Allow' ? 'Allow' : null;
  if (want === null) return NONE;
  let out: StatementOut[] | null = null;
  for (const v of ev.policies) {
    if (v.matched.length === 0 || (want === 'Allow' && (v.type === 'scp' || v.type === 'rcp' || v.type === 'vpc-endpoint'))) continue;
    const record = records.get(v.name);
    if (record === undefined) continue; // RCPFullAWSAccess, which the input does not hold
    for (const m of v.matched) if (m.effect === want) (out ??= []).push(record.statement(m.index));
  }
  return out ?? NONE;
}

function boundaryAllows(policies: readonly PolicyVerdict[]): boolean | null {
  const b = policies.find((v) => v.type === 'boundary');
  return b === undefined ? null : b.verdict === 'Allow';
}

/**
 * Every SCP/RCP level has an Allow and none denies (AWS Organizations User Guide "Service control
 * policies (SCPs)", "Resource control policies (RCPs)").
 */
function organizationsAllow(policies: readonly PolicyVerdict[]): boolean | null {
  const levels = new Map<string, boolean>();
  for (const v of policies) {
    if (v.type !== 'scp' && v.type !== 'rcp') continue;
    if (v.verdict === 'Deny') return false;
    const key = `${v.type} ${v.level ?? ''}`;
    levels.set(key, (levels.get(key) ?? false) || v.verdict === 'Allow');
  }
  if (levels.size === 0) return null;
  for (const allowed of levels.values()) if (!allowed) return false;
  return true;
}

/**
 * Cross account, AWS evaluates in the trusted and the trusting account: how each side decided. An
 * unsigned caller has only the resource side.
 */
function sideDetails(policies: readonly PolicyVerdict[], caller: IdentitySide): DecisionDetails {
  let identity: EvalDecision = caller === 'root' ? 'allowed' : 'implicitDeny';
  let resource: EvalDecision = 'implicitDeny';
  for (const v of policies) {
    if (v.type === 'identity') identity = side(identity, v);
    else if (v.type === 'resource' || v.type === 'trust') resource = side(resource, v);
  }
  return caller === 'none' ? { 'Resource Policy': resource } : { 'IAM Policy': identity, 'Resource Policy': resource };
}

function side(current: EvalDecision, v: PolicyVerdict): EvalDecision {
  if (v.verdict === 'Deny') return 'explicitDeny';
  if (v.verdict === 'Allow' && current === 'implicitDeny') return 'allowed';
  return current;
}
