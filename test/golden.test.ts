// Golden files: byte for byte what `simulate` prints, one runner driven by the glob. Every
// scenarios/*.iam has beside it what a reader wants: x.trace (the text trace) and x.md (the Markdown
// walkthrough). Its other formats are kept under test/goldens/, a folder per format named as the
// option that prints it: explain/x.trace (--explain), json/x.json, mermaid/x.mermaid,
// cloudtrail/x.json. Every scenarios/invalid/*.iam must not run: x.error is the message it prints.
// A missing golden fails (vitest.config.ts); accept a reviewed change with
// `npx vitest run test/golden.test.ts -u`.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runCli } from './cli/run-cli.js';

const root = join(import.meta.dirname, '..');
const list = (dir: string) =>
  readdirSync(join(root, dir))
    .filter((f) => f.endsWith('.iam'))
    .sort()
    .map((f) => f.slice(0, -'.iam'.length));

/** Each golden format: where its file is kept (from the scenario's name) and the options that print it. */
const GOLDEN_FORMATS: readonly { readonly name: string; readonly file: (name: string) => string; readonly args: readonly string[] }[] = [
  { name: 'text', file: (n) => `scenarios/${n}.trace`, args: [] },
  { name: 'markdown', file: (n) => `scenarios/${n}.md`, args: ['--format', 'markdown'] },
  { name: 'explain', file: (n) => `test/goldens/explain/${n}.trace`, args: ['--explain'] },
  { name: 'json', file: (n) => `test/goldens/json/${n}.json`, args: ['--format', 'json'] },
  { name: 'mermaid', file: (n) => `test/goldens/mermaid/${n}.mermaid`, args: ['--format', 'mermaid'] },
  { name: 'cloudtrail', file: (n) => `test/goldens/cloudtrail/${n}.json`, args: ['--format', 'cloudtrail'] },
];

describe('golden outputs', () => {
  for (const name of list('scenarios')) {
    const file = `scenarios/${name}.iam`;
    describe(file, () => {
      for (const format of GOLDEN_FORMATS) {
        it(format.name, async () => {
          const result = await runCli([...format.args, file]);
          expect(result.stderr).toBe('');
          await expect(result.stdout).toMatchFileSnapshot(join(root, format.file(name)));
          expect(result.code).toBe(0);
        });
      }
      // YAML is the JSON output's data in another syntax: checked against it rather than kept twice
      it('yaml holds the data of json', async () => {
        const [yaml, json] = await Promise.all([runCli(['--format', 'yaml', file]), runCli(['--format', 'json', file])]);
        expect(yaml.stderr).toBe('');
        expect(parse(yaml.stdout)).toEqual(JSON.parse(json.stdout));
      });
    });
  }
});

describe('scenarios that must not run', () => {
  for (const name of list('scenarios/invalid')) {
    const file = `scenarios/invalid/${name}.iam`;
    it(file, async () => {
      const result = await runCli([file]);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+: error: `));
      await expect(result.stderr).toMatchFileSnapshot(join(root, `scenarios/invalid/${name}.error`));
    });
  }
});
