// Requests a service makes for the caller's request (src/engine/resources/on-behalf.ts,
// called-via.ts, stack.ts, stack-workflow.ts).
// - IAM User Guide, "AWS global condition context keys" (aws:CalledVia, aws:CalledViaFirst,
//   aws:CalledViaLast: present only for the services it lists, "not present if the service uses a
//   service role", absent on direct calls; aws:ViaAWSService true for a forward access session),
//   https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html
// - IAM User Guide, "Forward access sessions",
//   https://docs.aws.amazon.com/IAM/latest/UserGuide/access_forward_access_sessions.html
// - AWS CloudFormation API Reference, "CreateStack" (RoleARN: without it "a temporary session that is
//   generated from your user credentials"; errors AlreadyExistsException),
//   https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_CreateStack.html
// - AWS CloudFormation User Guide, "CloudFormation service role" (iam:PassRole, trust of
//   cloudformation.amazonaws.com), https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/using-iam-servicerole.html;
//   session name AWSCloudFormation and the stack event "API: iam:CreateRole User: … is not authorized
//   …" observed in aws-solutions/aws-waf-security-automations#33
// - AWS Secrets Manager User Guide, "Secret encryption and decryption in AWS Secrets Manager",
//   https://docs.aws.amazon.com/secretsmanager/latest/userguide/security-encryption.html
import { describe, expect, it } from 'vitest';
import type { CallRecord } from '../../src/engine/call-record.js';
import type { CallerRef, ParamValue } from '../../src/engine/call/command.js';
import type { AnyCommand, AnyEvent } from '../../src/engine/events.js';
import { onBehalfKeys } from '../../src/engine/resources/called-via.js';
import { run } from '../../src/engine/run.js';
import { account, inline, PROD, role, start, user, userArn } from './given.js';

const alice: CallerRef = { kind: 'user', arn: userArn(PROD, 'alice') };
const CFN = 'cloudformation.amazonaws.com';
const DEPLOYER = `arn:aws:iam::${PROD}:role/deployer`;
const lambdaTrust = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
};
const roleTemplate = (name: string) =>
  JSON.stringify({
    Resources: { AppRole: { Type: 'AWS::IAM::Role', Properties: { RoleName: name, AssumeRolePolicyDocument: lambdaTrust } } },
  });

function createStack(params: Record<string, string>, caller: CallerRef = alice): AnyCommand {
  const p: Record<string, ParamValue> = {};
  for (const [k, v] of Object.entries(params)) p[k] = { t: 'text', v };
  return {
    type: 'Call',
    data: { caller, action: 'cloudformation:CreateStack', resource: null, params: p, context: {}, region: 'us-east-1' },
  };
}

const onlyViaCloudFormation = {
  Effect: 'Deny',
  Action: 'iam:CreateRole',
  Resource: '*',
  Condition: { 'ForAllValues:StringNotEquals': { 'aws:CalledVia': [CFN] } },
};
const mayDeploy = (extra: object[] = []) =>
  inline(userArn(PROD, 'alice'), 'Deploy', [
    { Effect: 'Allow', Action: ['cloudformation:CreateStack', 'iam:CreateRole'], Resource: '*' },
    ...extra,
  ]);

const base: AnyCommand[] = [start(), account(PROD, 'Production'), user(PROD, 'alice')];

function outcome(commands: AnyCommand[]): { events: AnyEvent[]; calls: CallRecord[] } {
  const { events } = run(commands.map((command) => ({ command, meta: {} })));
  const calls = events.flatMap((e) => ('call' in e.data ? [(e.data as { call: CallRecord }).call] : []));
  return { events, calls };
}

