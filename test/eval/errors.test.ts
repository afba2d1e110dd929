// Inputs that cannot run: exit 2, FILE:LINE:COLUMN, the problem in AWS's words, never a stack trace.
import { describe, expect, it } from 'vitest';
import { A, allow, evalRun, policy, type Json } from './helpers.js';

const USER = `arn:aws:iam::${A}:user/alice`;
const base = { PolicyInputList: [policy(allow('s3:*'))], ActionNames: ['s3:GetObject'] };

/** The first line of the error (FILE:LINE:COL: error: …) without the file name. */
async function error(content: string | Json): Promise<string> {
  const r = await evalRun(content);
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr).not.toMatch(/\n\s+at /);
  const line = r.stderr.split('\n')[0]!;
  expect(line.startsWith(`${r.file}:`)).toBe(true);
  return line.slice(r.file.length + 1);
}

describe('a malformed input file', () => {
  it('is located at the JSON syntax error', async () => {
    expect(await error('{\n  "ActionNames": ["s3:GetObject",]\n}')).toBe(
      '2:34: error: invalid JSON: a trailing comma is not allowed in JSON',
    );
    expect(await error('')).toBe('1:1: error: invalid JSON: expected a JSON value, found the end of the JSON text');
    expect(await error(' [1]')).toBe('1:2: error: the input must be an object of parameters, as --cli-input-json takes, not a list');
  });

  it('names unknown, missing and mistyped parameters as botocore does', async () => {
    const unknown = await evalRun({ ...base, ActionName: ['s3:GetObject'] });
    expect(unknown.stderr).toMatch(/^.*:\d+:\d+: error: Unknown parameter in input: "ActionName", must be one of: PolicySourceArn, /);
    expect(unknown.stderr).toContain('did you mean ActionNames?');
    expect(await error({ PolicyInputList: [] })).toBe('1:1: error: Missing required parameter in input: "ActionNames"');
    expect(await error({ ActionNames: ['s3:GetObject'] })).toBe('1:1: error: Missing required parameter in input: "PolicyInputList"');
    expect(await error({ ...base, ActionNames: 's3:GetObject' })).toBe(
      '5:18: error: Invalid type for parameter ActionNames, value: "s3:GetObject", type: string, valid types: list',
    );
    expect(await error({ ...base, MaxItems: 0 })).toBe('8:15: error: Invalid value for parameter MaxItems, value: 0, valid min value: 1');
  });

  it('rejects action names the API rejects', async () => {
    expect(await error({ ...base, ActionNames: ['s3:Get*'] })).toContain(
      'ActionNames[0]: "s3:Get*": this operation does not support using wildcards (*) in an action name',
    );
    expect(await error({ ...base, ActionNames: ['GetObject'] })).toContain(
      'each operation must include the service identifier, such as iam:CreateUser',
    );
  });
});

