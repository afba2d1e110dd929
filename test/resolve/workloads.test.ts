// The declarations and subjects of what services run with a role (docs/language.md, "Functions,
// instances and instance profiles", "Services that assume roles"), and `as service` calling
// sts:AssumeRole. A role is never passed across accounts (IAM User Guide "Grant a user permissions
// to pass a role to an AWS service", https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html).
import { describe, expect, it } from 'vitest';
import { failure, sim } from './run.js';

const world = `
scenario "workloads"
account Dev 111111111111 {
  role runner { trust { allow principal service lambda.amazonaws.com action sts:AssumeRole } }
  role web { trust { allow principal service ec2.amazonaws.com action sts:AssumeRole } }
  instance-profile web-profile { role web; path /apps/ }
  function reporter { role runner }
  instance frontend { instance-profile web-profile }
}
account Other 222222222222 {
  role foreign { trust { allow principal service lambda.amazonaws.com action sts:AssumeRole } }
}
`;

describe('declarations', () => {
  it('declares the instance profile (IAM events), the function and the instance', () => {
    const { events } = sim(world);
    const types = events.map((e) => e.type);
    expect(types).toContain('InstanceProfileCreated');
    expect(events.find((e) => e.type === 'RoleAddedToInstanceProfile')?.data).toEqual({
      profile: 'arn:aws:iam::111111111111:instance-profile/apps/web-profile',
      role: 'arn:aws:iam::111111111111:role/web',
    });
    expect(events.find((e) => e.type === 'FunctionCreated')?.data).toMatchObject({
      function: { arn: 'arn:aws:lambda:us-east-1:111111111111:function:reporter', role: 'arn:aws:iam::111111111111:role/runner' },
    });
    expect(events.find((e) => e.type === 'InstanceLaunched')?.data).toMatchObject({
      instance: { name: 'frontend', profile: 'arn:aws:iam::111111111111:instance-profile/apps/web-profile' },
    });
  });

  it('refuses a role of another account, a missing role and a member the block does not take', () => {
    expect(failure(`${world}\naccount X 333333333333 { function f { role Other/foreign } }`).message).toBe(
      'function f needs a role of account X (333333333333)',
    );
    expect(failure(`${world}\naccount X 333333333333 { function f }`).message).toBe('function f does not say its execution role');
    expect(failure(`${world}\naccount X 333333333333 { instance i { role r } }`).message).toBe('instance i has no role');
    expect(failure(`${world}\naccount X 333333333333 { instance-profile p { path bad } }`).message).toBe('"bad" is not an IAM path');
  });
});

describe('subjects', () => {
  it('as function and as instance run the workload with its service session', () => {
    const { events } = sim(`${world}\nstep "s" { as function Dev/reporter; call sts:GetCallerIdentity; expect allowed }`);
    expect(events.some((e) => e.type === 'WorkloadCredentialsObtained')).toBe(true);
    const { events: ec2 } = sim(`${world}\nstep "s" { as instance Dev/frontend; call sts:GetCallerIdentity; expect allowed }`);
    const session = ec2.find((e) => e.type === 'RoleAssumed');
    expect(session?.type === 'RoleAssumed' && session.data.session.arn).toMatch(
      /^arn:aws:sts::111111111111:assumed-role\/web\/i-[0-9a-f]{17}$/,
    );
  });

  it('as task runs the latest task of the family a step started, with a session of its task role named after the task ID', () => {
    const ecs = `
scenario "tasks"
account Dev 111111111111 {
  role worker { trust { allow principal service ecs-tasks.amazonaws.com action sts:AssumeRole } }
  user deployer { inline All { allow action ecs:*, iam:PassRole resource * } }
}
step "r" {
  as user Dev/deployer
  call ecs:RegisterTaskDefinition { family: jobs, taskRoleArn: role Dev/worker, containerDefinitions: json [{"name": "a", "image": "a"}] }
}
step "t" { as user Dev/deployer; call ecs:RunTask { taskDefinition: jobs } }
step "s" { as task Dev/jobs; call sts:GetCallerIdentity; expect allowed }
`;
    const { events } = sim(ecs);
    const session = events.find((e) => e.type === 'RoleAssumed');
    expect(session?.type === 'RoleAssumed' && session.data.session.arn).toMatch(
      /^arn:aws:sts::111111111111:assumed-role\/worker\/[0-9a-f]{32}$/,
    );
    expect(failure(`${world}\nstep "s" { as task jobs; call sts:GetCallerIdentity }`).message).toBe('task jobs does not say its account');
  });

  it('refuses a workload without its account, and via vpc-endpoint from a workload', () => {
    expect(failure(`${world}\nstep "s" { as instance frontend; call sts:GetCallerIdentity }`).message).toBe(
      'instance frontend does not say its account',
    );
    expect(failure(`${world}\nstep "s" { as function Nope/reporter; call sts:GetCallerIdentity }`).message).toBe(
      'account Nope is not defined',
    );
  });

  it('as service may call sts:AssumeRole, and no other STS action', () => {
    const { events } = sim(
      `${world}\nstep "s" { as service lambda.amazonaws.com; call sts:AssumeRole { RoleArn: role Dev/runner, RoleSessionName: sess }; expect allowed }`,
    );
    expect(events.some((e) => e.type === 'RoleAssumed')).toBe(true);
    expect(failure(`${world}\nstep "s" { as service lambda.amazonaws.com; call sts:GetSessionToken }`).message).toContain(
      'not supported yet',
    );
  });
});
