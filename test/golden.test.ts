// Golden traces: every scenarios/*.iam has its trace beside it (x.trace), byte for byte what
// `simulate` prints; every scenarios/errors/*.iam has the error message it must produce.
// Accept a reviewed change with `npx vitest run test/golden.test.ts -u`.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './cli/run-cli.js';

const root = join(import.meta.dirname, '..');
const list = (dir: string) =>
  readdirSync(join(root, dir))
    .filter((f) => f.endsWith('.iam'))
    .sort()
    .map((f) => `${dir}/${f}`);

describe('golden traces', () => {
  for (const file of list('scenarios')) {
    it(file, async () => {
      const result = await runCli([file]);
      expect(result.stderr).toBe('');
      await expect(result.stdout).toMatchFileSnapshot(join(root, file.replace(/\.iam$/, '.trace')));
      expect(result.code).toBe(0);
    });
  }
});

describe('scenarios that must not run', () => {
  for (const file of list('scenarios/errors')) {
    it(file, async () => {
      const result = await runCli([file]);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+: error: `));
      await expect(result.stderr).toMatchFileSnapshot(join(root, file.replace(/\.iam$/, '.trace')));
    });
  }
});
