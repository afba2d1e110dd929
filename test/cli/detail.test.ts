// The full evaluation detail (what --explain and the Markdown walkthrough show) is recorded only
// when a run needs it; ScenarioStarted says whether it was, and replay refuses, in words, to show
// detail that a log does not hold.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/dsl/parse.js';
import { resolveScenario } from '../../src/dsl/resolve/index.js';
import { run } from '../../src/engine/run.js';
import { runCli } from './run-cli.js';

const EXAMPLE = 'scenarios/cross-account.iam';
const source = readFileSync(EXAMPLE, 'utf8');
const noFiles = {
  readFile: (): never => {
    throw new Error('no files');
  },
};

function events(detail: boolean | undefined) {
  const options = detail === undefined ? noFiles : { ...noFiles, detail };
  return run(resolveScenario(parseScenario(source, EXAMPLE), options).commands).events;
}

const details = (log: ReturnType<typeof events>) =>
  log.flatMap((e) => ('call' in e.data ? e.data.call.evaluations : [])).map((ev) => ev.detail !== undefined);

describe('evaluation detail', () => {
  it('is recorded unless the run says otherwise, and ScenarioStarted says which', () => {
    for (const [detail, recorded] of [
      [undefined, true],
      [true, true],
      [false, false],
    ] as const) {
      const log = events(detail);
      expect(log[0]).toMatchObject({ type: 'ScenarioStarted', data: { detail: recorded } });
      expect(new Set(details(log))).toEqual(new Set([recorded]));
    }
  });

  it('changes nothing else in the events', () => {
    const strip = (log: ReturnType<typeof events>) => JSON.parse(JSON.stringify(log, (k, v: unknown) => (k === 'detail' ? undefined : v)));
    expect(strip(events(false))).toEqual(strip(events(true)));
  });

  it('is always in a log written with --events, even for --format json', async () => {
    const log = join(mkdtempSync(join(tmpdir(), 'iamsim-')), 'run.jsonl');
    await runCli(['--format', 'json', '--events', log, EXAMPLE]);
    const [header, started] = readFileSync(log, 'utf8')
      .split('\n')
      .map((l) => (l === '' ? null : JSON.parse(l)));
    expect(header).toEqual({ format: 'iamsim-events', version: 1 });
    expect(started.data.detail).toBe(true);
    expect(readFileSync(log, 'utf8')).toContain('"detail":{"policies"');
  });

  it('missing from a log: replay says so for --explain and markdown, and prints the other formats', async () => {
    const log = join(mkdtempSync(join(tmpdir(), 'iamsim-')), 'plain.jsonl');
    writeFileSync(
      log,
      events(false)
        .map((e) => JSON.stringify(e))
        .join('\n') + '\n',
    );
    for (const args of [['--explain'], ['--format', 'markdown']]) {
      const r = await runCli(['replay', log, ...args]);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(
        /plain\.jsonl: error: .* needs the full detail of every evaluation, and this event log was written without it/,
      );
    }
    const json = await runCli(['replay', log, '--format', 'json']);
    expect(json.code).toBe(0);
    expect(json.stdout).toBe((await runCli(['--format', 'json', EXAMPLE])).stdout);
  });
});
