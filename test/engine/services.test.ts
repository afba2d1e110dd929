// Services that are handed a role (Lambda, EC2) and the sessions they get for a workload,
// given/when/then. Sources: IAM User Guide "Grant a user permissions to pass a role to an AWS
// service" (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html) and "IAM and
// AWS STS condition context keys" (iam:PassedToService, iam:AssociatedResourceArn); Amazon EC2 User
// Guide "IAM roles for Amazon EC2"; AWS Lambda Developer Guide "Defining Lambda function permissions
// with an execution role"; the AWS-observed error texts in each test.
import { describe, expect, it } from 'vitest';
import type { CallerRef, ParamValue } from '../../src/engine/call/command.js';
import type { AnyCommand, AnyEvent } from '../../src/engine/events.js';
import type { World } from '../../src/engine/world.js';
import { account, DEV, given, inline, PROD, role, start, user, when } from './given.js';

const ADMIN = `arn:aws:iam::${PROD}:role/admin`;
const WEB = `arn:aws:iam::${PROD}:role/web`;
const BATCH = `arn:aws:iam::${PROD}:role/batch`;
const DANA = `arn:aws:iam::${PROD}:user/dana`;
const EVE = `arn:aws:iam::${PROD}:user/eve`;
const trusts = (service: string) => ({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' }],
});
const profile = (name: string, roleArn: string | null): AnyCommand => ({
  type: 'DeclareInstanceProfile',
  data: { arn: `arn:aws:iam::${PROD}:instance-profile/${name}`, name, path: '/', account: PROD, role: roleArn },
});

const base = (): AnyCommand[] => [
  start(),
  account(PROD, 'Prod'),
  account(DEV, 'Dev'),
  role(PROD, 'admin', trusts('lambda.amazonaws.com')),
  inline(ADMIN, 'All', [{ Effect: 'Allow', Action: '*', Resource: '*' }]),
  role(PROD, 'web', trusts('ec2.amazonaws.com')),
  role(PROD, 'batch', trusts('batch.amazonaws.com')),
  role(DEV, 'other', trusts('lambda.amazonaws.com')),
  profile('web-profile', WEB),
  profile('batch-profile', BATCH),
  user(PROD, 'dana'),
  inline(DANA, 'Open', [{ Effect: 'Allow', Action: ['lambda:*', 'ec2:*', 'iam:PassRole'], Resource: '*' }]),
  user(PROD, 'eve'),
  inline(EVE, 'NoPass', [{ Effect: 'Allow', Action: ['lambda:*', 'ec2:*'], Resource: '*' }]),
  { type: 'DeclareFunction', data: { name: 'existing', account: PROD, region: 'us-east-1', role: ADMIN } },
  { type: 'DeclareInstance', data: { name: 'bare', account: PROD, region: 'us-east-1', profile: null } },
];
const world = (): World => given(base());

function callOf(caller: CallerRef, action: string, params: Record<string, unknown>): AnyCommand {
  const p: Record<string, ParamValue> = {};
  for (const [k, v] of Object.entries(params)) p[k] = typeof v === 'string' ? { t: 'text', v } : { t: 'json', v };
  return { type: 'Call', data: { caller, action, resource: null, params: p, context: {}, region: 'us-east-1' } };
}
const dana: CallerRef = { kind: 'user', arn: DANA };
const eve: CallerRef = { kind: 'user', arn: EVE };

function outcome(events: AnyEvent[]) {
  const e = events.find((x) => x.type === 'RequestAllowed' || x.type === 'RequestDenied' || x.type === 'RequestFailed');
  if (!e || !('call' in e.data)) throw new Error('no request outcome');
  return e.data.call;
}

