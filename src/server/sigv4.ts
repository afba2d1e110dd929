// Signature Version 4 verification for `simulate serve`: a request as the server received it, the
// world's credentials, the server's clock → who signed it, or the error AWS answers.
//
// The signature is recomputed by the AWS SDK's own signer (@smithy/signature-v4) over exactly the
// headers the client listed in SignedHeaders, at the request's own date, with the secret the world
// keeps for the key, and compared in constant time. Nothing here canonicalises or hashes by hand:
// this file parses what the client sent (the Authorization header or the X-Amz-* query parameters)
// and applies AWS's checks around the signature, in AWS's order (docs/serve.md, "Signatures"):
//
//  1. authentication present (MissingAuthenticationToken)
//  2. its parts present and well formed (IncompleteSignature)
//  3. the credential scope: date, region, service, terminator (SignatureDoesNotMatch, "Credential
//     should be scoped …")
//  4. the request's time within 15 minutes of the server's clock, or a presigned S3 URL not expired
//  5. the access key known and active (InvalidClientTokenId), its session token the key's own and
//     not expired (InvalidClientTokenId / ExpiredToken)
//  6. the signature (SignatureDoesNotMatch); for S3, the payload hash announced in
//     x-amz-content-sha256 (an aws-chunked streaming body is accepted as announced: its chunk
//     signatures and trailing checksum are the S3 part's to check)
//
// The signer is loaded on first use (as jose is), so that a plain `simulate` run never loads it.
import { timingSafeEqual } from 'node:crypto';
import { dialectOf, errors, SKEW_MINUTES, type Dialect, type SigV4Error } from './sigv4-errors.js';

export type { SigV4Error } from './sigv4-errors.js';

/** What the world knows of an access key (src/engine/ids.ts derives the secrets). */
export interface KeyRecord {
  readonly secretAccessKey: string;
  /** the session token issued with a temporary key; null for a long-term key */
  readonly sessionToken: string | null;
  readonly kind: 'long-term' | 'temporary';
  /** an IAM user's key may be made inactive (iam:UpdateAccessKey) */
  readonly status?: 'Active' | 'Inactive';
  /** when a temporary key's session ends (ISO-8601) */
  readonly expiration?: string;
}

export type CredentialsLookup = (accessKeyId: string) => KeyRecord | null;

/** Headers as received: Node's `req.rawHeaders` as [name, value] pairs (duplicates kept, in order), or `req.headers`. */
export type ReceivedHeaders = ReadonlyArray<readonly [string, string]> | Readonly<Record<string, string | readonly string[] | undefined>>;

export interface ReceivedRequest {
  readonly method: string;
  /** the path as it came on the request line, still percent-encoded, without the query */
  readonly path: string;
  /** the raw query string, without '?' ('' when none) */
  readonly query: string;
  readonly headers: ReceivedHeaders;
  /** the body's bytes as received ('' or an empty array when none) */
  readonly body: Uint8Array | string;
}

export interface VerifyOptions {
  readonly lookup: CredentialsLookup;
  /** the server's clock */
  readonly now: Date;
  /** the service the endpoint answers for ('sts', 'iam', 's3', …): the scope must name it */
  readonly service: string;
  /** the regions the endpoint accepts in the scope (IAM: ['us-east-1']); absent: any region */
  readonly regions?: readonly string[];
  /** the region named in errors when the scope's is refused (S3's "expecting '…'"); default the first of regions */
  readonly expectedRegion?: string;
}

/** How the payload was covered by the signature. */
export type Payload =
  | { readonly kind: 'signed'; readonly sha256: string }
  | { readonly kind: 'unsigned' }
  /** aws-chunked: the value of x-amz-content-sha256 (STREAMING-…); the S3 part verifies the chunks */
  | { readonly kind: 'streaming'; readonly contentSha256: string };

