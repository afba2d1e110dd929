// Session tags (IAM User Guide "Pass session tags in AWS STS"): the parameter forms a scenario may
// use, AWS's constraints, and the rules AWS applies. Tag keys compare case-insensitively
// everywhere, but the case a caller gives is kept.
import { isObject } from '../../json/is-object.js';
import { checkCount, checkLength, checkPattern, type Constraint } from '../call/validation.js';

export interface Tag {
  readonly key: string;
  readonly value: string;
}

const KEY = '[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+';
const VALUE = '[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*';

/**
 * Tags as a scenario writes them: the API's list `json [{"Key": "k", "Value": "v"}]`, a JSON object
 * `json {"k": "v"}`, or a list of words `[k=v, …]` (split at the first `=`). Returns an error text
 * when the value has none of these shapes.
 */
export function readTags(raw: unknown): Tag[] | string {
  if (raw === undefined || raw === null) return [];
  if (Array.isArray(raw)) {
    const out: Tag[] = [];
    for (const item of raw as unknown[]) {
      if (typeof item === 'string' && item.includes('=')) {
        const at = item.indexOf('=');
        out.push({ key: item.slice(0, at), value: item.slice(at + 1) });
      } else if (isObject(item) && typeof item['Key'] === 'string' && typeof item['Value'] === 'string' && Object.keys(item).length === 2) {
        out.push({ key: item['Key'], value: item['Value'] });
      } else {
        return `a tag is {"Key": "k", "Value": "v"} or k=v, not ${JSON.stringify(item)}`;
      }
    }
    return out;
  }
  if (isObject(raw)) {
    const out: Tag[] = [];
    for (const [key, value] of Object.entries(raw)) {
      if (typeof value !== 'string') return `the value of tag ${key} is not text`;
      out.push({ key, value });
    }
    return out;
  }
  return 'Tags is a list: json [{"Key": "k", "Value": "v"}], json {"k": "v"} or [k=v, …]';
}

/** TransitiveTagKeys: a list of words, or a JSON list of strings (one word is a list of one). */
export function readKeys(raw: unknown): string[] | string {
  if (raw === undefined || raw === null) return [];
  if (typeof raw === 'string') return [raw];
  if (Array.isArray(raw) && raw.every((k): k is string => typeof k === 'string')) return [...raw];
  return 'TransitiveTagKeys is a list of tag keys: [project, team]';
}

/**
 * Model constraints (AWS STS API Reference "Data Types"): at most 50, keys 1–128 and values 0–256
 * of the tag alphabet.
 */
export function checkTags(tags: readonly Tag[], keys: readonly string[], out: Constraint[]): void {
  checkCount('tags', tags.length, 50, out);
  tags.forEach((t, i) => {
    const at = `tags.${i + 1}.member`;
    checkLength(`${at}.key`, t.key, 1, 128, out);
    checkPattern(`${at}.key`, t.key, KEY, out);
    // IAM reserves the aws: prefix for tag keys; AWS does not document STS's wording for it
    if (t.key.toLowerCase().startsWith('aws:')) {
      out.push({ member: `${at}.key`, value: t.key, constraint: 'Member must not begin with the reserved prefix aws:' });
    }
    checkLength(`${at}.value`, t.value, 0, 256, out);
    checkPattern(`${at}.value`, t.value, VALUE, out);
  });
  checkCount('transitiveTagKeys', keys.length, 50, out);
  keys.forEach((k, i) => {
    checkLength(`transitiveTagKeys.${i + 1}.member`, k, 1, 128, out);
    checkPattern(`transitiveTagKeys.${i + 1}.member`, k, KEY, out);
  });
}

/**
 * AWS's rules on the tags of one request, with the wording AWS returns (InvalidParameterValue,
 * recorded against AWS in localstack's STS parity tests): no key twice, transitive keys must be
 * among the tags, and no key may reuse a transitive key inherited from the calling session.
 */
export function tagRuleError(
  tags: readonly Tag[],
  transitive: readonly string[],
  inherited: readonly string[],
): { readonly message: string; readonly note: string } | null {
  const keys = new Map<string, string>();
  for (const t of tags) {
    const twin = keys.get(t.key.toLowerCase());
    if (twin !== undefined) {
      return {
        message: 'Duplicate tag keys found. Please note that Tag keys are case insensitive.',
        note: `${twin} and ${t.key} are the same key to STS`,
      };
    }
    keys.set(t.key.toLowerCase(), t.key);
  }
  const stray = transitive.find((k) => !keys.has(k.toLowerCase()));
  if (stray !== undefined) {
    return {
      message: 'The specified transitive tag key must be included in the requested tags.',
      note: `${stray} is listed in TransitiveTagKeys but the request passes no tag with that key`,
    };
  }
  const clash = inherited.find((k) => keys.has(k.toLowerCase()));
  if (clash !== undefined) {
    return {
      message:
        "One of the specified transitive tag keys can't be set because it conflicts with a transitive tag key from the calling session.",
      note: `the calling session passes on the transitive tag ${clash}; a chained request may not set that key again, whatever its case`,
    };
  }
  return null;
}

/**
 * `base` with every key of `top` replaced, comparing keys case-insensitively (IAM User Guide "Pass
 * session tags in AWS STS").
 */
export function overlayTags(base: Readonly<Record<string, string>>, top: Readonly<Record<string, string>>): Record<string, string> {
  const lower = new Set(Object.keys(top).map((k) => k.toLowerCase()));
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(base)) if (!lower.has(k.toLowerCase())) out[k] = v;
  return Object.assign(out, top);
}

/**
 * The condition keys of the tags a request passes (IAM User Guide "Controlling access during AWS
 * requests", "Pass session tags in AWS STS"): aws:RequestTag/KEY, aws:TagKeys and, for calls that
 * take them, sts:TransitiveTagKeys.
 */
export function requestTagKeys(tags: readonly Tag[], transitiveTagKeys: readonly string[] = []): Record<string, string | string[]> {
  const keys: Record<string, string | string[]> = {};
  for (const t of tags) keys[`aws:RequestTag/${t.key}`] = t.value;
  if (tags.length > 0) keys['aws:TagKeys'] = tags.map((t) => t.key);
  if (transitiveTagKeys.length > 0) keys['sts:TransitiveTagKeys'] = [...transitiveTagKeys];
  return keys;
}

export function tagRecord(tags: readonly Tag[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const t of tags) out[t.key] = t.value;
  return out;
}

export function tagText(tags: Readonly<Record<string, string>>, transitive: readonly string[] = []): string {
  const marked = new Set(transitive.map((k) => k.toLowerCase()));
  return Object.entries(tags)
    .map(([k, v]) => `${k}=${v}${marked.has(k.toLowerCase()) ? ' (transitive)' : ''}`)
    .join(', ');
}