describe('lambda:CreateFunction', () => {
  it('creates the function when the call and iam:PassRole (with iam:PassedToService and iam:AssociatedResourceArn) are allowed', () => {
    const events = when(world(), callOf(dana, 'lambda:CreateFunction', { FunctionName: 'f', Role: ADMIN }));
    const call = outcome(events);
    expect(call.outcome).toBe('allowed');
    expect(call.resource).toBe(`arn:aws:lambda:us-east-1:${PROD}:function:f`);
    const pass = call.evaluations[1]!;
    expect(pass.action).toBe('iam:PassRole');
    expect(pass.resource).toBe(ADMIN);
    expect(events.find((e) => e.type === 'FunctionCreated')?.data).toEqual({
      function: { arn: `arn:aws:lambda:us-east-1:${PROD}:function:f`, name: 'f', account: PROD, region: 'us-east-1', role: ADMIN },
    });
  });

  it("fails with Lambda's AccessDeniedException and IAM's wording when iam:PassRole is not allowed (mozilla-iam/cis#33)", () => {
    const call = outcome(when(world(), callOf(eve, 'lambda:CreateFunction', { FunctionName: 'f', Role: ADMIN })));
    expect(call.outcome).toBe('denied');
    expect(call.error).toEqual({
      code: 'AccessDeniedException',
      message: `User: ${EVE} is not authorized to perform: iam:PassRole on resource: ${ADMIN} because no identity-based policy allows the iam:PassRole action`,
    });
  });

  it('refuses a role Lambda cannot assume, or one that does not exist (jarpy/lambkin#3)', () => {
    for (const r of [BATCH, `arn:aws:iam::${PROD}:role/missing`]) {
      const call = outcome(when(world(), callOf(dana, 'lambda:CreateFunction', { FunctionName: 'f', Role: r })));
      expect(call.error).toEqual({
        code: 'InvalidParameterValueException',
        message: 'The role defined for the function cannot be assumed by Lambda.',
      });
    }
  });

  it('refuses to pass a role of another account (id_roles_use_passrole: no cross-account PassRole)', () => {
    const call = outcome(
      when(world(), callOf(dana, 'lambda:CreateFunction', { FunctionName: 'f', Role: `arn:aws:iam::${DEV}:role/other` })),
    );
    expect(call.outcome).toBe('denied');
    expect(call.error?.code).toBe('AccessDeniedException');
  });

  it('refuses an existing function with ResourceConflictException', () => {
    const call = outcome(when(world(), callOf(dana, 'lambda:CreateFunction', { FunctionName: 'existing', Role: ADMIN })));
    expect(call.error).toEqual({ code: 'ResourceConflictException', message: 'Function already exist: existing' });
  });

  it('validates FunctionName and Role before authorizing', () => {
    const none = outcome(when(world(), callOf(dana, 'lambda:CreateFunction', { Role: ADMIN })));
    expect(none.error?.code).toBe('ValidationException');
    expect(none.evaluations).toEqual([]);
    const noRole = outcome(when(world(), callOf(dana, 'lambda:CreateFunction', { FunctionName: 'f' })));
    expect(noRole.error?.message).toContain("Value null at 'role'");
  });
});

describe('the context of iam:PassRole', () => {
  // IAM User Guide, "IAM and AWS STS condition context keys": iam:PassedToService is the service
  // principal the role is passed to, iam:AssociatedResourceArn the resource it is attached to
  const scoped = (condition: object): World =>
    given([...base(), inline(EVE, 'Pass', [{ Effect: 'Allow', Action: 'iam:PassRole', Resource: '*', Condition: condition }])]);

  it('iam:PassedToService: a PassRole scoped to EC2 does not let Lambda have the role', () => {
    const w = scoped({ StringEquals: { 'iam:PassedToService': 'ec2.amazonaws.com' } });
    expect(outcome(when(w, callOf(eve, 'lambda:CreateFunction', { FunctionName: 'f', Role: ADMIN }))).outcome).toBe('denied');
    expect(outcome(when(w, callOf(eve, 'ec2:RunInstances', { IamInstanceProfile: { Name: 'web-profile' } }))).outcome).toBe('allowed');
  });

  it("iam:AssociatedResourceArn is the function's ARN for Lambda and the instance's for EC2", () => {
    const w = scoped({ ArnLike: { 'iam:AssociatedResourceArn': `arn:aws:lambda:*:${PROD}:function:allowed-*` } });
    expect(outcome(when(w, callOf(eve, 'lambda:CreateFunction', { FunctionName: 'allowed-1', Role: ADMIN }))).outcome).toBe('allowed');
    expect(outcome(when(w, callOf(eve, 'lambda:CreateFunction', { FunctionName: 'other', Role: ADMIN }))).outcome).toBe('denied');
    const ec2 = scoped({ ArnLike: { 'iam:AssociatedResourceArn': `arn:aws:ec2:*:${PROD}:instance/i-*` } });
    expect(outcome(when(ec2, callOf(eve, 'ec2:RunInstances', { IamInstanceProfile: { Name: 'web-profile' } }))).outcome).toBe('allowed');
  });
});

describe('lambda:UpdateFunctionConfiguration', () => {
  it('answers ResourceNotFoundException for a function that does not exist', () => {
    const call = outcome(when(world(), callOf(dana, 'lambda:UpdateFunctionConfiguration', { FunctionName: 'nope', Role: ADMIN })));
    expect(call.error).toEqual({
      code: 'ResourceNotFoundException',
      message: `Function not found: arn:aws:lambda:us-east-1:${PROD}:function:nope`,
    });
  });

  it('passes the new role and records the change', () => {
    const events = when(world(), callOf(dana, 'lambda:UpdateFunctionConfiguration', { FunctionName: 'existing', Role: ADMIN }));
    expect(events.find((e) => e.type === 'FunctionUpdated')?.data).toEqual({
      arn: `arn:aws:lambda:us-east-1:${PROD}:function:existing`,
      role: ADMIN,
    });
  });
});

