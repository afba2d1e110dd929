// Decisions and their explanation fields: boundary, SCP levels, RCPs, session policies, resource
// policies across accounts, and the aggregation of several resources into one result per action.
import { describe, expect, it } from 'vitest';
import { A, allow, B, decisions, deny, evalRun, policy, type Json } from './helpers.js';

const USER = `arn:aws:iam::${A}:user/alice`;
const SESSION = `arn:aws:sts::${A}:assumed-role/Deployer/ci`;
const BUCKET = 'arn:aws:s3:::shared-bucket/*';
const OBJECT = 'arn:aws:s3:::shared-bucket/report.csv';

async function first(input: Json): Promise<Json> {
  const r = await evalRun(input);
  if (r.code !== 0) throw new Error(r.stderr);
  return r.out.EvaluationResults[0] as unknown as Json;
}

describe('identity-based policies and permissions boundaries', () => {
  it('an explicit deny wins and is the only matched statement', async () => {
    const r = await first({
      CallerArn: USER,
      PolicyInputList: [policy(allow('s3:*'), deny('s3:DeleteObject'))],
      ActionNames: ['s3:DeleteObject'],
    });
    expect(r['EvalDecision']).toBe('explicitDeny');
    expect(r['MatchedStatements']).toHaveLength(1);
  });

  it('a boundary that does not allow leaves an implicit deny and says so', async () => {
    const r = await first({
      CallerArn: USER,
      PolicyInputList: [policy(allow('s3:*'))],
      PermissionsBoundaryPolicyInputList: [policy(allow('s3:GetObject'))],
      ActionNames: ['s3:PutObject'],
    });
    expect(r).toMatchObject({
      EvalDecision: 'implicitDeny',
      MatchedStatements: [],
      PermissionsBoundaryDecisionDetail: { AllowedByPermissionsBoundary: false },
    });
  });

  it('the boundary statement that allows is listed with the identity one', async () => {
    const r = await first({
      CallerArn: USER,
      PolicyInputList: [policy(allow('s3:*'))],
      PermissionsBoundaryPolicyInputList: [policy(allow('s3:GetObject'))],
      ActionNames: ['s3:GetObject'],
    });
    expect(r['PermissionsBoundaryDecisionDetail']).toEqual({ AllowedByPermissionsBoundary: true });
    const ids = (r['MatchedStatements'] as Json[]).map((s) => [s['SourcePolicyId'], s['SourcePolicyType']]);
    expect(ids).toEqual([
      ['PolicyInputList.1', 'IAM Policy'],
      ['PermissionsBoundaryPolicyInputList.1', 'Permissions Boundary Policy'],
    ]);
  });

  it('the root user needs no identity policy', async () => {
    const d = await decisions({ CallerArn: `arn:aws:iam::${A}:root`, PolicyInputList: [], ActionNames: ['s3:GetObject'] });
    expect(d).toEqual({ 's3:GetObject': 'allowed' });
  });

  it('sts:GetCallerIdentity is allowed even against an explicit deny', async () => {
    const d = await decisions({ CallerArn: USER, PolicyInputList: [policy(deny('*'))], ActionNames: ['sts:GetCallerIdentity'] });
    expect(d).toEqual({ 'sts:GetCallerIdentity': 'allowed' });
  });
});

