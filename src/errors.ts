// Located errors for scenarios that cannot run. Outcomes of AWS calls are events, never exceptions;
// this is only for input the engine cannot accept (syntax, references, malformed policies).
import { boundedDistance, suggestionLimit } from './catalogue/distance.js';

export interface SourcePos {
  readonly line: number; // 1-based
  readonly col: number; // 1-based
  readonly offset: number; // 0-based
}

export interface ScenarioErrorInit {
  readonly file: string;
  readonly pos: SourcePos;
  readonly message: string;
  /** how many characters of the source the error covers (for the underline); default 1 */
  readonly length?: number;
  readonly expected?: string;
  readonly suggestion?: string;
}

export class ScenarioError extends Error {
  readonly file: string;
  readonly pos: SourcePos;
  readonly length: number;
  readonly expected: string | undefined;
  readonly suggestion: string | undefined;

  constructor(init: ScenarioErrorInit) {
    super(init.message);
    this.name = 'ScenarioError';
    this.file = init.file;
    this.pos = init.pos;
    this.length = Math.max(1, init.length ?? 1);
    this.expected = init.expected;
    this.suggestion = init.suggestion;
  }
}

/** file:line:col: message, then the source line with the offending text underlined. */
export function formatScenarioError(err: ScenarioError, source: string | null): string {
  const { line, col } = err.pos;
  const out = [`${err.file}:${line}:${col}: error: ${err.message}`];
  if (source !== null) {
    const text = (source.split(/\r?\n/)[line - 1] ?? '').replace(/\t/g, ' ');
    const gutter = String(line).length;
    const shown = text.length > 160 ? text.slice(0, 160) + '…' : text;
    const width = Math.max(1, Math.min(err.length, Math.max(1, shown.length - col + 1)));
    out.push(`${' '.repeat(gutter)} |`);
    out.push(`${line} | ${shown}`);
    out.push(`${' '.repeat(gutter)} | ${' '.repeat(Math.max(0, col - 1))}${'^'.repeat(width)}`);
  }
  if (err.expected) out.push(`expected: ${err.expected}`);
  if (err.suggestion) out.push(`did you mean ${err.suggestion}?`);
  return out.join('\n');
}

/** `a, b or c`: the alternatives a message offers (one stands alone, none is empty). */
export function joinOr(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

/** The closest candidate by edit distance (case-insensitive), if it is close enough to help. */
export function nearest(word: string, candidates: Iterable<string>): string | undefined {
  const w = word.toLowerCase();
  let best: string | undefined;
  let bestDist = Infinity;
  for (const c of candidates) {
    const d = boundedDistance(w, c.toLowerCase(), Infinity, false);
    if (d < bestDist) {
      bestDist = d;
      best = c;
    }
  }
  if (best === undefined) return undefined;
  const limit = suggestionLimit(word.length, best.length);
  return bestDist <= limit && bestDist > 0 ? best : bestDist === 0 && best !== word ? best : undefined;
}
