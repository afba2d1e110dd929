// MaxItems / Marker, as in IAM's paginated operations: results are EvaluationResults (one per action).
// Without MaxItems every result comes in one response (as the AWS CLI's auto-pagination prints it);
// with it, at most MaxItems results from Marker, then IsTruncated and the Marker of the next page.
import { EvalInputError } from './errors.js';

export interface Page {
  readonly start: number;
  readonly end: number; // exclusive
  readonly total: number;
}

const PREFIX = 'iamsim-eval:';

export function pageOf(total: number, maxItems: number | null, marker: string | null): Page {
  const start = marker === null ? 0 : markerOffset(marker, total);
  const end = maxItems === null ? total : Math.min(total, start + maxItems);
  return { start, end, total };
}

/** The Marker of the page after `page`, or null when it is the last one. */
export function nextMarker(page: Page): string | null {
  return page.end < page.total ? Buffer.from(`${PREFIX}${page.end}`).toString('base64') : null;
}

function markerOffset(marker: string, total: number): number {
  const text = /^[A-Za-z0-9+/]+=*$/.test(marker) ? Buffer.from(marker, 'base64').toString('latin1') : '';
  const n = text.startsWith(PREFIX) ? Number(text.slice(PREFIX.length)) : NaN;
  if (!Number.isInteger(n) || n < 0 || n > total) {
    throw new EvalInputError('Marker is not one this input produced: pass the Marker of the previous response unchanged', {
      path: ['Marker'],
    });
  }
  return n;
}
