import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'iamsim-'));
const EXAMPLE = 'scenarios/cross-account.iam';

describe('simulate', () => {
  it('exits 0 when every expectation holds, 1 when one fails (saying expected and actual)', async () => {
    expect((await runCli([EXAMPLE])).code).toBe(0);
    const dir = tmp();
    const file = join(dir, 'wrong.iam');
    writeFileSync(file, readFileSync(EXAMPLE, 'utf8').replace('expect implicit-deny', 'expect allowed'));
    const r = await runCli([file]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('FAIL     expect allowed — actual: implicit-deny (error AccessDenied)');
    expect(r.stdout).toContain('7 expectations: 6 passed, 1 failed');
  });

  it('exits 2 for a missing file, a usage error, or a scenario that cannot run', async () => {
    const missing = await runCli(['nope.iam']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('simulate: cannot read nope.iam: no such file\n');
    expect((await runCli(['--format', 'pdf', EXAMPLE])).code).toBe(2);
    expect((await runCli([])).code).toBe(2);
  });

  it('never shows a stack trace, whatever bytes it is given', async () => {
    const dir = tmp();
    let seed = 7;
    for (let i = 0; i < 20; i++) {
      const bytes = Buffer.alloc(200 + i * 10);
      for (let j = 0; j < bytes.length; j++) bytes[j] = (seed = (seed * 1103515245 + 12345) & 0x7fffffff) & 0xff;
      const file = join(dir, `random-${i}.iam`);
      writeFileSync(file, bytes);
      const r = await runCli([file]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+: error: `));
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(r.stderr).not.toContain('internal error');
    }
  });

  it('--format json has the fields of cli.md', async () => {
    const r = await runCli(['--format', 'json', EXAMPLE]);
    const doc = JSON.parse(r.stdout);
    expect(doc.scenario).toBe('Delegate access across accounts with an IAM role');
    expect(doc.file).toBe(EXAMPLE);
    expect(doc.summary).toEqual({ steps: 6, expectations: 7, passed: 7, failed: 0 });
    const [first, , third, fourth] = doc.steps;
    expect(first).toMatchObject({
      index: 1,
      title: 'Alice switches to the UpdateApp role',
      principal: 'arn:aws:iam::222222222222:user/alice',
      action: 'sts:AssumeRole',
      resource: 'arn:aws:iam::111111111111:role/UpdateApp',
      outcome: 'allowed',
      decision: 'Allow',
      error: null,
      expectations: [{ text: 'expect allowed', passed: true, actual: 'allowed' }],
    });
    expect(first.response.Credentials.Expiration).toBe('2026-01-01T10:00:00Z');
    expect(first.evaluation.policies.map((p: { type: string }) => p.type)).toEqual(['identity', 'trust']);
    expect(third).toMatchObject({ outcome: 'denied', decision: 'ImplicitDeny', error: { code: 'AccessDenied' } });
    expect(fourth.error.message).toBe(
      'User: arn:aws:iam::222222222222:user/bob is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::111111111111:role/UpdateApp',
    );
    expect(doc.steps[5]).toMatchObject({ outcome: 'error', decision: null, error: { code: 'ExpiredToken' } });
  });

  for (const ext of ['jsonl', 'yaml']) {
    it(`--events FILE.${ext} writes a log that replay turns into the identical trace`, async () => {
      const log = join(tmp(), `run.${ext}`);
      for (const format of ['text', 'json']) {
        const original = await runCli(['--format', format, '--events', log, EXAMPLE]);
        const replayed = await runCli(['replay', log, '--format', format]);
        expect(replayed.code).toBe(original.code);
        expect(replayed.stdout).toBe(original.stdout);
      }
      const text = readFileSync(log, 'utf8');
      expect(text).toContain('RoleAssumed');
      expect(text).toContain('ExpectationChecked');
    });
  }

  it('replay refuses a file that is not an event log, naming it', async () => {
    const file = join(tmp(), 'bad.jsonl');
    writeFileSync(file, '{"type":"ScenarioStarted","data":{},"meta":{}}\nnot json\n');
    const r = await runCli(['replay', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bad\.jsonl:2:1: error: not a JSON event/);
  });

  it('colours the text trace only when asked or on a TTY without NO_COLOR', async () => {
    expect((await runCli([EXAMPLE])).stdout).not.toContain('\u001b[');
    expect((await runCli(['--color', EXAMPLE])).stdout).toContain('\u001b[');
  });

  it('refuses scenario-only options with eval instead of ignoring them', async () => {
    const r = await runCli(['eval', '--events', 'x.jsonl', 'examples/eval/cross-account.json']);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe('simulate: --events applies to scenarios, not to eval');
  });

  it('--until N stops after step N and prints the world (YAML)', async () => {
    const r = await runCli(['--until', '1', EXAMPLE]);
    expect(r.stdout).toContain('Step 1 ·');
    expect(r.stdout).not.toContain('Step 2 ·');
    expect(r.stdout).toContain('World after step 1:');
    expect(r.stdout).toContain('roleArn: arn:aws:iam::111111111111:role/UpdateApp');
  });
});
