// `simulate eval` with a role's trust policy: ActionNames asking to assume a role that ResourceArns
// names make ResourcePolicy that role's trust policy (src/eval/trust.ts). It is validated as IAM
// validates a trust policy, and it must allow the caller itself, in the same account too, as the
// scenario engine decides every AssumeRole:
//   IAM User Guide "Policy evaluation logic"
//     https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
//     (role trust policies and KMS key policies must explicitly allow access for principals)
//   IAM User Guide "Cross-account policy evaluation logic"
//     https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic-cross-account.html
//   IAM User Guide "Pass session tags in AWS STS"
//     https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html (sts:TagSession in the trust policy)
//   IAM User Guide "AWS JSON policy elements: Principal"
//     https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html (Federated principals)
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/simulate.js';
import { A, allow, B, decisions, evalRun, policy, type Json } from './helpers.js';

const ALICE = `arn:aws:iam::${A}:user/alice`;
const BOB = `arn:aws:iam::${A}:user/bob`;
const ROLE = `arn:aws:iam::${A}:role/Deployer`;
const GITHUB = `arn:aws:iam::${A}:oidc-provider/token.actions.githubusercontent.com`;
const SAML = `arn:aws:iam::${A}:saml-provider/Okta`;

/** A trust policy statement: a Principal and STS actions, no Resource element. */
const trusts = (principal: Json | '*', action: string | string[] = 'sts:AssumeRole', extra: Json = {}): Json => ({
  Effect: 'Allow',
  Principal: principal,
  Action: action,
  ...extra,
});

const assume = (caller: string, trust: string, identity: string[] = [], extra: Json = {}): Json => ({
  CallerArn: caller,
  PolicyInputList: identity,
  ResourcePolicy: trust,
  ActionNames: ['sts:AssumeRole'],
  ResourceArns: [ROLE],
  ...extra,
});

async function run(input: Json): Promise<Json[]> {
  const r = await evalRun(input);
  if (r.code !== 0) throw new Error(r.stderr);
  return r.out.EvaluationResults as unknown as Json[];
}

async function error(input: Json): Promise<string> {
  const r = await evalRun(input);
  expect(r.code).toBe(2);
  return r.stderr;
}

describe('a trust policy as ResourcePolicy', () => {
  it('is accepted as a trust policy: no Resource element, STS actions, a Principal', async () => {
    // given a genuine trust policy, which a resource-based policy's check refuses ("Policy statement
    // must contain resources")
    const trust = policy(trusts({ AWS: ALICE }));
    // when eval asks for sts:AssumeRole on the role
    const d = await decisions(assume(ALICE, trust));
    // then it runs, and the trust policy decides
    expect(d).toEqual({ 'sts:AssumeRole': 'allowed' });
  });

  it('is refused as IAM refuses it on CreateRole, saying why it is a trust policy', async () => {
    const withResource = policy(trusts({ AWS: ALICE }, 'sts:AssumeRole', { Resource: '*' }));
    const e = await error(assume(ALICE, withResource));
    expect(e).toContain('ResourcePolicy: MalformedPolicyDocument: Has prohibited field Resource (Statement[0].Resource;');
    expect(e).toContain(
      `expected: the trust policy of role ${ROLE} (ActionNames has sts:AssumeRole on it): every statement names a Principal, and none has a Resource element`,
    );
    const noPrincipal = policy({ Effect: 'Allow', Action: 'sts:AssumeRole' });
    expect(await error(assume(ALICE, noPrincipal))).toContain('ResourcePolicy: MalformedPolicyDocument: Missing required field Principal');
    const s3 = policy(trusts({ AWS: ALICE }, 's3:GetObject'));
    expect(await error(assume(ALICE, s3))).toContain('Trust Policy statement actions can only be sts:AssumeRole');
  });

  it('is taken as a resource-based policy when ResourceArns names no role, with a hint', async () => {
    const trust = policy(trusts({ AWS: ALICE }));
    const e = await error({ ...assume(ALICE, trust), ResourceArns: undefined });
    expect(e).toContain('ResourcePolicy: MalformedPolicyDocument: Policy statement must contain resources.');
    expect(e).toContain(
      "expected: a resource-based policy, with a Resource element in every statement; to simulate sts:AssumeRole against a role's trust policy, name the role in ResourceArns (arn:aws:iam::ACCOUNT:role/NAME)",
    );
  });
});

