// `expect who-can …` and `expect [no] path …`: the scenario component answers a question about the
// world as it stands with the engine's own queries (src/engine/query), and records the answer.
// AWS: IAM User Guide, "Policy evaluation logic" (a same-account identity policy alone allows),
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html, and
// "Switch to an IAM role (AWS API)" (a role session assumes another role: role chaining),
// https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_switch-role-api.html
import { describe, expect, it } from 'vitest';
import type { AnyCommand } from '../../src/engine/events.js';
import type { ExpectationSpec } from '../../src/engine/scenario/index.js';
import { account, given, inline, PROD, role, roleArn, start, trustAccount, user, userArn, when } from './given.js';

const trustRole = (arn: string) => ({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { AWS: arn }, Action: 'sts:AssumeRole' }],
});

/** alice may assume App; App trusts the account and may assume Admin; Admin trusts App. bob has nothing. */
function world(extra: AnyCommand[] = []) {
  return given([
    start(),
    account(PROD, 'Production'),
    user(PROD, 'alice'),
    user(PROD, 'bob'),
    role(PROD, 'App', trustAccount(PROD)),
    role(PROD, 'Admin', trustRole(roleArn(PROD, 'App'))),
    inline(userArn(PROD, 'alice'), 'AssumeApp', [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: roleArn(PROD, 'App') }]),
    inline(roleArn(PROD, 'App'), 'AssumeAdmin', [
      { Effect: 'Allow', Action: ['sts:AssumeRole', 's3:GetObject'], Resource: [roleArn(PROD, 'Admin'), 'arn:aws:s3:::*'] },
    ]),
    ...extra,
  ]);
}

function check(spec: ExpectationSpec, extra: AnyCommand[] = []) {
  const events = when(world(extra), { type: 'CheckExpectation', data: { text: 'expect …', spec } });
  expect(events).toHaveLength(1);
  const e = events[0]!;
  if (e.type !== 'ExpectationChecked') throw new Error(`expected ExpectationChecked, got ${e.type}`);
  return e.data;
}

describe('expect who-can', () => {
  const spec = (principals: string[]): ExpectationSpec => ({
    kind: 'who-can',
    action: 'sts:AssumeRole',
    resource: roleArn(PROD, 'App'),
    principals,
  });

  it('given alice may assume App, the answer is alice alone', () => {
    expect(check(spec([userArn(PROD, 'alice')]))).toMatchObject({ passed: true, actual: '[user Production/alice]' });
  });

  it('fails when the list names one too many or one too few, and shows the answer', () => {
    expect(check(spec([userArn(PROD, 'alice'), userArn(PROD, 'bob')]))).toMatchObject({ passed: false, actual: '[user Production/alice]' });
    expect(check(spec([]))).toMatchObject({ passed: false, actual: '[user Production/alice]' });
  });
});

describe('expect [no] path', () => {
  it('given App trusted by Admin, alice reaches Admin in two hops', () => {
    const got = check({ kind: 'path', from: userArn(PROD, 'alice'), to: roleArn(PROD, 'Admin'), exists: true });
    expect(got).toMatchObject({
      passed: true,
      actual: 'user Production/alice → sts:AssumeRole → role Production/App → sts:AssumeRole → role Production/Admin',
    });
  });

  it('`no path` fails when there is one, with the chain as the actual', () => {
    const got = check({ kind: 'path', from: userArn(PROD, 'alice'), to: roleArn(PROD, 'Admin'), exists: false });
    expect(got.passed).toBe(false);
    expect(got.actual).toContain('role Production/App');
  });

  it('bob, whom no policy allows, has no path', () => {
    expect(check({ kind: 'path', from: userArn(PROD, 'bob'), to: roleArn(PROD, 'Admin'), exists: false })).toMatchObject({
      passed: true,
      actual: 'none',
    });
    expect(check({ kind: 'path', from: userArn(PROD, 'bob'), to: roleArn(PROD, 'Admin'), exists: true }).passed).toBe(false);
  });

  it('a principal no longer in the world is named by its ARN, and reaches nothing', () => {
    const gone = userArn(PROD, 'carol');
    expect(check({ kind: 'path', from: gone, to: roleArn(PROD, 'Admin'), exists: true })).toMatchObject({
      passed: false,
      actual: `${gone} is not a user or role of the world`,
    });
    expect(check({ kind: 'path', from: gone, to: roleArn(PROD, 'Gone'), exists: false }).passed).toBe(true);
  });
});
