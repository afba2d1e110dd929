// runScenario and checkScenario (src/api/index.ts): a scenario's text in, what `simulate` prints
// and exits with out, and located diagnostics for a scenario that cannot run — never an exception.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkScenario, FORMATS, runScenario } from '../../src/api/index.js';
import { runCli } from '../cli/run-cli.js';

const root = join(import.meta.dirname, '..', '..');
const read = (file: string): string => readFileSync(join(root, file), 'utf8');

const ONE_FILE_POLICY = `scenario "A policy file"
account Dev 111111111111 {
  user bob { inline List file "read.json" }
}
step "Bob lists buckets" { as user Dev/bob; call s3:ListAllMyBuckets; expect allowed }
`;
const READ = '{ "Version": "2012-10-17", "Statement": [{ "Effect": "Allow", "Action": "s3:ListAllMyBuckets", "Resource": "*" }] }';

describe('runScenario', () => {
  it('given a scenario whose expectations hold, when run, then it gives the golden trace, exit code 0 and the events', async () => {
    const result = await runScenario(read('scenarios/cross-account.iam'), 'scenarios/cross-account.iam');
    expect(result.output).toBe(read('scenarios/cross-account.trace'));
    expect(result.exitCode).toBe(0);
    expect(result.events[0]?.type).toBe('ScenarioStarted');
    expect(result.summary).toMatchObject({ failed: 0 });
    expect(result.diagnostics).toEqual([]);
    expect(result.world).toBeUndefined();
  });

  it('given each format, when run, then the output is what `simulate --format` prints', async () => {
    const file = 'scenarios/cross-account.iam';
    for (const format of FORMATS) {
      const cli = await runCli([file, '--format', format, '--no-color']);
      const api = await runScenario(read(file), file, { format });
      expect(api.output, format).toBe(cli.stdout);
    }
  });

  it('given explain and color, when run, then the output is `simulate --explain --color`', async () => {
    const file = 'scenarios/cross-account.iam';
    const cli = await runCli([file, '--explain', '--color']);
    expect((await runScenario(read(file), file, { explain: true, color: true })).output).toBe(cli.stdout);
  });

  it('given a scenario that needs signed tokens (OIDC), when run, then it runs as the command does', async () => {
    const file = 'scenarios/github-actions-oidc.iam';
    const result = await runScenario(read(file), file);
    expect(result.output).toBe(read('scenarios/github-actions-oidc.trace'));
  });

  it('given an expectation that fails, when run, then the exit code is 1 and the summary counts it', async () => {
    const result = await runScenario(read('docs/examples/fail.iam'), 'fail.iam');
    expect(result.exitCode).toBe(1);
    expect(result.summary).toMatchObject({ expectations: 1, failed: 1 });
  });

  it('given until, when run, then only the steps up to it run and the world after it is given as `--until` prints it', async () => {
    const file = 'scenarios/cross-account.iam';
    const cli = await runCli([file, '--until', '1', '--no-color']);
    const result = await runScenario(read(file), file, { until: 1 });
    expect(`${result.output}\nWorld after step 1:\n${result.world}`).toBe(cli.stdout);
  });

  it('given a reader of policy files, when run, then the scenario reads its files through it', async () => {
    const asked: string[] = [];
    const result = await runScenario(ONE_FILE_POLICY, 'memory/x.iam', { readFile: (path) => (asked.push(path), READ) });
    expect(asked).toEqual(['read.json']);
    expect(result.exitCode).toBe(0);
  });

  it('given a reader that returns text alone, then a file it names is reported beside the scenario (or where an absolute path says)', () => {
    const absolute = ONE_FILE_POLICY.replace('"read.json"', '"/policies/read.json"');
    expect(checkScenario(ONE_FILE_POLICY, 'dir/x.iam', { readFile: () => '[' })[0]?.file).toBe(join('dir', 'read.json'));
    expect(checkScenario(absolute, 'dir/x.iam', { readFile: () => '[' })[0]?.file).toBe('/policies/read.json');
  });

  it('given no reader, when run, then policy files are read from disk relative to the scenario', async () => {
    const file = 'test/api/fixtures/with-file.iam';
    expect((await runScenario(read(file), file)).exitCode).toBe(0);
  });

  it('given an unknown format, when run, then it throws a RangeError (a mistake of the caller, not of the input)', async () => {
    await expect(runScenario('', 'x.iam', { format: 'html' as never })).rejects.toThrow(
      new RangeError('format must be one of text, json, yaml, markdown, mermaid, cloudtrail, not "html"'),
    );
  });
});

describe('scenarios that cannot run: diagnostics as data, as `simulate` prints them', () => {
  const cases = [
    'scenarios/invalid/misspelt-keyword.iam', // a syntax error, with a suggestion
    'scenarios/invalid/invalid-policy.iam', // a policy the resolver rejects
    'scenarios/invalid/malformed-json.iam',
  ];
  for (const file of cases) {
    it(`given ${file}, when run or checked, then exit code 2, no output, and the located error the command prints`, async () => {
      const expected = read(file.replace(/\.iam$/, '.error'));
      const result = await runScenario(read(file), file);
      expect(result).toMatchObject({ exitCode: 2, output: '', events: [], summary: null });
      expect(result.diagnostics.map((d) => d.text + '\n').join('')).toBe(expected);
      const [first] = result.diagnostics;
      expect(`${first?.file}:${first?.line}:${first?.column}: error: ${first?.message}`).toBe(expected.split('\n')[0]);
      expect(checkScenario(read(file), file)).toEqual(result.diagnostics);
    });
  }

  it('given a misspelt keyword, then the diagnostic carries what was expected and the suggestion', () => {
    const file = 'scenarios/invalid/misspelt-keyword.iam';
    expect(checkScenario(read(file), file)).toEqual([
      {
        file,
        line: 5,
        column: 7,
        message: 'unexpected "alow"',
        expected: '"allow", "deny" or "}"',
        suggestion: 'allow',
        text: read('scenarios/invalid/misspelt-keyword.error').trimEnd(),
      },
    ]);
  });

  it('given a policy file that cannot be read, then the diagnostic is at its name in the scenario', async () => {
    const result = await runScenario(ONE_FILE_POLICY, 'x.iam', {
      readFile: () => {
        throw new Error('no');
      },
    });
    expect(result.diagnostics).toMatchObject([{ file: 'x.iam', line: 3, message: 'cannot read policy file read.json' }]);
  });

  it('given a policy file with broken JSON, then the diagnostic is in that file, shown with its line', async () => {
    const result = await runScenario(ONE_FILE_POLICY, 'dir/x.iam', { readFile: () => '{ "Version": ' });
    expect(result.diagnostics).toMatchObject([{ file: join('dir', 'read.json'), line: 1 }]);
    expect(result.diagnostics[0]?.text).toContain('1 | { "Version": ');
  });

  it('given a scenario that can run, when checked, then there is nothing to report', () => {
    expect(checkScenario(read('scenarios/cross-account.iam'), 'scenarios/cross-account.iam')).toEqual([]);
  });
});