export interface SigV4Ok {
  readonly ok: true;
  readonly accessKeyId: string;
  /** the session token the request carried (a temporary key's), null for a long-term key */
  readonly sessionToken: string | null;
  readonly service: string;
  readonly region: string;
  /** the request's date (X-Amz-Date), ISO-8601 */
  readonly signedAt: string;
  readonly auth: 'header' | 'query';
  /** the request's signature (the seed signature of an aws-chunked body) */
  readonly signature: string;
  readonly signedHeaders: readonly string[];
  readonly payload: Payload;
}

export type SigV4Result = SigV4Ok | SigV4Error;

const ALGORITHM = 'AWS4-HMAC-SHA256';
const TERMINATOR = 'aws4_request';
const UNSIGNED_PAYLOAD = 'UNSIGNED-PAYLOAD';
const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
/** S3's streaming payload kinds (Amazon S3 API Reference, "Signature Calculations for the Authorization Header: Transferring Payload in Multiple Chunks"). */
const STREAMING = new Set([
  'STREAMING-UNSIGNED-PAYLOAD-TRAILER',
  'STREAMING-AWS4-HMAC-SHA256-PAYLOAD',
  'STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER',
  'STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD',
  'STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD-TRAILER',
]);
const MAX_PRESIGNED_SECONDS = 604800;

/** Received headers by lower-case name, each with its values in the order received. */
export function headerMap(headers: ReceivedHeaders): Map<string, string[]> {
  const map = new Map<string, string[]>();
  const add = (name: string, value: string): void => {
    const key = name.toLowerCase();
    const values = map.get(key);
    if (values) values.push(value);
    else map.set(key, [value]);
  };
  if (Array.isArray(headers)) {
    for (const [name, value] of headers as ReadonlyArray<readonly [string, string]>) add(name, value);
  } else {
    for (const [name, value] of Object.entries(headers as Record<string, string | readonly string[] | undefined>)) {
      if (value === undefined) continue;
      if (typeof value === 'string') add(name, value);
      else for (const v of value) add(name, v);
    }
  }
  return map;
}

/** Decodes one query component; a malformed %-escape is kept as written (iamsim decides). */
function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The query string as name → values, decoded ('+' is kept as a plus: the SDKs encode a space as %20). */
export function parseQuery(query: string): Map<string, string[]> {
  const params = new Map<string, string[]>();
  if (query === '') return params;
  for (const part of query.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const name = decode(eq < 0 ? part : part.slice(0, eq));
    const value = eq < 0 ? '' : decode(part.slice(eq + 1));
    const values = params.get(name);
    if (values) values.push(value);
    else params.set(name, [value]);
  }
  return params;
}

/** What the client claimed: the parts of the Authorization header or of the presigned query. */
interface Claim {
  readonly auth: 'header' | 'query';
  readonly credential: string;
  readonly signedHeaders: readonly string[];
  readonly signature: string;
  /** the date string the client gave (X-Amz-Date, or an HTTP Date header) and its instant */
  readonly date: string;
  readonly signedAt: Date;
  readonly sessionToken: string | null;
  /** presigned only: X-Amz-Expires */
  readonly expires: number | null;
}

const BASIC_ISO = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;

/** An ISO-8601 basic date (20150830T123600Z) as an instant, or null. */
function parseBasic(text: string): Date | null {
  const m = BASIC_ISO.exec(text);
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m.map(Number) as [number, number, number, number, number, number, number];
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  return date.getUTCMonth() === mo - 1 && date.getUTCDate() === d && h < 24 && mi < 60 && s < 60 ? date : null;
}

/** An instant as ISO-8601 basic format, the form AWS quotes dates in. */
export function basic(date: Date): string {
  return date
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
}

function first(map: Map<string, string[]>, name: string): string | undefined {
  return map.get(name)?.[0];
}

