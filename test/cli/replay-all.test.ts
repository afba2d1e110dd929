// Every shipped scenario's event log is enough to rebuild its trace: the log written with --events,
// read back by `simulate replay` (validated against the log's schema), prints the identical trace.
// Scenarios that change the world during their steps (IAM calls) are the ones this guards most.
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'iamsim-replay-'));
const scenarios = readdirSync('scenarios').filter((f) => f.endsWith('.iam'));

describe('simulate replay of every shipped scenario', () => {
  it('finds the scenarios', () => {
    expect(scenarios.length).toBeGreaterThan(30);
  });

  for (const file of scenarios) {
    it(`${file}: the log replays to the identical text trace`, async () => {
      const log = join(dir, `${file}.jsonl`);
      const original = await runCli(['--events', log, `scenarios/${file}`]);
      expect(original.stderr).toBe('');
      const replayed = await runCli(['replay', log]);
      expect(replayed.stderr).toBe('');
      expect(replayed.code).toBe(original.code);
      expect(replayed.stdout).toBe(original.stdout);
    });
  }
});
