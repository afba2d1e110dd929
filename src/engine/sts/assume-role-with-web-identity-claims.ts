// What a web identity token may add to the session (IAM User Guide "Pass session tags in AWS STS",
// "Monitor and control actions taken with assumed roles"): session tags from the
// https://aws.amazon.com/tags claim ({"principal_tags": {"K": ["v"]}, "transitive_tag_keys":
// ["K"]}, one value per key) and a source identity from https://aws.amazon.com/source_identity.
import { isObject } from '../../json/is-object.js';
import type { Tag } from './tags.js';

export type SessionClaims =
  | { readonly ok: true; readonly tags: Tag[]; readonly transitiveTagKeys: string[]; readonly sourceIdentity: string | null }
  | { readonly ok: false; readonly message: string; readonly note: string };

const TAGS = 'https://aws.amazon.com/tags';
const SOURCE_IDENTITY = 'https://aws.amazon.com/source_identity';

export function sessionClaims(claims: { readonly [key: string]: unknown }): SessionClaims {
  const bad = (note: string): SessionClaims => ({
    ok: false,
    message: `Invalid ${note.startsWith('the source') ? 'source identity' : 'session tags'} in the web identity token`,
    note,
  });
  const tags: Tag[] = [];
  let keys: string[] = [];
  const raw = claims[TAGS];
  if (raw !== undefined) {
    if (!isObject(raw) || (raw['principal_tags'] !== undefined && !isObject(raw['principal_tags'])))
      return bad(`the ${TAGS} claim is not {"principal_tags": {…}, "transitive_tag_keys": […]}`);
    for (const [key, values] of Object.entries((raw['principal_tags'] ?? {}) as Record<string, unknown>)) {
      const value =
        Array.isArray(values) && values.length === 1 && typeof values[0] === 'string'
          ? values[0]
          : typeof values === 'string'
            ? values
            : null;
      if (value === null) return bad(`the principal tag ${key} must hold one value, as ["value"]`);
      tags.push({ key, value });
    }
    const t = raw['transitive_tag_keys'];
    if (t !== undefined) {
      if (!Array.isArray(t) || !t.every((k): k is string => typeof k === 'string'))
        return bad('transitive_tag_keys must be a list of tag keys');
      keys = [...t];
    }
  }
  const si = claims[SOURCE_IDENTITY];
  if (si !== undefined && (typeof si !== 'string' || !/^[\w+=,.@-]{2,64}$/.test(si)))
    return bad('the source identity claim must be 2 to 64 letters, digits or + = , . @ _ -');
  return { ok: true, tags, transitiveTagKeys: keys, sourceIdentity: typeof si === 'string' ? si : null };
}
