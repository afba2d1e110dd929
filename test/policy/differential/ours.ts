// One differential case through src/policy: every document checked as IAM checks it on write
// (validator and catalogue), compiled, and the request evaluated with the policy set it builds.
import { policyCatalogueProblems } from '../../../src/catalogue/index.js';
import {
  compilePolicy,
  evaluate,
  validatePolicy,
  type AuthzRequest,
  type CompiledPolicy,
  type Evaluation,
  type PolicyKind,
  type PolicySet,
} from '../../../src/policy/index.js';
import { rcpFullAwsAccess, type Case, type PolicyDoc } from './cases.js';

const RCP_FULL_ACCESS_NAME = 'RCPFullAWSAccess';
const RCP_FULL_ACCESS = compilePolicy(rcpFullAwsAccess(), { name: RCP_FULL_ACCESS_NAME, kind: 'rcp' });

/** A case ready to evaluate, and the document behind each policy name (for explainEvaluation). */
export interface PreparedCase {
  readonly request: AuthzRequest;
  readonly set: PolicySet;
  readonly documents: ReadonlyMap<string, PolicyDoc>;
}

export type OurResult =
  { readonly ok: false; readonly problems: readonly string[] } | ({ readonly ok: true; readonly evaluation: Evaluation } & PreparedCase);

interface NamedDoc {
  readonly name: string;
  readonly kind: PolicyKind;
  readonly doc: PolicyDoc;
}

/** Every document of the case with a name that says where it is (`scp1.0`: level 1, policy 0). */
function documentsOf(c: Case): NamedDoc[] {
  const out: NamedDoc[] = c.identity.map((doc, i) => ({ name: `identity${i}`, kind: 'identity', doc }));
  if (c.boundary) out.push({ name: 'boundary', kind: 'boundary', doc: c.boundary });
  if (c.session) out.push({ name: 'session', kind: 'session', doc: c.session });
  if (c.resourcePolicy) out.push({ name: 'resource', kind: c.resourceKind === 'trust' ? 'trust' : 'resource', doc: c.resourcePolicy });
  c.scpLevels?.forEach((level, i) => level.forEach((doc, j) => out.push({ name: `scp${i}.${j}`, kind: 'scp', doc })));
  c.rcpLevels?.forEach((level, i) => level.forEach((doc, j) => out.push({ name: `rcp${i}.${j}`, kind: 'rcp', doc })));
  return out;
}

/** What IAM would refuse in the case's documents, as `name: message @path`; none for a valid case. */
export function caseProblems(c: Case): string[] {
  const problems: string[] = [];
  for (const { name, kind, doc } of documentsOf(c)) {
    const found = [...validatePolicy(doc, kind), ...policyCatalogueProblems(doc)];
    for (const p of found) problems.push(`${name}: ${p.message} @${p.path.join('.')}`);
  }
  return problems;
}

/** The request and policy set of a valid case (compilePolicy expects documents that validate). */
export function prepareCase(c: Case): PreparedCase {
  const compiled = new Map<string, CompiledPolicy>();
  const documents = new Map<string, PolicyDoc>([[RCP_FULL_ACCESS_NAME, rcpFullAwsAccess()]]);
  for (const { name, kind, doc } of documentsOf(c)) {
    compiled.set(name, compilePolicy(doc, { name, kind }));
    documents.set(name, doc);
  }
  const get = (name: string): CompiledPolicy => compiled.get(name)!;
  const set: PolicySet = {
    identity: c.identity.map((_, i) => get(`identity${i}`)),
    boundary: c.boundary ? get('boundary') : null,
    session: c.session ? [get('session')] : [],
    resource: c.resourcePolicy ? get('resource') : null,
    // a role's trust policy and a KMS key policy must allow by themselves (IAM User Guide "Policy
    // evaluation logic")
    resourceMustAllow: c.resourceKind === 'trust' || c.resourceKind === 'kms',
    ...(c.scpLevels
      ? { scpLevels: c.scpLevels.map((level, i) => ({ name: `scp-level${i}`, policies: level.map((_, j) => get(`scp${i}.${j}`)) })) }
      : {}),
    // customer RCPs only deny: RCPFullAWSAccess stands at every level
    ...(c.rcpLevels
      ? {
          rcpLevels: c.rcpLevels.map((level, i) => ({
            name: `rcp-level${i}`,
            policies: [RCP_FULL_ACCESS, ...level.map((_, j) => get(`rcp${i}.${j}`))],
          })),
        }
      : {}),
  };
  const p = c.principal;
  const request: AuthzRequest = {
    principal: { kind: p.kind, accountId: p.account, arn: p.arn, ...(p.roleArn ? { roleArn: p.roleArn } : {}), uniqueId: p.uniqueId },
    action: c.action,
    resource: c.resource,
    ...(c.resource === '*' ? {} : { resourceAccount: c.resourceAccount }),
    context: c.context,
  };
  return { request, set, documents };
}

/** Our decision on a case, or what makes the case invalid. */
export function evaluateCase(c: Case): OurResult {
  const problems = caseProblems(c);
  if (problems.length > 0) return { ok: false, problems };
  const prepared = prepareCase(c);
  return { ok: true, evaluation: evaluate(prepared.request, prepared.set), ...prepared };
}
