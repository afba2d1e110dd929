// `simulate serve` for S3 objects (docs/serve.md, "S3"): a request signed for `s3`, path-style
// (`/BUCKET/KEY`) or virtual-hosted (Host `BUCKET.s3.REGION.amazonaws.com`, `BUCKET.localhost`),
// becomes the engine's Call (`s3:GetObject` with Bucket and Key, as a scenario's call), run as a step;
// allowed, it is carried out on an in-memory object store kept beside the world (objects are data,
// not IAM state: they are not in the event log, and replaying the log prints the same trace);
// denied, S3's XML error. Operations: PutObject, GetObject, HeadObject, DeleteObject, ListObjectsV2,
// GetBucketPolicy, answered from the world's bucket policy, and PutBucketPolicy / DeleteBucketPolicy,
// which the engine carries out (src/engine/services/s3.ts: the world changes, as a step's call would).
//
// Sources: Amazon S3 API Reference, PutObject, GetObject, HeadObject, DeleteObject, ListObjectsV2
// (https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListObjectsV2.html: the ListBucketResult and
// s3:ListBucket as its permission); "Error responses" (the `<Error><Code>…</Code><Message>…</Message>
// <RequestId>…</RequestId></Error>` body, NoSuchKey 404, NoSuchBucket 404, AccessDenied 403,
// BadDigest 400, EntityTooLarge 400, NotImplemented 501;
// https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html); "Signature Calculations for
// the Authorization Header: Transferring Payload in Multiple Chunks" and "… Including Trailing
// Headers" (aws-chunked bodies, x-amz-decoded-content-length, x-amz-trailer;
// https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-streaming-trailers.html); Amazon S3 User
// Guide, "Checking object integrity" (x-amz-checksum-crc32/sha1/sha256, base64 of the digest).
import { createHash } from 'node:crypto';
import { crc32 } from 'node:zlib';
import type { CallerRef, ParamValue } from '../engine/call/command.js';
import type { CallRecord } from '../engine/call-record.js';
import type { World } from '../engine/world.js';
import type { StepCall } from './other-services.js';
import { chunkSigner, verifySigV4, type ChunkSigner, type CredentialsLookup, type SigV4Ok } from './sigv4.js';
import { checkChunkSignatures, decodeChunked } from './s3-chunks.js';
import { abortUpload, completedParts, completeUpload, createUpload, partNumberOf, uploadPart, type Uploads } from './s3-multipart.js';
import { LIST_PARAMS, listPage, readListQuery, type ListQuery } from './s3-list.js';
import { renderS3Error, s3Xml, type S3Error, type S3HttpResponse } from './s3-xml.js';

export type { S3HttpResponse } from './s3-xml.js';

interface StoredObject {
  readonly bytes: Uint8Array;
  readonly etag: string;
  readonly lastModified: Date;
  readonly contentType: string;
}

/** The objects of the world's buckets, by bucket then key: data, not IAM state (kept in memory). */
export type ObjectStore = Map<string, Map<string, StoredObject>>;

export function objectStore(): ObjectStore {
  return new Map();
}

export interface S3Context {
  readonly method: string;
  readonly path: string;
  readonly query: string;
  readonly host: string;
  readonly headers: readonly [string, string][];
  readonly body: Uint8Array;
  readonly tooLarge: boolean;
  readonly lookup: CredentialsLookup;
  readonly now: Date;
  readonly requestId: string;
  readonly world: World;
  readonly store: ObjectStore;
  readonly run: (call: StepCall) => Promise<CallRecord | null>;
  readonly refused: (service: string, code: string, message: string) => Promise<void>;
}

/** The bucket and key a request addresses: from a virtual-hosted Host, else from the path. */
export function s3Address(host: string, path: string): { bucket: string; key: string } | null {
  const name = host.replace(/:\d+$/, '').toLowerCase();
  const virtual = /^(.+)\.s3(?:[.-][a-z0-9-]+)?\.amazonaws\.com$/.exec(name)?.[1] ?? /^(.+)\.localhost$/.exec(name)?.[1];
  let rest = path;
  let bucket: string;
  if (virtual !== undefined) bucket = virtual;
  else {
    const slash = path.indexOf('/', 1);
    bucket = slash < 0 ? path.slice(1) : path.slice(1, slash);
    rest = slash < 0 ? '/' : path.slice(slash);
  }
  try {
    return { bucket: decodeURIComponent(bucket), key: decodeURIComponent(rest.slice(1)) };
  } catch {
    return null;
  }
}

