// Scans one policy for the statements that match a request (IAM User Guide "Policy evaluation
// logic": Action — memoised per policy —, Resource, Principal for resource-side policies, then
// Condition). Only matches allocate.
import type { CompiledStatement } from './compiled.js';
import { bodyOf } from './compiled.js';
import { conditionsHold } from './conditions/evaluate.js';
import { matchGlob } from './glob.js';
import { exemptByNotPrincipal, matchPrincipal, type PrincipalMatch } from './match-principal.js';
import { matchResourceEntry } from './match-resource.js';
import type { Probe } from './probe.js';
import type { CompiledPolicy, MatchedStatement, PolicyType, PolicyVerdict } from './types.js';

/**
 * identity: Principal ignored; resource: Principal required, grants recorded; rcp: Principal
 * required; endpoint: as rcp, but an account principal names only the account's root user (AWS
 * PrivateLink Guide "Control access to VPC endpoints using endpoint policies": with `"AWS":
 * "account_id"`, "access is granted to the AWS account root user only, and not all users and roles
 * for the account")
 */
export type ScanMode = 'identity' | 'resource' | 'rcp' | 'endpoint';

const NONE: readonly MatchedStatement[] = Object.freeze([]);

export function scanPolicy(policy: CompiledPolicy, probe: Probe, mode: ScanMode, type: PolicyType, level?: string): PolicyVerdict {
  const body = bodyOf(policy);
  const candidates = body.candidates(probe);
  let matched: MatchedStatement[] | null = null;
  let allow = false;
  let deny = false;
  for (let i = 0; i < candidates.length; i++) {
    const st = candidates[i]!;
    let how: PrincipalMatch | null | undefined;
    if (st.unconditional && (mode === 'identity' || st.principal !== null)) {
      how = mode === 'identity' ? undefined : 'direct';
    } else {
      if (!resourceMatches(st, probe)) continue;
      how = mode === 'identity' ? undefined : principalApplies(st, probe);
      if (how === 'account' && mode === 'endpoint' && probe.principal.kind !== 'root') continue;
      if (how === null || !conditionsHold(st.conditions, probe)) continue;
    }
    if (st.effect === 'Deny') deny = true;
    else {
      allow = true;
      if (mode === 'resource' && how !== undefined) recordGrant(probe, how);
    }
    (matched ??= []).push(matchedStatement(st, mode === 'resource' ? how : undefined));
  }
  const verdict = deny ? 'Deny' : allow ? 'Allow' : 'NoMatch';
  const v: Mutable<PolicyVerdict> = { type, name: policy.name, verdict, matched: matched ?? NONE };
  if (policy.arn !== undefined) v.arn = policy.arn;
  if (level !== undefined) v.level = level;
  return v;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

function resourceMatches(st: CompiledStatement, probe: Probe): boolean {
  const entries = st.resources;
  if (entries === null) return true;
  let hit = false;
  const resource = probe.resource;
  for (let i = 0; i < entries.length && !hit; i++) {
    const e = entries[i]!;
    hit = e.k === 'glob' ? matchGlob(e.g, resource) : matchResourceEntry(e, resource, probe);
  }
  return hit !== st.notResource;
}

/**
 * undefined: applies without a principal kind (Deny + NotPrincipal); null: does not apply.
 * Statements without Principal/NotPrincipal never match in resource-side policies (IAM User Guide
 * "Policy evaluation logic"). Deny + NotPrincipal always applies to a caller that has a permissions
 * boundary (IAM User Guide "AWS JSON policy elements: Principal", "AWS JSON policy elements:
 * NotPrincipal").
 */
function principalApplies(st: CompiledStatement, probe: Probe): PrincipalMatch | null | undefined {
  const m = st.principal;
  if (m === null) return null;
  if (!st.notPrincipal) return matchPrincipal(m, probe);
  if (st.effect === 'Allow') return null;
  return probe.hasBoundary || !exemptByNotPrincipal(m, probe) ? undefined : null;
}

function recordGrant(probe: Probe, how: PrincipalMatch): void {
  switch (how) {
    case 'direct':
      probe.rpDirect = true;
      return;
    case 'role':
      probe.rpRole = true;
      return;
    case 'userOfFederated':
      probe.rpUserOfFed = true;
      return;
    case 'account':
      probe.rpAccount = true;
      return;
  }
}

/** Shared and immutable: the statement's own record, unless a principal match is to be told. */
function matchedStatement(st: CompiledStatement, how: PrincipalMatch | undefined): MatchedStatement {
  if (how === undefined) return st.match;
  const m: Mutable<MatchedStatement> = { index: st.index, effect: st.effect };
  if (st.sid !== undefined) m.sid = st.sid;
  m.principalMatch = how;
  return m;
}
