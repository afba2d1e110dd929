// Reading values where the place they go expects a duration, a time or a number.
import { isoSeconds } from '../../engine/scenario/state.js';
import type { Text } from '../ast.js';
import type { Located } from './located.js';

const UNIT: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 };

/** `90s`, `15m`, `1h`, `1d`, or a bare number of seconds. */
export function durationSeconds(text: Text, at: Located): number {
  const m = /^(\d+)([smhd]?)$/.exec(text.text);
  if (!m) {
    throw at.error(text.loc, `"${text.text}" is not a duration`, {
      length: text.text.length,
      expected: 'a duration such as 90s, 15m, 1h or 1d (or a number of seconds)',
    });
  }
  return Number(m[1]) * (UNIT[m[2] || 's'] ?? 1);
}

/** An ISO-8601 instant; the trace shows it in UTC to the second. */
export function instant(text: Text, at: Located): string {
  const ok = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(text.text);
  const ms = ok ? Date.parse(text.text) : NaN;
  if (Number.isNaN(ms)) {
    throw at.error(text.loc, `"${text.text}" is not an ISO-8601 time`, {
      length: text.text.length,
      expected: 'a time such as 2026-01-01T09:00:00Z',
    });
  }
  return isoSeconds(ms);
}

export function formatDuration(seconds: number): string {
  if (seconds % 86400 === 0) return `${seconds / 86400}d`;
  if (seconds % 3600 === 0) return `${seconds / 3600}h`;
  if (seconds % 60 === 0) return `${seconds / 60}m`;
  return `${seconds}s`;
}

export function checkRegion(name: Text, at: Located): string {
  if (!/^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-\d$/.test(name.text)) {
    throw at.error(name.loc, `"${name.text}" is not an AWS Region`, {
      length: name.text.length,
      expected: 'a Region code such as us-east-1 or eu-west-1',
    });
  }
  return name.text;
}