type Operation =
  | 'PutObject'
  | 'GetObject'
  | 'HeadObject'
  | 'DeleteObject'
  | 'ListObjectsV2'
  | 'GetBucketPolicy'
  | 'PutBucketPolicy'
  | 'DeleteBucketPolicy'
  | 'CopyObject'
  | 'CreateMultipartUpload'
  | 'UploadPart'
  | 'CompleteMultipartUpload'
  | 'AbortMultipartUpload';
const ACTION: Readonly<Record<Operation, string>> = {
  GetBucketPolicy: 's3:GetBucketPolicy',
  PutBucketPolicy: 's3:PutBucketPolicy',
  DeleteBucketPolicy: 's3:DeleteBucketPolicy',
  PutObject: 's3:PutObject',
  // and s3:GetObject on the source (answerS3)
  CopyObject: 's3:PutObject',
  // Amazon S3 User Guide, "Multipart upload API and permissions"
  CreateMultipartUpload: 's3:PutObject',
  UploadPart: 's3:PutObject',
  CompleteMultipartUpload: 's3:PutObject',
  AbortMultipartUpload: 's3:AbortMultipartUpload',
  GetObject: 's3:GetObject',
  HeadObject: 's3:GetObject',
  DeleteObject: 's3:DeleteObject',
  ListObjectsV2: 's3:ListBucket',
};

function operationOf(method: string, key: string, query: URLSearchParams): Operation | string {
  const sub = [...query.keys()].filter((k) => !k.toLowerCase().startsWith('x-amz-') && k !== 'x-id');
  if (key === '') {
    if (method === 'GET' && query.get('list-type') === '2' && sub.every((k) => LIST_PARAMS.has(k))) return 'ListObjectsV2';
    if (sub.length === 1 && sub[0] === 'policy')
      return method === 'GET'
        ? 'GetBucketPolicy'
        : method === 'PUT'
          ? 'PutBucketPolicy'
          : method === 'DELETE'
            ? 'DeleteBucketPolicy'
            : `${method} ?policy`;
    return `${method} on a bucket${sub.length ? ` with ?${sub.join('&')}` : ''}`;
  }
  const subs = [...sub].sort().join('&');
  if (method === 'POST' && subs === 'uploads') return 'CreateMultipartUpload';
  if (method === 'PUT' && subs === 'partNumber&uploadId') return 'UploadPart';
  if (method === 'POST' && subs === 'uploadId') return 'CompleteMultipartUpload';
  if (method === 'DELETE' && subs === 'uploadId') return 'AbortMultipartUpload';
  if (sub.length > 0) return `${method} on an object with ?${sub.join('&')}`;
  if (method === 'PUT') return 'PutObject';
  if (method === 'GET') return 'GetObject';
  if (method === 'HEAD') return 'HeadObject';
  if (method === 'DELETE') return 'DeleteObject';
  return `${method} on an object`;
}

const notImplemented = (what: string): S3Error => ({ code: 'NotImplemented', message: `iamsim does not carry out ${what} yet.` });

/**
 * The largest object body iamsim keeps (in memory): 32 MiB. S3's own limit for a single PUT is 5 GB
 * (Amazon S3 User Guide, "Uploading objects": "you can upload a single object up to 5 GB"); larger
 * objects take a multipart upload, which iamsim does not carry out.
 */
export const MAX_OBJECT_BYTES = 32 * 1024 * 1024;
const S3_SINGLE_PUT_LIMIT = 5 * 1024 * 1024 * 1024;

/** Whether a request carries no signature: no Authorization header, no presigned X-Amz-Credential. */
function unsignedRequest(headers: readonly (readonly [string, string])[], query: string): boolean {
  return !headers.some(([k]) => k.toLowerCase() === 'authorization') && !/(?:^|&)X-Amz-(?:Credential|Signature)=/i.test(query);
}

/**
 * Whether a request is S3's: signed for `s3`, or unsigned (an anonymous request) in S3's REST shape,
 * a GET, HEAD, PUT or DELETE on a bucket (a path below `/`, or a virtual-hosted Host) without the
 * Query protocol's `Action=` or a JSON protocol's X-Amz-Target.
 */
