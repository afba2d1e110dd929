// The package as a user gets it: `npm pack` of the built tree, installed into an empty folder
// without the network (the command is bundled, with the licences of what it bundles, so there is
// nothing else to install), with no build step at install; `npx simulate` then prints the golden trace.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  version: string;
  license: string;
  dependencies?: Record<string, string>;
  bin: Record<string, string>;
  engines: Record<string, string>;
};
const dir = mkdtempSync(join(tmpdir(), 'iamsim-pack-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm pack', () => {
  // `--ignore-scripts`: the tree is already built (npm test's pretest); `npm pack` alone builds afresh through `prepare`
  const tarball = execFileSync('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', dir], {
    cwd: root,
    encoding: 'utf8',
  }).trim();

  it('holds the launcher, the built command, its data and nothing else', () => {
    const files = execFileSync('tar', ['tzf', join(dir, tarball)], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .sort();
    expect(files).toEqual(
      [
        'README.md',
        'package.json',
        'bin/load.cjs',
        'bin/package.json',
        'bin/simulate',
        'bin/simulate.js',
        'dist/catalogue.generated.txt',
        'dist/simulate.cache',
        'dist/simulate.cjs',
        'dist/THIRD-PARTY-NOTICES.txt',
        'dist/token-keys.json',
        'dist/vendor/aws-sdk-checksums-crc.cjs',
        'dist/vendor/fast-xml-parser.cjs',
        'dist/vendor/jose.cjs',
        'dist/vendor/smithy-core-protocols.cjs',
        'dist/vendor/smithy-core-serde.cjs',
        'dist/vendor/smithy-signature-v4.cjs',
        'dist/vendor/yaml.cjs',
        'dist/vendor/zod-mini.cjs',
      ]
        .map((f) => `package/${f}`)
        .sort(),
    );
  });

  it('installs offline into an empty folder with nothing beside it, and `npx simulate` runs a scenario', () => {
    const app = join(dir, 'app');
    mkdirSync(join(app, 'scenarios'), { recursive: true });
    cpSync(join(dir, tarball), join(app, tarball));
    cpSync(join(root, 'scenarios', 'cross-account.iam'), join(app, 'scenarios', 'cross-account.iam'));
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'pack-check', private: true }));

    // the command is bundled whole: the package has no dependencies to fetch, so no registry is asked
    expect(pkg.dependencies).toBeUndefined();
    const install = spawnSync('npm', ['install', '--offline', '--no-audit', '--no-fund', `./${tarball}`], { cwd: app, encoding: 'utf8' });
    expect(install.stderr).not.toMatch(/ERR|EBADENGINE/);
    expect(install.status).toBe(0);
    expect(
      readdirSync(join(app, 'node_modules'))
        .filter((n) => !n.startsWith('.'))
        .sort(),
    ).toEqual(['iamsim']);

    const run = spawnSync('npx', ['--offline', 'simulate', 'scenarios/cross-account.iam'], {
      cwd: app,
      env: { ...process.env, NO_COLOR: '1' },
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(readFileSync(join(root, 'scenarios', 'cross-account.trace'), 'utf8'));
    expect(run.status).toBe(0);

    const version = spawnSync('npx', ['--offline', 'simulate', '--version'], {
      cwd: app,
      env: { ...process.env, IAMSIM_DEBUG: '1' },
      encoding: 'utf8',
    });
    expect(version.stdout).toBe(`simulate (iamsim) ${pkg.version}\n`);
    expect(version.stderr).toBe('simulate: code cache accepted\n');
  }, 120_000);
});
