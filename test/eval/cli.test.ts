// `simulate eval` through the command's main(): arguments, output formats, exit codes.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runCli } from '../cli/run-cli.js';

const EXAMPLE = 'examples/eval/cross-account.json';

describe('simulate eval', () => {
  it('prints the SimulatePolicyResponse as the AWS CLI does (JSON, indented by 4) and exits 0', async () => {
    const r = await runCli(['eval', EXAMPLE]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^\{\n {4}"EvaluationResults": \[\n {8}\{\n {12}"EvalActionName": "s3:GetObject",\n/);
    const out = JSON.parse(r.stdout);
    expect(out.IsTruncated).toBe(false);
    expect(out.EvaluationResults.map((x: { EvalDecision: string }) => x.EvalDecision)).toEqual([
      'allowed',
      'implicitDeny',
      'explicitDeny',
      'implicitDeny',
    ]);
    // the keys of an EvaluationResult come in the API's order
    expect(Object.keys(out.EvaluationResults[0])).toEqual([
      'EvalActionName',
      'EvalDecision',
      'MatchedStatements',
      'MissingContextValues',
      'OrganizationsDecisionDetail',
      'PermissionsBoundaryDecisionDetail',
      'EvalDecisionDetails',
      'ResourceSpecificResults',
    ]);
  });

  it('--format yaml prints the same response in YAML; text means JSON', async () => {
    const json = JSON.parse((await runCli(['eval', EXAMPLE])).stdout);
    const yaml = await runCli(['eval', EXAMPLE, '--format', 'yaml']);
    expect(yaml.code).toBe(0);
    expect(parse(yaml.stdout)).toEqual(json);
    expect((await runCli(['eval', '--format=text', EXAMPLE])).stdout).toBe((await runCli(['eval', EXAMPLE])).stdout);
  });

  it('every example input runs', async () => {
    for (const f of readdirSync('examples/eval').filter((x) => x.endsWith('.json'))) {
      const r = await runCli(['eval', `examples/eval/${f}`]);
      expect({ f, stderr: r.stderr, code: r.code }).toEqual({ f, stderr: '', code: 0 });
    }
  });

  it('exits 2 for a usage error or a missing file; --help names the subcommand', async () => {
    const none = await runCli(['eval']);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^simulate: eval takes exactly one input file\n/);
    expect((await runCli(['eval', 'a.json', 'b.json'])).code).toBe(2);
    const missing = await runCli(['eval', 'nope.json']);
    expect(missing).toEqual({ code: 2, stdout: '', stderr: 'simulate: cannot read nope.json: no such file\n' });
    expect((await runCli(['eval', EXAMPLE, '--format', 'mermaid'])).code).toBe(2);
    expect((await runCli(['--help'])).stdout).toContain('simulate eval FILE.json');
  });

  it('a scenario named eval is still a scenario when given as a path', async () => {
    const r = await runCli(['./eval']);
    expect(r.stderr).toBe('simulate: cannot read ./eval: no such file\n');
  });
});
