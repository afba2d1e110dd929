// Issue 14's "done when", as a new user does it: the packed tarball installed offline in an empty
// project, a scenario written, `npx simulate test --update` writes its golden, a policy changed,
// `npx simulate test` shows the diff and exits 1, and `--reporter junit` writes a report that the
// JUnit schema Jenkins validates against accepts (test/cli/junit/).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { installPacked, npx, packTarball } from './packed.js';

const dir = mkdtempSync(join(tmpdir(), 'iamsim-user-suite-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const DEPLOY = `scenario "CI deploys a release"
account Prod 111111111111 {
  bucket releases
  user ci { inline Deploy { allow action s3:PutObject resource arn:aws:s3:::releases/* } }
}
step "CI uploads the build" {
  as user Prod/ci
  call s3:PutObject resource arn:aws:s3:::releases/app.zip
  expect allowed
}
`;

describe('a user project checks its scenarios with simulate test', () => {
  it('installs the tarball, writes the golden with --update, sees a policy change as a diff and exit 1, and gets a valid JUnit report', async () => {
    const app = join(dir, 'app');
    const install = installPacked(join(dir, packTarball(dir)), app);
    expect(install.status).toBe(0);
    mkdirSync(join(app, 'scenarios'));
    const scenario = join(app, 'scenarios', 'deploy.iam');
    writeFileSync(scenario, DEPLOY);
    const simulate = (...args: string[]) => npx(app, ['simulate', ...args], { NO_COLOR: '1' });

    // without a golden: the scenario fails and says how to write one
    const first = simulate('test');
    expect(first.stdout).toContain('DIFF  scenarios/deploy.iam: no golden trace: run with --update to write one\n');
    expect(first.status).toBe(1);

    const update = simulate('test', '--update');
    expect(update.stderr).toBe('');
    expect(update.stdout).toContain('PASS  scenarios/deploy.iam (1 step, 1 expectation); wrote deploy.trace (new)\n');
    expect(update.stdout).toMatch(/\n1 scenario: 1 passed; 1 golden written \(\d+\.\d\d s\)\n$/);
    expect(update.status).toBe(0);
    expect(readFileSync(join(app, 'scenarios', 'deploy.trace'), 'utf8')).toBe(simulate('scenarios/deploy.iam').stdout);
    expect(simulate('test').status).toBe(0);

    // the policy narrowed to a folder the upload is not in
    writeFileSync(scenario, DEPLOY.replace('releases/*', 'releases/staging/*'));
    const changed = simulate('test');
    expect(changed.status).toBe(1);
    expect(changed.stdout).toContain('FAIL  scenarios/deploy.iam: 1 of 1 expectation failed; deploy.trace differs\n');
    expect(changed.stdout).toContain('      --- deploy.trace (golden)\n      +++ deploy.trace (this run)\n');
    expect(changed.stdout).toContain('\n      -  result   allowed\n');
    expect(changed.stdout).toContain(
      '\n      +  result   implicit deny: AccessDenied: User: arn:aws:iam::111111111111:user/ci is not authorized',
    );
    expect(changed.stdout).toContain('      accept with: simulate test scenarios/deploy.iam --update\n');

    const report = simulate('test', '--reporter', 'junit', '--output', 'report.xml');
    expect(report.status).toBe(1);
    const xml = readFileSync(join(app, 'report.xml'), 'utf8');
    const schema = readFileSync(join(import.meta.dirname, 'junit', 'junit-10.xsd'), 'utf8');
    const result = await validateXML({
      xml: [{ fileName: 'report.xml', contents: xml }],
      schema: [{ fileName: 'junit-10.xsd', contents: schema }],
    });
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
    expect(xml).toContain('<testsuite name="scenarios/deploy.iam" tests="2" failures="2" errors="0"');
    expect(xml).toContain('<testcase name="step 1: CI uploads the build" classname="scenarios/deploy.iam">');
    expect(xml).toContain('<failure message="expect allowed — actual: implicit-deny (error AccessDenied)" type="expectation failed">');
    expect(xml).toContain('<failure message="deploy.trace differs from this run" type="golden differs">');
  }, 180_000);
});
