// Signed aws-chunked bodies (STREAMING-AWS4-HMAC-SHA256-PAYLOAD and …-PAYLOAD-TRAILER) through
// `simulate serve`. Source: Amazon S3 API Reference, "Signature Calculations for the Authorization
// Header: Transferring Payload in Multiple Chunks (Chunked Upload) (AWS Signature Version 4)"
// (https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-streaming.html): its worked example (the
// secret wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY, a 66560-byte object of 'a' in a 65536-byte and
// a 1024-byte chunk, the seed signature and each chunk's signature) is the first test's vector; and
// "… Including Trailing Headers" (https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-streaming-trailers.html)
// for the trailer's signature. No AWS SDK for JavaScript sends signed chunks, so the server tests
// build them with the SDK's signer (@smithy/signature-v4: the request's seed signature, then each
// chunk's HMAC by its signString), as that page describes.
import { request } from 'node:http';
import { crc32 } from 'node:zlib';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { HttpRequest } from '@smithy/core/protocols';
import { Hash } from '@smithy/core/serde';
import { SignatureV4 } from '@smithy/signature-v4';
import { describe, expect, it } from 'vitest';
import { closedAfterEach, s3Client, serveText } from './harness.js';
import { checkChunkSignatures, decodeChunked } from '../../src/server/s3-chunks.js';
import { chunkSigner, verifySigV4 } from '../../src/server/sigv4.js';

const EXAMPLE_SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const SEED = '4f232c4386841ef735655705268965c44a0e4690baa4adea153f7db9fa80a0a9';
const CHUNK_1 = 'ad80c730a21e5b8d04586a2213dd63b9a0e99e0e2307b0ade35a65485a288648';
const CHUNK_2 = '0055627c9e194cb4542bae2aa5492e3c1575bbb81b612b7d234b86a503ef5497';
const FINAL = 'b6c6ea8a5354eaf15b3cb7646744f4275b71ea724fed81ceb9323e279d449df9';

/** AWS's example body: 64 KiB of 'a', then 1 KiB, then the final chunk. */
function exampleBody(second = Buffer.alloc(1024, 'a')): Buffer {
  return Buffer.concat([
    Buffer.from(`10000;chunk-signature=${CHUNK_1}\r\n`),
    Buffer.alloc(65536, 'a'),
    Buffer.from(`\r\n400;chunk-signature=${CHUNK_2}\r\n`),
    second,
    Buffer.from(`\r\n0;chunk-signature=${FINAL}\r\n\r\n`),
  ]);
}

