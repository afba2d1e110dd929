// From the input document to what the evaluation loop needs: every policy validated and compiled
// once, the caller, the resources' owner, the typed request context and the page of actions.
import {
  normalizeContext,
  type ContextValue,
  type OrgLevel,
  type PolicyProblem,
  type PolicySet,
  type RequestPrincipal,
} from '../policy/index.js';
import { contextFromEntries } from './context-entries.js';
import { EvalInputError } from './errors.js';
import type { EvalInput, PolicyEntry } from './input.js';
import { pageOf, type Page } from './pagination.js';
import { inputFile, loadPolicy, RCP_FULL_ACCESS, type PolicyRecord } from './policies.js';
import { callerPrincipal, CALLER_KINDS, ownerAccount, parseArn, providerAction } from './principal.js';
import { isTrustAction } from './trust.js';

export interface Batch {
  readonly actions: readonly string[];
  readonly resources: readonly string[];
  /** ResourceArns named resources (not just "*"): results carry ResourceSpecificResults */
  readonly perResource: boolean;
  readonly set: PolicySet;
  /** ResourcePolicy is a role's trust policy (trust.ts): it decides the requests to assume the role only */
  readonly trust: boolean;
  readonly records: ReadonlyMap<string, PolicyRecord>;
  /** null: no CallerArn, the caller is an IAM user of the account that owns each resource */
  readonly principal: RequestPrincipal | null;
  readonly owner: string | null;
  readonly context: Readonly<Record<string, ContextValue>>;
  readonly page: Page;
  /** the account of the caller and resources when nothing names one (PolicySourceArn's, when looked up) */
  readonly defaultAccount: string | null;
}

export function prepareBatch(input: EvalInput, text: string): Batch {
  const file = inputFile(text);
  const records = new Map<string, PolicyRecord>();
  const load = (e: PolicyEntry, expected?: (problem: PolicyProblem) => string | undefined): PolicyRecord => {
    const r = loadPolicy(e, file, expected);
    records.set(e.id, r);
    return r;
  };
  const level = (entries: readonly PolicyEntry[], i: number, extra: OrgLevel['policies']): OrgLevel => ({
    name: `level ${i + 1}`,
    policies: [...entries.map((e) => load(e).compiled), ...extra],
  });
  const set: PolicySet = {
    identity: input.identity.map((e) => load(e).compiled),
    boundary: input.boundary === null ? null : load(input.boundary).compiled,
    resource: input.resource === null ? null : load(input.resource, resourceExpected(input)).compiled,
    ...(input.session === null ? {} : { session: input.session.map((e) => load(e).compiled) }),
    ...(input.scpLevels === null ? {} : { scpLevels: input.scpLevels.map((l, i) => level(l, i, [])) }),
    // customer RCPs only deny: RCPFullAWSAccess stands at every level (it cannot be detached)
    ...(input.rcpLevels === null ? {} : { rcpLevels: input.rcpLevels.map((l, i) => level(l, i, [RCP_FULL_ACCESS])) }),
    ...(input.endpoint === null ? {} : { endpoint: load(input.endpoint).compiled }),
  };
  const principal = caller(input);
  if (principal?.kind === 'webIdentity') providerActions(input, principal);
  if (input.session !== null && principal?.kind !== 'roleSession' && principal?.kind !== 'stsFederatedUser') {
    throw new EvalInputError('SessionPolicyInputList applies to sessions only: CallerArn must be a role session or a federated user', {
      path: ['SessionPolicyInputList'],
      key: true,
    });
  }
  let owner: string | null = null;
  if (input.resourceOwner !== null) {
    owner = ownerAccount(input.resourceOwner);
    if (owner === null) {
      const msg = `ResourceOwner "${input.resourceOwner}" is neither an account ARN (arn:aws:iam::ACCOUNT:root) nor an account id`;
      throw new EvalInputError(msg, { path: ['ResourceOwner'] });
    }
  }
  const named = input.resources !== null && input.resources.some((r) => r !== '*');
  return {
    actions: input.actions,
    resources: input.resources === null || input.resources.length === 0 ? ['*'] : input.resources,
    perResource: named,
    set,
    // without ResourcePolicy only the caller's side is simulated, as AWS's simulator does
    trust: input.trust !== null && input.resource !== null,
    records,
    principal,
    owner,
    context: normalizeContext(contextFromEntries(input.contextEntries)),
    page: pageOf(input.actions.length, input.maxItems, input.marker),
    defaultAccount: input.sourceAccount ?? null,
  };
}

