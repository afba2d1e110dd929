// The rule of vitest.config.ts, checked as it runs: a golden that does not exist fails the run,
// with or without CI set, and only `-u` writes it. A probe test is run by vitest with this
// project's config in a folder of its own.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const dir = mkdtempSync(join(tmpdir(), 'iamsim-golden-'));
const golden = join(dir, 'test', 'probe.golden');
mkdirSync(join(dir, 'test'));
symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
writeFileSync(
  join(dir, 'test', 'probe.test.ts'),
  `import { expect, it } from 'vitest';\nit('probe', async () => { await expect('what simulate printed\\n').toMatchFileSnapshot(${JSON.stringify(golden)}); });\n`,
);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function vitest(...args: string[]) {
  const env: Record<string, string | undefined> = { ...process.env };
  for (const name of Object.keys(env))
    if (/^(CI|CONTINUOUS_INTEGRATION|GITHUB_ACTIONS|BUILD_NUMBER|RUN_ID|UPDATE_SNAPSHOT|VITEST.*)$/.test(name)) delete env[name];
  const bin = join(root, 'node_modules', 'vitest', 'vitest.mjs');
  return spawnSync(process.execPath, [bin, 'run', '--root', dir, '--config', join(root, 'vitest.config.ts'), ...args], {
    env,
    encoding: 'utf8',
  });
}

describe('a missing golden', () => {
  it('fails the run outside CI, and is not written', () => {
    const r = vitest();
    expect(r.status).toBe(1);
    expect(r.stdout + r.stderr).toMatch(/Snapshot .probe 1. mismatched/);
    expect(existsSync(golden)).toBe(false);
  });

  it('is written by -u', () => {
    const r = vitest('-u');
    expect(r.status).toBe(0);
    expect(readFileSync(golden, 'utf8')).toBe('what simulate printed\n');
  });
});
