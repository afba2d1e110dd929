// One line per scenario and a summary line: what `simulate --summary`, `--quiet` and `simulate test` print.
import type { TraceModel } from '../trace/model.js';
import type { Style } from '../trace/style.js';

/** What became of a scenario: it passed, an expectation failed, a golden differs, or it could not run. */
export type Status = 'pass' | 'fail' | 'differs' | 'error';

const WORD: Record<Status, string> = { pass: 'PASS ', fail: 'FAIL ', differs: 'DIFF ', error: 'ERROR' };

export function statusLine(status: Status, file: string, what: string, style: Style): string {
  const colour = status === 'pass' ? style.green : status === 'error' ? style.yellow : style.red;
  return `${style.bold(colour(WORD[status]))} ${file}${what === '' ? '' : what.startsWith('(') ? ` ${what}` : `: ${what}`}\n`;
}

/** `(6 steps, 7 expectations)` or `1 of 7 expectations failed`. */
export function runWhat(trace: TraceModel): string {
  const { steps, expectations, failed } = trace.summary;
  if (failed > 0) return `${failed} of ${expectations} expectation${expectations === 1 ? '' : 's'} failed`;
  return `(${plural(steps, 'step')}, ${plural(expectations, 'expectation')})`;
}

/** The failed expectations of a run, a line each, indented. */
export function failedExpectations(trace: TraceModel): string[] {
  const lines: string[] = [];
  for (const item of trace.items) {
    if (item.kind !== 'step') continue;
    for (const e of item.expectations) if (!e.passed) lines.push(`step ${item.index} (${item.title}): ${e.text} — actual: ${e.actual}`);
  }
  return lines;
}

export const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

export const indent = (text: string, by = '      '): string =>
  text === ''
    ? ''
    : text
        .replace(/\n$/, '')
        .split('\n')
        .map((l) => (l === '' ? '' : by + l))
        .join('\n') + '\n';

export interface Tally {
  pass: number;
  fail: number;
  differs: number;
  error: number;
}

/** `3 scenarios: 1 passed, 1 expectation failed, 1 could not run`. */
export function tallyLine(tally: Tally): string {
  const total = tally.pass + tally.fail + tally.differs + tally.error;
  const parts = [`${tally.pass} passed`];
  if (tally.fail > 0) parts.push(`${tally.fail} with failed expectations`);
  if (tally.differs > 0) parts.push(`${tally.differs} with a golden that differs`);
  if (tally.error > 0) parts.push(`${tally.error} could not run`);
  return `${plural(total, 'scenario')}: ${parts.join(', ')}`;
}

/** The exit code of a tally: 2 if one could not run, 1 if one failed or differs, 0 when all passed. */
export const tallyCode = (tally: Tally): number => (tally.error > 0 ? 2 : tally.fail + tally.differs > 0 ? 1 : 0);

/** `simulate test`: what became of a scenario, its steps and its goldens (src/cli/test-command.ts, the JUnit report). */
export interface GoldenCheck {
  /** the golden's file name, beside the scenario */
  readonly name: string;
  readonly status: 'same' | 'missing' | 'differs';
  /** the unified diff, golden → this run (none when the golden is the same) */
  readonly diff: DiffText | null;
  /** --update wrote it */
  readonly written: boolean;
}

export interface DiffText {
  /** the first hunks, as the console shows them */
  readonly shown: string;
  /** every hunk, uncoloured */
  readonly full: string;
}

export interface ScenarioCheck {
  /** the scenario as shown: relative to the current folder when it is below it */
  readonly file: string;
  readonly status: Status;
  /** after the file name on its line */
  readonly what: string;
  /** the lines under it: failed expectations, diffs, the error */
  readonly details: string;
  /** the steps run, each with its failed expectations (for the JUnit report) */
  readonly steps: readonly { readonly index: number; readonly title: string; readonly failures: readonly string[] }[];
  readonly goldens: readonly GoldenCheck[];
  /** why it could not run (uncoloured) */
  readonly error: string | null;
  readonly ms: number;
}
