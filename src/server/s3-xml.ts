// S3's XML: its answers (`<ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">` …)
// and its error body, written by fast-xml-parser's XMLBuilder (which escapes text). Sources: Amazon
// S3 API Reference, "Error responses" (REST error response: `<Error><Code/><Message/>…<RequestId/>
// </Error>`; the status of each code in the List of error codes;
// https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html).
import { XMLBuilder } from 'fast-xml-parser';

/** An answer: S3's bodies may be bytes (GetObject); `length` is HEAD's Content-Length. */
export interface S3HttpResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string | Uint8Array;
}

const STATUS: Readonly<Record<string, number>> = {
  AccessDenied: 403,
  NoSuchKey: 404,
  NoSuchBucket: 404,
  NoSuchUpload: 404,
  InvalidRange: 416,
  MethodNotAllowed: 405,
  NotImplemented: 501,
  InternalError: 500,
  InvalidAccessKeyId: 403,
  SignatureDoesNotMatch: 403,
};

export interface S3Error {
  readonly code: string;
  readonly message: string;
  readonly status?: number;
  readonly extra?: Readonly<Record<string, string>>;
}

const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', suppressEmptyNode: false });
const XMLNS = 'http://s3.amazonaws.com/doc/2006-03-01/';
const DECL = '<?xml version="1.0" encoding="UTF-8"?>\n';

/** S3's error: `<Error><Code/><Message/>…<RequestId/></Error>`, application/xml; a HEAD answer has no body. */
export function renderS3Error(error: S3Error, requestId: string, head = false): S3HttpResponse {
  const status = error.status ?? STATUS[error.code] ?? 400;
  const headers = { 'content-type': 'application/xml', 'x-amz-request-id': requestId };
  if (head) return { status, headers, body: '' };
  const body =
    DECL + (builder.build({ Error: { Code: error.code, Message: error.message, ...error.extra, RequestId: requestId } }) as string);
  return { status, headers, body };
}

/** `<?xml …?>` then `<root xmlns="S3's namespace">…</root>`: elements in the order given, arrays as repeated elements. */
export function s3Xml(root: string, children: Readonly<Record<string, unknown>>): string {
  return DECL + (builder.build({ [root]: { '@_xmlns': XMLNS, ...children } }) as string);
}