describe('organizations: SCP levels (OrderedOrganizationPolicyInputList) and RCPs', () => {
  const full = policy(allow('*'));
  const scps = (...levels: string[][]): Json => ({
    OrderedOrganizationPolicyInputList: levels.map((l) => ({ ServiceControlPolicyInputList: l })),
  });

  it('every level must allow: a gap at one level is an implicit deny', async () => {
    const r = await first({
      CallerArn: USER,
      PolicyInputList: [policy(allow('*'))],
      ...scps([full], [policy(allow('s3:*'))], [full]),
      ActionNames: ['ec2:RunInstances'],
    });
    expect(r).toMatchObject({ EvalDecision: 'implicitDeny', OrganizationsDecisionDetail: { AllowedByOrganizations: false } });
    const ok = await first({
      CallerArn: USER,
      PolicyInputList: [policy(allow('*'))],
      ...scps([full], [policy(allow('s3:*'))], [full]),
      ActionNames: ['s3:GetObject'],
    });
    expect(ok).toMatchObject({ EvalDecision: 'allowed', OrganizationsDecisionDetail: { AllowedByOrganizations: true } });
  });

  it('an SCP deny is an explicit deny, and its statement is named', async () => {
    const r = await first({
      CallerArn: USER,
      PolicyInputList: [policy(allow('*'))],
      ...scps([full, policy(deny('s3:DeleteBucket'))]),
      ActionNames: ['s3:DeleteBucket'],
    });
    expect(r['EvalDecision']).toBe('explicitDeny');
    expect(r['MatchedStatements']).toMatchObject([
      {
        SourcePolicyId: 'OrderedOrganizationPolicyInputList.1.ServiceControlPolicyInputList.2',
        SourcePolicyType: 'Service Control Policy',
      },
    ]);
  });

  it('RCPs only deny: RCPFullAWSAccess stands at every level', async () => {
    const rcp = policy({
      Effect: 'Deny',
      Principal: '*',
      Action: 's3:GetObject',
      Resource: '*',
      Condition: { StringNotEquals: { 'aws:PrincipalOrgID': 'o-1' } },
    });
    const input = {
      CallerArn: USER,
      PolicyInputList: [policy(allow('s3:*'))],
      OrderedResourceControlPolicyInputList: [{ ResourceControlPolicyInputList: [rcp] }, { ResourceControlPolicyInputList: [] }],
      ActionNames: ['s3:GetObject', 's3:PutObject'],
      ContextEntries: [{ ContextKeyName: 'aws:PrincipalOrgID', ContextKeyValues: ['o-2'], ContextKeyType: 'string' }],
    };
    const r = await evalRun(input);
    const [get, put] = r.out.EvaluationResults;
    expect(get).toMatchObject({ EvalDecision: 'explicitDeny', OrganizationsDecisionDetail: { AllowedByOrganizations: false } });
    expect(get!.MatchedStatements[0]!.SourcePolicyId).toBe('OrderedResourceControlPolicyInputList.1.ResourceControlPolicyInputList.1');
    expect(put).toMatchObject({ EvalDecision: 'allowed', OrganizationsDecisionDetail: { AllowedByOrganizations: true } });
  });

  it('RCPs apply only to the services that support them', async () => {
    const rcp = policy({ Effect: 'Deny', Principal: '*', Action: ['s3:*', 'sqs:*', 'ec2:*', 'iam:*'], Resource: '*' });
    const d = await decisions({
      CallerArn: USER,
      PolicyInputList: [policy(allow('*'))],
      OrderedResourceControlPolicyInputList: [{ ResourceControlPolicyInputList: [rcp] }],
      ActionNames: ['s3:GetObject', 'sqs:SendMessage', 'ec2:DescribeInstances', 'iam:GetUser'],
    });
    expect(d).toEqual({
      's3:GetObject': 'explicitDeny',
      'sqs:SendMessage': 'explicitDeny',
      'ec2:DescribeInstances': 'allowed',
      'iam:GetUser': 'allowed',
    });
  });
});

describe('sessions (SessionPolicyInputList) and callers derived from CallerArn', () => {
  it('a role session is limited by its session policy', async () => {
    const d = await decisions({
      CallerArn: SESSION,
      PolicyInputList: [policy(allow('s3:*'))],
      SessionPolicyInputList: [policy(allow('s3:GetObject'))],
      ActionNames: ['s3:GetObject', 's3:PutObject'],
    });
    expect(d).toEqual({ 's3:GetObject': 'allowed', 's3:PutObject': 'implicitDeny' });
  });

  it('a federated user has only what its session policy allows, and nothing without one', async () => {
    const fed = `arn:aws:sts::${A}:federated-user/bob`;
    const base = { CallerArn: fed, PolicyInputList: [policy(allow('s3:*'))], ActionNames: ['s3:GetObject'] };
    expect(await decisions({ ...base, SessionPolicyInputList: [policy(allow('s3:GetObject'))] })).toEqual({ 's3:GetObject': 'allowed' });
    expect(await decisions(base)).toEqual({ 's3:GetObject': 'implicitDeny' });
  });

  it('a resource policy naming the role grants its sessions in the same account', async () => {
    const d = await decisions({
      CallerArn: SESSION,
      PolicyInputList: [],
      ResourcePolicy: policy(allow('s3:GetObject', BUCKET, { Principal: { AWS: `arn:aws:iam::${A}:role/Deployer` } })),
      ActionNames: ['s3:GetObject'],
      ResourceArns: [OBJECT],
    });
    expect(d).toEqual({ 's3:GetObject': 'allowed' });
  });
});

