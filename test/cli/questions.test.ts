// `simulate who-can` and `simulate paths`: the answers as printed, and every error: an unknown
// reference (located, with a suggestion), a target that is not a role, wrong arguments, a world
// that cannot run — each exit 2.
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const WORLD = 'test/cli/questions/world.iam';

describe('simulate who-can', () => {
  it('prints every principal allowed, with the decision that allows it', async () => {
    const r = await runCli(['who-can', WORLD, 's3:GetObject', 'arn:aws:s3:::productionapp/app.zip']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('allowed  user Production/dave  arn:aws:iam::111111111111:user/dave');
    expect(r.stdout).toContain('    identity        inline Read (user dave)                      allows');
    expect(r.stdout).toContain('3 allowed · 0 conditional · 7 denied (--explain lists them)');
  });

  it('takes the language references and names conditional answers with the keys and values assumed', async () => {
    const r = await runCli(['who-can', WORLD, 'sts:AssumeRole', 'role Production/Audit']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('who can sts:AssumeRole on arn:aws:iam::111111111111:role/Audit');
    expect(r.stdout).toContain('conditional  user Development/bob');
    expect(r.stdout).toContain('only a request that carries aws:MultiFactorAuthPresent = "true"');
    expect(r.stdout).not.toContain('user Development/alice');
  });

  it('--explain lists the denied ones with their decisions; --sessions the chains into each allowed role', async () => {
    const explained = await runCli(['who-can', WORLD, 's3:GetObject', 'arn:aws:s3:::productionapp/app.zip', '--explain']);
    expect(explained.stdout).toContain('denied  user Development/alice');
    expect(explained.stdout).toContain('how AWS decided, in its order');
    const sessions = await runCli(['who-can', WORLD, 's3:GetObject', 'arn:aws:s3:::productionapp/app.zip', '--sessions']);
    expect(sessions.stdout).toContain(
      '  session  user Development/alice → (AssumeRole) role Production/Deploy → (AssumeRole) role Production/Admin',
    );
  });

  it('--format json gives the answers as data', async () => {
    const r = await runCli(['who-can', WORLD, 's3:GetObject', 'bucket productionapp', '--format', 'json']);
    const answer = JSON.parse(r.stdout) as { resource: string; answers: { principal: string; verdict: string }[] };
    expect(answer.resource).toBe('arn:aws:s3:::productionapp');
    expect(answer.answers.map((a) => `${a.verdict} ${a.principal}`)).toEqual(['allowed role Production/Admin']);
  });

  it('an unknown reference is a located error with a suggestion, exit 2', async () => {
    const r = await runCli(['who-can', WORLD, 's3:GetObject', 'bucket productionap']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      [
        'simulate who-can: RESOURCE:1:8: error: bucket productionap is not defined',
        '  |',
        '1 | bucket productionap',
        '  |        ^^^^^^^^^^^^',
        'expected: a declared bucket: productionapp',
        'did you mean productionapp?',
        '',
      ].join('\n'),
    );
  });

  it('an unknown action is a located error with the nearest action, exit 2', async () => {
    const r = await runCli(['who-can', WORLD, 's3:GetObjct', '*']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('simulate who-can: ACTION:1:1: error: unknown action s3:GetObjct');
    expect(r.stderr).toContain('did you mean s3:GetObject?');
  });

  it('a word that is no kind of reference, and a bare name, are refused', async () => {
    const kind = await runCli(['who-can', WORLD, 's3:GetObject', 'buckt productionapp']);
    expect(kind.code).toBe(2);
    expect(kind.stderr).toContain('RESOURCE:1:1: error: buckt is not a kind of reference');
    const bare = await runCli(['who-can', WORLD, 's3:GetObject', 'productionapp']);
    expect(bare.stderr).toContain('"productionapp" names nothing: write an ARN or a reference such as user Account/name');
  });

  it('wrong arguments are usage errors, exit 2', async () => {
    expect((await runCli(['who-can', WORLD, 's3:GetObject'])).stderr).toContain('who-can takes a world, an action and a resource');
    expect((await runCli(['who-can', WORLD, 's3:GetObject', 'x', '--format', 'yaml'])).stderr).toContain('who-can prints text or json');
    expect((await runCli(['who-can', WORLD, 'a', 'b', '--all-to', 'x'])).stderr).toContain('--all-to applies to paths only');
    expect((await runCli(['paths', WORLD, 'a', 'b', '--sessions'])).code).toBe(2);
  });

  it('a world that cannot run is its located error, exit 2', async () => {
    const r = await runCli(['who-can', 'test/cli/questions/missing.iam', 's3:GetObject', '*']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('cannot read test/cli/questions/missing.iam');
    const invalid = await runCli(['paths', 'scenarios/invalid/function-role.iam', '--all-to', 'role x']);
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toContain('scenarios/invalid/function-role.iam:5:12: error: function reporter does not say its execution role');
  });
});

describe('simulate paths', () => {
  it('prints the chains from FROM to TO, each hop with its decision', async () => {
    const r = await runCli(['paths', WORLD, 'user Development/alice', 'role Production/Admin']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      '1. allowed  user Development/alice → (AssumeRole) role Production/Deploy → (AssumeRole) role Production/Admin',
    );
    expect(r.stdout).toContain("  decision Allow: same account: the trust policy names the caller's role");
  });

  it('says when there is no path', async () => {
    const r = await runCli(['paths', WORLD, 'user Development/carol', 'arn:aws:iam::111111111111:role/Admin']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('no path from user Development/carol to role Production/Admin');
  });

  it('--all-to lists every principal that reaches the role, PassRole and web identity included', async () => {
    const r = await runCli(['paths', WORLD, '--all-to', 'role Production/worker', '--format', 'json']);
    const answer = JSON.parse(r.stdout) as { paths: { verdict: string; hops: { action: string; from: string }[] }[] };
    expect(answer.paths.map((p) => `${p.verdict} ${p.hops[0]!.from} ${p.hops[0]!.action}`)).toEqual([
      'allowed role Production/Admin iam:PassRole',
      'allowed role Production/ci iam:PassRole',
      'conditional federated arn:aws:iam::111111111111:oidc-provider/token.actions.githubusercontent.com sts:AssumeRoleWithWebIdentity',
      'allowed role Production/Deploy sts:AssumeRole',
      'allowed user Development/alice sts:AssumeRole',
      'allowed user Development/bob sts:AssumeRole',
    ]);
  });

  it('TO must be a role; an unknown FROM is located with a suggestion', async () => {
    const notRole = await runCli(['paths', WORLD, 'user Development/alice', 'user Production/dave']);
    expect(notRole.code).toBe(2);
    expect(notRole.stderr).toContain('TO:1:1: error: user Production/dave is not a role of the world: paths lead to roles');
    const unknown = await runCli(['paths', WORLD, 'user Development/alise', 'role Production/Admin']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('FROM:1:6: error: user Development/alise is not defined');
    expect(unknown.stderr).toContain('did you mean Development/alice?');
    expect((await runCli(['paths', WORLD, 'role Production/Admin'])).stderr).toContain('paths takes a world and two principals');
  });
});
