// The exact words for a broken event log: where (file, line, and for YAML the column of the
// field), which event, which field, and what it should hold.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { runCli } from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'iamsim-log-errors-'));
let lines: string[] = [];

beforeAll(async () => {
  const log = join(dir, 'cross-account.jsonl');
  await runCli(['--events', log, 'scenarios/cross-account.iam']);
  lines = readFileSync(log, 'utf8').trimEnd().split('\n');
});

type Event = { type: string; data: Record<string, unknown> & { call: Record<string, unknown> & { caller: Record<string, unknown> } } };

/** The log with line `n` (1-based) changed. */
function edit(n: number, change: (e: Event) => void): string[] {
  const copy = [...lines];
  const e = JSON.parse(copy[n - 1]!) as Event;
  change(e);
  copy[n - 1] = JSON.stringify(e);
  return copy;
}

async function replay(name: string, log: string[], yaml = false): Promise<string> {
  const file = join(dir, name);
  writeFileSync(
    file,
    yaml
      ? stringify(
          log.map((l) => JSON.parse(l) as unknown),
          { aliasDuplicateObjects: false, lineWidth: 0 },
        )
      : log.join('\n') + '\n',
  );
  const r = await runCli(['replay', file]);
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  return r.stderr.replace(dir, 'DIR');
}

describe('a broken event log, in words', () => {
  it('starts with the header that names the format and its version', () => {
    expect(lines[0]).toBe('{"format":"iamsim-events","version":1}');
    expect(JSON.parse(lines[13]!).type).toBe('RoleAssumed');
  });

  it('a field with a value its schema does not allow', async () => {
    expect(
      await replay(
        'a.jsonl',
        edit(14, (e) => (e.data.call['outcome'] = 'maybe')),
      ),
    ).toBe(
      'DIR/a.jsonl:14:1: error: event 13 (RoleAssumed): data.call.outcome: expected one of "allowed", "denied" or "error", found "maybe"\n',
    );
  });

  it('a missing field', async () => {
    expect(
      await replay(
        'b.jsonl',
        edit(14, (e) => delete e.data.call.caller['arn']),
      ),
    ).toBe('DIR/b.jsonl:14:1: error: event 13 (RoleAssumed): data.call.caller.arn is missing (expected a string)\n');
  });

  it('a misspelt field, and a misspelt event type', async () => {
    const renamed = edit(14, (e) => {
      e.data.call['regoin'] = e.data.call['region'];
      delete e.data.call['region'];
    });
    expect(await replay('c.jsonl', renamed)).toBe(
      'DIR/c.jsonl:14:1: error: event 13 (RoleAssumed): data.call has an unknown field "regoin" (did you mean "region"?)\n',
    );
    expect(
      await replay(
        'd.jsonl',
        edit(14, (e) => (e.type = 'RoleAsumed')),
      ),
    ).toBe('DIR/d.jsonl:14:1: error: event 13: unknown event type "RoleAsumed" (did you mean "RoleAssumed"?)\n');
  });

  it('YAML: the line and column of the field', async () => {
    expect(
      await replay(
        'e.yaml',
        edit(14, (e) => (e.data.call.caller['account'] = 5)),
        true,
      ),
    ).toBe('DIR/e.yaml:139:18: error: event 13 (RoleAssumed): data.call.caller.account: expected a string or null, found 5\n');
  });

  it('well-formed events that do not hold together', async () => {
    const nobody = edit(6, (e) => (e.data['entity'] = 'arn:aws:iam::111111111111:user/nobody'));
    expect(await replay('f.jsonl', nobody)).toBe(
      'DIR/f.jsonl:6:1: error: event 5 (InlinePolicyPut): data.entity names "arn:aws:iam::111111111111:user/nobody", and no event before it created that user, group or role\n',
    );
    expect(await replay('g.jsonl', [lines[0]!, ...lines.slice(1, 3), lines[1]!, ...lines.slice(3)])).toBe(
      'DIR/g.jsonl:4:1: error: event 3 (ScenarioStarted): a log has one ScenarioStarted, its first event\n',
    );
  });

  it('another version or format is refused; a log without a header is read as version 1', async () => {
    expect(await replay('h.jsonl', ['{"format":"iamsim-events","version":2}', ...lines.slice(1)])).toBe(
      'DIR/h.jsonl:1:1: error: this event log is version 2 of the iamsim-events format, and this simulate reads version 1 only (a later release of simulate wrote it)\n',
    );
    expect(await replay('i.jsonl', ['{"format":"cloudtrail","version":1}', ...lines.slice(1)])).toBe(
      'DIR/i.jsonl:1:1: error: not an iamsim event log: its header names the format "cloudtrail", expected "iamsim-events"\n',
    );
    const file = join(dir, 'old.jsonl');
    writeFileSync(file, lines.slice(1).join('\n') + '\n');
    const old = await runCli(['replay', file]);
    expect(old.stderr).toBe('');
    expect(old.stdout).toBe((await runCli(['scenarios/cross-account.iam'])).stdout);
  });
});