export function isS3Request(
  signedFor: string | null,
  request: { method: string; path: string; query: string; host: string; headers: readonly (readonly [string, string])[] },
): boolean {
  if (signedFor !== null) return signedFor === 's3';
  if (!unsignedRequest(request.headers, request.query)) return false;
  if (!['GET', 'HEAD', 'PUT', 'DELETE'].includes(request.method)) return false;
  if (request.headers.some(([k]) => k.toLowerCase() === 'x-amz-target')) return false;
  if (new URLSearchParams(request.query).has('Action')) return false;
  const address = s3Address(request.host, request.path);
  return address !== null && address.bucket !== '';
}

/** Who sent the request, in which Region, and how its payload was signed. */
type Sender =
  | { readonly anonymous: false; readonly verified: SigV4Ok }
  | { readonly anonymous: true; readonly region: string; readonly contentSha256: string | null };

/** Verifies, reads, authorizes and carries out an S3 request. */
export async function answerS3(ctx: S3Context): Promise<S3HttpResponse> {
  const head = ctx.method === 'HEAD';
  const refuse = async (error: S3Error): Promise<S3HttpResponse> => {
    await ctx.refused('s3', error.code, error.message);
    return renderS3Error(error, ctx.requestId, head);
  };
  const header = (name: string): string | undefined => ctx.headers.find(([k]) => k.toLowerCase() === name)?.[1];
  if (ctx.tooLarge) {
    const declared = Number(header('x-amz-decoded-content-length') ?? header('content-length') ?? 0);
    if (declared > S3_SINGLE_PUT_LIMIT)
      return refuse({
        code: 'EntityTooLarge',
        message: 'Your proposed upload exceeds the maximum allowed size',
        extra: { ProposedSize: String(declared), MaxSizeAllowed: String(S3_SINGLE_PUT_LIMIT) },
      });
    return refuse({
      code: 'EntityTooLarge',
      message: `Your proposed upload exceeds the maximum size iamsim keeps in memory (${MAX_OBJECT_BYTES / 1024 / 1024} MiB).`,
      extra: { MaxSizeAllowed: String(MAX_OBJECT_BYTES) },
    });
  }
  // an unsigned request is the anonymous principal's (Amazon S3 User Guide, "Bucket policy examples": "Principal": "*" grants anonymous access)
  let sender: Sender;
  if (unsignedRequest(ctx.headers, ctx.query)) {
    sender = { anonymous: true, region: ctx.world.scenario.region, contentSha256: header('x-amz-content-sha256') ?? null };
  } else {
    const verified = await verifySigV4(
      { method: ctx.method, path: ctx.path, query: ctx.query, headers: ctx.headers, body: ctx.body },
      { lookup: ctx.lookup, now: ctx.now, service: 's3' },
    );
    if (!verified.ok) return refuse({ code: verified.code, message: verified.message, status: verified.status });
    sender = { anonymous: false, verified };
  }
  const address = s3Address(ctx.host, ctx.path);
  if (address === null || address.bucket === '') return refuse(notImplemented('ListBuckets, or a request that names no bucket,'));
  const query = new URLSearchParams(ctx.query);
  const op = operationOf(ctx.method, address.key, query);
  if (!(op in ACTION)) return refuse(notImplemented(op));
  const copySource = header('x-amz-copy-source');
  if (op === 'UploadPart' && copySource !== undefined) return refuse(notImplemented('UploadPartCopy'));
  const operation: Operation = op === 'PutObject' && copySource !== undefined ? 'CopyObject' : (op as Operation);
  const caller: CallerRef = sender.anonymous ? { kind: 'anonymous' } : { kind: 'key', accessKeyId: sender.verified.accessKeyId };
  const region = sender.anonymous ? sender.region : sender.verified.region;
  if (operation === 'CopyObject') return copyObject(ctx, { caller, region }, address, copySource!, header);

  // the body of a PutObject or PutBucketPolicy, decoded and checked before the call is run
  let bytes: Uint8Array = ctx.body;
  if (operation === 'PutObject' || operation === 'PutBucketPolicy' || operation === 'UploadPart') {
    let streaming: string | null;
    let signing: { readonly seed: string; readonly signer: () => Promise<ChunkSigner> } | null = null;
    if (sender.anonymous) streaming = sender.contentSha256?.startsWith('STREAMING-') ? sender.contentSha256 : null;
    else {
      const verified = sender.verified;
      streaming = verified.payload.kind === 'streaming' ? verified.payload.contentSha256 : null;
      // signed chunks are chained from the request's signature, with its signing key
      const secret = ctx.lookup(verified.accessKeyId)?.secretAccessKey;
      if (streaming !== null && secret !== undefined) signing = { seed: verified.signature, signer: () => chunkSigner(verified, secret) };
    }
    const read = await readPutBody(streaming, signing, ctx.body, ctx.headers, header);
    if (!read.ok) return refuse(read.error);
    bytes = read.bytes;
  }

  // a listing's parameters, checked before the call is run (InvalidArgument)
  let list: ListQuery | null = null;
  if (operation === 'ListObjectsV2') {
    const read = readListQuery(query);
    if (!read.ok) return refuse(read.error);
    list = read.list;
  }

  // a part's number, and the parts a completion names, checked before the call is run
  let partNumber = 0;
  let named: { number: number; etag: string }[] = [];
  if (operation === 'UploadPart') {
    const n = partNumberOf(query.get('partNumber'));
    if (typeof n !== 'number') return refuse(n);
    partNumber = n;
  }
  if (operation === 'CompleteMultipartUpload') {
    const parts = completedParts(ctx.body);
    if (!Array.isArray(parts)) return refuse(parts);
    named = parts;
  }

  const params: Record<string, ParamValue> = { Bucket: { t: 'text', v: address.bucket } };
  if (operation === 'ListObjectsV2') {
    // as the request sent them: s3:prefix, s3:delimiter and s3:max-keys are read from these
    for (const [name, param] of [
      ['prefix', 'Prefix'],
      ['delimiter', 'Delimiter'],
      ['max-keys', 'MaxKeys'],
      ['start-after', 'StartAfter'],
      ['continuation-token', 'ContinuationToken'],
    ] as const) {
      const value = query.get(name);
      if (value !== null) params[param] = { t: 'text', v: value };
    }
  } else if (operation === 'PutBucketPolicy') {
    // the policy is the body's text; the engine checks it (engine/services/s3.ts), and carries the change out
    if (bytes.length > 0) params['Policy'] = { t: 'text', v: Buffer.from(bytes).toString('utf8') };
  } else if (!operation.endsWith('BucketPolicy')) params['Key'] = { t: 'text', v: address.key };
  const uploadId = query.get('uploadId');
  if (uploadId !== null) params['UploadId'] = { t: 'text', v: uploadId };
  if (operation === 'UploadPart') params['PartNumber'] = { t: 'text', v: String(partNumber) };
  const call = await ctx.run({ caller, action: ACTION[operation], resource: null, params, region });
  if (call === null)
    return renderS3Error({ code: 'InternalError', message: `iamsim made no call for ${ACTION[operation]}` }, ctx.requestId, head);
  if (call.outcome !== 'allowed') {
    const error = call.error ?? { code: 'AccessDenied', message: 'Access Denied' };
    return renderS3Error({ code: error.code, message: error.message }, ctx.requestId, head);
  }
  // carried out by the engine (engine/services/s3.ts): the world has changed; S3 answers 204 No Content
  if (operation === 'PutBucketPolicy' || operation === 'DeleteBucketPolicy')
    return { status: 204, headers: { 'x-amz-request-id': ctx.requestId }, body: '' };
  // allowed: a bucket the world does not declare is another account's, of which iamsim keeps no data
  if (ctx.world.resources.byArn[`arn:aws:s3:::${address.bucket}`]?.kind !== 'bucket')
    return renderS3Error(
      { code: 'NoSuchBucket', message: 'The specified bucket does not exist', extra: { BucketName: address.bucket } },
      ctx.requestId,
      head,
    );
  if (operation === 'GetBucketPolicy') {
    // the bucket's policy as the world holds it (GetBucketPolicy: the policy JSON; NoSuchBucketPolicy 404 when none)
    const policy = ctx.world.resources.byArn[`arn:aws:s3:::${address.bucket}`]?.policy ?? null;
    if (policy === null)
      return renderS3Error(
        { code: 'NoSuchBucketPolicy', message: 'The bucket policy does not exist', status: 404, extra: { BucketName: address.bucket } },
        ctx.requestId,
      );
    return {
      status: 200,
      headers: { 'x-amz-request-id': ctx.requestId, 'content-type': 'application/json' },
      body: JSON.stringify(policy),
    };
  }
  if (
    operation === 'CreateMultipartUpload' ||
    operation === 'UploadPart' ||
    operation === 'CompleteMultipartUpload' ||
    operation === 'AbortMultipartUpload'
  )
    return carryOutMultipart(ctx, operation, address, { uploadId, partNumber, named, bytes, contentType: header('content-type') });
  return carryOut(ctx, operation, address.bucket, address.key, bytes, list, header('content-type'));
}

