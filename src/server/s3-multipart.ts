// Multipart uploads (`aws s3 cp` sends files over 8 MB this way), kept in memory beside the objects.
// Sources: Amazon S3 API Reference, CreateMultipartUpload (`POST /KEY?uploads`,
// InitiateMultipartUploadResult), UploadPart (`PUT /KEY?partNumber=N&uploadId=ID`, "Part numbers can
// be any number from 1 to 10,000", the part's ETag), CompleteMultipartUpload (`POST /KEY?uploadId=ID`
// with `<CompleteMultipartUpload><Part><PartNumber/><ETag/></Part>…`, "the parts list must be in
// ascending order", the errors EntityTooSmall, InvalidPart, InvalidPartOrder, NoSuchUpload;
// CompleteMultipartUploadResult), AbortMultipartUpload (`DELETE /KEY?uploadId=ID`, 204); Amazon S3
// User Guide, "Uploading and copying objects using multipart upload" (parts of 5 MiB to 5 GiB, the
// last excepted) and "Multipart upload API and permissions" (s3:PutObject for create, upload part and
// complete; s3:AbortMultipartUpload to abort). The ETag of the object is the MD5 of the parts' MD5s
// followed by `-` and the number of parts, as S3 computes it (User Guide, "Checking object integrity").
import { createHash } from 'node:crypto';
import { XMLParser } from 'fast-xml-parser';
import type { S3Error } from './s3-xml.js';

/** The parts of one upload, before it is completed. */
interface Upload {
  readonly bucket: string;
  readonly key: string;
  readonly contentType: string;
  readonly parts: Map<number, { readonly bytes: Uint8Array; readonly etag: string }>;
}

/** Upload IDs → uploads: kept in memory, beside the objects (not in the event log). */
export type Uploads = Map<string, Upload>;

/** S3's smallest part, the last excepted: 5 MiB. */
const MIN_PART_BYTES = 5 * 1024 * 1024;
/** The most iamsim keeps of one upload, all parts together (in memory): 256 MiB. */
export const MAX_UPLOAD_BYTES = 256 * 1024 * 1024;

const NO_SUCH_UPLOAD: S3Error = {
  code: 'NoSuchUpload',
  message: 'The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed.',
};

/** A part number as S3 takes it: an integer from 1 to 10,000. */
export function partNumberOf(text: string | null): number | S3Error {
  const n = Number(text);
  if (text !== null && /^\d+$/.test(text) && n >= 1 && n <= 10000) return n;
  return {
    code: 'InvalidArgument',
    message: 'Part number must be an integer between 1 and 10000, inclusive',
    extra: { ArgumentName: 'partNumber', ArgumentValue: text ?? '' },
  };
}

/** The parts a CompleteMultipartUpload names, read with fast-xml-parser; an S3Error when the XML is not S3's. */
export function completedParts(body: Uint8Array): { number: number; etag: string }[] | S3Error {
  const malformed: S3Error = {
    code: 'MalformedXML',
    message: 'The XML you provided was not well-formed or did not validate against our published schema',
  };
  const parser = new XMLParser({ ignoreAttributes: true, parseTagValue: false, isArray: (name) => name === 'Part' });
  let parsed: unknown;
  try {
    parsed = parser.parse(Buffer.from(body).toString('utf8'), true);
  } catch {
    return malformed;
  }
  const parts = (parsed as { CompleteMultipartUpload?: { Part?: unknown } } | null)?.CompleteMultipartUpload?.Part;
  if (!Array.isArray(parts) || parts.length === 0) return malformed;
  const out: { number: number; etag: string }[] = [];
  for (const part of parts as { PartNumber?: unknown; ETag?: unknown }[]) {
    const number = partNumberOf(typeof part.PartNumber === 'string' ? part.PartNumber : null);
    if (typeof number !== 'number' || typeof part.ETag !== 'string') return malformed;
    out.push({ number, etag: part.ETag });
  }
  return out;
}

