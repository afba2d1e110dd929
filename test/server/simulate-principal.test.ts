// iam:SimulatePrincipalPolicy through `simulate serve`, with the real AWS SDK for JavaScript v3: the
// policies of the user, group or role PolicySourceArn names are looked up in the world and evaluated
// by the evaluator of `simulate eval` (IAM API Reference, "SimulatePrincipalPolicy",
// https://docs.aws.amazon.com/IAM/latest/APIReference/API_SimulatePrincipalPolicy.html: "If you
// specify a user, the simulation also includes all policies that are attached to any groups the user
// belongs to"; PermissionsBoundaryPolicyInputList: "if a permissions boundary is attached to an
// entity and you pass in a different permissions boundary policy using this parameter, then the new
// permissions boundary policy is used"; EvaluationResult's OrganizationsDecisionDetail and
// PermissionsBoundaryDecisionDetail, API_EvaluationResult.html). The caller needs
// iam:SimulatePrincipalPolicy on the entity (Service Authorization Reference, IAM).
import {
  IAMClient,
  IAMServiceException,
  InvalidInputException,
  NoSuchEntityException,
  paginateSimulatePrincipalPolicy,
  SimulatePrincipalPolicyCommand,
} from '@aws-sdk/client-iam';
import { describe, expect, it } from 'vitest';
import { BOUNDED, closedAfterEach } from './harness.js';
import { serveWorld } from './other-world.js';

const WORLD = `scenario "Simulate a principal's policies"
clock 2026-01-01T09:00:00Z

account Management 999999999999 {
  user boss
}

account Development 222222222222 {
  policy ReadBuilds { allow action s3:GetObject resource arn:aws:s3:::builds/* }
  policy Cap { allow action s3:* resource * }
  group Developers {
    inline AssumeApp { allow action sts:AssumeRole resource * }
    attach ReadBuilds
  }
  user auditor {
    inline Simulate { allow action iam:SimulatePrincipalPolicy resource arn:aws:iam::222222222222:user/*, arn:aws:iam::222222222222:role/*, arn:aws:iam::222222222222:group/* }
  }
  user alice {
    groups Developers
    boundary Cap
    inline Writes {
      allow action s3:PutObject resource arn:aws:s3:::builds/*
      deny action s3:DeleteObject resource *
      allow action s3:ListBucket resource * when IpAddress aws:SourceIp 10.0.0.0/8
    }
  }
  role App {
    trust { allow principal account Development action sts:AssumeRole }
    inline Queue { allow action sqs:SendMessage resource * }
  }
}

organization o-a1b2c3d4e5 {
  management Management
  account Development {
    scp NoSqs { deny action sqs:* resource * }
  }
}
`;

const ALICE = 'arn:aws:iam::222222222222:user/alice';
const closed = closedAfterEach();

async function serve() {
  const { server, key } = await serveWorld({}, WORLD);
  closed(server);
  const client = (user: string) => new IAMClient({ ...BOUNDED, region: 'us-east-1', endpoint: server.url, credentials: key(user) });
  return { server, client };
}

