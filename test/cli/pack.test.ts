// The package as a user gets it: `npm pack` of the built tree, installed into an empty folder
// without the network (the command is bundled, with the licences of what it bundles, so there is
// nothing else to install), with no build step at install; `npx simulate` then prints the golden trace.
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { installPacked, npx, packTarball, root } from './packed.js';

/** the bundles the command loads on demand (scripts/bundle-on-demand.mjs) */
const ON_DEMAND = ['eval', 'import', 'questions', 'serve', 'test', 'walk'];

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
  const tarball = packTarball(dir);

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
        'dist/index.d.ts',
        'dist/index.js',
        'dist/simulate.cache',
        'dist/simulate.cjs',
        ...ON_DEMAND.flatMap((name) => [`dist/simulate-${name}.cjs`, `dist/simulate-${name}.cache`]),
        'dist/THIRD-PARTY-NOTICES.txt',
        'dist/token-keys.json',
        'dist/vendor/aws-sdk-checksums-crc.cjs',
        'dist/vendor/diff.cjs',
        'dist/vendor/fast-xml-parser.cjs',
        'dist/vendor/jose.cjs',
        'dist/vendor/peculiar-x509.cjs',
        'dist/vendor/reflect-metadata.cjs',
        'dist/vendor/smithy-core-protocols.cjs',
        'dist/vendor/smithy-core-serde.cjs',
        'dist/vendor/smithy-signature-v4.cjs',
        'dist/vendor/tinyglobby.cjs',
        'dist/vendor/xml-crypto.cjs',
        'dist/vendor/xmldom.cjs',
        'dist/vendor/yaml.cjs',
        'dist/vendor/zod-mini.cjs',
      ]
        .map((f) => `package/${f}`)
        .sort(),
    );
  });

  it('installs offline into an empty folder with nothing beside it, and `npx simulate` runs a scenario and every other command', async () => {
    const app = join(dir, 'app');
    mkdirSync(join(app, 'scenarios'), { recursive: true });
    cpSync(join(root, 'scenarios', 'cross-account.iam'), join(app, 'scenarios', 'cross-account.iam'));

    // the command is bundled whole: the package has no dependencies to fetch, so no registry is asked
    expect(pkg.dependencies).toBeUndefined();
    const install = installPacked(join(dir, tarball), app);
    expect(install.stderr).not.toMatch(/ERR|EBADENGINE/);
    expect(install.status).toBe(0);
    expect(
      readdirSync(join(app, 'node_modules'))
        .filter((n) => !n.startsWith('.'))
        .sort(),
    ).toEqual(['iamsim']);

    const run = npx(app, ['simulate', 'scenarios/cross-account.iam'], { NO_COLOR: '1' });
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(readFileSync(join(root, 'scenarios', 'cross-account.trace'), 'utf8'));
    expect(run.status).toBe(0);

    const version = npx(app, ['simulate', '--version'], { IAMSIM_DEBUG: '1' });
    expect(version.stdout).toBe(`simulate (iamsim) ${pkg.version}\n`);
    expect(version.stderr).toBe('simulate: code cache accepted\n');

    // the other commands, each a bundle of its own loaded on demand with its own code cache
    cpSync(join(root, 'scenarios', 'cross-account.trace'), join(app, 'scenarios', 'cross-account.trace'));
    cpSync(join(root, 'examples', 'eval', 'cross-account.json'), join(app, 'eval.json'));
    const debug = { IAMSIM_DEBUG: '1', NO_COLOR: '1' };
    const loaded = (name: string) => `simulate: code cache accepted\nsimulate: code cache of simulate-${name}.cjs accepted\n`;
    const role = 'arn:aws:iam::111111111111:role/UpdateApp';
    for (const [name, args, status, out] of [
      ['test', ['test', 'scenarios/cross-account.iam'], 0, /PASS {2}scenarios\/cross-account\.iam/],
      ['walk', ['walk', 'scenarios/cross-account.iam'], 0, /The world/],
      ['questions', ['who-can', 'scenarios/cross-account.iam', 'sts:AssumeRole', role], 0, /^who can sts:AssumeRole on /],
      ['eval', ['eval', 'eval.json'], 0, /"EvalDecision"/],
      ['import', ['import', 'no-such-folder'], 2, /^$/],
    ] as const) {
      const r = npx(app, ['simulate', ...args], debug);
      expect(r.stdout, args.join(' ')).toMatch(out);
      expect(r.stderr.startsWith(loaded(name)), `${args.join(' ')}: ${r.stderr}`).toBe(true);
      expect(r.status).toBe(status);
    }
    // serve answers until it is stopped (started by the installed launcher, which execs Node: the signal reaches it)
    const serve = spawn(join(app, 'node_modules', '.bin', 'simulate'), ['serve', 'scenarios/cross-account.iam', '--port', '0'], {
      cwd: app,
      env: { ...process.env, ...debug },
    });
    let stderr = '';
    let stopped = false;
    const stopOnceListening = (all: string) => {
      if (stopped || !all.includes('http://127.0.0.1:')) return;
      stopped = true;
      serve.kill('SIGTERM'); // its signal handlers are set before it listens
    };
    let stdout = '';
    serve.stderr.setEncoding('utf8').on('data', (s: string) => stopOnceListening((stderr += s)));
    serve.stdout.setEncoding('utf8').on('data', (s: string) => stopOnceListening((stdout += s)));
    const code = await new Promise((resolve) => serve.on('exit', (c, signal) => resolve(c ?? signal)));
    expect(stderr).toContain(loaded('serve'));
    expect(code).toBe(0);
  }, 180_000);
});
