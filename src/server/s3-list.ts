// ListObjectsV2 (`GET /BUCKET?list-type=2`): its query parameters read and checked as S3 checks
// them, and the listing of the objects kept in memory. Sources: Amazon S3 API Reference,
// ListObjectsV2 (https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListObjectsV2.html):
// - keys "in UTF-8 binary order", `prefix`, `delimiter` ("CommonPrefixes … all the keys that roll
//   up into a common prefix count as a single return when calculating the number of returns"),
//   `max-keys` ("By default the action returns up to 1,000 key names … but will never contain more"),
//   `continuation-token` ("an obfuscated token, not an actual key") and `NextContinuationToken`,
//   `start-after` (ignored with a continuation token: "StartAfter … can be any key in the bucket",
//   listing starts after it; a continuation token continues where the last page ended),
//   `encoding-type=url` (Delimiter, Prefix, Key and StartAfter of the response URL-encoded), KeyCount
//   ("KeyCount will always be less than or equal to the MaxKeys field"), IsTruncated;
// - "Error responses": InvalidArgument (400) with ArgumentName and ArgumentValue, the answer of a bad
//   max-keys, continuation token or encoding type (the messages are those S3 is seen to answer: "Provided
//   max-keys not an integer or within integer range", "The continuation token provided is incorrect",
//   "Invalid Encoding Method specified in Request").
import type { S3Error } from './s3-xml.js';

/** What the listing reads of an object. */
export interface Listed {
  readonly bytes: Uint8Array;
  readonly etag: string;
  readonly lastModified: Date;
}

export interface ListQuery {
  readonly prefix: string;
  readonly delimiter: string | null;
  readonly maxKeys: number;
  readonly continuationToken: string | null;
  /** where a continuation token says the last page ended: a key, or a common prefix */
  readonly after: string | null;
  readonly startAfter: string | null;
  readonly encodingType: 'url' | null;
}

/** The query parameters ListObjectsV2 takes (the others on a bucket are other operations). */
export const LIST_PARAMS: ReadonlySet<string> = new Set([
  'list-type',
  'prefix',
  'delimiter',
  'max-keys',
  'continuation-token',
  'start-after',
  'encoding-type',
  'fetch-owner',
]);

const MAX_KEYS = 1000;

function invalid(message: string, name: string, value: string): { ok: false; error: S3Error } {
  return { ok: false, error: { code: 'InvalidArgument', message, extra: { ArgumentName: name, ArgumentValue: value } } };
}

/** An opaque continuation token: base64 of where the page ended (S3's are base64 too, and not keys). */
function token(after: string): string {
  return Buffer.from(`iamsim:1:${after}`, 'utf8').toString('base64');
}

function untoken(text: string): string | null {
  const decoded = Buffer.from(text, 'base64').toString('utf8');
  return decoded.startsWith('iamsim:1:') && token(decoded.slice('iamsim:1:'.length)) === text ? decoded.slice('iamsim:1:'.length) : null;
}

/** The query as S3 reads it, or its InvalidArgument. */
export function readListQuery(query: URLSearchParams): { ok: true; list: ListQuery } | { ok: false; error: S3Error } {
  const rawMax = query.get('max-keys');
  let maxKeys = MAX_KEYS;
  if (rawMax !== null) {
    // an integer within a 32-bit signed range, not negative; above 1000 S3 still returns at most 1000
    if (!/^\d+$/.test(rawMax) || Number(rawMax) > 2147483647)
      return invalid('Provided max-keys not an integer or within integer range', 'max-keys', rawMax);
    maxKeys = Math.min(MAX_KEYS, Number(rawMax));
  }
  const encoding = query.get('encoding-type');
  if (encoding !== null && encoding !== 'url') return invalid('Invalid Encoding Method specified in Request', 'encoding-type', encoding);
  const continuationToken = query.get('continuation-token');
  let after: string | null = null;
  if (continuationToken !== null) {
    after = untoken(continuationToken);
    if (after === null) return invalid('The continuation token provided is incorrect', 'continuation-token', continuationToken);
  }
  const delimiter = query.get('delimiter');
  return {
    ok: true,
    list: {
      prefix: query.get('prefix') ?? '',
      delimiter: delimiter === '' ? null : delimiter,
      maxKeys,
      continuationToken,
      after,
      startAfter: query.get('start-after'),
      encodingType: encoding === 'url' ? 'url' : null,
    },
  };
}

/** UTF-8 binary order (S3's), which JavaScript's string order (UTF-16 code units) is not past U+FFFF. */
function utf8Order(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

/** S3's URL encoding of a key: percent-encoded UTF-8, `/` kept and a space as `+` (as S3 answers). */
function urlEncoded(text: string): string {
  return encodeURIComponent(text).replace(/%2F/g, '/').replace(/%20/g, '+');
}

/** The `<ListBucketResult>` children of one page. */
export function listPage(bucket: string, objects: ReadonlyMap<string, Listed>, q: ListQuery): Record<string, unknown> {
  const enc = (text: string) => (q.encodingType === 'url' ? urlEncoded(text) : text);
  // a continuation token continues after the page's last entry; otherwise start-after
  const marker = q.after ?? q.startAfter;
  const keys = [...objects.keys()]
    .filter((k) => k.startsWith(q.prefix))
    .filter((k) => marker === null || utf8Order(k, marker) > 0)
    .sort(utf8Order);
  const contents: string[] = [];
  const prefixes: string[] = [];
  let last: string | null = null;
  let truncated = false;
  for (const key of keys) {
    const rest = key.slice(q.prefix.length);
    const at = q.delimiter === null ? -1 : rest.indexOf(q.delimiter);
    const common = at < 0 ? null : q.prefix + rest.slice(0, at + q.delimiter!.length);
    // every key under a common prefix already returned (on this page or an earlier one) rolls up into it
    if (common !== null && (common === prefixes.at(-1) || common === q.after)) continue;
    if (contents.length + prefixes.length >= q.maxKeys) {
      truncated = q.maxKeys > 0;
      break;
    }
    if (common !== null) prefixes.push(common);
    else contents.push(key);
    last = common ?? key;
  }
  return {
    Name: bucket,
    Prefix: enc(q.prefix),
    ...(q.delimiter === null ? {} : { Delimiter: enc(q.delimiter) }),
    MaxKeys: String(q.maxKeys),
    KeyCount: String(contents.length + prefixes.length),
    IsTruncated: truncated ? 'true' : 'false',
    ...(q.encodingType === null ? {} : { EncodingType: q.encodingType }),
    ...(q.continuationToken === null ? {} : { ContinuationToken: q.continuationToken }),
    ...(truncated && last !== null ? { NextContinuationToken: token(last) } : {}),
    ...(q.startAfter === null ? {} : { StartAfter: enc(q.startAfter) }),
    Contents: contents.map((k) => {
      const o = objects.get(k)!;
      return {
        Key: enc(k),
        LastModified: o.lastModified.toISOString(),
        ETag: o.etag,
        Size: String(o.bytes.length),
        StorageClass: 'STANDARD',
      };
    }),
    CommonPrefixes: prefixes.map((p) => ({ Prefix: enc(p) })),
  };
}
