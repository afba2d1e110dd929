// Typed condition values (IAM User Guide "IAM JSON policy elements: Condition operators"): numbers,
// dates (W3C ISO-8601 or epoch seconds; no time zone means UTC), booleans. Unparseable values give
// null; request-side parses are memoised because the same context values (aws:CurrentTime,
// aws:SourceIp …) recur across requests.
import { parseIp, type IpAddr } from './ip.js';

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const ISO = /^([+-]?\d{4,9})(?:-(\d{2})(?:-(\d{2})(?:[Tt ](\d{2})(?::(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?)?)?)?(Z|z|[+-]\d{2}(?::?\d{2})?)?$/;
const EPOCH = /^\d+(\.\d+)?$/;

export function parseNumber(s: string): number | null {
  return NUMBER.test(s) ? Number(s) : null;
}

/** Milliseconds since the epoch, or null. A value without `-` or `T` is epoch seconds. */
export function parseDate(s: string): number | null {
  if (EPOCH.test(s)) return Number(s) * 1000;
  const m = ISO.exec(s);
  if (m === null) return null;
  const num = (i: number, dflt: number): number => (m[i] === undefined ? dflt : Number(m[i]));
  const month = num(2, 1);
  const day = num(3, 1);
  const hour = num(4, 0);
  const minute = num(5, 0);
  const second = num(6, 0);
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) {
    return null;
  }
  const ms = m[7] === undefined ? 0 : Number(`0.${m[7]}`) * 1000;
  const t = Date.UTC(num(1, 0), month - 1, day, hour, minute, second, ms);
  return t - zoneOffsetMs(m[8]);
}

function zoneOffsetMs(zone: string | undefined): number {
  if (zone === undefined || zone === 'Z' || zone === 'z') return 0;
  const sign = zone[0] === '-' ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = digits.length > 2 ? Number(digits.slice(2)) : 0;
  return sign * (hours * 60 + minutes) * 60_000;
}

export function parseBool(s: string): boolean | null {
  const l = s.toLowerCase();
  return l === 'true' ? true : l === 'false' ? false : null;
}

/** Canonical bytes of a base-64 value (hex), or null when it is not base 64. */
export function decodeBase64(s: string): string | null {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(s)) return null;
  return Buffer.from(s, 'base64').toString('hex');
}

/** Parsers never return undefined: one lookup tells a hit (null included) from a miss. */
function memo<T>(parse: (s: string) => T): (s: string) => T {
  const cache = new Map<string, T>();
  return (s) => {
    const hit = cache.get(s);
    if (hit !== undefined) return hit;
    const v = parse(s);
    if (cache.size > 4096) cache.clear();
    cache.set(s, v);
    return v;
  };
}

export const requestNumber = memo(parseNumber);
export const requestDate = memo(parseDate);
export const requestIp = memo<IpAddr | null>(parseIp);
