// simulateCustomPolicy (src/api/index.ts): the input of `aws iam simulate-custom-policy` in, the
// response `simulate eval` prints out; an input that cannot run gives its located error as data.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { simulateCustomPolicy } from '../../src/api/index.js';
import { runCli } from '../cli/run-cli.js';

const FILE = join(import.meta.dirname, '..', '..', 'examples', 'eval', 'simulate-custom-policy.json');
const input = readFileSync(FILE, 'utf8');

describe('simulateCustomPolicy', () => {
  it('given the input as text, then the response and the output are what `simulate eval` prints (JSON or YAML)', async () => {
    for (const format of ['json', 'yaml'] as const) {
      const cli = await runCli(['eval', FILE, '--format', format]);
      const api = await simulateCustomPolicy(input, FILE, { format });
      expect(api.output).toBe(cli.stdout);
      expect(api.exitCode).toBe(0);
      expect(api.diagnostics).toEqual([]);
    }
    const { response } = await simulateCustomPolicy(input);
    expect(response?.EvaluationResults[0]).toMatchObject({ EvalActionName: 'dynamodb:CreateBackup', EvalDecision: 'allowed' });
  });

  it('given the input as an object, then it is evaluated as its JSON', async () => {
    expect((await simulateCustomPolicy(JSON.parse(input) as object)).response).toEqual((await simulateCustomPolicy(input)).response);
  });

  it('given broken JSON, then exit code 2 and the located error as `simulate eval` prints it', async () => {
    const text = '{\n  "ActionNames": ["s3:GetObject",]\n}';
    const file = join(mkdtempSync(join(tmpdir(), 'iamsim-api-eval-')), 'in.json');
    writeFileSync(file, text);
    const cli = await runCli(['eval', file]);
    const result = await simulateCustomPolicy(text, file);
    expect(result).toMatchObject({ exitCode: 2, response: null, output: '' });
    expect(result.diagnostics.map((d) => d.text + '\n').join('')).toBe(cli.stderr);
    expect(result.diagnostics).toMatchObject([{ file, line: 2 }]);
    expect(cli.stderr).toMatch(new RegExp(`^${file}:2:${result.diagnostics[0]?.column}: error: invalid JSON`));
  });

  it('given a missing parameter, then its message, where the CLI puts it', async () => {
    expect((await simulateCustomPolicy({ PolicyInputList: [] })).diagnostics).toMatchObject([
      { file: 'input.json', line: 1, column: 1, message: 'Missing required parameter in input: "ActionNames"' },
    ]);
  });

  it('given a misspelt parameter, then the diagnostic carries the suggestion', async () => {
    const [d] = (await simulateCustomPolicy({ PolicyInputList: [], ActionName: ['s3:GetObject'] })).diagnostics;
    expect(d?.suggestion).toBe('ActionNames');
  });

  it('given an unknown format, then it throws a RangeError', async () => {
    await expect(simulateCustomPolicy(input, 'x.json', { format: 'text' as never })).rejects.toThrow(RangeError);
  });
});