function carryOut(
  ctx: S3Context,
  operation: Operation,
  bucket: string,
  key: string,
  bytes: Uint8Array,
  list: ListQuery | null,
  contentType: string | undefined,
): S3HttpResponse {
  const base = { 'x-amz-request-id': ctx.requestId };
  let objects = ctx.store.get(bucket);
  if (objects === undefined) ctx.store.set(bucket, (objects = new Map()));
  switch (operation) {
    case 'PutObject': {
      const etag = `"${createHash('md5').update(bytes).digest('hex')}"`;
      objects.set(key, { bytes, etag, lastModified: ctx.now, contentType: contentType ?? 'binary/octet-stream' });
      return { status: 200, headers: { ...base, etag }, body: '' };
    }
    case 'GetObject':
    case 'HeadObject': {
      const object = objects.get(key);
      if (object === undefined)
        return renderS3Error(
          { code: 'NoSuchKey', message: 'The specified key does not exist.', extra: { Key: key } },
          ctx.requestId,
          operation === 'HeadObject',
        );
      const headers = {
        ...base,
        etag: object.etag,
        'last-modified': object.lastModified.toUTCString(),
        'content-type': object.contentType,
        'accept-ranges': 'bytes',
      };
      const size = object.bytes.length;
      const range = byteRange(ctx.headers.find(([k]) => k.toLowerCase() === 'range')?.[1], size);
      if (range === 'unsatisfiable')
        return renderS3Error(
          {
            code: 'InvalidRange',
            message: 'The requested range is not satisfiable',
            status: 416,
            extra: { RangeRequested: ctx.headers.find(([k]) => k.toLowerCase() === 'range')![1], ActualObjectSize: String(size) },
          },
          ctx.requestId,
          operation === 'HeadObject',
        );
      if (range !== null) {
        const [first, last] = range;
        const ranged = { ...headers, 'content-range': `bytes ${first}-${last}/${size}`, 'content-length': String(last - first + 1) };
        return { status: 206, headers: ranged, body: operation === 'HeadObject' ? '' : object.bytes.subarray(first, last + 1) };
      }
      return { status: 200, headers: { ...headers, 'content-length': String(size) }, body: operation === 'HeadObject' ? '' : object.bytes };
    }
    case 'DeleteObject':
      // S3 answers 204 whether or not the key existed (DeleteObject, unversioned bucket)
      objects.delete(key);
      return { status: 204, headers: base, body: '' };
    case 'GetBucketPolicy':
    case 'PutBucketPolicy':
    case 'DeleteBucketPolicy':
    case 'CopyObject':
    case 'CreateMultipartUpload':
    case 'UploadPart':
    case 'CompleteMultipartUpload':
    case 'AbortMultipartUpload':
      throw new Error(`${operation} is answered from the world`);
    case 'ListObjectsV2': {
      const body = s3Xml('ListBucketResult', listPage(bucket, objects, list!));
      return { status: 200, headers: { ...base, 'content-type': 'application/xml' }, body };
    }
  }
}