async function verifiedExample() {
  const body = exampleBody();
  const verified = await verifySigV4(
    {
      method: 'PUT',
      path: '/examplebucket/chunkObject.txt',
      query: '',
      headers: [
        ['Host', 's3.amazonaws.com'],
        ['x-amz-date', '20130524T000000Z'],
        ['x-amz-storage-class', 'REDUCED_REDUNDANCY'],
        [
          'Authorization',
          'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,' +
            'SignedHeaders=content-encoding;content-length;host;x-amz-content-sha256;x-amz-date;x-amz-decoded-content-length;x-amz-storage-class,' +
            `Signature=${SEED}`,
        ],
        ['x-amz-content-sha256', 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD'],
        ['Content-Encoding', 'aws-chunked'],
        ['x-amz-decoded-content-length', '66560'],
        ['Content-Length', '66824'],
      ],
      body,
    },
    {
      lookup: (id) => (id === 'AKIAIOSFODNN7EXAMPLE' ? { secretAccessKey: EXAMPLE_SECRET, sessionToken: null, kind: 'long-term' } : null),
      now: new Date('2013-05-24T00:00:00Z'),
      service: 's3',
    },
  );
  if (!verified.ok) throw new Error(`AWS's example did not verify: ${verified.code}`);
  return { verified, body };
}

describe("signed chunks: AWS's worked example", () => {
  it('given the example request, then its seed signature verifies, and each chunk’s signature chains from it', async () => {
    const { verified, body } = await verifiedExample();
    expect(body.length).toBe(66824);
    expect(verified.signature).toBe(SEED);
    const decoded = decodeChunked(body)!;
    expect(decoded.bytes.length).toBe(66560);
    expect(decoded.chunks.map((c) => c.signature)).toEqual([CHUNK_1, CHUNK_2, FINAL]);
    expect(await checkChunkSignatures(decoded, SEED, await chunkSigner(verified, EXAMPLE_SECRET), false)).toBeNull();
  });

  it('given one byte of the second chunk changed, then its signature does not match; given another seed, the first does not', async () => {
    const { verified } = await verifiedExample();
    const signer = await chunkSigner(verified, EXAMPLE_SECRET);
    const changed = Buffer.alloc(1024, 'a');
    changed[7] = 0x62;
    expect(await checkChunkSignatures(decodeChunked(exampleBody(changed))!, SEED, signer, false)).toEqual({
      what: 'the signature of chunk 2 does not match',
    });
    expect(await checkChunkSignatures(decodeChunked(exampleBody())!, FINAL, signer, false)).toEqual({
      what: 'the signature of chunk 1 does not match',
    });
  });
});

const WORLD = `scenario "Chunks"
clock 2026-01-01T09:00:00Z

account Production 111111111111 {
  bucket files
  user dev { inline Files { allow action s3:GetObject, s3:PutObject resource arn:aws:s3:::files/* } }
}
`;

const closed = closedAfterEach();

async function serve() {
  const { server, profile } = await serveText(WORLD, 'chunks.iam', closed);
  const provider = profile('Production/dev');
  const credentials = await provider();
  return { server, credentials, s3: s3Client(server, provider) };
}

const sha256 = async (data: Uint8Array | string) => {
  const h = new Hash('sha256');
  h.update(data);
  return Buffer.from(await h.digest()).toString('hex');
};
const EMPTY = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

/**
 * A PUT of `chunks` as signed aws-chunked, signed now by the SDK's signer; `trailer`: a CRC32
 * trailing checksum, and its signature. `tamper` changes a chunk's data after it was signed.
 */
async function putSignedChunks(
  url: string,
  credentials: { accessKeyId: string; secretAccessKey: string },
  key: string,
  chunks: Buffer[],
  options: { trailer: boolean; tamper?: number; badTrailer?: boolean },
): Promise<{ status: number; body: string }> {
  const port = Number(new URL(url).port);
  const data = Buffer.concat(chunks);
  const kind = options.trailer ? 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER' : 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD';
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(data) >>> 0);
  const trailers = options.trailer ? [['x-amz-checksum-crc32', crc.toString('base64')] as const] : [];
  // the chunk-signature extensions' lengths: 64 hex characters each
  const framing = (size: number) => `${size.toString(16)};chunk-signature=${'0'.repeat(64)}\r\n`.length;
  const trailerText =
    trailers.map(([n, v]) => `${n}:${v}\r\n`).join('') + (options.trailer ? `x-amz-trailer-signature:${'0'.repeat(64)}\r\n` : '');
  const length = chunks.reduce((n, c) => n + framing(c.length) + c.length + 2, 0) + framing(0) + trailerText.length + 2;
  const headers: Record<string, string> = {
    host: `127.0.0.1:${port}`,
    'x-amz-content-sha256': kind,
    'content-encoding': 'aws-chunked',
    'x-amz-decoded-content-length': String(data.length),
    'content-length': String(length),
    ...(options.trailer ? { 'x-amz-trailer': 'x-amz-checksum-crc32' } : {}),
  };
  const signingDate = new Date();
  const signer = new SignatureV4({
    credentials,
    region: 'us-east-1',
    service: 's3',
    sha256: Hash.bind(null, 'sha256'),
    uriEscapePath: false,
  });
  const http = new HttpRequest({ method: 'PUT', protocol: 'http:', hostname: '127.0.0.1', port, path: `/files/${key}`, headers });
  const signed = await signer.sign(http, { signingDate });
  const auth = String(signed.headers['authorization']);
  let previous = auth.slice(auth.lastIndexOf('Signature=') + 'Signature='.length);
  const longDate = String(signed.headers['x-amz-date']);
  const scope = `${longDate.slice(0, 8)}/us-east-1/s3/aws4_request`;
  const sign = (text: string) => signer.sign(text, { signingDate, signingRegion: 'us-east-1', signingService: 's3' });
  const parts: Buffer[] = [];
  for (const [i, chunk] of [...chunks, Buffer.alloc(0)].entries()) {
    previous = await sign(['AWS4-HMAC-SHA256-PAYLOAD', longDate, scope, previous, EMPTY, await sha256(chunk)].join('\n'));
    const sent = i === options.tamper ? Buffer.from(chunk.map((b, j) => (j === 0 ? b ^ 1 : b))) : chunk;
    parts.push(Buffer.from(`${chunk.length.toString(16)};chunk-signature=${previous}\r\n`), sent);
    if (chunk.length > 0) parts.push(Buffer.from('\r\n'));
  }
  if (options.trailer) {
    const canonical = trailers.map(([n, v]) => `${n}:${v}\n`).join('');
    let signature = await sign(['AWS4-HMAC-SHA256-TRAILER', longDate, scope, previous, await sha256(canonical)].join('\n'));
    if (options.badTrailer) signature = signature.replace(/^./, (c) => (c === '0' ? '1' : '0'));
    parts.push(Buffer.from(trailers.map(([n, v]) => `${n}:${v}\r\n`).join('') + `x-amz-trailer-signature:${signature}\r\n`));
  }
  parts.push(Buffer.from('\r\n'));
  const body = Buffer.concat(parts);
  expect(body.length).toBe(length);
  return new Promise((resolve, reject) => {
    const r = request({ host: '127.0.0.1', port, method: 'PUT', path: `/files/${key}`, headers: signed.headers }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString('utf8')));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    r.on('error', reject);
    r.end(body);
  });
}