describe('simulate serve: iam:SimulatePrincipalPolicy answered by the evaluator from the world', () => {
  it("given alice's inline, group and managed policies and her boundary, then each action is decided by them, with AWS's SourcePolicyIds", async () => {
    const { client } = await serve();
    const out = await client('auditor').send(
      new SimulatePrincipalPolicyCommand({
        PolicySourceArn: ALICE,
        ActionNames: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject', 'sts:AssumeRole', 'ec2:RunInstances'],
        ResourceArns: ['arn:aws:s3:::builds/app.zip'],
      }),
    );
    const results = out.EvaluationResults!;
    expect(results.map((r) => [r.EvalActionName, r.EvalDecision])).toEqual([
      ['s3:GetObject', 'allowed'],
      ['s3:PutObject', 'allowed'],
      ['s3:DeleteObject', 'explicitDeny'],
      // allowed by her group's policy, but not by her boundary Cap
      ['sts:AssumeRole', 'implicitDeny'],
      ['ec2:RunInstances', 'implicitDeny'],
    ]);
    const ids = (i: number) => results[i]!.MatchedStatements!.map((s) => [s.SourcePolicyId, s.SourcePolicyType]);
    expect(ids(0)).toEqual([
      ['ReadBuilds', 'IAM Policy'],
      ['Cap', 'Permissions Boundary Policy'],
    ]);
    expect(ids(1)).toEqual([
      ['user_alice_Writes', 'IAM Policy'],
      ['Cap', 'Permissions Boundary Policy'],
    ]);
    expect(ids(2)).toEqual([['user_alice_Writes', 'IAM Policy']]);
    expect(results[0]!.PermissionsBoundaryDecisionDetail).toEqual({ AllowedByPermissionsBoundary: true });
    expect(results[3]!.PermissionsBoundaryDecisionDetail).toEqual({ AllowedByPermissionsBoundary: false });
    // Development is a member account: its SCPs (FullAWSAccess and NoSqs) are simulated too
    expect(results[0]!.OrganizationsDecisionDetail).toEqual({ AllowedByOrganizations: true });
    // the statement's place in the document, as IAM's GetUserPolicy returns it
    expect(results[1]!.MatchedStatements![0]!.StartPosition).toMatchObject({ Line: 1 });
  });

  it('given PermissionsBoundaryPolicyInputList and PolicyInputList, then the given boundary replaces hers and the extra policies add to hers', async () => {
    const { client } = await serve();
    const out = await client('auditor').send(
      new SimulatePrincipalPolicyCommand({
        PolicySourceArn: ALICE,
        PolicyInputList: [
          JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }] }),
        ],
        PermissionsBoundaryPolicyInputList: [
          JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:*', Resource: '*' }] }),
        ],
        ActionNames: ['sts:AssumeRole', 's3:GetObject'],
      }),
    );
    expect(out.EvaluationResults!.map((r) => [r.EvalActionName, r.EvalDecision])).toEqual([
      ['sts:AssumeRole', 'allowed'],
      ['s3:GetObject', 'implicitDeny'],
    ]);
    expect(out.EvaluationResults![0]!.MatchedStatements!.map((s) => s.SourcePolicyId)).toEqual([
      'group_Developers_AssumeApp',
      'PolicyInputList.1',
      'PermissionsBoundaryPolicyInputList.1',
    ]);
  });

  it("given a role of a member account, then its inline policy allows and the organization's SCP denies", async () => {
    const { client } = await serve();
    const out = await client('auditor').send(
      new SimulatePrincipalPolicyCommand({ PolicySourceArn: 'arn:aws:iam::222222222222:role/App', ActionNames: ['sqs:SendMessage'] }),
    );
    const [result] = out.EvaluationResults!;
    expect(result).toMatchObject({ EvalDecision: 'explicitDeny', OrganizationsDecisionDetail: { AllowedByOrganizations: false } });
    expect(result!.MatchedStatements!.map((s) => [s.SourcePolicyId, s.SourcePolicyType])).toEqual([['NoSqs', 'Service Control Policy']]);
  });

  it('given ContextEntries, ResourcePolicy and CallerArn, then they are simulated as SimulateCustomPolicy simulates them', async () => {
    const { client } = await serve();
    const list = (ip?: string) =>
      client('auditor').send(
        new SimulatePrincipalPolicyCommand({
          PolicySourceArn: ALICE,
          ActionNames: ['s3:ListBucket'],
          ...(ip === undefined
            ? {}
            : { ContextEntries: [{ ContextKeyName: 'aws:SourceIp', ContextKeyType: 'ip', ContextKeyValues: [ip] }] }),
        }),
      );
    // without the key the condition cannot match: the key is named missing
    expect((await list()).EvaluationResults![0]).toMatchObject({ EvalDecision: 'implicitDeny', MissingContextValues: ['aws:SourceIp'] });
    expect((await list('10.1.2.3')).EvaluationResults![0]).toMatchObject({ EvalDecision: 'allowed', MissingContextValues: [] });

    // a group is no caller: a ResourcePolicy needs CallerArn (InvalidInput without it)
    const bucketPolicy = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { AWS: ALICE }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::builds/*' }],
    });
    const group = 'arn:aws:iam::222222222222:group/Developers';
    const asGroup = (callerArn?: string) =>
      client('auditor').send(
        new SimulatePrincipalPolicyCommand({
          PolicySourceArn: group,
          ActionNames: ['s3:GetObject'],
          ResourceArns: ['arn:aws:s3:::builds/app.zip'],
          ResourcePolicy: bucketPolicy,
          ...(callerArn === undefined ? {} : { CallerArn: callerArn }),
        }),
      );
    await expect(asGroup()).rejects.toBeInstanceOf(InvalidInputException);
    const [result] = (await asGroup(ALICE)).EvaluationResults!;
    expect(result!.EvalDecision).toBe('allowed');
    expect(result!.MatchedStatements!.map((st) => st.SourcePolicyId)).toEqual(['ReadBuilds', 'ResourcePolicy']);
  });

  it('given the paginator and MaxItems 2, then the SDK reads every result across pages', async () => {
    const { client } = await serve();
    const actions = ['s3:GetObject', 's3:PutObject', 's3:DeleteObject', 'sts:AssumeRole', 'ec2:RunInstances'];
    const pages = paginateSimulatePrincipalPolicy(
      { client: client('auditor'), pageSize: 2 },
      { PolicySourceArn: ALICE, ActionNames: actions },
    );
    const seen: string[] = [];
    let count = 0;
    for await (const page of pages) {
      count++;
      seen.push(...page.EvaluationResults!.map((r) => r.EvalActionName!));
    }
    expect(seen).toEqual(actions);
    expect(count).toBe(3);
  });

  it('given an ARN the world does not have, then NoSuchEntity; given no user, group or role ARN, then InvalidInput', async () => {
    const { client } = await serve();
    await expect(
      client('auditor').send(
        new SimulatePrincipalPolicyCommand({ PolicySourceArn: 'arn:aws:iam::222222222222:user/nobody', ActionNames: ['s3:GetObject'] }),
      ),
    ).rejects.toBeInstanceOf(NoSuchEntityException);
    await expect(
      client('auditor').send(
        new SimulatePrincipalPolicyCommand({ PolicySourceArn: 'arn:aws:iam::222222222222:user/alice', ActionNames: ['nocolon'] }),
      ),
    ).rejects.toBeInstanceOf(InvalidInputException);
  });

  it('given no PolicySourceArn, then ValidationError before any authorization, recorded as a refused request', async () => {
    const { client, server } = await serve();
    const before = server.events().length;
    // the SDK's types require it, but the SDK sends what it is given
    const input = { ActionNames: ['s3:GetObject'] } as unknown as ConstructorParameters<typeof SimulatePrincipalPolicyCommand>[0];
    await expect(client('auditor').send(new SimulatePrincipalPolicyCommand(input))).rejects.toMatchObject({
      name: 'ValidationError',
      message: "1 validation error detected: Value null at 'policySourceArn' failed to satisfy constraint: Member must not be null",
      $metadata: { httpStatusCode: 400 },
    });
    expect(
      server
        .events()
        .slice(before)
        .map((e) => e.type),
    ).not.toContain('StepStarted');
    expect(
      server
        .events()
        .slice(before)
        .map((e) => e.type),
    ).toContain('RequestRefused');
  });

  it('given a caller without iam:SimulatePrincipalPolicy on the user, then AccessDenied from the engine, and no simulation', async () => {
    const { client } = await serve();
    const refused = client('alice').send(new SimulatePrincipalPolicyCommand({ PolicySourceArn: ALICE, ActionNames: ['s3:GetObject'] }));
    // IAM's AccessDenied has no class of its own in the SDK: the service's exception, by its name
    await expect(refused).rejects.toBeInstanceOf(IAMServiceException);
    await expect(refused).rejects.toMatchObject({ name: 'AccessDenied', $metadata: { httpStatusCode: 403 } });
    await expect(refused).rejects.toThrow(/iam:SimulatePrincipalPolicy on resource: arn:aws:iam::222222222222:user\/alice/);
  });
});