type BodyRead = { readonly ok: true; readonly bytes: Uint8Array } | { readonly ok: false; readonly error: S3Error };

type SdkCrc = typeof import('@aws-sdk/checksums/crc');
let sdkCrc: Promise<SdkCrc> | null = null;

/** CRC32C and CRC64NVME as the AWS SDK computes them (@aws-sdk/checksums, imported on first use): base64 of the digest. */
async function sdkChecksum(algorithm: 'Crc32c' | 'Crc64Nvme', bytes: Uint8Array): Promise<string> {
  sdkCrc ??= import('@aws-sdk/checksums/crc');
  const checksum = new (await sdkCrc)[algorithm]();
  checksum.update(bytes);
  return Buffer.from(await checksum.digest()).toString('base64');
}

/**
 * The checksums S3 takes (Amazon S3 User Guide, "Checking object integrity": CRC-32, CRC-32C,
 * CRC-64/NVME, SHA-1, SHA-256): base64 of the big-endian digest, by node:zlib, node:crypto and the
 * AWS SDK's own CRC32C and CRC64NVME.
 */
const CHECKSUMS: Readonly<Record<string, (b: Uint8Array) => Promise<string> | string>> = {
  'x-amz-checksum-crc32': (b) => {
    const out = Buffer.alloc(4);
    out.writeUInt32BE(crc32(b) >>> 0);
    return out.toString('base64');
  },
  'x-amz-checksum-crc32c': (b) => sdkChecksum('Crc32c', b),
  'x-amz-checksum-crc64nvme': (b) => sdkChecksum('Crc64Nvme', b),
  'x-amz-checksum-sha1': (b) => createHash('sha1').update(b).digest('base64'),
  'x-amz-checksum-sha256': (b) => createHash('sha256').update(b).digest('base64'),
};