describe('the keys of a request a service makes for the caller', () => {
  it('given CloudFormation with the caller credentials, then aws:CalledVia, First, Last and aws:ViaAWSService are set', () => {
    expect(onBehalfKeys({ services: [CFN], credentials: 'caller' }, 'iam:CreateRole', 'us-east-1')).toEqual({
      'aws:ViaAWSService': 'true',
      'aws:CalledVia': [CFN],
      'aws:CalledViaFirst': CFN,
      'aws:CalledViaLast': CFN,
    });
  });

  it('given CloudFormation then DynamoDB calling KMS, then aws:CalledVia lists both in order and kms:ViaService is DynamoDB', () => {
    const keys = onBehalfKeys({ services: [CFN, 'dynamodb.amazonaws.com'], credentials: 'caller' }, 'kms:Decrypt', 'eu-west-1');
    expect(keys['aws:CalledVia']).toEqual([CFN, 'dynamodb.amazonaws.com']);
    expect(keys['aws:CalledViaFirst']).toBe(CFN);
    expect(keys['aws:CalledViaLast']).toBe('dynamodb.amazonaws.com');
    expect(keys['kms:ViaService']).toBe('dynamodb.eu-west-1.amazonaws.com');
  });

  it('given S3 (not on the aws:CalledVia list), then only aws:ViaAWSService and kms:ViaService', () => {
    expect(onBehalfKeys({ services: ['s3.amazonaws.com'], credentials: 'caller' }, 'kms:GenerateDataKey', 'us-east-1')).toEqual({
      'aws:ViaAWSService': 'true',
      'kms:ViaService': 's3.us-east-1.amazonaws.com',
    });
  });

  it("given the service's own credentials (a service role), then no key at all", () => {
    expect(onBehalfKeys({ services: [CFN], credentials: 'service' }, 'iam:CreateRole', 'us-east-1')).toEqual({});
  });
});

describe('cloudformation:CreateStack without RoleARN', () => {
  it('given a deny unless aws:CalledVia has CloudFormation, when alice calls CreateRole directly, then it is denied', () => {
    const direct: AnyCommand = {
      type: 'Call',
      data: {
        caller: alice,
        action: 'iam:CreateRole',
        resource: null,
        params: { RoleName: { t: 'text', v: 'app' }, AssumeRolePolicyDocument: { t: 'text', v: JSON.stringify(lambdaTrust) } },
        context: {},
        region: 'us-east-1',
      },
    };
    const { calls } = outcome([...base, mayDeploy(), inline(userArn(PROD, 'alice'), 'Only', [onlyViaCloudFormation]), direct]);
    expect(calls.at(-1)?.decision).toBe('ExplicitDeny');
    expect(calls.at(-1)?.context['aws:CalledVia']).toBeUndefined();
  });

  it('when alice creates the role in a stack, then CloudFormation calls IAM with her credentials and aws:CalledVia, and the role exists', () => {
    const commands = [...base, mayDeploy(), inline(userArn(PROD, 'alice'), 'Only', [onlyViaCloudFormation])];
    const { events, calls } = outcome([...commands, createStack({ StackName: 'app', TemplateBody: roleTemplate('app-role') })]);
    const stack = calls.find((c) => c.action === 'cloudformation:CreateStack')!;
    expect(stack.outcome).toBe('allowed');
    expect(stack.response?.['StackId']).toMatch(new RegExp(`^arn:aws:cloudformation:us-east-1:${PROD}:stack/app/[0-9a-f-]{36}$`));
    const create = calls.find((c) => c.action === 'iam:CreateRole')!;
    expect(create.caller.arn).toBe(userArn(PROD, 'alice'));
    expect(create.onBehalf).toEqual({ services: [CFN], credentials: 'caller', index: 0 });
    expect(create.context['aws:CalledVia']).toEqual([CFN]);
    expect(create.context['aws:CalledViaFirst']).toBe(CFN);
    expect(create.context['aws:CalledViaLast']).toBe(CFN);
    expect(create.context['aws:ViaAWSService']).toBe('true');
    expect(create.outcome).toBe('allowed');
    expect(events.map((e) => e.type)).toContain('RoleCreated');
    const done = events.find((e) => e.type === 'StackCreated');
    expect(done?.data).toMatchObject({
      name: 'app',
      roleArn: null,
      resources: [{ logicalId: 'AppRole', type: 'AWS::IAM::Role', physicalId: 'app-role' }],
    });
    const world = run(
      [...commands, createStack({ StackName: 'app', TemplateBody: roleTemplate('app-role') })].map((command) => ({ command, meta: {} })),
    ).world;
    expect(world.iam.roles[`arn:aws:iam::${PROD}:role/app-role`]).toBeDefined();
    // the step's expectations answer the CreateStack, not the calls made for it
    expect(world.scenario.lastCall?.response?.['StackId']).toBe(stack.response?.['StackId']);
  });

  it('given alice may not create roles, when her stack has one, then the stack fails at it with "API: iam:CreateRole …"', () => {
    const only = inline(userArn(PROD, 'alice'), 'Deploy', [{ Effect: 'Allow', Action: 'cloudformation:CreateStack', Resource: '*' }]);
    const { events } = outcome([...base, only, createStack({ StackName: 'app', TemplateBody: roleTemplate('app-role') })]);
    const failed = events.find((e) => e.type === 'StackCreateFailed');
    expect(failed?.data).toMatchObject({ name: 'app', resources: [], failed: { logicalId: 'AppRole', type: 'AWS::IAM::Role' } });
    expect((failed?.data as { failed: { reason: string } }).failed.reason).toBe(
      `API: iam:CreateRole User: ${userArn(PROD, 'alice')} is not authorized to perform: iam:CreateRole on resource: arn:aws:iam::${PROD}:role/app-role because no identity-based policy allows the iam:CreateRole action`,
    );
    expect(events.map((e) => e.type)).not.toContain('RoleCreated');
  });

  it('given a template whose first resource fails, then CloudFormation makes no call for the next one', () => {
    const only = inline(userArn(PROD, 'alice'), 'Deploy', [
      { Effect: 'Allow', Action: ['cloudformation:CreateStack', 's3:CreateBucket'], Resource: '*' },
    ]);
    const template = JSON.stringify({
      Resources: {
        AppRole: { Type: 'AWS::IAM::Role', Properties: { RoleName: 'r', AssumeRolePolicyDocument: lambdaTrust } },
        Logs: { Type: 'AWS::S3::Bucket', Properties: { BucketName: 'logs' } },
      },
    });
    const { calls } = outcome([...base, only, createStack({ StackName: 'app', TemplateBody: template })]);
    expect(calls.map((c) => c.action)).toEqual(['cloudformation:CreateStack', 'iam:CreateRole']);
  });

  it('given a resource type iamsim does not model, then the request says so and the stack completes without it', () => {
    const template = JSON.stringify({ Resources: { Fn: { Type: 'AWS::Lambda::Function', Properties: {} } } });
    const { events, calls } = outcome([...base, mayDeploy(), createStack({ StackName: 'app', TemplateBody: template })]);
    expect(calls[0]?.notes).toContain(
      'iamsim does not model AWS::Lambda::Function (Fn): CloudFormation would create it; iamsim makes no call for it',
    );
    expect(events.find((e) => e.type === 'StackCreated')?.data).toMatchObject({ resources: [] });
  });
});

