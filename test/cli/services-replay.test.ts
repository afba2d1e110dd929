// The event logs of the scenarios where services assume roles replay to the same trace: the
// functions, instances and workload sessions are rebuilt from their events alone (docs/event-log.md).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const SCENARIOS = ['escalation-pass-role-lambda', 'escalation-pass-role-ec2', 'services-assume-roles'];

describe('replay of services scenarios', () => {
  for (const name of SCENARIOS) {
    it(`${name}: --events then replay prints the same trace`, async () => {
      const log = join(mkdtempSync(join(tmpdir(), 'iamsim-')), `${name}.jsonl`);
      const original = await runCli([`scenarios/${name}.iam`, '--events', log]);
      expect(original.code).toBe(0);
      const replayed = await runCli(['replay', log]);
      expect(replayed.stdout).toBe(original.stdout);
    });
  }
});