describe('ec2:RunInstances and ec2:AssociateIamInstanceProfile', () => {
  it("launches an instance (i- and 17 hex digits) and passes the profile's role to ec2.amazonaws.com", () => {
    const events = when(world(), callOf(dana, 'ec2:RunInstances', { IamInstanceProfile: { Name: 'web-profile' } }));
    const launched = events.find((e) => e.type === 'InstanceLaunched');
    expect(launched?.type === 'InstanceLaunched' && launched.data.instance.id).toMatch(/^i-[0-9a-f]{17}$/);
    expect(outcome(events).evaluations[1]?.action).toBe('iam:PassRole');
  });

  it("answers UnauthorizedOperation, IAM's reason and an encoded message when iam:PassRole is refused (chef/knife-ec2#455)", () => {
    const call = outcome(when(world(), callOf(eve, 'ec2:RunInstances', { IamInstanceProfile: { Name: 'web-profile' } })));
    expect(call.error?.code).toBe('UnauthorizedOperation');
    expect(call.error?.message).toMatch(
      /^You are not authorized to perform this operation\. User: \S+ is not authorized to perform: iam:PassRole on resource: \S+ because no identity-based policy allows the iam:PassRole action\. Encoded authorization failure message: [\w-]+$/,
    );
  });

  it('answers InvalidParameterValue for an unknown instance profile (hashicorp/packer-plugin-amazon#217)', () => {
    const call = outcome(when(world(), callOf(dana, 'ec2:RunInstances', { IamInstanceProfile: { Name: 'nope' } })));
    expect(call.error).toEqual({
      code: 'InvalidParameterValue',
      message: 'Value (nope) for parameter iamInstanceProfile.name is invalid. Invalid IAM Instance Profile name',
    });
  });

  it('answers InvalidInstanceID.NotFound, IncorrectState and MissingParameter', () => {
    const w = world();
    const bare = Object.values(w.services.instances)[0]!;
    const missing = outcome(
      when(
        w,
        callOf(dana, 'ec2:AssociateIamInstanceProfile', { InstanceId: 'i-00000000000000000', IamInstanceProfile: { Name: 'web-profile' } }),
      ),
    );
    expect(missing.error?.code).toBe('InvalidInstanceID.NotFound');
    const noId = outcome(when(w, callOf(dana, 'ec2:AssociateIamInstanceProfile', { IamInstanceProfile: { Name: 'web-profile' } })));
    expect(noId.error?.code).toBe('MissingParameter');
    const associate = callOf(dana, 'ec2:AssociateIamInstanceProfile', { InstanceId: bare.id, IamInstanceProfile: { Name: 'web-profile' } });
    expect(when(w, associate).some((e) => e.type === 'InstanceProfileAssociated')).toBe(true);
    const after = given([...base(), associate]);
    expect(outcome(when(after, associate)).error).toEqual({
      code: 'IncorrectState',
      message: `There is an existing association for instance ${bare.id}`,
    });
  });
});

describe('workloads', () => {
  it("Lambda asks for the execution role's session with the function's name, ARN and account", () => {
    const events = when(world(), callOf({ kind: 'workload', of: 'function', account: PROD, name: 'existing' }, 's3:ListAllMyBuckets', {}));
    expect(events[0]).toMatchObject({
      type: 'WorkloadSessionRequested',
      data: {
        service: 'lambda.amazonaws.com',
        roleArn: ADMIN,
        sessionName: 'existing',
        sourceAccount: PROD,
        sourceArn: `arn:aws:lambda:us-east-1:${PROD}:function:existing`,
      },
    });
  });

  it('a function that does not exist makes no call: ResourceNotFoundException', () => {
    const events = when(world(), callOf({ kind: 'workload', of: 'function', account: PROD, name: 'ghost' }, 's3:ListAllMyBuckets', {}));
    expect(events[0]?.type === 'WorkloadCallFailed' && events[0].data.call.error?.code).toBe('ResourceNotFoundException');
  });

  it('an instance without an instance profile has no credentials: CredentialsProviderError', () => {
    const events = when(world(), callOf({ kind: 'workload', of: 'instance', account: PROD, name: 'bare' }, 's3:ListAllMyBuckets', {}));
    expect(events[0]?.type === 'WorkloadCallFailed' && events[0].data.call.error).toEqual({
      code: 'CredentialsProviderError',
      message: 'Could not load credentials from any providers',
    });
  });
});
