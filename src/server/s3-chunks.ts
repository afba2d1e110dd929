// aws-chunked bodies (Amazon S3 API Reference, "Signature Calculations for the Authorization Header:
// Transferring Payload in Multiple Chunks (Chunked Upload) (AWS Signature Version 4)",
// https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-streaming.html, and "… Including Trailing
// Headers", https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-streaming-trailers.html):
//   HEX-SIZE[;chunk-signature=SIGNATURE]\r\nDATA\r\n … 0[;chunk-signature=SIGNATURE]\r\n
//   then, with a trailer, `name:value\r\n` lines (and `x-amz-trailer-signature:SIGNATURE\r\n`), and \r\n.
// Signed chunks (STREAMING-AWS4-HMAC-SHA256-PAYLOAD[-TRAILER]) are chained from the seed signature
// (the request's own): each chunk's string to sign is
//   AWS4-HMAC-SHA256-PAYLOAD \n TIMESTAMP \n SCOPE \n PREVIOUS-SIGNATURE \n SHA256("") \n SHA256(DATA)
// the final zero-length chunk included, and the trailer's
//   AWS4-HMAC-SHA256-TRAILER \n TIMESTAMP \n SCOPE \n PREVIOUS-SIGNATURE \n SHA256(TRAILING HEADERS)
// where the trailing headers are `name:value\n` each. The HMACs are the SDK signer's (sigv4.ts, chunkSigner).
import type { ChunkSigner } from './sigv4.js';

interface Chunk {
  readonly data: Buffer;
  /** its chunk-signature extension, null when it has none */
  readonly signature: string | null;
}

export interface Decoded {
  readonly bytes: Uint8Array;
  /** the trailing headers (lower-case names), x-amz-trailer-signature left out */
  readonly trailers: [string, string][];
  /** every chunk, the final zero-length one included */
  readonly chunks: readonly Chunk[];
  readonly trailerSignature: string | null;
}

/** Decodes an aws-chunked body; null when it is malformed (an incomplete body). */
export function decodeChunked(body: Buffer): Decoded | null {
  const chunks: Chunk[] = [];
  let at = 0;
  for (;;) {
    const eol = body.indexOf('\r\n', at);
    if (eol < 0) return null;
    const [sizeText, ...extensions] = body.subarray(at, eol).toString('latin1').split(';');
    const size = /^[0-9a-fA-F]+$/.test(sizeText ?? '') ? parseInt(sizeText!, 16) : NaN;
    if (!Number.isInteger(size) || size < 0) return null;
    const signed = extensions.find((e) => e.startsWith('chunk-signature='));
    const signature = signed === undefined ? null : signed.slice('chunk-signature='.length);
    at = eol + 2;
    if (size === 0) {
      chunks.push({ data: Buffer.alloc(0), signature });
      break;
    }
    if (at + size + 2 > body.length || body.subarray(at + size, at + size + 2).toString('latin1') !== '\r\n') return null;
    chunks.push({ data: body.subarray(at, at + size), signature });
    at += size + 2;
  }
  const trailers: [string, string][] = [];
  let trailerSignature: string | null = null;
  for (;;) {
    const eol = body.indexOf('\r\n', at);
    if (eol < 0) break; // a body may end without the final CRLF
    const line = body.subarray(at, eol).toString('utf8');
    at = eol + 2;
    if (line === '') break;
    const colon = line.indexOf(':');
    if (colon < 0) return null;
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (name === 'x-amz-trailer-signature') trailerSignature = value;
    else trailers.push([name, value]);
  }
  return { bytes: Buffer.concat(chunks.map((c) => c.data)), trailers, chunks, trailerSignature };
}

const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

/** Why a signed-chunk body is refused: which chunk (1-based), or the trailer. */
export type ChunkProblem = { readonly what: string } | null;

/**
 * Checks the chain of chunk signatures from the seed signature, and the trailer's signature when
 * `trailer` (STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER); null when every one matches.
 */
export async function checkChunkSignatures(decoded: Decoded, seed: string, signer: ChunkSigner, trailer: boolean): Promise<ChunkProblem> {
  let previous = seed;
  for (const [i, chunk] of decoded.chunks.entries()) {
    const which = chunk.data.length === 0 ? 'the final chunk' : `chunk ${i + 1}`;
    if (chunk.signature === null) return { what: `${which} has no chunk-signature` };
    const stringToSign = [
      'AWS4-HMAC-SHA256-PAYLOAD',
      signer.timestamp,
      signer.scope,
      previous,
      EMPTY_SHA256,
      await signer.sha256(chunk.data),
    ].join('\n');
    const expected = await signer.sign(stringToSign);
    if (expected !== chunk.signature) return { what: `the signature of ${which} does not match` };
    previous = expected;
  }
  if (!trailer) return null;
  if (decoded.trailerSignature === null) return { what: 'the trailer has no x-amz-trailer-signature' };
  const canonical = decoded.trailers.map(([name, value]) => `${name}:${value}\n`).join('');
  const stringToSign = ['AWS4-HMAC-SHA256-TRAILER', signer.timestamp, signer.scope, previous, await signer.sha256(canonical)].join('\n');
  if ((await signer.sign(stringToSign)) !== decoded.trailerSignature) return { what: 'the trailer signature does not match' };
  return null;
}
