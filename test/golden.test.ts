// Golden files: every scenarios/*.iam has, beside it, byte for byte what `simulate` prints in every
// format — x.trace (text), x.explain.trace (text with --explain), x.json, x.yaml, x.md (the Markdown
// walkthrough), x.mermaid (the whole scenario as one diagram), x.cloudtrail.json; every
// scenarios/errors/*.iam has the error message it must produce. One runner, driven by the glob.
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

/** Each golden format: the file it is kept in, beside the scenario, and the options that print it. */
const GOLDEN_FORMATS: readonly { readonly ext: string; readonly args: readonly string[] }[] = [
  { ext: '.trace', args: [] },
  { ext: '.explain.trace', args: ['--explain'] },
  { ext: '.json', args: ['--format', 'json'] },
  { ext: '.yaml', args: ['--format', 'yaml'] },
  { ext: '.md', args: ['--format', 'markdown'] },
  { ext: '.mermaid', args: ['--format', 'mermaid'] },
  { ext: '.cloudtrail.json', args: ['--format', 'cloudtrail'] },
];

describe('golden outputs', () => {
  for (const file of list('scenarios')) {
    describe(file, () => {
      for (const format of GOLDEN_FORMATS) {
        it(format.ext, async () => {
          const result = await runCli([...format.args, file]);
          expect(result.stderr).toBe('');
          await expect(result.stdout).toMatchFileSnapshot(join(root, file.replace(/\.iam$/, format.ext)));
          expect(result.code).toBe(0);
        });
      }
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
