// SimulatePolicyResponse, with the field names and key order of the IAM API. Since 2026 IAM returns
// one EvaluationResult per action whatever the number of resources (API_EvaluationResult): the
// top-level fields aggregate every resource (the most restrictive decision wins) and the decision
// for each resource is in ResourceSpecificResults — present when ResourceArns names resources.
import type { StatementOut } from './policies.js';
import { SEVERITY, type DecisionDetails, type EvalDecision, type PairResult } from './pair-result.js';

export interface ResourceSpecificResult {
  readonly EvalResourceName: string;
  readonly EvalResourceDecision: EvalDecision;
  readonly MatchedStatements: readonly StatementOut[];
  readonly MissingContextValues: readonly string[];
  readonly EvalDecisionDetails?: DecisionDetails;
  readonly PermissionsBoundaryDecisionDetail?: { readonly AllowedByPermissionsBoundary: boolean };
}

export interface EvaluationResult {
  readonly EvalActionName: string;
  readonly EvalResourceName?: string;
  readonly EvalDecision: EvalDecision;
  readonly MatchedStatements: readonly StatementOut[];
  readonly MissingContextValues: readonly string[];
  readonly OrganizationsDecisionDetail?: { readonly AllowedByOrganizations: boolean };
  readonly PermissionsBoundaryDecisionDetail?: { readonly AllowedByPermissionsBoundary: boolean };
  readonly EvalDecisionDetails?: DecisionDetails;
  readonly ResourceSpecificResults?: readonly ResourceSpecificResult[];
}

export interface SimulatePolicyResponse {
  readonly EvaluationResults: readonly EvaluationResult[];
  readonly IsTruncated: boolean;
  readonly Marker?: string;
}

export function evaluationResult(action: string, pairs: readonly PairResult[], perResource: boolean): EvaluationResult {
  const decision = pairs.reduce<EvalDecision>((d, p) => (SEVERITY[p.decision] > SEVERITY[d] ? p.decision : d), 'allowed');
  const only = pairs.length === 1 ? pairs[0]! : null;
  const organizations = all(pairs, (p) => p.allowedByOrganizations);
  const boundary = all(pairs, (p) => p.allowedByBoundary);
  // same account: present but empty when resources are named, absent for "*" (API_EvaluationResult)
  const details = mergeDetails(pairs) ?? (perResource ? {} : null);
  return {
    EvalActionName: action,
    ...(only === null ? {} : { EvalResourceName: only.resource }),
    EvalDecision: decision,
    MatchedStatements: only?.matched ?? union(pairs.filter((p) => p.decision === decision).map((p) => p.matched)),
    MissingContextValues: only?.missing ?? unionKeys(pairs.map((p) => p.missing)),
    ...(organizations === null ? {} : { OrganizationsDecisionDetail: { AllowedByOrganizations: organizations } }),
    ...(boundary === null ? {} : { PermissionsBoundaryDecisionDetail: { AllowedByPermissionsBoundary: boundary } }),
    ...(details === null ? {} : { EvalDecisionDetails: details }),
    ...(perResource ? { ResourceSpecificResults: pairs.map(resourceResult) } : {}),
  };
}

function resourceResult(p: PairResult): ResourceSpecificResult {
  return {
    EvalResourceName: p.resource,
    EvalResourceDecision: p.decision,
    MatchedStatements: p.matched,
    MissingContextValues: p.missing,
    ...(p.details === null ? {} : { EvalDecisionDetails: p.details }),
    ...(p.allowedByBoundary === null ? {} : { PermissionsBoundaryDecisionDetail: { AllowedByPermissionsBoundary: p.allowedByBoundary } }),
  };
}

/** null when no pair says anything; false as soon as one says false. */
function all(pairs: readonly PairResult[], get: (p: PairResult) => boolean | null): boolean | null {
  let out: boolean | null = null;
  for (const p of pairs) {
    const v = get(p);
    if (v !== null) out = (out ?? true) && v;
  }
  return out;
}

function mergeDetails(pairs: readonly PairResult[]): DecisionDetails | null {
  let out: Record<string, EvalDecision> | null = null;
  for (const p of pairs) {
    if (p.details === null) continue;
    out ??= {};
    for (const [k, d] of Object.entries(p.details)) {
      const was = out[k];
      if (was === undefined || SEVERITY[d] > SEVERITY[was]) out[k] = d;
    }
  }
  return out;
}

function union(lists: readonly (readonly StatementOut[])[]): StatementOut[] {
  return [...new Set(lists.flat())];
}

function unionKeys(lists: readonly (readonly string[])[]): string[] {
  const seen = new Map<string, string>();
  for (const k of lists.flat()) if (!seen.has(k.toLowerCase())) seen.set(k.toLowerCase(), k);
  return [...seen.values()];
}
