// The combining rules, step by step in AWS's order (IAM User Guide "Policy evaluation logic"): the
// special cases, the explicit deny pass, the RCP and SCP filters, then what the resource side and
// the principal side (identity policies, boundary, session policies) each said, and how they
// combine for this caller and account. Descriptive only: the decision and its reason are the
// evaluator's.
import { label, resourceSideType } from './explain.js';
import { isRootFederatedUser } from './root-permissions.js';
import type { PrincipalHow, RuleStep } from './explain-types.js';
import type { AuthzRequest, Evaluation, PolicySet, PolicyVerdict } from './types.js';

const SIGNED = new Set(['iamUser', 'roleSession', 'stsFederatedUser', 'root']);

export function explainRules(req: AuthzRequest, set: PolicySet, e: Evaluation): RuleStep[] {
  const p = req.principal;
  const steps: RuleStep[] = [];
  if (e.policies.length === 0 && e.decision === 'Allow' && e.decidedBy === null) {
    steps.push({ rule: 'special-case', outcome: 'decides', text: e.reason });
    return steps;
  }
  const deny = e.policies.find((v) => v.verdict === 'Deny');
  if (deny !== undefined) {
    steps.push({ rule: 'explicit-deny', outcome: 'decides', text: `${e.reason}: an explicit deny ends the evaluation` });
    return steps;
  }
  steps.push({ rule: 'explicit-deny', outcome: 'allows', text: 'no applicable policy has a matching Deny statement' });
  for (const type of ['rcp', 'scp'] as const) {
    const levels = type === 'rcp' ? set.rcpLevels : set.scpLevels;
    const names = type === 'rcp' ? 'resource control policies' : 'service control policies';
    if (levels === undefined || !e.policies.some((v) => v.type === type)) {
      steps.push({ rule: type, outcome: 'not-applicable', text: `no ${names} apply to this request` });
    } else if (e.decidedBy?.type === type) {
      steps.push({ rule: type, outcome: 'decides', text: `${e.reason}: every level must allow, so the request is denied` });
      return steps;
    } else {
      steps.push({
        rule: type,
        outcome: 'allows',
        text: `every level (${levels.map((l) => l.name).join(' → ')}) has a policy that allows`,
      });
    }
  }
  const endpoint = set.endpoint == null ? undefined : verdicts(e, 'vpc-endpoint')[0];
  if (endpoint !== undefined) {
    // told only when the request went through a VPC endpoint, so other explanations stay as they were
    if (e.decidedBy?.type === 'vpc-endpoint') {
      steps.push({
        rule: 'vpc-endpoint',
        outcome: 'decides',
        text: `${e.reason}: the endpoint policy must allow, so the request is denied`,
      });
      return steps;
    }
    steps.push({ rule: 'vpc-endpoint', outcome: 'allows', text: `${endpoint.name} allows this caller to ${req.action}` });
  }
  steps.push(resourceStep(req, set, e));
  if (SIGNED.has(p.kind)) {
    steps.push(identityStep(req, e));
    steps.push(limitStep(e, 'boundary', set.boundary != null && p.kind !== 'root'));
    const sessionApplies = p.kind === 'roleSession' || p.kind === 'stsFederatedUser';
    steps.push(sessionStep(e, sessionApplies, p.kind === 'stsFederatedUser'));
  } else {
    steps.push({
      rule: 'identity',
      outcome: 'not-applicable',
      text: 'an unsigned or service caller has no identity-based policies: only the resource side can allow',
    });
  }
  steps.push({ rule: 'combine', outcome: 'decides', text: `${combineRule(req, set, e)} — ${e.decision}: ${e.reason}` });
  return steps;
}

function verdicts(e: Evaluation, type: PolicyVerdict['type']): PolicyVerdict[] {
  return e.policies.filter((v) => v.type === type);
}

