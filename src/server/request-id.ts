// Request IDs in the shape AWS's Query services give them (a UUID, version 4 by its bits), made
// deterministic: the n-th request of a run gets the same ID every time the run is repeated with the
// same seed, so traces and tests can name it.
import { createHash } from 'node:crypto';

/** The request ID of the `n`-th request answered under `seed` (a UUID v4: 8-4-4-4-12 hex digits). */
export function requestId(seed: string, n: number): string {
  const b = createHash('sha256').update(seed).update('\u0000').update(`request|${n}`).digest();
  b[6] = (b[6]! & 0x0f) | 0x40; // version 4
  b[8] = (b[8]! & 0x3f) | 0x80; // RFC 4122 variant
  const hex = b.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
