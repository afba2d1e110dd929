// `simulate replay` and `simulate walk` read a JSON Lines log one line at a time (checkLogFile):
// checked whole first, with readLog's messages and the same first problem, then read again event
// by event as the trace is written. What these pin: the lines read are the text's lines split at
// "\n" whatever falls on a buffer's edge; a log read so gives readLog's answer, broken or not; and
// every format replays to the bytes the run wrote.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkLogFile, fileLines, readLog } from '../../src/cli/read-log.js';
import { runCli } from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'iamsim-replay-stream-'));
const MB = 1 << 20;

describe('a log file read one line at a time', () => {
  const cases: Record<string, string> = {
    empty: '',
    'no newline at the end': 'a\nb',
    'a newline at the end': 'a\nb\n',
    'CRLF and blank lines': 'a\r\n\r\n \nb\r\n',
    // a two-byte character across the first buffer's edge, and a line three buffers long
    'a character on the edge of a read': `${'x'.repeat(MB - 1)}é\n${'y'.repeat(3 * MB + 5)}\nz`,
    'a newline just at the edge': `${'x'.repeat(MB - 1)}\n${'€'.repeat(MB)}\n`,
  };
  for (const [name, text] of Object.entries(cases)) {
    it(`${name}: the lines of the text split at "\\n"`, () => {
      const file = join(dir, 'lines.txt');
      writeFileSync(file, text);
      expect([...fileLines(file)]).toEqual(text.split('\n'));
    });
  }
});

describe('a JSON Lines log checked as it is read gives readLog’s answer', () => {
  let lines: string[] = [];
  beforeAll(async () => {
    const log = join(dir, 'cross-account.jsonl');
    await runCli(['--events', log, 'scenarios/cross-account.iam']);
    lines = readFileSync(log, 'utf8').trimEnd().split('\n');
  });
  const attach = (meta: unknown) =>
    JSON.stringify({ type: 'PolicyAttached', data: { entity: 'arn:aws:iam::1:user/x', policy: 'arn:aws:iam::1:policy/y' }, meta });
  const logs: Record<string, (l: string[]) => string[]> = {
    'a valid log': (l) => l,
    'not JSON': (l) => ((l[5] = '{oops'), l),
    // a line that is not JSON is found before an earlier event's schema problem, as when the log was parsed whole first
    'a schema problem, then a line that is not JSON': (l) => ((l[3] = l[3]!.replace('"data"', '"dada"')), (l[9] = '{'), l),
    // a schema problem is found before an earlier inconsistency, as when the schema was checked for every event first
    'an inconsistency, then a schema problem': (l) => {
      l[9] = l[9]!.replace('"data"', '"dada"');
      l.splice(2, 0, attach((JSON.parse(l[2]!) as { meta: unknown }).meta));
      return l;
    },
    'an inconsistency': (l) => (l.splice(3, 0, attach((JSON.parse(l[3]!) as { meta: unknown }).meta)), l),
    'a second ScenarioStarted': (l) => (l.splice(4, 0, l[1]!), l),
    'no header (a log may leave it out)': (l) => l.slice(1),
    'a header of another format': (l) => ((l[0] = '{"format":"x","version":1}'), l),
    'a header alone': (l) => l.slice(0, 1),
    'a header after the first line': (l) => (l.splice(4, 0, l[0]!), l),
    'no ScenarioStarted first': (l) => (l.splice(1, 1), l),
    'not an object': (l) => ((l[4] = '[1,2]'), l),
  };
  for (const [name, change] of Object.entries(logs)) {
    it(name, async () => {
      const file = join(dir, 'x.jsonl');
      const text = change([...lines]).join('\n');
      writeFileSync(file, text);
      const whole = await readLog(text, file).then(
        (events) => ({ events, error: null }),
        (e: Error) => ({ events: null, error: e.message }),
      );
      const streamed = await checkLogFile(file, () => {}).then(
        (log) => ({ events: [...log.events()], error: null }),
        (e: Error) => ({ events: null, error: e.message }),
      );
      expect(streamed).toEqual(whole);
      if (name === 'a valid log' || name.startsWith('no header')) expect(whole.error).toBeNull();
      else expect(whole.error).toMatch(/^.*x\.jsonl(:\d+:1)?: error: /);
    });
  }
});

describe('simulate replay of a JSON Lines log in every format', () => {
  // every third shipped scenario (the text trace of every one: replay-all.test.ts)
  const scenarios = readdirSync('scenarios')
    .filter((f) => f.endsWith('.iam'))
    .filter((_, i) => i % 3 === 0);
  for (const file of scenarios) {
    it(`${file}: the bytes the run wrote`, async () => {
      const log = join(dir, `${file}.jsonl`);
      await runCli(['--events', log, `scenarios/${file}`]);
      for (const format of ['json', 'yaml', 'markdown', 'mermaid', 'cloudtrail']) {
        const original = await runCli(['--format', format, `scenarios/${file}`]);
        const replayed = await runCli(['replay', '--format', format, log]);
        expect(replayed.stderr).toBe(original.stderr);
        expect(replayed.code).toBe(original.code);
        expect(replayed.stdout).toBe(original.stdout);
      }
    });
  }
});
