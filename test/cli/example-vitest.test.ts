// examples/vitest/, a user's project that checks its scenarios with vitest's toMatchFileSnapshot
// through iamsim's API, run as its user would: a copy of it, with the package installed offline from
// `npm pack` of this tree (in place of its `file:../..` dependency) and vitest run there. Vitest itself
// is this repo's, linked into the copy (the test may not download it): the example's package.json asks
// for the same major version. Its goldens pass; a policy changed so that a decision changes fails,
// with the trace's diff, and the golden is left as it was until `--update` writes it.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'iamsim-example-vitest-'));
const project = join(dir, 'project');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The environment of a run of vitest of its own, without what this vitest run set. */
const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^VITEST|^TEST$/.test(k)));

function vitest(...args: string[]): { status: number | null; out: string } {
  const run = spawnSync(process.execPath, [join('node_modules', 'vitest', 'vitest.mjs'), 'run', '--color=false', ...args], {
    cwd: project,
    env: { ...env, NO_COLOR: '1' },
    encoding: 'utf8',
  });
  return { status: run.status, out: run.stdout + run.stderr };
}

beforeAll(() => {
  const tarball = execFileSync('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', dir], {
    cwd: root,
    encoding: 'utf8',
  }).trim();
  cpSync(join(root, 'examples', 'vitest'), project, { recursive: true, filter: (src) => !src.includes('node_modules') });
  const pkg = JSON.parse(readFileSync(join(project, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
  const ours = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> })
    .devDependencies;
  expect(pkg.devDependencies['iamsim']).toBe('file:../..');
  expect(pkg.devDependencies['vitest']?.split('.')[0]).toBe(ours['vitest']?.split('.')[0]); // the same major version as the one linked
  pkg.devDependencies['iamsim'] = `file:${join(dir, tarball)}`;
  delete pkg.devDependencies['vitest'];
  writeFileSync(join(project, 'package.json'), JSON.stringify(pkg, null, 2));
  const install = spawnSync('npm', ['install', '--offline', '--no-audit', '--no-fund'], { cwd: project, encoding: 'utf8' });
  expect(install.stderr).not.toMatch(/ERR/);
  expect(install.status).toBe(0);
  symlinkSync(join(root, 'node_modules', 'vitest'), join(project, 'node_modules', 'vitest'), 'dir');
}, 120_000);

describe('examples/vitest: a user’s project testing its scenarios with the packed package', () => {
  it('its scenarios match their goldens', () => {
    const { status, out } = vitest();
    expect(out).toMatch(/Tests\s+2 passed \(2\)/);
    expect(status).toBe(0);
  }, 120_000);

  it('a changed policy that changes a decision fails, with the diff of the trace, and leaves the golden alone', () => {
    const policy = join(project, 'scenarios', 'policies', 'upload-releases.json');
    const original = readFileSync(policy, 'utf8');
    writeFileSync(policy, original.replace('"s3:PutObject"', '["s3:PutObject", "s3:DeleteObject"]'));
    const golden = readFileSync(join(project, 'scenarios', 'deploy-role.trace'), 'utf8');
    const { status, out } = vitest();
    expect(out).toMatch(/Tests\s+1 failed \| 1 passed \(2\)/);
    expect(out).toContain('deploy-role.iam');
    expect(out).toMatch(/^\s*-\s+decision ImplicitDeny: same account: no identity-based policy allows s3:DeleteObject$/m);
    expect(out).toMatch(
      /^\s*\+\s+decision Allow: same account: identity-based policy inline Upload \(role Deploy\) allows s3:DeleteObject$/m,
    );
    expect(status).toBe(1);
    expect(readFileSync(join(project, 'scenarios', 'deploy-role.trace'), 'utf8')).toBe(golden);
    writeFileSync(policy, original);
  }, 120_000);

  it('a trace that changes while its expectations hold: `vitest run --update` (npm run test:update) writes it, and the next run passes', () => {
    const scenario = join(project, 'scenarios', 'read-only.iam');
    writeFileSync(scenario, readFileSync(scenario, 'utf8').replace('step "Ana lists the buckets"', 'step "Ana lists every bucket"'));
    expect(vitest().status).toBe(1);
    const update = vitest('--update');
    expect(update.out).toMatch(/Snapshots\s+1 updated/);
    expect(update.status).toBe(0);
    expect(readFileSync(join(project, 'scenarios', 'read-only.trace'), 'utf8')).toContain('Step 1 · Ana lists every bucket');
    expect(vitest().status).toBe(0);
  }, 120_000);
});
