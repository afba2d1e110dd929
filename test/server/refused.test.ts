// A request refused before the engine (no or a bad signature, an unreadable request) is no step,
// but it is recorded: a RequestRefused event, shown in the trace as a line of its own, written to
// --events, and printed again by simulate replay. The errors are AWS's (STS API Reference, "Common
// Errors": https://docs.aws.amazon.com/STS/latest/APIReference/CommonErrors.html).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openServe } from '../../src/cli/serve.js';
import { main } from '../../src/cli/main.js';
import { loadWorld } from './other-world.js';

const FORM = 'application/x-www-form-urlencoded; charset=utf-8';

describe('simulate serve: requests refused before the engine are in the log', () => {
  it('given an unsigned request and one of an unknown action, then each is a RequestRefused line of the trace, and replay prints the same trace', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'iamsim-refused-'));
    const events = join(dir, 'serve.jsonl');
    let out = '';
    const io = { stdout: (s: string) => void (out += s), stderr: () => {}, isTTY: false, env: {} };
    const serving = await openServe(loadWorld(), { port: 0, host: null, credentials: null, events, color: false }, io);
    try {
      const unsigned = await fetch(serving.url, {
        method: 'POST',
        headers: { 'content-type': FORM },
        body: 'Action=GetCallerIdentity&Version=2011-06-15',
      });
      expect(unsigned.status).toBe(403);
      const target = await fetch(serving.url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'secretsmanager.GetSecretValue' },
        body: '{}',
      });
      expect(target.status).toBe(403);
      expect(await target.json()).toMatchObject({ __type: 'MissingAuthenticationToken' });
    } finally {
      await serving.close();
    }
    expect(out).toMatch(/Refused · POST \/ \(sts\) from 127\.0\.0\.1 {2}\(20\d\d-/);
    expect(out).toContain('  MissingAuthenticationToken  Request is missing Authentication Token');
    expect(out).toMatch(/Refused · POST \/ \(secretsmanager\) from 127\.0\.0\.1/);
    let replayed = '';
    const code = await main(['replay', events, '--no-color'], { ...io, stdout: (s: string) => void (replayed += s) });
    expect(code).toBe(0);
    expect(replayed).toBe(out);
  });
});
