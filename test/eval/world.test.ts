// `simulate eval FILE.json --world WORLD.iam`: the input of `aws iam simulate-principal-policy`, its
// PolicySourceArn's policies looked up in the world the scenario's run leaves, as `simulate serve`
// answers iam:SimulatePrincipalPolicy (IAM API Reference, "SimulatePrincipalPolicy",
// https://docs.aws.amazon.com/IAM/latest/APIReference/API_SimulatePrincipalPolicy.html: "If you
// specify a user, the simulation also includes all policies that are attached to any groups the user
// belongs to").
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli.js';

const WORLD = 'scenarios/cross-account.iam';
const dir = mkdtempSync(join(tmpdir(), 'iamsim-eval-'));

/** An input file: who switches to UpdateApp, with the role's trust policy as ResourcePolicy. */
function input(user: string, extra: Record<string, unknown> = {}): string {
  const file = join(dir, `${user}.json`);
  const trust = {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::222222222222:root' }, Action: 'sts:AssumeRole' }],
  };
  const doc = {
    PolicySourceArn: `arn:aws:iam::222222222222:user/${user}`,
    ActionNames: ['sts:AssumeRole'],
    ResourceArns: ['arn:aws:iam::111111111111:role/UpdateApp'],
    ResourcePolicy: JSON.stringify(trust),
    ...extra,
  };
  writeFileSync(file, JSON.stringify(doc, null, 4));
  return file;
}

describe('simulate eval --world', () => {
  it("given alice of scenarios/cross-account.iam, then her group's policy allows the switch to UpdateApp, named as AWS names a group's inline policy; bob's has none", async () => {
    const r = await runCli(['eval', input('alice'), '--world', WORLD]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as {
      EvaluationResults: { EvalActionName: string; EvalDecision: string; MatchedStatements: { SourcePolicyId: string }[] }[];
    };
    expect(out.EvaluationResults.map((x) => [x.EvalActionName, x.EvalDecision])).toEqual([['sts:AssumeRole', 'allowed']]);
    expect(out.EvaluationResults[0]!.MatchedStatements.map((s) => s.SourcePolicyId)).toEqual([
      'group_Developers_AssumeUpdateApp',
      'ResourcePolicy',
    ]);
    const bob = JSON.parse((await runCli(['eval', input('bob'), '--world', WORLD])).stdout) as typeof out;
    expect(bob.EvaluationResults[0]!.EvalDecision).toBe('implicitDeny');
    // without --world the policies cannot be looked up
    expect((await runCli(['eval', input('alice')])).stderr).toContain('or name the scenario whose world has them with --world');
  });

  it('given an ARN the world does not have, then exit 2 at PolicySourceArn, with NoSuchEntity', async () => {
    const file = input('nobody');
    const r = await runCli(['eval', file, '--world', WORLD]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('The entity arn:aws:iam::222222222222:user/nobody cannot be found. (NoSuchEntity');
    expect(r.stderr).toContain(`${file}:2:`); // the line of PolicySourceArn
  });

  it('given --world outside eval, or a world that does not run, then exit 2 and why', async () => {
    expect((await runCli([WORLD, '--world', WORLD])).stderr).toContain('--world applies to eval only');
    const r = await runCli(['eval', input('alice'), '--world', 'scenarios/nope.iam']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('nope.iam');
  });
});