describe('an invalid policy', () => {
  it('is reported in IAM words, located in the file and inside the policy text', async () => {
    const content = `{
  "ActionNames": ["s3:GetObject"],
  "PolicyInputList": ["{\\n  \\"Version\\": \\"2012-10-17\\",\\n  \\"Statement\\": [{\\"Effect\\": \\"Alow\\", \\"Action\\": \\"s3:*\\", \\"Resource\\": \\"*\\"}]\\n}"]
}`;
    expect(await error(content)).toBe(
      '3:90: error: PolicyInputList.1: MalformedPolicyDocument: Syntax errors in policy. (Statement[0].Effect; line 3, column 28 of the policy)',
    );
  });

  it('given as an object, is located at the element', async () => {
    const content = `{
  "ActionNames": ["s3:GetObject"],
  "PolicyInputList": [
    { "Version": "2012-10-17", "Statement": [{ "Effect": "Allow", "Principal": "*", "Action": "s3:*", "Resource": "*" }] }
  ]
}`;
    expect(await error(content)).toBe(
      '4:80: error: PolicyInputList.1: MalformedPolicyDocument: Policy document should not specify a principal. (Statement[0].Principal)',
    );
  });

  it('is checked by the rules of its kind', async () => {
    const v2008 = JSON.stringify({ Version: '2008-10-17', Statement: [allow('s3:*')] });
    expect(await error({ ...base, PermissionsBoundaryPolicyInputList: [v2008] })).toContain(
      'PermissionsBoundaryPolicyInputList.1: MalformedPolicyDocument: Policy document must be version 2012-10-17 or greater.',
    );
    expect(await error({ ...base, CallerArn: USER, ResourcePolicy: policy(allow('s3:*')) })).toContain(
      'ResourcePolicy: MalformedPolicyDocument: Missing required field Principal',
    );
    const scpWithPrincipal = policy(allow('s3:*', '*', { Principal: '*' }));
    expect(await error({ ...base, OrderedOrganizationPolicyInputList: [{ ServiceControlPolicyInputList: [scpWithPrincipal] }] })).toContain(
      'OrderedOrganizationPolicyInputList.1.ServiceControlPolicyInputList.1: MalformedPolicyDocument: Policy document should not specify a principal.',
    );
    const rcpAllow = policy(allow('s3:GetObject', '*', { Principal: '*' }));
    expect(await error({ ...base, OrderedResourceControlPolicyInputList: [{ ResourceControlPolicyInputList: [rcpAllow] }] })).toContain(
      'OrderedResourceControlPolicyInputList.1.ResourceControlPolicyInputList.1: MalformedPolicyDocument: Syntax errors in policy.',
    );
    expect(await error({ ...base, PolicyInputList: ['{"Version": "2012-10-17", "Statement": ['] })).toContain(
      'PolicyInputList.1: MalformedPolicyDocument: Syntax errors in policy. (expected a JSON value or "]", found the end of the JSON text; line 1, column 41 of the policy)',
    );
  });
});

describe('callers and policies that do not fit together', () => {
  it.each([
    [{ CallerArn: `arn:aws:iam::${A}:role/Deployer` }, 'CallerArn: a role is not a caller: give the ARN of one of its sessions'],
    [{ CallerArn: 'alice' }, 'CallerArn: "alice" is not an ARN with a 12-digit account'],
    [{ SessionPolicyInputList: [policy(allow('s3:*'))], CallerArn: USER }, 'SessionPolicyInputList applies to sessions only'],
    [{ ResourcePolicy: policy(allow('s3:*', '*', { Principal: '*' })) }, 'CallerArn is required if you include a ResourcePolicy'],
    [{ PermissionsBoundaryPolicyInputList: [policy(allow('s3:*')), policy(allow('s3:*'))] }, 'You can input only one permissions boundary'],
    [{ ResourceOwner: 'bob' }, 'ResourceOwner "bob" is neither an account ARN'],
    [{ Marker: 'bm90IG91cnM=' }, 'Marker is not one this input produced'],
    [
      { PolicyExclusionList: [{ PolicyType: 'scp' }] },
      'PolicyExclusionList names attached policies, which cannot be looked up without a scenario',
    ],
    [
      { OrderedOrganizationPolicyInputList: [{ ServiceControlPolicyInputList: [] }] },
      'level 1 of OrderedOrganizationPolicyInputList has no SCP',
    ],
  ])('%j', async (extra, message) => {
    expect(await error({ ...base, ...extra })).toContain(message);
  });

  it('PolicySourceArn: the attached policies must be given inline', async () => {
    expect(await error({ PolicySourceArn: USER, ActionNames: ['s3:GetObject'] })).toContain(
      `the policies of ${USER} cannot be looked up without a scenario: put them in PolicyInputList`,
    );
    const r = await evalRun({ ...base, PolicySourceArn: USER, ResourcePolicy: policy(allow('s3:*', '*', { Principal: { AWS: USER } })) });
    expect(r.code).toBe(0); // the user named by PolicySourceArn is the caller, as in simulate-principal-policy
    expect(r.out.EvaluationResults[0]!.EvalDecision).toBe('allowed');
  });
});

describe('whatever the bytes', () => {
  it('never shows a stack trace', async () => {
    let seed = 11;
    for (let i = 0; i < 20; i++) {
      const bytes = Buffer.alloc(100 + i * 20);
      for (let j = 0; j < bytes.length; j++) bytes[j] = (seed = (seed * 1103515245 + 12345) & 0x7fffffff) & 0xff;
      const r = await evalRun(bytes.toString('latin1'));
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/:\d+:\d+: error: /);
      expect(r.stderr).not.toContain('internal error');
    }
  });
});