describe('simulate serve: signed chunks', () => {
  const chunks = [Buffer.alloc(8192, 'x'), Buffer.from('the end')];

  it.each([false, true])(
    'given a body of signed chunks (trailer: %s), when every signature chains, then the object is stored as its decoded bytes',
    async (trailer) => {
      const { server, credentials, s3 } = await serve();
      const put = await putSignedChunks(server.url, credentials, 'signed.bin', chunks, { trailer });
      expect(put.status).toBe(200);
      const got = await s3.send(new GetObjectCommand({ Bucket: 'files', Key: 'signed.bin' }));
      expect(Buffer.from(await got.Body!.transformToByteArray())).toEqual(Buffer.concat(chunks));
    },
  );

  it('given a chunk changed after it was signed, or a wrong trailer signature, then SignatureDoesNotMatch (403) and nothing is stored', async () => {
    const { server, credentials, s3 } = await serve();
    const tampered = await putSignedChunks(server.url, credentials, 'a.bin', chunks, { trailer: false, tamper: 1 });
    expect(tampered.status).toBe(403);
    expect(tampered.body).toContain('<Code>SignatureDoesNotMatch</Code>');
    const trailer = await putSignedChunks(server.url, credentials, 'b.bin', chunks, { trailer: true, badTrailer: true });
    expect(trailer.status).toBe(403);
    expect(trailer.body).toContain('<Code>SignatureDoesNotMatch</Code>');
    const missing = await s3.send(new GetObjectCommand({ Bucket: 'files', Key: 'a.bin' })).catch((e: unknown) => e);
    expect(missing).toMatchObject({ name: 'NoSuchKey' });
  });
});