describe('the trust policy must allow, in the same account too', () => {
  const identityAllows = [policy(allow('sts:AssumeRole', ROLE))];

  it('an identity-based Allow alone does not let a same-account user assume the role', async () => {
    // given a trust policy that names bob only, and alice's identity policy that allows sts:AssumeRole
    const trust = policy(trusts({ AWS: BOB }));
    // when alice asks, then the trust policy does not allow her: implicit deny
    expect(await decisions(assume(ALICE, trust, identityAllows))).toEqual({ 'sts:AssumeRole': 'implicitDeny' });
  });

  it('a trust policy naming the caller suffices alone; naming the account needs the identity policy too', async () => {
    expect(await decisions(assume(ALICE, policy(trusts({ AWS: ALICE }))))).toEqual({ 'sts:AssumeRole': 'allowed' });
    const account = policy(trusts({ AWS: `arn:aws:iam::${A}:root` }));
    expect(await decisions(assume(ALICE, account))).toEqual({ 'sts:AssumeRole': 'implicitDeny' });
    expect(await decisions(assume(ALICE, account, identityAllows))).toEqual({ 'sts:AssumeRole': 'allowed' });
  });

  it('a role session is trusted by its role ARN', async () => {
    const session = `arn:aws:sts::${A}:assumed-role/Builder/ci`;
    const trust = policy(trusts({ AWS: `arn:aws:iam::${A}:role/Builder` }));
    expect(await decisions(assume(session, trust))).toEqual({ 'sts:AssumeRole': 'allowed' });
  });

  it('an explicit deny in the trust policy wins, and is the matched statement', async () => {
    const trust = policy(trusts({ AWS: `arn:aws:iam::${A}:root` }), { ...trusts({ AWS: ALICE }), Effect: 'Deny' });
    const [r] = await run(assume(ALICE, trust, identityAllows));
    expect(r).toMatchObject({
      EvalDecision: 'explicitDeny',
      MatchedStatements: [{ SourcePolicyId: 'ResourcePolicy', SourcePolicyType: 'Resource Policy' }],
    });
  });

  it('across accounts, both sides must allow; each side is reported', async () => {
    const carol = `arn:aws:iam::${B}:user/carol`;
    const trust = policy(trusts({ AWS: carol }));
    const [granted] = await run(assume(carol, trust, identityAllows));
    expect(granted).toMatchObject({
      EvalDecision: 'allowed',
      EvalDecisionDetails: { 'IAM Policy': 'allowed', 'Resource Policy': 'allowed' },
    });
    const [refused] = await run(assume(carol, trust));
    expect(refused).toMatchObject({
      EvalDecision: 'implicitDeny',
      EvalDecisionDetails: { 'IAM Policy': 'implicitDeny', 'Resource Policy': 'allowed' },
    });
  });

  it('sts:TagSession and sts:SetSourceIdentity are the trust policy’s to allow as well', async () => {
    const trust = policy(trusts({ AWS: ALICE }, ['sts:AssumeRole', 'sts:TagSession']));
    const d = await decisions({ ...assume(ALICE, trust), ActionNames: ['sts:AssumeRole', 'sts:TagSession', 'sts:SetSourceIdentity'] });
    expect(d).toEqual({ 'sts:AssumeRole': 'allowed', 'sts:TagSession': 'allowed', 'sts:SetSourceIdentity': 'implicitDeny' });
  });

  it('decides only the requests to assume the role: other actions of the batch do without it', async () => {
    // a role's trust policy is no resource-based policy of iam:GetRole, nor of another resource
    const trust = policy({ ...trusts('*', 'sts:*'), Effect: 'Deny' });
    const identity = [policy(allow(['iam:GetRole', 'sts:AssumeRole']))];
    const other = `arn:aws:iam::${A}:user/bob`;
    const d = await decisions({
      ...assume(ALICE, trust, identity),
      ActionNames: ['sts:AssumeRole', 'iam:GetRole'],
      ResourceArns: [ROLE, other],
    });
    expect(d).toEqual({ 'sts:AssumeRole': 'explicitDeny', 'iam:GetRole': 'allowed' });
    const [assumeResult] = await run({ ...assume(ALICE, trust, identity), ResourceArns: [ROLE, other] });
    const perResource = (assumeResult!['ResourceSpecificResults'] as Json[]).map((x) => x['EvalResourceDecision']);
    expect(perResource).toEqual(['explicitDeny', 'allowed']);
  });

  it('without ResourcePolicy, only the caller’s side is simulated, as AWS’s simulator does', async () => {
    const d = await decisions({ CallerArn: ALICE, PolicyInputList: identityAllows, ActionNames: ['sts:AssumeRole'], ResourceArns: [ROLE] });
    expect(d).toEqual({ 'sts:AssumeRole': 'allowed' });
  });
});