function readHeaderClaim(authorization: string, headers: Map<string, string[]>, d: Dialect): Claim | SigV4Error {
  const trimmed = authorization.trim();
  const space = trimmed.indexOf(' ');
  const algorithm = space < 0 ? trimmed : trimmed.slice(0, space);
  const rest = space < 0 ? '' : trimmed.slice(space + 1);
  if (algorithm !== ALGORITHM && algorithm.startsWith('AWS4-')) return errors.unsupportedAlgorithm(d, algorithm);
  const parts = new Map<string, string>();
  if (algorithm === ALGORITHM) {
    for (const raw of rest.split(',')) {
      const part = raw.trim();
      if (part === '') continue;
      const eq = part.indexOf('=');
      if (eq < 0) return errors.notKeyValue(d, part, authorization);
      parts.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
    }
  }
  const amzDate = first(headers, 'x-amz-date');
  const httpDate = first(headers, 'date');
  const missing: string[] = [];
  if (!parts.has('Credential')) missing.push("Authorization header requires 'Credential' parameter.");
  if (!parts.has('Signature')) missing.push("Authorization header requires 'Signature' parameter.");
  if (!parts.has('SignedHeaders')) missing.push("Authorization header requires 'SignedHeaders' parameter.");
  if (amzDate === undefined && httpDate === undefined)
    missing.push("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
  if (missing.length > 0) return errors.incompleteHeader(d, missing, authorization);
  let signedAt: Date | null;
  let date: string;
  if (amzDate !== undefined) {
    date = amzDate.trim();
    signedAt = parseBasic(date);
  } else {
    date = (httpDate ?? '').trim();
    const ms = Date.parse(date);
    signedAt = Number.isNaN(ms) ? null : new Date(ms);
  }
  if (signedAt === null) return errors.badDate(d, date);
  return {
    auth: 'header',
    credential: parts.get('Credential') ?? '',
    signedHeaders: (parts.get('SignedHeaders') ?? '').split(';').filter((h) => h !== ''),
    signature: parts.get('Signature') ?? '',
    date: amzDate !== undefined ? date : basic(signedAt),
    signedAt,
    sessionToken: first(headers, 'x-amz-security-token') ?? null,
    expires: null,
  };
}

function readQueryClaim(query: Map<string, string[]>, d: Dialect, service: string): Claim | SigV4Error {
  const get = (name: string): string | undefined => query.get(name)?.[0];
  const algorithm = get('X-Amz-Algorithm');
  if (algorithm !== undefined && algorithm !== ALGORITHM) return errors.unsupportedAlgorithm(d, algorithm);
  const required = ['X-Amz-Algorithm', 'X-Amz-Credential', 'X-Amz-Signature', 'X-Amz-SignedHeaders', 'X-Amz-Date'];
  if (service === 's3') required.push('X-Amz-Expires');
  const missing = required.filter((name) => get(name) === undefined);
  if (missing.length > 0) return errors.incompleteQuery(d, missing);
  const date = get('X-Amz-Date') ?? '';
  const signedAt = parseBasic(date);
  if (signedAt === null) return errors.badDate(d, date);
  const expiresText = get('X-Amz-Expires');
  let expires: number | null = null;
  if (expiresText !== undefined) {
    expires = /^\d+$/.test(expiresText) ? Number(expiresText) : NaN;
    if (d === 's3' && (!Number.isInteger(expires) || expires < 1 || expires > MAX_PRESIGNED_SECONDS)) return errors.badExpires(expiresText);
  }
  return {
    auth: 'query',
    credential: get('X-Amz-Credential') ?? '',
    signedHeaders: (get('X-Amz-SignedHeaders') ?? '').split(';').filter((h) => h !== ''),
    signature: get('X-Amz-Signature') ?? '',
    date,
    signedAt,
    sessionToken: get('X-Amz-Security-Token') ?? null,
    expires,
  };
}

interface Scope {
  readonly accessKeyId: string;
  readonly date: string;
  readonly region: string;
  readonly service: string;
  readonly terminator: string;
}

/** The credential scope's checks, every failing one in AWS's words and order (region, service, terminator, date). */
function checkScope(scope: Scope, claim: Claim, options: VerifyOptions, d: Dialect): SigV4Error | null {
  const sentences: string[] = [];
  const regionOk = options.regions === undefined || options.regions.includes(scope.region);
  if (!regionOk) sentences.push(`Credential should be scoped to a valid region, not '${scope.region}'. `);
  if (scope.service !== options.service) sentences.push(`Credential should be scoped to correct service: '${options.service}'. `);
  if (scope.terminator !== TERMINATOR)
    sentences.push(`Credential should be scoped with a valid terminator: '${TERMINATOR}', not '${scope.terminator}'. `);
  const day = claim.date.slice(0, 8);
  if (scope.date !== day) {
    sentences.push(
      `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${scope.date}' != '${day}', from '${claim.date}'.`,
    );
  }
  if (sentences.length === 0) return null;
  const expected = options.expectedRegion ?? options.regions?.[0] ?? scope.region;
  return errors.scope(d, claim.auth, sentences, expected, regionOk ? expected : scope.region);
}

/** AWS's clock rule: 15 minutes either side for a signed request and a non-S3 presigned one; S3's presigned URLs live X-Amz-Expires seconds. */
function checkTime(claim: Claim, now: Date, d: Dialect): SigV4Error | null {
  const skew = SKEW_MINUTES * 60_000;
  const signed = claim.signedAt.getTime();
  if (claim.auth === 'query' && d === 's3') {
    if (now.getTime() > signed + (claim.expires ?? 0) * 1000) return errors.presignedExpired();
    if (signed - now.getTime() > skew)
      return errors.signatureNotYetCurrent(d, claim.date, basic(new Date(now.getTime() + skew)), basic(now));
    return null;
  }
  if (signed < now.getTime() - skew) return errors.signatureExpired(d, claim.date, basic(new Date(now.getTime() - skew)), basic(now));
  if (signed > now.getTime() + skew) return errors.signatureNotYetCurrent(d, claim.date, basic(new Date(now.getTime() + skew)), basic(now));
  return null;
}

function checkKey(record: KeyRecord | null, claim: Claim, now: Date, d: Dialect): SigV4Error | null {
  if (record === null || record.status === 'Inactive') return errors.unknownKey(d);
  if (record.kind === 'long-term') return claim.sessionToken === null ? null : errors.badToken(d);
  if (claim.sessionToken === null || record.sessionToken === null || !sameText(claim.sessionToken, record.sessionToken))
    return errors.badToken(d);
  if (record.expiration !== undefined && Date.parse(record.expiration) <= now.getTime()) return errors.expiredToken(d);
  return null;
}

/** Constant-time comparison of two strings (their lengths are not secret). */
function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}

