// The differential cases (test/policy/differential/) without another evaluator: the generator makes
// valid documents and the same cases for a seed, src/policy decides every case without throwing, and
// `simulate eval` — the same cases written as simulate-custom-policy input and run through the
// functions the command uses — decides as src/policy called directly. Comparing with another
// evaluator is scripts/differential.ts, run by hand against one installed out of tree.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { prepareBatch } from '../../src/eval/batch.js';
import type { ContextKeyType } from '../../src/eval/context-entries.js';
import { readInput } from '../../src/eval/input.js';
import type { EvalDecision } from '../../src/eval/pair-result.js';
import { runBatch } from '../../src/eval/run-batch.js';
import type { Decision, PolicyType } from '../../src/policy/index.js';
import { generateCases, type Case } from './differential/cases.js';
import { evaluateCase, type OurResult } from './differential/ours.js';

const SEED = 20240601;
const COUNT = 500;
const cases = [...generateCases(SEED, COUNT)];

/**
 * sha256 of the JSON of the 500 cases. Disagreements are recorded by seed and case id, so a change to
 * what the generator draws, or in which order, makes every recorded case unreproducible: when that is
 * the intent, update this value in the same change.
 */
const FINGERPRINT = '37f1de26cad25b5e8e2a443bcbb3e18f56409ba43f69eba3de3526e5d08d8e35';

const fingerprint = (cs: readonly Case[]): string => createHash('sha256').update(JSON.stringify(cs)).digest('hex');

// evaluated once, by the first test that needs them (so that a throw fails a test, not the file)
let results: { readonly c: Case; readonly r: OurResult }[] | undefined;
const evaluated = () => (results ??= cases.map((c) => ({ c, r: evaluateCase(c) })));

describe('differential cases', () => {
  it('are valid for the validator and the catalogue, and src/policy decides each', () => {
    const invalid = evaluated().flatMap(({ c, r }) => (r.ok ? [] : [{ id: c.id, problems: r.problems }]));
    expect(invalid).toEqual([]);
  });

  it('reach every decision, and every policy type decides some', () => {
    const decisions = new Map<Decision, number>();
    const deciders = new Set<PolicyType>();
    for (const { r } of evaluated()) {
      if (!r.ok) continue;
      decisions.set(r.evaluation.decision, (decisions.get(r.evaluation.decision) ?? 0) + 1);
      if (r.evaluation.decidedBy !== null) deciders.add(r.evaluation.decidedBy.type);
    }
    // a generator that drifts to one outcome would still pass the other tests while testing little
    for (const d of ['Allow', 'ExplicitDeny', 'ImplicitDeny'] as const) expect(decisions.get(d) ?? 0).toBeGreaterThan(COUNT / 10);
    expect([...deciders].sort()).toEqual(['boundary', 'identity', 'rcp', 'resource', 'scp', 'session-policy', 'trust']);
  });

  it('are the same for the same seed', () => {
    // pinned, so that a seed gives the same cases in every process and on every machine
    expect(fingerprint(cases)).toBe(FINGERPRINT);
    // generating again gives them again (no state is kept between runs), and a case does not depend
    // on how many follow it
    expect([...generateCases(SEED, 50)]).toEqual(cases.slice(0, 50));
    expect([...generateCases(SEED + 1, 50)]).not.toEqual(cases.slice(0, 50));
  });
});

// ---- simulate eval vs src/policy ------------------------------------------------------------------

// The IAM catalogue types of the context keys the generator sets; any other is a string (or a list).
const KEY_TYPES: Readonly<Record<string, ContextKeyType>> = {
  'aws:currenttime': 'date',
  'aws:epochtime': 'date',
  'aws:tokenissuetime': 'date',
  'aws:multifactorauthage': 'numeric',
  's3:max-keys': 'numeric',
  'aws:securetransport': 'boolean',
  'aws:multifactorauthpresent': 'boolean',
  'aws:viaawsservice': 'boolean',
  'aws:principalisawsservice': 'boolean',
  'aws:sourceip': 'ip',
};

const EVAL_DECISION: Readonly<Record<EvalDecision, Decision>> = {
  allowed: 'Allow',
  explicitDeny: 'ExplicitDeny',
  implicitDeny: 'ImplicitDeny',
};

/** The case as `aws iam simulate-custom-policy --cli-input-json` input (with iamsim's extensions). */
function evalInput(c: Case): Record<string, unknown> {
  return {
    PolicyInputList: c.identity,
    ActionNames: [c.action],
    ResourceArns: [c.resource],
    CallerArn: c.principal.arn,
    ContextEntries: Object.entries(c.context).map(([name, v]) => ({
      ContextKeyName: name,
      ContextKeyValues: Array.isArray(v) ? v : [v],
      ContextKeyType: Array.isArray(v) ? 'stringList' : (KEY_TYPES[name.toLowerCase()] ?? 'string'),
    })),
    ...(c.resource === '*' ? {} : { ResourceOwner: c.resourceAccount }),
    ...(c.boundary ? { PermissionsBoundaryPolicyInputList: [c.boundary] } : {}),
    ...(c.session ? { SessionPolicyInputList: [c.session] } : {}),
    ...(c.resourcePolicy ? { ResourcePolicy: c.resourcePolicy } : {}),
    ...(c.scpLevels ? { OrderedOrganizationPolicyInputList: c.scpLevels.map((l) => ({ ServiceControlPolicyInputList: l })) } : {}),
    ...(c.rcpLevels ? { OrderedResourceControlPolicyInputList: c.rcpLevels.map((l) => ({ ResourceControlPolicyInputList: l })) } : {}),
  };
}

/** `simulate eval`'s decision: the input as text, through runEval's own steps (src/eval/run.ts). */
function evalDecision(c: Case): Decision {
  const text = JSON.stringify(evalInput(c));
  const response = runBatch(prepareBatch(readInput(JSON.parse(text)), text));
  return EVAL_DECISION[response.EvaluationResults[0]!.EvalDecision];
}

describe('simulate eval on the differential cases', () => {
  it('decides as src/policy called directly', () => {
    let compared = 0;
    let trustCompared = 0;
    let kmsCompared = 0;
    const differences = [];
    for (const { c, r } of evaluated()) {
      // a role's trust policy is the ResourcePolicy of sts:AssumeRole on the role (src/eval/trust.ts),
      // a key policy that of a KMS action on the key (src/eval/key-policy.ts)
      if (!r.ok) continue;
      compared++;
      if (c.resourceKind === 'trust') trustCompared++;
      if (c.resourceKind === 'kms') kmsCompared++;
      const viaEval = evalDecision(c);
      if (viaEval !== r.evaluation.decision) differences.push({ id: c.id, direct: r.evaluation.decision, viaEval });
    }
    expect(differences).toEqual([]);
    expect(compared).toBeGreaterThan(COUNT * 0.7);
    expect(trustCompared).toBeGreaterThan(COUNT * 0.03);
    expect(kmsCompared).toBeGreaterThan(COUNT * 0.03);
  });
});