function resourceStep(req: AuthzRequest, set: PolicySet, e: Evaluation): RuleStep {
  const type = resourceSideType(set);
  const v = verdicts(e, type)[0];
  if (v === undefined) {
    return { rule: 'resource', outcome: 'not-applicable', text: `there is no ${label(type)} on ${req.resource}` };
  }
  const grants = v.matched.filter((m) => m.effect === 'Allow');
  if (grants.length === 0) return { rule: 'resource', outcome: 'denies', text: `${v.name} has no statement that allows this caller` };
  const how = grants.map((m) => `#${m.index + 1}${m.principalMatch ? ` names ${howWords(m.principalMatch)}` : ''}`).join(', ');
  return { rule: 'resource', outcome: 'allows', text: `${v.name} allows: statement ${how}` };
}

function identityStep(req: AuthzRequest, e: Evaluation): RuleStep {
  if (req.principal.kind === 'root') {
    return {
      rule: 'identity',
      outcome: 'allows',
      text: 'the root user has no identity-based policies and implicit full access in its own account',
    };
  }
  if (isRootFederatedUser(req.principal)) {
    return {
      rule: 'identity',
      outcome: 'allows',
      text: "the root user made this federated user: it holds the root user's implicit full access, which only its session policies limit",
    };
  }
  const all = verdicts(e, 'identity');
  const allowing = all.filter((v) => v.verdict === 'Allow');
  if (all.length === 0) return { rule: 'identity', outcome: 'denies', text: 'the caller has no identity-based policies' };
  if (allowing.length === 0) return { rule: 'identity', outcome: 'denies', text: `no identity-based policy allows ${req.action}` };
  return {
    rule: 'identity',
    outcome: 'allows',
    text: `${allowing.map((v) => v.name).join(', ')} ${allowing.length > 1 ? 'allow' : 'allows'} ${req.action}`,
  };
}

function limitStep(e: Evaluation, type: 'boundary', applies: boolean): RuleStep {
  const v = verdicts(e, type)[0];
  if (!applies || v === undefined)
    return { rule: 'boundary', outcome: 'not-applicable', text: 'no permissions boundary: nothing limits the identity side here' };
  return v.verdict === 'Allow'
    ? { rule: 'boundary', outcome: 'allows', text: `${v.name} allows it (a boundary only limits, it never grants)` }
    : { rule: 'boundary', outcome: 'denies', text: `${v.name} does not allow it` };
}

function sessionStep(e: Evaluation, applies: boolean, federated: boolean): RuleStep {
  const all = verdicts(e, 'session-policy');
  if (!applies)
    return { rule: 'session-policy', outcome: 'not-applicable', text: 'session policies only limit role sessions and federated users' };
  if (all.length === 0) {
    return federated
      ? { rule: 'session-policy', outcome: 'denies', text: 'a federated-user session without a session policy has no permissions' }
      : { rule: 'session-policy', outcome: 'not-applicable', text: 'the session was created without session policies' };
  }
  const allowing = all.filter((v) => v.verdict === 'Allow');
  return allowing.length > 0
    ? { rule: 'session-policy', outcome: 'allows', text: `${allowing[0]!.name} allows it` }
    : { rule: 'session-policy', outcome: 'denies', text: 'no session policy allows it' };
}

function combineRule(req: AuthzRequest, set: PolicySet, e: Evaluation): string {
  const p = req.principal;
  if (!SIGNED.has(p.kind)) return 'an unsigned or service caller is allowed only by a resource-based policy that names it';
  if (!e.sameAccount) {
    return 'cross-account: the principal side (identity policies, limited by boundary and session policies) and the resource side must both allow';
  }
  if (set.keyPolicy === true) {
    return 'same account, KMS key policy: the key policy must allow the caller; naming only the account also needs an identity-based Allow';
  }
  if (set.resourceMustAllow === true) {
    return 'same account, trust policy: the trust policy must allow the caller; naming only the account also needs an identity-based Allow';
  }
  return 'same account: an Allow from the identity side or from the resource-based policy is enough (boundary and session policies still limit)';
}

/** How a principal entry named the caller, in words (the trace and --explain use these too). */
export function howWords(how: PrincipalHow): string {
  switch (how) {
    case 'direct':
      return 'the caller itself';
    case 'role':
      return "the caller's role";
    case 'userOfFederated':
      return 'the IAM user behind the federated user';
    case 'account':
      return "the caller's account";
  }
}