type Signer = typeof import('@smithy/signature-v4');
type Core = { HttpRequest: typeof import('@smithy/core/protocols').HttpRequest; Hash: typeof import('@smithy/core/serde').Hash };
let libraries: Promise<[Signer, Core]> | null = null;

/** @smithy/signature-v4 and @smithy/core, imported on the first verification. */
function load(): Promise<[Signer, Core]> {
  libraries ??= Promise.all([
    import('@smithy/signature-v4'),
    Promise.all([import('@smithy/core/protocols'), import('@smithy/core/serde')]).then(([p, s]) => ({
      HttpRequest: p.HttpRequest,
      Hash: s.Hash,
    })),
  ]);
  return libraries;
}

async function sha256Hex(core: Core, body: Uint8Array | string): Promise<string> {
  const hash = new core.Hash('sha256');
  hash.update(body);
  return Buffer.from(await hash.digest()).toString('hex');
}

/**
 * The signature the client should have sent, computed by the SDK's signer: an HttpRequest with the
 * received method, path, query and body and only the headers named in SignedHeaders, signed at the
 * claim's date under its scope with `secret`.
 *
 * - `applyChecksum: false`: the signer would otherwise add and sign an x-amz-content-sha256 header
 *   the client may not have sent; the payload hash comes from the header when the client sent one
 *   (S3), from the body otherwise, as AWS computes it.
 * - `uriEscapePath`: true except for S3, whose canonical URI is the path as sent, neither normalised
 *   nor encoded a second time (the suite's normalize-path/normalize-path.txt; S3 API Reference,
 *   "Create a canonical request").
 * - The signer always sets x-amz-date (and x-amz-security-token when handed a session token): the
 *   session token is never handed to it, and the headers the client did not list are passed as
 *   `unsignableHeaders`, those it did as `signableHeaders` (so that a header the signer never signs
 *   itself, User-Agent say, is signed when the client signed it).
 * - Header values: the signer trims them and folds runs of spaces (AWS's Trimall); values of a header
 *   received several times are joined with ',' in the order received, as AWS does.
 * - A signed `date` header cannot be reproduced: the signer drops any Date header (it signs
 *   X-Amz-Date only). No SDK or the CLI signs one; such a request fails SignatureDoesNotMatch.
 */