describe('resource-based policies across accounts (EvalDecisionDetails)', () => {
  const crossAccount = (resourcePolicy: string): Json => ({
    CallerArn: USER,
    PolicyInputList: [policy(allow('s3:GetObject'))],
    ResourcePolicy: resourcePolicy,
    ResourceOwner: `arn:aws:iam::${B}:root`,
    ActionNames: ['s3:GetObject'],
    ResourceArns: [OBJECT],
  });

  it('both sides must allow; each side is reported', async () => {
    const granted = await first(crossAccount(policy(allow('s3:GetObject', BUCKET, { Principal: { AWS: A } }))));
    expect(granted).toMatchObject({
      EvalDecision: 'allowed',
      EvalDecisionDetails: { 'IAM Policy': 'allowed', 'Resource Policy': 'allowed' },
    });
    const refused = await first(crossAccount(policy(allow('s3:GetObject', BUCKET, { Principal: { AWS: B } }))));
    expect(refused).toMatchObject({
      EvalDecision: 'implicitDeny',
      EvalDecisionDetails: { 'IAM Policy': 'allowed', 'Resource Policy': 'implicitDeny' },
    });
  });

  it('same account with named resources: EvalDecisionDetails is present and empty', async () => {
    const r = await first({
      CallerArn: USER,
      PolicyInputList: [policy(allow('s3:*'))],
      ActionNames: ['s3:GetObject'],
      ResourceArns: [OBJECT],
    });
    expect(r['EvalDecisionDetails']).toEqual({});
    for (const ResourceArns of [undefined, [], ['*']]) {
      const star = await first({ CallerArn: USER, PolicyInputList: [policy(allow('s3:*'))], ActionNames: ['s3:GetObject'], ResourceArns });
      expect(star).toMatchObject({ EvalResourceName: '*', EvalDecision: 'allowed' });
      expect(star).not.toHaveProperty('EvalDecisionDetails');
      expect(star).not.toHaveProperty('ResourceSpecificResults');
    }
  });

  it('an ARN that names its account is owned by it, whatever ResourceOwner says', async () => {
    const queue = `arn:aws:sqs:us-east-1:${B}:jobs`;
    const d = await decisions({
      CallerArn: USER,
      PolicyInputList: [policy(allow('sqs:*'))],
      ResourceOwner: A,
      ActionNames: ['sqs:SendMessage'],
      ResourceArns: [queue],
    });
    expect(d).toEqual({ 'sqs:SendMessage': 'implicitDeny' }); // no queue policy in account B
  });
});

describe('one EvaluationResult per action, ResourceSpecificResults per resource', () => {
  const input = {
    CallerArn: USER,
    PolicyInputList: [policy(allow('s3:GetObject', 'arn:aws:s3:::good/*'), deny('s3:GetObject', 'arn:aws:s3:::bad/*'))],
    ActionNames: ['s3:GetObject'],
    ResourceArns: ['arn:aws:s3:::good/a', 'arn:aws:s3:::bad/b', 'arn:aws:s3:::other/c'],
  };

  it('the top level is the most restrictive decision, with the statements behind it', async () => {
    const r = await first(input);
    expect(r).not.toHaveProperty('EvalResourceName');
    expect(r['EvalDecision']).toBe('explicitDeny');
    expect((r['MatchedStatements'] as Json[]).map((s) => s['StartPosition'])).toEqual([{ Line: 1, Column: 113 }]);
    const per = (r['ResourceSpecificResults'] as Json[]).map((x) => [x['EvalResourceName'], x['EvalResourceDecision']]);
    expect(per).toEqual([
      ['arn:aws:s3:::good/a', 'allowed'],
      ['arn:aws:s3:::bad/b', 'explicitDeny'],
      ['arn:aws:s3:::other/c', 'implicitDeny'],
    ]);
  });

  it('pages by action with MaxItems and Marker', async () => {
    const many = { ...input, ActionNames: ['s3:GetObject', 's3:PutObject', 's3:ListBucket'], MaxItems: 2 };
    const page1 = await evalRun(many);
    expect(page1.out.EvaluationResults.map((x) => x.EvalActionName)).toEqual(['s3:GetObject', 's3:PutObject']);
    expect(page1.out.IsTruncated).toBe(true);
    const page2 = await evalRun({ ...many, Marker: page1.out.Marker });
    expect(page2.out.EvaluationResults.map((x) => x.EvalActionName)).toEqual(['s3:ListBucket']);
    expect(page2.out).toMatchObject({ IsTruncated: false });
    expect(page2.out).not.toHaveProperty('Marker');
  });

  it('evaluates ten thousands of requests quickly', async () => {
    const actions = Array.from({ length: 100 }, (_, i) => `s3:Action${i}`);
    const resources = Array.from({ length: 200 }, (_, i) => `arn:aws:s3:::bucket-${i % 20}/key-${i}`);
    const statements = Array.from({ length: 20 }, (_, i) =>
      allow(`s3:Action${i}*`, `arn:aws:s3:::bucket-${i}/*`, { Condition: { StringLike: { 'aws:PrincipalTag/team': `t${i}*` } } }),
    );
    const started = performance.now();
    const r = await evalRun({
      CallerArn: USER,
      PolicyInputList: [policy(...statements)],
      ActionNames: actions,
      ResourceArns: resources,
      ContextEntries: [{ ContextKeyName: 'aws:PrincipalTag/team', ContextKeyValues: ['t1x'], ContextKeyType: 'string' }],
    });
    const ms = performance.now() - started;
    expect(r.out.EvaluationResults).toHaveLength(100);
    expect(r.out.EvaluationResults[1]!.ResourceSpecificResults!.filter((x) => x.EvalResourceDecision === 'allowed')).toHaveLength(10);
    expect(ms).toBeLessThan(5000); // 20,000 requests; about 0.3 s on a laptop
  });
});
