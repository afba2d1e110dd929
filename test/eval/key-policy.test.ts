// `simulate eval` with a KMS key policy: a KMS action on a key that ResourceArns names
// (arn:aws:kms:REGION:ACCOUNT:key/ID) makes ResourcePolicy that key's key policy
// (src/eval/key-policy.ts), decided by the rule the scenario engine applies to a declared key:
//   AWS KMS Developer Guide "Key policies in AWS KMS"
//     https://docs.aws.amazon.com/kms/latest/developerguide/key-policies.html ("Unless the key policy
//     explicitly allows it, you cannot use IAM policies to allow access to a KMS key")
//   AWS KMS Developer Guide "Default key policy"
//     https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html (naming the
//     account lets IAM policies allow)
//   AWS KMS Developer Guide "Allowing users in other accounts to use a KMS key"
//     https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-modifying-external-accounts.html
//     ("Neither the key policy nor the IAM policy alone is sufficient"; only the operations whose
//     API Reference page says "Cross-account use: Yes")
//   AWS KMS API Reference "ScheduleKeyDeletion"
//     https://docs.aws.amazon.com/kms/latest/APIReference/API_ScheduleKeyDeletion.html ("Cross-account use: No")
import { describe, expect, it } from 'vitest';
import { A, allow, B, decisions, evalRun, policy, type Json } from './helpers.js';

const ALICE = `arn:aws:iam::${A}:user/alice`;
const BOB = `arn:aws:iam::${A}:user/bob`;
const PARTNER = `arn:aws:iam::${B}:user/partner`;
const KEY = `arn:aws:kms:us-east-1:${A}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;

/** A key policy statement: a Principal, KMS actions, Resource "*" (the key itself). */
const keyAllows = (principal: string, action: string | string[] = 'kms:*'): Json => ({
  Effect: 'Allow',
  Principal: { AWS: principal },
  Action: action,
  Resource: '*',
});

const onKey = (caller: string, keyPolicy: string, identity: string[], actions: string[] = ['kms:Decrypt']): Json => ({
  CallerArn: caller,
  PolicyInputList: identity,
  ResourcePolicy: keyPolicy,
  ActionNames: actions,
  ResourceArns: [KEY],
});

describe('a key policy as ResourcePolicy, same account', () => {
  const identityAllows = [policy(allow('kms:Decrypt', KEY))];

  it('naming the account, it lets the identity policy allow; without that Allow, nothing does', async () => {
    // given the default key policy's "Enable IAM policies" statement
    const account = policy(keyAllows(`arn:aws:iam::${A}:root`));
    // when alice, whose identity policy allows kms:Decrypt, asks: allowed
    expect(await decisions(onKey(ALICE, account, identityAllows))).toEqual({ 'kms:Decrypt': 'allowed' });
    // and without that identity policy: implicit deny
    expect(await decisions(onKey(ALICE, account, []))).toEqual({ 'kms:Decrypt': 'implicitDeny' });
  });

  it('naming only another principal, an identity-based Allow has no effect', async () => {
    // given a key policy that names bob only (before, eval let alice's identity policy allow)
    const bobOnly = policy(keyAllows(BOB));
    // then alice is denied although her identity policy allows kms:Decrypt
    expect(await decisions(onKey(ALICE, bobOnly, identityAllows))).toEqual({ 'kms:Decrypt': 'implicitDeny' });
    // and bob, whom it names, is allowed by the key policy alone
    expect(await decisions(onKey(BOB, bobOnly, []))).toEqual({ 'kms:Decrypt': 'allowed' });
  });

  it('the root user is no exception', async () => {
    const bobOnly = policy(keyAllows(BOB));
    expect(await decisions(onKey(`arn:aws:iam::${A}:root`, bobOnly, []))).toEqual({ 'kms:Decrypt': 'implicitDeny' });
  });

  it('is the key policy of KMS actions on the key only', async () => {
    // a key policy naming bob only; alice's identity policy allows s3:GetObject on a bucket too
    const bobOnly = policy(keyAllows(BOB));
    const bucket = 'arn:aws:s3:::reports/a.txt';
    const input = { ...onKey(ALICE, bobOnly, [policy(allow(['kms:Decrypt', 's3:GetObject'], '*'))], ['kms:Decrypt', 's3:GetObject']) };
    const r = await evalRun({ ...input, ResourceArns: [KEY, bucket] });
    const byPair = r.out.EvaluationResults.flatMap((x) =>
      (x.ResourceSpecificResults ?? []).map((s) => [`${x.EvalActionName} ${s.EvalResourceName}`, s.EvalResourceDecision]),
    );
    expect(Object.fromEntries(byPair)).toEqual({
      [`kms:Decrypt ${KEY}`]: 'implicitDeny',
      [`kms:Decrypt ${bucket}`]: 'allowed',
      [`s3:GetObject ${KEY}`]: 'allowed',
      [`s3:GetObject ${bucket}`]: 'allowed',
    });
  });
});

describe('a key policy as ResourcePolicy, across accounts', () => {
  const partnerAllows = [policy(allow(['kms:Decrypt', 'kms:ScheduleKeyDeletion'], KEY))];
  const namesPartner = policy(keyAllows(`arn:aws:iam::${B}:root`));

  it('both the key policy and the external identity policy must allow', async () => {
    expect(await decisions(onKey(PARTNER, namesPartner, partnerAllows))).toEqual({ 'kms:Decrypt': 'allowed' });
    expect(await decisions(onKey(PARTNER, namesPartner, []))).toEqual({ 'kms:Decrypt': 'implicitDeny' });
    expect(await decisions(onKey(PARTNER, policy(keyAllows(BOB)), partnerAllows))).toEqual({ 'kms:Decrypt': 'implicitDeny' });
  });

  it('an operation without "Cross-account use: Yes" is denied whatever both allow', async () => {
    const r = await evalRun(onKey(PARTNER, namesPartner, partnerAllows, ['kms:Decrypt', 'kms:ScheduleKeyDeletion']));
    expect(r.code).toBe(0);
    const [decrypt, schedule] = r.out.EvaluationResults;
    expect(decrypt).toMatchObject({ EvalDecision: 'allowed' });
    expect(schedule).toMatchObject({ EvalDecision: 'implicitDeny', MatchedStatements: [] });
    // the same operation on a key of the caller's own account is allowed
    const ownKey = KEY.replace(A, B);
    const ownAllows = [policy(allow('kms:ScheduleKeyDeletion', ownKey))];
    const own = { ...onKey(PARTNER, namesPartner, ownAllows, ['kms:ScheduleKeyDeletion']), ResourceArns: [ownKey] };
    expect(await decisions(own)).toEqual({ 'kms:ScheduleKeyDeletion': 'allowed' });
  });
});