/** The payload kinds whose chunks carry signatures, and whether a signed trailer follows. */
const SIGNED_CHUNKS: ReadonlyMap<string, boolean> = new Map([
  ['STREAMING-AWS4-HMAC-SHA256-PAYLOAD', false],
  ['STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER', true],
]);

/** S3's answer to a chunk whose signature does not match (as for the request's own signature). */
const CHUNK_MISMATCH = 'The request signature we calculated does not match the signature you provided. Check your key and signing method.';

/**
 * A PutObject's body: as sent, or decoded from aws-chunked (s3-chunks.ts): unsigned chunks
 * (STREAMING-UNSIGNED-PAYLOAD-TRAILER), or signed ones whose chain of signatures, from the seed
 * signature, and the trailer's are checked (SignatureDoesNotMatch). Every checksum the request
 * carries (header or trailer) and Content-MD5 is checked; a mismatch is S3's BadDigest.
 */
async function readPutBody(
  streaming: string | null,
  signing: { readonly seed: string; readonly signer: () => Promise<ChunkSigner> } | null,
  body: Uint8Array,
  headers: readonly [string, string][],
  header: (name: string) => string | undefined,
): Promise<BodyRead> {
  // every x-amz-checksum-ALGORITHM header (x-amz-checksum-type names no checksum)
  const checks: [string, string][] = [];
  for (const [name, value] of headers) {
    const lower = name.toLowerCase();
    if (lower.startsWith('x-amz-checksum-') && lower !== 'x-amz-checksum-type') checks.push([lower, value]);
  }
  let bytes = body;
  if (streaming !== null) {
    const signed = SIGNED_CHUNKS.get(streaming);
    if (streaming !== 'STREAMING-UNSIGNED-PAYLOAD-TRAILER' && signed === undefined)
      return { ok: false, error: notImplemented(`an aws-chunked body of ${streaming} (Signature Version 4A)`) };
    const decoded = decodeChunked(Buffer.from(body));
    if (decoded === null)
      return { ok: false, error: { code: 'IncompleteBody', message: 'The request body is not a complete aws-chunked body.' } };
    if (signed !== undefined) {
      // an unsigned request has no signature to chain the chunks' from (iamsim's answer: AWS does not document it)
      if (signing === null)
        return { ok: false, error: { code: 'InvalidRequest', message: `An anonymous request cannot send ${streaming} chunks.` } };
      const problem = await checkChunkSignatures(decoded, signing.seed, await signing.signer(), signed);
      if (problem !== null) return { ok: false, error: { code: 'SignatureDoesNotMatch', message: CHUNK_MISMATCH } };
    }
    const declared = header('x-amz-decoded-content-length');
    if (declared !== undefined && Number(declared) !== decoded.bytes.length)
      return {
        ok: false,
        error: {
          code: 'IncompleteBody',
          message: 'You did not provide the number of bytes specified by the x-amz-decoded-content-length HTTP header.',
        },
      };
    bytes = decoded.bytes;
    for (const [name, value] of decoded.trailers) checks.push([name, value]);
  }
  for (const [name] of checks.filter(([n]) => n.startsWith('x-amz-checksum-')))
    if (!(name in CHECKSUMS)) return { ok: false, error: notImplemented(`the checksum ${name}`) };
  const trailer = header('x-amz-trailer');
  if (trailer !== undefined && !(trailer.toLowerCase() in CHECKSUMS))
    return { ok: false, error: notImplemented(`the checksum ${trailer}`) };
  for (const [name, value] of checks) {
    if ((await CHECKSUMS[name]!(bytes)) !== value)
      return {
        ok: false,
        error: {
          code: 'BadDigest',
          message: `The ${name.slice('x-amz-checksum-'.length).toUpperCase()} you specified did not match the calculated checksum.`,
        },
      };
  }
  const md5 = header('content-md5');
  if (md5 !== undefined && createHash('md5').update(bytes).digest('base64') !== md5)
    return { ok: false, error: { code: 'BadDigest', message: 'The Content-MD5 you specified did not match what we received.' } };
  return { ok: true, bytes };
}

