// replayEventLog and serializeEventLog (src/api/index.ts): a run's events written as a log and read
// back give the run's output; a log that cannot be read gives the command's located message as data.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { replayEventLog, runScenario, serializeEventLog, type LoggedEvent } from '../../src/api/index.js';

const root = join(import.meta.dirname, '..', '..');
const FILE = 'scenarios/cross-account.iam';
const source = readFileSync(join(root, FILE), 'utf8');
let events: readonly LoggedEvent[] = [];
let jsonl = '';

beforeAll(async () => {
  events = (await runScenario(source, FILE, { detail: true })).events;
  jsonl = await serializeEventLog(events, 'x.jsonl');
});

describe('replayEventLog', () => {
  it('given the JSON Lines log of a run, when replayed, then the output and exit code are the run’s', async () => {
    const replayed = await replayEventLog(jsonl, 'x.jsonl');
    expect(replayed.output).toBe(readFileSync(join(root, 'scenarios/cross-account.trace'), 'utf8'));
    expect(replayed).toMatchObject({ exitCode: 0, diagnostics: [], summary: { failed: 0 } });
    expect(replayed.events).toEqual(events);
  });

  it('given the YAML log of a run with its detail, when replayed as Markdown or with explain, then it is the run’s', async () => {
    const yaml = await serializeEventLog(events, 'x.yaml');
    for (const options of [{ format: 'markdown' as const }, { explain: true }]) {
      const run = await runScenario(source, FILE, options);
      expect((await replayEventLog(yaml, 'x.yaml', options)).output).toBe(run.output);
    }
  });

  it('given an expectation that failed, when replayed, then the exit code is 1', async () => {
    const failing = await runScenario(readFileSync(join(root, 'docs/examples/fail.iam'), 'utf8'), 'fail.iam');
    expect((await replayEventLog(await serializeEventLog(failing.events, 'f.jsonl'), 'f.jsonl')).exitCode).toBe(1);
  });

  it('given a line that is not JSON, then a diagnostic at that line', async () => {
    const broken = jsonl.replace(/\n.*?\n/, '\n{ not json\n');
    const result = await replayEventLog(broken, 'x.jsonl');
    expect(result).toMatchObject({ exitCode: 2, output: '', events: [], summary: null });
    expect(result.diagnostics).toHaveLength(1);
    expect(result.diagnostics[0]).toMatchObject({ file: 'x.jsonl', line: 2, column: 1 });
    expect(result.diagnostics[0]?.message).toMatch(/^not a JSON event \(/);
    expect(result.diagnostics[0]?.text).toBe(`x.jsonl:2:1: error: ${result.diagnostics[0]?.message}`);
  });

  it('given an event whose field breaks the schema, in YAML, then the diagnostic has its line and column', async () => {
    const yaml = (await serializeEventLog(events, 'x.yaml')).replace('outcome: allowed', 'outcome: maybe');
    const [d] = (await replayEventLog(yaml, 'x.yaml')).diagnostics;
    expect(d?.line).toBeGreaterThan(1);
    expect(d?.column).toBeGreaterThan(1);
    expect(d?.message).toMatch(/data\.call\.outcome: expected one of "allowed", "denied" or "error", found "maybe"$/);
  });

  it('given a log with no events, then a diagnostic about the whole file (no line)', async () => {
    expect((await replayEventLog('', 'empty.jsonl')).diagnostics).toEqual([
      {
        file: 'empty.jsonl',
        line: null,
        column: null,
        message: 'an event log starts with ScenarioStarted',
        text: 'empty.jsonl: error: an event log starts with ScenarioStarted',
      },
    ]);
  });

  it('given a file name that is not a log’s, then a diagnostic', async () => {
    expect((await replayEventLog(jsonl, 'x.txt')).diagnostics).toMatchObject([
      { file: 'x.txt', line: null, message: 'x.txt: an event log must end in .jsonl, .yaml or .yml' },
    ]);
  });

  it('given a log written without detail, when replayed with explain, then a diagnostic says to run it again with --events', async () => {
    const lean = (await runScenario(source, FILE)).events;
    const [d] = (await replayEventLog(await serializeEventLog(lean, 'x.jsonl'), 'x.jsonl', { explain: true })).diagnostics;
    expect(d?.message).toMatch(/^--explain needs the full detail of every evaluation/);
  });

  it('given an unknown format, then it throws a RangeError', async () => {
    await expect(replayEventLog(jsonl, 'x.jsonl', { format: 'pdf' as never })).rejects.toThrow(RangeError);
  });
});

describe('serializeEventLog', () => {
  it('given a file name with another extension, then it throws a RangeError', async () => {
    await expect(serializeEventLog(events, 'x.json')).rejects.toThrow(
      new RangeError('x.json: an event log must end in .jsonl, .yaml or .yml'),
    );
  });
});
