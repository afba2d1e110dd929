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