/** The source of a CopyObject: `BUCKET/KEY` or `/BUCKET/KEY`, URL-encoded (Amazon S3 API Reference, CopyObject, x-amz-copy-source). */
function copySourceOf(text: string): { bucket: string; key: string; versioned: boolean } | null {
  const [path = '', versionQuery] = text.split('?', 2);
  let decoded: string;
  try {
    decoded = decodeURIComponent(path.startsWith('/') ? path.slice(1) : path);
  } catch {
    return null;
  }
  const slash = decoded.indexOf('/');
  if (slash <= 0 || slash === decoded.length - 1) return null;
  return { bucket: decoded.slice(0, slash), key: decoded.slice(slash + 1), versioned: versionQuery !== undefined };
}

/**
 * CopyObject (`PUT /BUCKET/KEY` with x-amz-copy-source): "you must have read access to the source
 * object and write access to the destination bucket" (Amazon S3 API Reference, CopyObject,
 * Permissions: s3:GetObject on the source, s3:PutObject on the destination). Each is a call the
 * engine decides, as a step of its own, the source first (AWS does not document the order); the
 * answer is `<CopyObjectResult>` with the copy's ETag and LastModified. The object's content type
 * is copied (x-amz-metadata-directive COPY, the default) or taken from the request (REPLACE).
 */
async function copyObject(
  ctx: S3Context,
  who: { readonly caller: CallerRef; readonly region: string },
  address: { readonly bucket: string; readonly key: string },
  copySource: string,
  header: (name: string) => string | undefined,
): Promise<S3HttpResponse> {
  const source = copySourceOf(copySource);
  if (source === null) {
    const error = { code: 'InvalidArgument', message: 'Invalid copy source object key' };
    await ctx.refused('s3', error.code, error.message);
    return renderS3Error({ ...error, extra: { ArgumentName: 'x-amz-copy-source', ArgumentValue: copySource } }, ctx.requestId);
  }
  if (source.versioned) {
    const error = notImplemented('a copy of an object version (iamsim keeps no versions)');
    await ctx.refused('s3', error.code, error.message);
    return renderS3Error(error, ctx.requestId);
  }
  const text = (v: string): ParamValue => ({ t: 'text', v });
  const decide = async (action: string, params: Record<string, ParamValue>): Promise<S3HttpResponse | null> => {
    const call = await ctx.run({ caller: who.caller, action, resource: null, params, region: who.region });
    if (call === null) return renderS3Error({ code: 'InternalError', message: `iamsim made no call for ${action}` }, ctx.requestId);
    if (call.outcome === 'allowed') return null;
    const error = call.error ?? { code: 'AccessDenied', message: 'Access Denied' };
    return renderS3Error({ code: error.code, message: error.message }, ctx.requestId);
  };
  const read = await decide('s3:GetObject', { Bucket: text(source.bucket), Key: text(source.key) });
  if (read !== null) return read;
  const write = await decide('s3:PutObject', { Bucket: text(address.bucket), Key: text(address.key), CopySource: text(copySource) });
  if (write !== null) return write;
  for (const bucket of [source.bucket, address.bucket])
    if (ctx.world.resources.byArn[`arn:aws:s3:::${bucket}`]?.kind !== 'bucket')
      return renderS3Error(
        { code: 'NoSuchBucket', message: 'The specified bucket does not exist', extra: { BucketName: bucket } },
        ctx.requestId,
      );
  const original = ctx.store.get(source.bucket)?.get(source.key);
  if (original === undefined)
    return renderS3Error({ code: 'NoSuchKey', message: 'The specified key does not exist.', extra: { Key: source.key } }, ctx.requestId);
  const replace = header('x-amz-metadata-directive')?.toUpperCase() === 'REPLACE';
  const copy = {
    bytes: original.bytes,
    etag: original.etag,
    lastModified: ctx.now,
    contentType: replace ? (header('content-type') ?? 'binary/octet-stream') : original.contentType,
  };
  let objects = ctx.store.get(address.bucket);
  if (objects === undefined) ctx.store.set(address.bucket, (objects = new Map()));
  objects.set(address.key, copy);
  const body = s3Xml('CopyObjectResult', { LastModified: copy.lastModified.toISOString(), ETag: copy.etag });
  return { status: 200, headers: { 'x-amz-request-id': ctx.requestId, 'content-type': 'application/xml' }, body };
}

