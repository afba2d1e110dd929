// `simulate walk`: driven as a user would, through a pseudo-terminal (util-linux `script`), and
// without a terminal, where it prints every frame and exits.
import { spawn, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { move } from '../../src/cli/walk.js';
import { runCli } from '../cli/run-cli.js';

const EXAMPLE = 'scenarios/cross-account.iam';
const hasScript = spawnSync('script', ['--version']).status === 0;

describe('simulate walk without a terminal', () => {
  it('prints the world, then every step with what changed in the world, and exits', async () => {
    const r = await runCli(['walk', EXAMPLE]);
    expect(r.code).toBe(0);
    const headers = r.stdout.split('\n').filter((l) => l.startsWith('── '));
    expect(headers[0]).toBe('── The world ─ Delegate access across accounts with an IAM role ──');
    expect(headers).toHaveLength(8); // the world, 6 steps, 1 wait
    expect(r.stdout).toContain('+ sts.sessions.ASIA');
    expect(r.stdout).toContain('~ scenario.clock: 2026-01-01T09:00:00Z → 2026-01-01T10:00:00Z');
    expect(r.stdout).toContain('IAM user alice of account Development, with a long-term access key, asks');
    expect(r.stdout).not.toContain('[n]ext');
  });

  it('walks an event log as well as a scenario', async () => {
    const { mkdtempSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const log = join(mkdtempSync(join(tmpdir(), 'iamsim-')), 'run.jsonl');
    await runCli(['--events', log, EXAMPLE]);
    expect((await runCli(['walk', log])).stdout).toBe((await runCli(['walk', EXAMPLE])).stdout);
  });

  it('maps keys to frames: next, back, first, last, quit', () => {
    expect(move('n', 0, 3)).toBe(1);
    expect(move(' ', 2, 3)).toBe(2);
    expect(move('\u001b[D', 2, 3)).toBe(1);
    expect(move('b', 0, 3)).toBe(0);
    expect(move('G', 0, 3)).toBe(2);
    expect(move('g', 2, 3)).toBe(0);
    expect(move('q', 1, 3)).toBeNull();
    expect(move('x', 1, 3)).toBe(1);
  });
});

describe.skipIf(!hasScript)('simulate walk in a terminal', () => {
  it('steps forward and back on keys and quits on q', async () => {
    const command = `${JSON.stringify(process.execPath)} --import tsx test/walk/tty-main.ts walk ${EXAMPLE}`;
    const child = spawn('script', ['-qfec', command, '/dev/null'], {
      env: { ...process.env, TERM: 'xterm', NO_COLOR: '1', COLUMNS: '120', LINES: '40' },
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString('utf8')));
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
    /** Waits until the screen shows `text` after position `from`; returns where it was found. */
    const screen = async (text: string, from: number): Promise<number> => {
      for (let i = 0; i < 300; i++) {
        const at = output.indexOf(text, from);
        if (at >= 0) return at;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(`the terminal never showed ${JSON.stringify(text)}; it showed:\n${output.slice(from)}`);
    };
    const CLEAR = '\u001b[2J\u001b[H';
    let at = await screen('── The world ─', 0);
    await screen('[n]ext  [b]ack', at);
    child.stdin.write('n');
    at = await screen(`${CLEAR}── 1/7 ─ Step 1 · Alice switches to the UpdateApp role`, at);
    await screen('What changed in the world', at);
    child.stdin.write('n');
    at = await screen('── 2/7 ─ Step 2 · With the temporary credentials she updates the bucket', at);
    child.stdin.write('b');
    at = await screen('── 1/7 ─ Step 1', at);
    child.stdin.write('G');
    at = await screen('── 7/7 ─ Step 6 · An hour later the credentials have expired', at);
    await screen('end of the scenario', at);
    child.stdin.write('q');
    expect(await exited).toBe(0);
  }, 30_000);
});