describe('an identity provider as the caller of AssumeRoleWithWebIdentity / AssumeRoleWithSAML', () => {
  const aud = (value: string): Json => ({
    ContextKeyName: 'token.actions.githubusercontent.com:aud',
    ContextKeyValues: [value],
    ContextKeyType: 'string',
  });
  const github = policy(
    trusts({ Federated: GITHUB }, 'sts:AssumeRoleWithWebIdentity', {
      Condition: { StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' } },
    }),
  );
  const webIdentity = (extra: Json): Json => ({
    CallerArn: GITHUB,
    PolicyInputList: [],
    ResourcePolicy: github,
    ActionNames: ['sts:AssumeRoleWithWebIdentity'],
    ResourceArns: [ROLE],
    ...extra,
  });

  it('the trust policy alone decides, with the claims given as context keys', async () => {
    const [ok] = await run(webIdentity({ ContextEntries: [aud('sts.amazonaws.com')] }));
    // an unsigned caller has no identity side to report
    expect(ok).toMatchObject({ EvalDecision: 'allowed', EvalDecisionDetails: { 'Resource Policy': 'allowed' } });
    expect(ok!['EvalDecisionDetails']).not.toHaveProperty('IAM Policy');
    expect(await decisions(webIdentity({ ContextEntries: [aud('other')] }))).toEqual({ 'sts:AssumeRoleWithWebIdentity': 'implicitDeny' });
    const [missing] = await run(webIdentity({}));
    expect(missing).toMatchObject({ EvalDecision: 'implicitDeny', MissingContextValues: ['token.actions.githubusercontent.com:aud'] });
  });

  it('a built-in provider and a SAML provider are callers too', async () => {
    const google = policy(trusts({ Federated: 'accounts.google.com' }, 'sts:AssumeRoleWithWebIdentity'));
    expect(await decisions(webIdentity({ CallerArn: 'accounts.google.com', ResourcePolicy: google }))).toEqual({
      'sts:AssumeRoleWithWebIdentity': 'allowed',
    });
    const okta = policy(trusts({ Federated: SAML }, 'sts:AssumeRoleWithSAML'));
    expect(await decisions(webIdentity({ CallerArn: SAML, ResourcePolicy: okta, ActionNames: ['sts:AssumeRoleWithSAML'] }))).toEqual({
      'sts:AssumeRoleWithSAML': 'allowed',
    });
  });

  it('calls nothing but its own operation (and sts:TagSession, sts:SetSourceIdentity)', async () => {
    expect(await error(webIdentity({ ActionNames: ['sts:AssumeRoleWithWebIdentity', 's3:GetObject'] }))).toContain(
      `ActionNames[1]: "s3:GetObject": the users of identity provider ${GITHUB} call sts:AssumeRoleWithWebIdentity only`,
    );
    expect(await error(webIdentity({ ActionNames: ['sts:AssumeRole'] }))).toContain('call sts:AssumeRoleWithWebIdentity only');
    expect(await error(webIdentity({ CallerArn: SAML, ActionNames: ['sts:AssumeRoleWithWebIdentity'] }))).toContain(
      'call sts:AssumeRoleWithSAML only',
    );
  });
});

describe('simulate eval and the scenario engine decide alike', () => {
  it('every sts:AssumeRole of scenarios/trust-policy-same-account.iam, given as simulate-custom-policy input', async () => {
    // given the scenario's run, and for each request the caller's inline policies and the role's trust policy
    const file = 'scenarios/trust-policy-same-account.iam';
    const { trace, world } = simulate(readFileSync(file, 'utf8'), file, {
      readFile: () => {
        throw new Error('no files');
      },
    });
    const compared: string[] = [];
    for (const item of trace.items) {
      if (item.kind !== 'step' || item.call === null) continue;
      const caller = item.call.caller;
      for (const e of item.call.evaluations) {
        const role = Object.values(world.iam.roles).find((r) => r.arn === e.resource)!;
        // a session's policies are its role's; a user's its own
        const owner =
          caller.kind === 'role-session'
            ? Object.values(world.iam.roles).find((r) => caller.arn.includes(`:assumed-role/${r.name}/`))!
            : world.iam.users[caller.arn]!;
        // when simulate eval is given the same request
        const [r] = await run({
          CallerArn: caller.arn,
          PolicyInputList: owner.inline.map((p) => JSON.stringify(p.document)),
          ResourcePolicy: JSON.stringify(role.trust),
          ActionNames: [e.action],
          ResourceArns: [e.resource],
        });
        // then it decides as the engine did
        const EVAL = { Allow: 'allowed', ExplicitDeny: 'explicitDeny', ImplicitDeny: 'implicitDeny' } as const;
        expect({ step: item.index, decision: r!['EvalDecision'] }).toEqual({ step: item.index, decision: EVAL[e.evaluation.decision] });
        compared.push(`${item.index} ${e.evaluation.decision}`);
      }
    }
    expect(compared).toEqual(['1 ImplicitDeny', '2 Allow', '3 Allow', '4 Allow', '5 ImplicitDeny']);
  });
});