async function expectedSignature(
  [sigv4, core]: [Signer, Core],
  request: ReceivedRequest,
  headers: Map<string, string[]>,
  query: Map<string, string[]>,
  claim: Claim,
  scope: Scope,
  secret: string,
  payloadHash: string,
): Promise<string> {
  const signed = new Set(claim.signedHeaders);
  const toSign: Record<string, string> = {};
  for (const name of signed) toSign[name] = (headers.get(name) ?? []).map((v) => v.trim()).join(',');
  // the payload hash the signer reads from x-amz-content-sha256 (unsigned when the client did not sign it)
  if (!signed.has('x-amz-content-sha256')) toSign['x-amz-content-sha256'] = payloadHash;
  const q: Record<string, string | string[]> = {};
  for (const [name, values] of query) q[name] = values.length === 1 ? (values[0] ?? '') : values;
  const host = (headers.get('host') ?? [''])[0] ?? '';
  const httpRequest = new core.HttpRequest({
    method: request.method,
    hostname: host,
    path: request.path,
    query: q,
    headers: toSign,
    body: request.body,
  });
  const signer = new sigv4.SignatureV4({
    credentials: { accessKeyId: scope.accessKeyId, secretAccessKey: secret },
    region: scope.region,
    service: scope.service,
    sha256: core.Hash.bind(null, 'sha256'),
    uriEscapePath: scope.service !== 's3',
    applyChecksum: false,
  });
  const unsignable = new Set(['x-amz-date', 'x-amz-security-token', 'x-amz-content-sha256'].filter((h) => !signed.has(h)));
  const result = await signer.sign(httpRequest, {
    signingDate: claim.signedAt,
    signingRegion: scope.region,
    signingService: scope.service,
    signableHeaders: signed,
    unsignableHeaders: unsignable,
  });
  const authorization = String(result.headers['authorization'] ?? '');
  return authorization.slice(authorization.lastIndexOf('Signature=') + 'Signature='.length);
}