describe('cloudformation:CreateStack with RoleARN', () => {
  const deployer = [
    role(PROD, 'deployer', {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Service: CFN }, Action: 'sts:AssumeRole' }],
    }),
    inline(DEPLOYER, 'CreateRoles', [{ Effect: 'Allow', Action: 'iam:CreateRole', Resource: '*' }]),
  ];
  const passRole = {
    Effect: 'Allow',
    Action: 'iam:PassRole',
    Resource: DEPLOYER,
    Condition: { StringEquals: { 'iam:PassedToService': CFN } },
  };

  it('given alice may not pass the role, then CloudFormation refuses the stack with AccessDenied for iam:PassRole', () => {
    const { calls } = outcome([
      ...base,
      mayDeploy(),
      ...deployer,
      createStack({ StackName: 's', RoleARN: DEPLOYER, TemplateBody: roleTemplate('w') }),
    ]);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.outcome).toBe('denied');
    expect(calls[0]?.error).toEqual({
      code: 'AccessDenied',
      message: `User: ${userArn(PROD, 'alice')} is not authorized to perform: iam:PassRole on resource: ${DEPLOYER} because no identity-based policy allows the iam:PassRole action`,
    });
    expect(calls[0]?.evaluations.map((e) => e.action)).toEqual(['cloudformation:CreateStack', 'iam:PassRole']);
  });

  it('given alice may pass it, then CloudFormation assumes it as AWSCloudFormation and creates the role with that session, without aws:CalledVia', () => {
    const { events, calls } = outcome([
      ...base,
      mayDeploy([passRole]),
      ...deployer,
      createStack({ StackName: 's', RoleARN: DEPLOYER, TemplateBody: roleTemplate('w') }),
    ]);
    expect(calls[0]?.context['cloudformation:RoleArn']).toBe(DEPLOYER);
    expect(calls[0]?.evaluations[1]?.evaluation.decision).toBe('Allow');
    const assume = calls.find((c) => c.action === 'sts:AssumeRole')!;
    expect(assume.caller.arn).toBe(CFN);
    expect(assume.response?.['AssumedRoleUser']).toMatchObject({ Arn: `arn:aws:sts::${PROD}:assumed-role/deployer/AWSCloudFormation` });
    const create = calls.find((c) => c.action === 'iam:CreateRole')!;
    expect(create.caller.arn).toBe(`arn:aws:sts::${PROD}:assumed-role/deployer/AWSCloudFormation`);
    expect(create.context['aws:CalledVia']).toBeUndefined();
    expect(create.context['aws:ViaAWSService']).toBe('false');
    expect(events.find((e) => e.type === 'StackCreated')?.data).toMatchObject({ roleArn: DEPLOYER });
  });

  it('given a role that does not trust CloudFormation, then the stack fails: the role cannot be assumed', () => {
    const untrusted = role(PROD, 'deployer', {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${PROD}:root` }, Action: 'sts:AssumeRole' }],
    });
    const { events, calls } = outcome([
      ...base,
      mayDeploy([passRole]),
      untrusted,
      createStack({ StackName: 's', RoleARN: DEPLOYER, TemplateBody: roleTemplate('w') }),
    ]);
    expect(calls.map((c) => c.action)).toEqual(['cloudformation:CreateStack', 'sts:AssumeRole']);
    expect(events.find((e) => e.type === 'StackCreateFailed')?.data).toMatchObject({
      failed: { logicalId: 's', type: 'AWS::CloudFormation::Stack', reason: `Role ${DEPLOYER} is invalid or cannot be assumed` },
    });
  });
});

describe("cloudformation:CreateStack: CloudFormation's errors", () => {
  const error = (params: Record<string, string>, before: AnyCommand[] = []) =>
    outcome([...base, mayDeploy(), ...before, createStack(params)]).calls.at(-1)?.error;

  it("given no StackName, then the query protocol's ValidationError for a missing member", () => {
    expect(error({ TemplateBody: roleTemplate('x') })).toEqual({
      code: 'ValidationError',
      message: "1 validation error detected: Value null at 'stackName' failed to satisfy constraint: Member must not be null",
    });
  });

  it('given no TemplateBody, then ValidationError before authorization', () => {
    expect(error({ StackName: 'app' })).toEqual({
      code: 'ValidationError',
      message: 'Either Template URL or Template Body must be specified.',
    });
  });

  it('given a TemplateBody that is not JSON, then a template format error', () => {
    expect(error({ StackName: 'app', TemplateBody: '{"Resources": ' })).toEqual({
      code: 'ValidationError',
      message: 'Template format error: JSON not well-formed.',
    });
  });

  it('given a template without resources, then a template format error', () => {
    expect(error({ StackName: 'app', TemplateBody: '{"Resources": {}}' })).toEqual({
      code: 'ValidationError',
      message: 'Template format error: At least one Resources member must be defined.',
    });
  });

  it('given a resource without Type, then a template format error', () => {
    expect(error({ StackName: 'app', TemplateBody: '{"Resources": {"X": {}}}' })?.message).toBe(
      'Template format error: [/Resources/X] Every Resources object must contain a Type member.',
    );
  });

  it('given a stack of the same name, then AlreadyExistsException', () => {
    const first = createStack({ StackName: 'app', TemplateBody: roleTemplate('one') });
    expect(error({ StackName: 'app', TemplateBody: roleTemplate('two') }, [first])).toEqual({
      code: 'AlreadyExistsException',
      message: 'Stack [app] already exists',
    });
  });
});

describe('Secrets Manager asking KMS for the caller', () => {
  const KEY = `arn:aws:kms:us-east-1:${PROD}:key/1234abcd-12ab-44cd-96ef-1234567890ab`;
  const SECRET = `arn:aws:secretsmanager:us-east-1:${PROD}:secret:db-AbCdEf`;
  const key = (statements: object[]): AnyCommand[] => [
    {
      type: 'CreateKey',
      data: { name: 'k', arn: KEY, keyId: KEY.slice(KEY.indexOf('/') + 1), account: PROD, region: 'us-east-1', aliases: ['alias/k'] },
    },
    { type: 'PutResourcePolicy', data: { arn: KEY, document: { Version: '2012-10-17', Statement: statements } } },
  ];
  const secret: AnyCommand = {
    type: 'Call',
    data: {
      caller: alice,
      action: 'secretsmanager:CreateSecret',
      resource: SECRET,
      params: { Name: { t: 'text', v: 'db' }, SecretString: { t: 'text', v: 'x' }, KmsKeyId: { t: 'text', v: 'alias/k' } },
      context: {},
      region: 'us-east-1',
    },
  };
  const mayCreate = inline(userArn(PROD, 'alice'), 'Secrets', [{ Effect: 'Allow', Action: 'secretsmanager:CreateSecret', Resource: '*' }]);
  const throughSecrets = {
    Effect: 'Allow',
    Principal: { AWS: userArn(PROD, 'alice') },
    Action: 'kms:GenerateDataKey',
    Resource: '*',
    Condition: { StringEquals: { 'kms:ViaService': 'secretsmanager.us-east-1.amazonaws.com' } },
  };

  it('given a key usable through Secrets Manager, when alice creates a secret under it, then KMS allows the data key', () => {
    const { calls } = outcome([...base, mayCreate, ...key([throughSecrets]), secret]);
    const c = calls.at(-1)!;
    expect(c.outcome).toBe('allowed');
    expect(c.evaluations.map((e) => e.action)).toEqual(['secretsmanager:CreateSecret', 'kms:GenerateDataKey']);
    expect(c.notes.at(-1)).toContain(`kms:EncryptionContext:SecretARN="${SECRET}"`);
    expect(c.notes.at(-1)).toContain('kms:ViaService="secretsmanager.us-east-1.amazonaws.com", aws:ViaAWSService="true"');
    expect(c.notes.at(-1)).not.toContain('aws:CalledVia');
  });

  it('given a key policy that does not name her, then Secrets Manager refuses with AccessDeniedException', () => {
    const { calls } = outcome([...base, mayCreate, ...key([]), secret]);
    const c = calls.at(-1)!;
    expect(c.outcome).toBe('denied');
    expect(c.error?.code).toBe('AccessDeniedException');
    expect(c.error?.message).toContain('is not authorized to perform: kms:GenerateDataKey');
  });

  const read = (action: string, secretId: string, caller: CallerRef = alice): AnyCommand => ({
    type: 'Call',
    data: { caller, action, resource: null, params: { SecretId: { t: 'text', v: secretId } }, context: {}, region: 'us-east-1' },
  });
  const mayRead = inline(userArn(PROD, 'alice'), 'Read', [
    { Effect: 'Allow', Action: ['secretsmanager:GetSecretValue', 'secretsmanager:PutSecretValue'], Resource: '*' },
  ]);
  const decryptThroughSecrets = { ...throughSecrets, Action: ['kms:GenerateDataKey', 'kms:Decrypt'] };

  it('given a secret created under the key, when alice reads it by name, then KMS decrypts for her on the secret ARN', () => {
    const { events, calls } = outcome([
      ...base,
      mayCreate,
      mayRead,
      ...key([decryptThroughSecrets]),
      secret,
      read('secretsmanager:GetSecretValue', 'db'),
    ]);
    expect(events.find((e) => e.type === 'SecretCreated')?.data).toEqual({
      arn: SECRET,
      name: 'db',
      account: PROD,
      region: 'us-east-1',
      kmsKeyId: 'alias/k',
    });
    const c = calls.at(-1)!;
    expect(c.resource).toBe(SECRET);
    expect(c.outcome).toBe('allowed');
    expect(c.evaluations.map((e) => e.action)).toEqual(['secretsmanager:GetSecretValue', 'kms:Decrypt']);
  });

  it('given the same secret, when alice puts a new value by its ARN without suffix, then KMS is asked for a new data key', () => {
    const { calls } = outcome([
      ...base,
      mayCreate,
      mayRead,
      ...key([decryptThroughSecrets]),
      secret,
      read('secretsmanager:PutSecretValue', `arn:aws:secretsmanager:us-east-1:${PROD}:secret:db`),
    ]);
    expect(calls.at(-1)?.evaluations.map((e) => e.action)).toEqual(['secretsmanager:PutSecretValue', 'kms:GenerateDataKey']);
  });

  it('given a key policy that lets her encrypt but not decrypt, when she reads the secret, then AccessDeniedException for kms:Decrypt', () => {
    const { calls } = outcome([...base, mayCreate, mayRead, ...key([throughSecrets]), secret, read('secretsmanager:GetSecretValue', 'db')]);
    expect(calls.at(-1)?.error?.code).toBe('AccessDeniedException');
    expect(calls.at(-1)?.error?.message).toContain('kms:Decrypt');
  });

  it('given a secret no step created under a customer managed key, then Secrets Manager asks KMS for nothing', () => {
    const { calls } = outcome([...base, mayRead, read('secretsmanager:GetSecretValue', 'other')]);
    expect(calls.at(-1)?.evaluations).toHaveLength(1);
  });
});
