// The shipped command: compiled JavaScript (dist/, built by `npm test`'s pretest and by `prepare`),
// byte-for-byte the golden trace whatever the time zone or locale.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const golden = readFileSync(join(root, 'scenarios/cross-account.trace'), 'utf8');
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };

describe('bin/simulate.js', () => {
  for (const [tz, lang] of [
    ['UTC', 'C'],
    ['Pacific/Chatham', 'de_DE.UTF-8'],
    ['America/St_Johns', 'ar_EG.UTF-8'],
  ]) {
    it(`prints the golden trace in TZ=${tz} LANG=${lang}`, () => {
      const r = spawnSync(process.execPath, ['bin/simulate.js', 'scenarios/cross-account.iam'], {
        cwd: root,
        env: { ...process.env, TZ: tz, LANG: lang, LC_ALL: lang, NO_COLOR: '1' },
        encoding: 'utf8',
      });
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      expect(r.stdout).toBe(golden);
    });
  }

  it('exits 2 with a located message for a broken scenario', () => {
    const r = spawnSync(process.execPath, ['bin/simulate.js', 'scenarios/invalid/unknown-role.iam'], { cwd: root, encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe('scenarios/invalid/unknown-role.iam:10:39: error: role Production/UpdateAp is not defined');
  });

  it('starts from the code cache the build wrote, which fits this Node.js', () => {
    const r = spawnSync(process.execPath, ['bin/simulate.js', '--version'], {
      cwd: root,
      env: { ...process.env, IAMSIM_DEBUG: '1' },
      encoding: 'utf8',
    });
    expect(r.stderr).toBe('simulate: code cache accepted\n');
    expect(r.status).toBe(0);
  });

  for (const [what, cache] of [
    ['without a code cache', null],
    ['with a code cache that does not fit', 'not bytecode'],
  ] as const) {
    it(`prints the same trace ${what}`, () => {
      const copy = mkdtempSync(join(tmpdir(), 'iamsim-bin-'));
      try {
        cpSync(join(root, 'bin'), join(copy, 'bin'), { recursive: true });
        cpSync(join(root, 'dist'), join(copy, 'dist'), { recursive: true });
        cpSync(join(root, 'package.json'), join(copy, 'package.json'));
        rmSync(join(copy, 'dist', 'simulate.cache'));
        if (cache !== null) writeFileSync(join(copy, 'dist', 'simulate.cache'), cache);
        const r = spawnSync(process.execPath, [join(copy, 'bin', 'simulate.js'), 'scenarios/cross-account.iam'], {
          cwd: root,
          env: { ...process.env, NO_COLOR: '1' },
          encoding: 'utf8',
        });
        expect(r.stderr).toBe('');
        expect(r.stdout).toBe(golden);
        const debug = spawnSync(process.execPath, [join(copy, 'bin', 'simulate.js'), '--version'], {
          env: { ...process.env, IAMSIM_DEBUG: '1' },
          encoding: 'utf8',
        });
        expect(debug.stderr).toBe(`simulate: code cache ${cache === null ? 'missing' : 'rejected'}\n`);
      } finally {
        rmSync(copy, { recursive: true, force: true });
      }
    });
  }

  it('says how to build when the compiled command is missing, without a stack trace', () => {
    const copy = mkdtempSync(join(tmpdir(), 'iamsim-bin-'));
    try {
      cpSync(join(root, 'bin'), join(copy, 'bin'), { recursive: true });
      cpSync(join(root, 'package.json'), join(copy, 'package.json'));
      const r = spawnSync(process.execPath, [join(copy, 'bin', 'simulate.js'), 'scenarios/cross-account.iam'], {
        cwd: root,
        encoding: 'utf8',
      });
      expect(r.status).toBe(2);
      expect(r.stderr).toBe(
        `simulate: ${join(copy, 'dist', 'simulate.cjs')} is missing: run \`npm run build\` (or \`npm ci\`, which builds it)\n`,
      );
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });

  it('run as a command, it starts without loading the certificates NODE_EXTRA_CA_CERTS names', () => {
    // Node warns when it cannot load that file: started by bin/simulate, it never tries
    const env = { ...process.env, NODE_EXTRA_CA_CERTS: '/nonexistent/ca.pem' };
    const plain = spawnSync(process.execPath, ['bin/simulate.js', '--version'], { cwd: root, env, encoding: 'utf8' });
    expect(plain.stderr).toMatch(/Ignoring extra certs from `\/nonexistent\/ca.pem`/);
    const command = spawnSync(join(root, 'bin', 'simulate'), ['--version'], { cwd: root, env, encoding: 'utf8' });
    expect(command.stderr).toBe('');
    expect(command.stdout).toBe(`simulate (iamsim) ${version}\n`);
  });

  it('bin/simulate runs the same when reached through a link, as npm installs it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'iamsim-link-'));
    try {
      symlinkSync(join(root, 'bin', 'simulate'), join(dir, 'simulate'));
      const r = spawnSync(join(dir, 'simulate'), ['scenarios/cross-account.iam'], {
        cwd: root,
        env: { ...process.env, NO_COLOR: '1' },
        encoding: 'utf8',
      });
      expect(r.stderr).toBe('');
      expect(r.stdout).toBe(golden);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('ends quietly when the reader closes the pipe early, with the status of a command killed by SIGPIPE', () => {
    // 30 explained traces (~400 KB) overflow the pipe's buffer, so writes go on after `head` has left
    const files = Array.from({ length: 30 }, () => 'scenarios/cross-account.iam').join(' ');
    const r = spawnSync('sh', ['-c', `{ node bin/simulate.js --explain ${files}; echo "status $?" >&2; } | head -1`], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(r.stdout).toBe(`${golden.split('\n')[0]}\n`);
    expect(r.stderr).toBe('status 141\n');
  });

  it('prints the version of package.json', () => {
    const r = spawnSync(process.execPath, ['bin/simulate.js', '--version'], { cwd: root, encoding: 'utf8' });
    expect(r.stdout).toBe(`simulate (iamsim) ${version}\n`);
  });
});