/** Checks a request's Signature Version 4 signature as AWS does; see the header of this file for the order. */
export async function verifySigV4(request: ReceivedRequest, options: VerifyOptions): Promise<SigV4Result> {
  const d = dialectOf(options.service);
  const headers = headerMap(request.headers);
  const query = parseQuery(request.query);
  const authorization = first(headers, 'authorization');

  // 1-2. authentication present and complete
  let claim: Claim | SigV4Error;
  if (authorization !== undefined) claim = readHeaderClaim(authorization, headers, d);
  else if (query.has('X-Amz-Signature') || query.has('X-Amz-Credential') || query.has('X-Amz-Algorithm'))
    claim = readQueryClaim(query, d, options.service);
  else return errors.missingAuthentication(d);
  if ('ok' in claim) return claim;

  const fields = claim.credential.split('/');
  if (fields.length !== 5 || fields.some((f) => f === '')) return errors.badCredential(d, claim.credential);
  const [accessKeyId, date, region, service, terminator] = fields as [string, string, string, string, string];
  const scope: Scope = { accessKeyId, date, region, service, terminator };
  if (!claim.signedHeaders.includes('host')) return errors.hostNotSigned(d);

  // S3 header auth names its payload hash; other services hash the body
  let payload: Payload;
  let payloadHash: string;
  const contentSha256 = first(headers, 'x-amz-content-sha256')?.trim();
  if (d === 's3') {
    if (claim.auth === 'query') {
      payloadHash = contentSha256 ?? query.get('X-Amz-Content-Sha256')?.[0] ?? UNSIGNED_PAYLOAD;
    } else if (contentSha256 === undefined) {
      return errors.missingContentSha256();
    } else {
      payloadHash = contentSha256;
    }
    if (payloadHash === UNSIGNED_PAYLOAD) payload = { kind: 'unsigned' };
    else if (STREAMING.has(payloadHash)) payload = { kind: 'streaming', contentSha256: payloadHash };
    else if (/^[0-9a-f]{64}$/.test(payloadHash)) payload = { kind: 'signed', sha256: payloadHash };
    else return errors.badContentSha256();
  } else {
    payloadHash = EMPTY_SHA256; // computed from the body below, once the key is known
    payload = { kind: 'signed', sha256: payloadHash };
  }

  // 3. the credential scope
  const scopeError = checkScope(scope, claim, options, d);
  if (scopeError) return scopeError;

  // 4. the clock
  const timeError = checkTime(claim, options.now, d);
  if (timeError) return timeError;

  // 5. the key and its session token
  const record = options.lookup(accessKeyId);
  const keyError = checkKey(record, claim, options.now, d);
  if (keyError || record === null) return keyError ?? errors.unknownKey(d);

  // 6. the signature
  const libs = await load();
  if (d !== 's3') {
    // other services hash the body themselves: a signed x-amz-content-sha256 is one more header, and
    // one that is not the body's hash cannot make a signature that AWS's hash would match
    payloadHash = request.body.length === 0 ? EMPTY_SHA256 : await sha256Hex(libs[1], request.body);
    payload = { kind: 'signed', sha256: payloadHash };
    if (claim.signedHeaders.includes('x-amz-content-sha256') && contentSha256 !== payloadHash) return errors.signatureMismatch(d);
  }
  const expected = await expectedSignature(libs, request, headers, query, claim, scope, record.secretAccessKey, payloadHash);
  if (!/^[0-9a-f]{64}$/.test(claim.signature) || !sameText(claim.signature, expected)) return errors.signatureMismatch(d);
  if (d === 's3' && payload.kind === 'signed' && !STREAMING.has(payloadHash)) {
    if ((await sha256Hex(libs[1], request.body)) !== payloadHash) return errors.contentSha256Mismatch();
  }

  return {
    ok: true,
    accessKeyId,
    sessionToken: claim.sessionToken,
    service,
    region,
    signedAt: claim.signedAt.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    auth: claim.auth,
    signature: claim.signature,
    signedHeaders: claim.signedHeaders,
    payload,
  };
}

/** What signs an aws-chunked body's chunks: the request's signing key, date and scope. */
export interface ChunkSigner {
  /** X-Amz-Date of the request (ISO-8601 basic) */
  readonly timestamp: string;
  /** DATE/REGION/SERVICE/aws4_request */
  readonly scope: string;
  /** HMAC-SHA256 of a string to sign with the request's signing key, hex (the SDK's signer: signString) */
  readonly sign: (stringToSign: string) => Promise<string>;
  /** SHA-256, hex (the SDK's Hash) */
  readonly sha256: (data: Uint8Array | string) => Promise<string>;
}

/**
 * The signer of a verified request's chunks (Amazon S3 API Reference, "Signature Calculations for
 * the Authorization Header: Transferring Payload in Multiple Chunks"): the same signing key as the
 * seed signature, derived by the SDK's signer from the secret, the date, the Region and the service.
 */
export async function chunkSigner(verified: SigV4Ok, secretAccessKey: string): Promise<ChunkSigner> {
  const [sigv4, core] = await load();
  const signingDate = new Date(verified.signedAt);
  const timestamp = basic(signingDate);
  const signer = new sigv4.SignatureV4({
    credentials: { accessKeyId: verified.accessKeyId, secretAccessKey },
    region: verified.region,
    service: verified.service,
    sha256: core.Hash.bind(null, 'sha256'),
  });
  const options = { signingDate, signingRegion: verified.region, signingService: verified.service };
  return {
    timestamp,
    scope: `${timestamp.slice(0, 8)}/${verified.region}/${verified.service}/${TERMINATOR}`,
    sign: (stringToSign) => signer.sign(stringToSign, options),
    sha256: (data) => sha256Hex(core, data),
  };
}