/**
 * An identity provider's users call AssumeRoleWithWebIdentity or AssumeRoleWithSAML, and need
 * sts:TagSession and sts:SetSourceIdentity with it to pass session tags or a source identity (IAM
 * User Guide "Pass session tags in AWS STS", "Monitor and control actions taken with assumed
 * roles"); nothing else.
 */
function providerActions(input: EvalInput, p: RequestPrincipal): void {
  const call = providerAction(p);
  const allowed = [call, 'sts:TagSession', 'sts:SetSourceIdentity'];
  input.actions.forEach((a, i) => {
    if (allowed.some((x) => x.toLowerCase() === a.toLowerCase())) return;
    const msg = `ActionNames[${i}]: "${a}": the users of identity provider ${p.federatedProvider} call ${call} only (and sts:TagSession, sts:SetSourceIdentity with it)`;
    throw new EvalInputError(msg, { path: ['ActionNames', i] });
  });
}

const NO_RESOURCES = 'Policy statement must contain resources.';

/** What an invalid ResourcePolicy should have been: a trust policy, or a resource-based policy. */
function resourceExpected(input: EvalInput): ((problem: PolicyProblem) => string | undefined) | undefined {
  const trust = input.trust;
  if (trust !== null) {
    const what = `the trust policy of role ${trust.role} (ActionNames has ${trust.action} on it)`;
    return () => `${what}: every statement names a Principal, and none has a Resource element`;
  }
  const action = input.actions.find(isTrustAction);
  if (action === undefined) return undefined;
  // a trust policy given for sts:AssumeRole on "*": say how to have it taken as one
  return (problem) =>
    problem.message === NO_RESOURCES
      ? `a resource-based policy, with a Resource element in every statement; to simulate ${action} against a role's trust policy, name the role in ResourceArns (arn:aws:iam::ACCOUNT:role/NAME)`
      : undefined;
}

/** CallerArn, or the user PolicySourceArn names (as in simulate-principal-policy). */
function caller(input: EvalInput): RequestPrincipal | null {
  const source = input.policySourceArn;
  if (source !== null) {
    const a = parseArn(source);
    if (a === null || a.service !== 'iam' || !/^(user|group|role)\//.test(a.resource)) {
      throw new EvalInputError(`PolicySourceArn "${source}" is not the ARN of an IAM user, group or role`, {
        path: ['PolicySourceArn'],
      });
    }
    if (input.identity.length === 0 && input.sourceAccount === undefined) {
      const msg =
        `the policies of ${source} cannot be looked up without a scenario: ` +
        'put them in PolicyInputList (as JSON strings or objects), as simulate-custom-policy takes them, ' +
        'or name the scenario whose world has them with --world';
      throw new EvalInputError(msg, { path: ['PolicySourceArn'] });
    }
  }
  const userSource = source !== null && parseArn(source)?.resource.startsWith('user/') === true ? source : null;
  const arn = input.callerArn ?? userSource;
  if (arn === null) {
    if (input.resource !== null) {
      const msg = "CallerArn is required if you include a ResourcePolicy, so that the policy's Principal element has a value to use";
      throw new EvalInputError(msg, { path: ['ResourcePolicy'], key: true });
    }
    return null;
  }
  const p = callerPrincipal(arn);
  if (typeof p === 'string') {
    const where = input.callerArn !== null ? 'CallerArn' : 'PolicySourceArn';
    throw new EvalInputError(`${where}: ${p}; a caller is ${CALLER_KINDS}`, { path: [where] });
  }
  return p;
}