/** A new upload's ID: opaque, derived from the request's ID (so the same arrivals give the same IDs). */
export function createUpload(uploads: Uploads, requestId: string, bucket: string, key: string, contentType: string): string {
  const id = createHash('sha256').update(`upload:${requestId}`).digest('base64url');
  uploads.set(id, { bucket, key, contentType, parts: new Map() });
  return id;
}

function uploadOf(uploads: Uploads, id: string | null, bucket: string, key: string): Upload | null {
  const upload = id === null ? undefined : uploads.get(id);
  return upload !== undefined && upload.bucket === bucket && upload.key === key ? upload : null;
}

/** Keeps a part (replacing one of the same number); its ETag, or S3's error. */
export function uploadPart(
  uploads: Uploads,
  id: string | null,
  bucket: string,
  key: string,
  number: number,
  bytes: Uint8Array,
): { etag: string } | S3Error {
  const upload = uploadOf(uploads, id, bucket, key);
  if (upload === null) return NO_SUCH_UPLOAD;
  let total = bytes.length;
  for (const [n, part] of upload.parts) if (n !== number) total += part.bytes.length;
  if (total > MAX_UPLOAD_BYTES)
    return {
      code: 'EntityTooLarge',
      message: `Your proposed upload exceeds the maximum size iamsim keeps in memory for one upload (${MAX_UPLOAD_BYTES / 1024 / 1024} MiB).`,
      extra: { MaxSizeAllowed: String(MAX_UPLOAD_BYTES) },
    };
  const etag = `"${createHash('md5').update(bytes).digest('hex')}"`;
  upload.parts.set(number, { bytes, etag });
  return { etag };
}

/** Joins the parts named, in order, into the object; the upload ends. */
export function completeUpload(
  uploads: Uploads,
  id: string | null,
  bucket: string,
  key: string,
  named: readonly { number: number; etag: string }[],
): { bytes: Uint8Array; etag: string; contentType: string } | S3Error {
  const upload = uploadOf(uploads, id, bucket, key);
  if (upload === null) return NO_SUCH_UPLOAD;
  for (let i = 1; i < named.length; i++)
    if (named[i]!.number <= named[i - 1]!.number)
      return { code: 'InvalidPartOrder', message: 'The list of parts was not in ascending order. Parts must be ordered by part number.' };
  const parts = [];
  for (const { number, etag } of named) {
    const part = upload.parts.get(number);
    if (part === undefined || part.etag.replaceAll('"', '') !== etag.replaceAll('"', ''))
      return {
        code: 'InvalidPart',
        message:
          "One or more of the specified parts could not be found. The part might not have been uploaded, or the specified entity tag might not have matched the part's entity tag.",
        extra: { PartNumber: String(number), ETag: etag },
      };
    parts.push(part);
  }
  for (const part of parts.slice(0, -1))
    if (part.bytes.length < MIN_PART_BYTES)
      return {
        code: 'EntityTooSmall',
        message: 'Your proposed upload is smaller than the minimum allowed object size.',
        extra: { ProposedSize: String(part.bytes.length), MinSizeAllowed: String(MIN_PART_BYTES) },
      };
  const md5s = parts.map((p) => Buffer.from(p.etag.replaceAll('"', ''), 'hex'));
  const etag = `"${createHash('md5').update(Buffer.concat(md5s)).digest('hex')}-${parts.length}"`;
  uploads.delete(id!);
  return { bytes: Buffer.concat(parts.map((p) => p.bytes)), etag, contentType: upload.contentType };
}

/** Ends an upload, dropping its parts. */
export function abortUpload(uploads: Uploads, id: string | null, bucket: string, key: string): S3Error | null {
  if (uploadOf(uploads, id, bucket, key) === null) return NO_SUCH_UPLOAD;
  uploads.delete(id!);
  return null;
}
