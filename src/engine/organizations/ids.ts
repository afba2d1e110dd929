// Deterministic Organizations IDs, hashed from the scenario seed and what they name (as in
// ../ids.ts). Formats follow the Organizations API reference: o- + 10, r- + 4, ou-<root>-<8>, p- + 8,
// all lower-case letters and digits.
import { createHash } from 'node:crypto';

const ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';

function chars(seed: string, purpose: string, length: number): string {
  const d = createHash('sha256').update(seed).update('\u0000').update(purpose).digest();
  let out = '';
  for (let i = 0; i < length; i++) out += ALNUM[d[i]! % ALNUM.length];
  return out;
}

export const organizationId = (seed: string): string => `o-${chars(seed, 'organization', 10)}`;

export const rootId = (seed: string, org: string): string => `r-${chars(seed, `root|${org}`, 4)}`;

/** An OU id carries its root's id: ou-ab12-xxxxxxxx under r-ab12. */
export function ouId(seed: string, root: string, path: readonly string[]): string {
  return `ou-${root.slice(2)}-${chars(seed, `ou|${root}|${JSON.stringify(path)}`, 8)}`;
}

export const policyId = (seed: string, type: string, name: string): string => `p-${chars(seed, `policy|${type}|${name}`, 8)}`;
