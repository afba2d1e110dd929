// A run streams (src/run-file.ts, src/trace/stream.ts): its output in every format, and its
// event log, are the bytes the whole-run renderers give (the projection of the whole log, then
// JSON.stringify, the yaml library's stringify of the whole document, renderText, renderOutput), on every shipped
// scenario and on generated ones of 2,000 steps; a long file's error in its N-th step is the error
// of the whole-file parse and resolution, and nothing is written before it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { serialiseEvents } from '../../src/cli/event-log.js';
import { LOG_HEADER } from '../../src/cli/log-format.js';
import { parseScenario } from '../../src/dsl/parse.js';
import { resolveScenario } from '../../src/dsl/resolve/index.js';
import { ScenarioError } from '../../src/errors.js';
import { filesBeside, renderOutput, runScenarioText, writeScenario, type Format } from '../../src/run-file.js';
import { project } from '../../src/trace/project.js';
import { traceJson } from '../../src/trace/render-json.js';
import { renderText } from '../../src/trace/render-text.js';
import { PLAIN } from '../../src/trace/style.js';
import { largeScenario } from '../bench/large-scenario.js';

const root = join(import.meta.dirname, '..', '..');
const YAML = { aliasDuplicateObjects: false, lineWidth: 0 } as const;
const shipped = readdirSync(join(root, 'scenarios'))
  .filter((f) => f.endsWith('.iam'))
  .map((f) => [f, join('scenarios', f)] as const);

/** The whole-run renderings: the projection of the whole log, rendered at once. */
async function wholeRun(events: Parameters<typeof project>[0], format: Format, explain: boolean): Promise<string> {
  const model = project(events);
  if (format === 'json') return JSON.stringify(traceJson(model), null, 2) + '\n';
  if (format === 'yaml') return stringify(traceJson(model), YAML);
  if (format === 'text') return renderText(model, { style: PLAIN, explain });
  // the formats written after first runs (src/run-file.ts, wholeRunWriter), against one model
  return renderOutput(model, events, { format });
}

const cases: readonly [Format, boolean][] = [
  ['text', false],
  ['text', true],
  ['json', false],
  ['yaml', false],
  ['markdown', false],
  ['mermaid', false],
  ['cloudtrail', false],
];

async function expectSameBytes(text: string, file: string): Promise<void> {
  for (const [format, explain] of cases) {
    const chunks: string[] = [];
    const run = await writeScenario(text, file, { format, explain, detail: true, keep: true, readFile: filesBeside(file) }, (c) =>
      chunks.push(c),
    );
    expect(chunks.length).toBeGreaterThan(0);
    expect(chunks.join(''), `${file} ${format}${explain ? ' --explain' : ''}`).toBe(await wholeRun(run.events, format, explain));
  }
  const { events } = await runScenarioText(text, file, { format: 'text', detail: true });
  expect(await serialiseEvents(events, 'x.jsonl')).toBe([LOG_HEADER, ...events].map((e) => JSON.stringify(e)).join('\n') + '\n');
  expect(await serialiseEvents(events, 'x.yaml')).toBe(stringify([LOG_HEADER, ...events], YAML));
}

/** The error of the whole-file parse and resolution, as the run before streaming found it. */
function wholeFileError(text: string, file: string): unknown {
  try {
    resolveScenario(parseScenario(text, file), { readFile: filesBeside(file) });
    return null;
  } catch (e) {
    if (!(e instanceof ScenarioError)) throw e;
    return { message: e.message, pos: e.pos, expected: e.expected, suggestion: e.suggestion };
  }
}

async function expectSameError(text: string, file: string): Promise<void> {
  const expected = wholeFileError(text, file);
  expect(expected).not.toBeNull();
  const chunks: string[] = [];
  const error = await writeScenario(text, file, { format: 'text' }, (c) => chunks.push(c)).then(
    () => null,
    (e: unknown) => {
      if (!(e instanceof ScenarioError)) throw e;
      return { message: e.message, pos: e.pos, expected: e.expected, suggestion: e.suggestion };
    },
  );
  expect(error).toEqual(expected);
  expect(chunks).toEqual([]);
}

describe('a streamed run', () => {
  it.each(shipped)('%s: every streamed format and the event log are the whole run’s bytes', async (_name, file) => {
    await expectSameBytes(readFileSync(join(root, file), 'utf8'), file);
  });

  const mid = largeScenario(20, 2000, 3);
  it('a generated scenario of 2,000 steps', { timeout: 120_000 }, async () => {
    await expectSameBytes(mid, 'mid.iam');
  });

  it('declarations after the steps: the world is still resolved first', { timeout: 120_000 }, async () => {
    const [head, ...rest] = largeScenario(5, 200, 3).split('\nstep ');
    const moved = ['step ' + rest.join('\nstep ').replace(/\n$/, ''), head!].join('\n') + '\n';
    await expectSameBytes(moved, 'moved.iam');
  });

  describe('an error in the 1,500th step of 2,000 is the whole-file error, and nothing is written before it', { timeout: 60_000 }, () => {
    const lines = mid.split('\n');
    const at = lines.findIndex((l) => l.startsWith('step "call 1499"'));
    const withLine = (line: string): string => [...lines.slice(0, at), line, ...lines.slice(at + 1)].join('\n');
    it('an unknown user', async () => {
      await expectSameError(withLine(lines[at]!.replace('user Main/u', 'user Main/nobody')), 'e.iam');
    });
    it('a syntax error', async () => {
      await expectSameError(withLine(lines[at]!.replace('; call ', '; cal ')), 'e.iam');
    });
    it('an unterminated string', async () => {
      await expectSameError(withLine(lines[at]!.replace('"call 1499"', '"call 1499')), 'e.iam');
    });
    it('the end of the file in the last step', async () => {
      await expectSameError(mid.trimEnd().slice(0, -1), 'e.iam');
    });
    it('an unknown user, with a declaration after the steps', async () => {
      await expectSameError(withLine(lines[at]!.replace('user Main/u', 'user Main/nobody')) + '\naccount Other 222222222222\n', 'e.iam');
    });
    it('a syntax error after a resolution error', async () => {
      await expectSameError(withLine(lines[at]!.replace('user Main/u', 'user Main/nobody')) + '\nstep "x" { bad }\n', 'e.iam');
    });
  });
});