/**
 * A GetObject's `Range: bytes=FIRST-LAST`, `bytes=FIRST-` or `bytes=-SUFFIX` (one range: "Amazon S3
 * doesn't support retrieving multiple ranges of data per GET request"; RFC 9110 "Range"): the
 * bytes' first and last index; null for no range, or one S3 ignores (not a single byte range);
 * `unsatisfiable` when it starts past the object (InvalidRange, 416). Amazon S3 API Reference, GetObject.
 */
function byteRange(header: string | undefined, size: number): [number, number] | 'unsatisfiable' | null {
  const m = header === undefined ? null : /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (m === null || (m[1] === '' && m[2] === '')) return null;
  if (m[1] === '') {
    const suffix = Number(m[2]);
    if (suffix === 0) return 'unsatisfiable';
    return size === 0 ? 'unsatisfiable' : [Math.max(0, size - suffix), size - 1];
  }
  const first = Number(m[1]);
  const last = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  if (m[2] !== '' && Number(m[2]) < first) return null;
  return first >= size ? 'unsatisfiable' : [first, last];
}

/** The uploads in progress of each object store (s3-multipart.ts), kept beside it. */
const UPLOADS = new WeakMap<ObjectStore, Uploads>();

/** Carries out an authorized multipart request on the store. */
function carryOutMultipart(
  ctx: S3Context,
  operation: 'CreateMultipartUpload' | 'UploadPart' | 'CompleteMultipartUpload' | 'AbortMultipartUpload',
  address: { readonly bucket: string; readonly key: string },
  request: {
    readonly uploadId: string | null;
    readonly partNumber: number;
    readonly named: readonly { number: number; etag: string }[];
    readonly bytes: Uint8Array;
    readonly contentType: string | undefined;
  },
): S3HttpResponse {
  let uploads = UPLOADS.get(ctx.store);
  if (uploads === undefined) UPLOADS.set(ctx.store, (uploads = new Map()));
  const { bucket, key } = address;
  const base = { 'x-amz-request-id': ctx.requestId };
  const xml = (root: string, children: Record<string, unknown>): S3HttpResponse => ({
    status: 200,
    headers: { ...base, 'content-type': 'application/xml' },
    body: s3Xml(root, children),
  });
  switch (operation) {
    case 'CreateMultipartUpload': {
      const id = createUpload(uploads, ctx.requestId, bucket, key, request.contentType ?? 'binary/octet-stream');
      return xml('InitiateMultipartUploadResult', { Bucket: bucket, Key: key, UploadId: id });
    }
    case 'UploadPart': {
      const part = uploadPart(uploads, request.uploadId, bucket, key, request.partNumber, request.bytes);
      if ('code' in part) return renderS3Error(part, ctx.requestId);
      return { status: 200, headers: { ...base, etag: part.etag }, body: '' };
    }
    case 'CompleteMultipartUpload': {
      const done = completeUpload(uploads, request.uploadId, bucket, key, request.named);
      if ('code' in done) return renderS3Error(done, ctx.requestId);
      let objects = ctx.store.get(bucket);
      if (objects === undefined) ctx.store.set(bucket, (objects = new Map()));
      objects.set(key, { bytes: done.bytes, etag: done.etag, lastModified: ctx.now, contentType: done.contentType });
      return xml('CompleteMultipartUploadResult', { Location: `/${bucket}/${key}`, Bucket: bucket, Key: key, ETag: done.etag });
    }
    case 'AbortMultipartUpload': {
      const error = abortUpload(uploads, request.uploadId, bucket, key);
      return error === null ? { status: 204, headers: base, body: '' } : renderS3Error(error, ctx.requestId);
    }
  }
}
