// The evaluation loop: every action of the page on every resource, against policies compiled once.
// A resource is owned by the account its ARN names, else by ResourceOwner, else by the caller's
// account (API SimulateCustomPolicy, ResourceOwner); "*" belongs to the caller's account. A role's
// trust policy decides the requests to assume that role, and must allow them itself (trust.ts); a
// KMS key's key policy likewise decides the KMS requests on that key (key-policy.ts).
import { rcpAppliesTo } from '../engine/organizations/rcp-services.js';
import { evaluate, type AuthzRequest, type PolicySet, type RequestPrincipal } from '../policy/index.js';
import type { Batch } from './batch.js';
import { evaluationResult, type EvaluationResult, type SimulatePolicyResponse } from './output.js';
import { nextMarker } from './pagination.js';
import { pairResult, type IdentitySide, type PairResult } from './pair-result.js';
import { governedByKeyPolicy, kmsRefusesAcrossAccounts } from './key-policy.js';
import { arnAccount } from './principal.js';
import { governedByTrust } from './trust.js';

/** The account of a caller given by no CallerArn, when nothing names the resource's owner. */
const DEFAULT_ACCOUNT = '123456789012';

export function runBatch(b: Batch): SimulatePolicyResponse {
  const owners = b.resources.map((r) => (r === '*' ? undefined : arnAccount(r)) ?? b.owner ?? b.defaultAccount ?? undefined);
  const anonymousCallers = new Map<string, RequestPrincipal>();
  const callerFor = (account: string | undefined): RequestPrincipal => {
    if (b.principal !== null) return b.principal;
    // without CallerArn the simulation runs as an IAM user of the resource's own account
    const acct = account ?? b.defaultAccount ?? DEFAULT_ACCOUNT;
    let p = anonymousCallers.get(acct);
    if (p === undefined) anonymousCallers.set(acct, (p = { kind: 'iamUser', accountId: acct }));
    return p;
  };
  const identity: IdentitySide = b.principal?.kind === 'root' ? 'root' : b.principal?.kind === 'webIdentity' ? 'none' : 'policies';
  // RCPs apply to the services that support them only (rcp-services.ts); other actions skip them
  const { rcpLevels: _rcps, ...withoutRcps } = b.set;
  const setFor = (action: string): PolicySet => (b.set.rcpLevels !== undefined && !rcpAppliesTo(action) ? withoutRcps : b.set);
  const results: EvaluationResult[] = [];
  for (let a = b.page.start; a < b.page.end; a++) {
    const action = b.actions[a]!;
    const set = setFor(action);
    // the trust policy must allow the requests to assume its role; it is no policy of any other
    const trusting: PolicySet = { ...set, resourceMustAllow: true };
    const untrusting: PolicySet = { ...set, resource: null };
    // a key policy must allow the KMS requests on its key, as a trust policy does (key-policy.ts)
    const keyed: PolicySet = { ...set, resourceMustAllow: true, keyPolicy: true };
    const pairs: PairResult[] = [];
    for (let r = 0; r < b.resources.length; r++) {
      const resource = b.resources[r]!;
      const byKey = !b.trust && set.resource != null && governedByKeyPolicy(action, resource);
      const pairSet = b.trust ? (governedByTrust(action, resource) ? trusting : untrusting) : byKey ? keyed : set;
      const owner = owners[r];
      const principal = callerFor(owner);
      const req: AuthzRequest = {
        principal,
        action,
        resource,
        ...(owner === undefined ? {} : { resourceAccount: owner }),
        context: b.context,
      };
      const pair = pairResult(resource, evaluate(req, pairSet), b.records, identity);
      // an operation KMS does not allow across accounts is refused before any policy is read
      const refused = byKey && kmsRefusesAcrossAccounts(action, owner, principal.accountId);
      pairs.push(refused ? { ...pair, decision: 'implicitDeny', matched: [] } : pair);
    }
    results.push(evaluationResult(action, pairs, b.perResource));
  }
  const marker = nextMarker(b.page);
  return { EvaluationResults: results, IsTruncated: marker !== null, ...(marker === null ? {} : { Marker: marker }) };
}
