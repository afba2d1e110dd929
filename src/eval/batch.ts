// From the input document to what the evaluation loop needs: every policy validated and compiled
// once, the caller, the resources' owner, the typed request context and the page of actions.
import { normalizeContext, type ContextValue, type OrgLevel, type PolicySet, type RequestPrincipal } from '../policy/index.js';
import { contextFromEntries } from './context-entries.js';
import { EvalInputError } from './errors.js';
import type { EvalInput, PolicyEntry } from './input.js';
import { pageOf, type Page } from './pagination.js';
import { inputFile, loadPolicy, RCP_FULL_ACCESS, type PolicyRecord } from './policies.js';
import { callerPrincipal, CALLER_KINDS, ownerAccount, parseArn } from './principal.js';

export interface Batch {
  readonly actions: readonly string[];
  readonly resources: readonly string[];
  /** ResourceArns named resources (not just "*"): results carry ResourceSpecificResults */
  readonly perResource: boolean;
  readonly set: PolicySet;
  readonly records: ReadonlyMap<string, PolicyRecord>;
  /** null: no CallerArn, the caller is an IAM user of the account that owns each resource */
  readonly principal: RequestPrincipal | null;
  readonly owner: string | null;
  readonly context: Readonly<Record<string, ContextValue>>;
  readonly page: Page;
}

export function prepareBatch(input: EvalInput, text: string): Batch {
  const file = inputFile(text);
  const records = new Map<string, PolicyRecord>();
  const load = (e: PolicyEntry): PolicyRecord => {
    const r = loadPolicy(e, file);
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
    resource: input.resource === null ? null : load(input.resource).compiled,
    ...(input.session === null ? {} : { session: input.session.map((e) => load(e).compiled) }),
    ...(input.scpLevels === null ? {} : { scpLevels: input.scpLevels.map((l, i) => level(l, i, [])) }),
    // customer RCPs only deny: RCPFullAWSAccess stands at every level (it cannot be detached)
    ...(input.rcpLevels === null ? {} : { rcpLevels: input.rcpLevels.map((l, i) => level(l, i, [RCP_FULL_ACCESS])) }),
  };
  const principal = caller(input);
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
    records,
    principal,
    owner,
    context: normalizeContext(contextFromEntries(input.contextEntries)),
    page: pageOf(input.actions.length, input.maxItems, input.marker),
  };
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
    if (input.identity.length === 0) {
      const msg =
        `the policies of ${source} cannot be looked up without a scenario: ` +
        'put them in PolicyInputList (as JSON strings or objects), as simulate-custom-policy takes them';
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
