// Multipart uploads through `simulate serve`, with the real AWS SDK for JavaScript v3
// (@aws-sdk/client-s3). Sources: Amazon S3 API Reference, CreateMultipartUpload, UploadPart,
// CompleteMultipartUpload (EntityTooSmall, InvalidPart, InvalidPartOrder, NoSuchUpload),
// AbortMultipartUpload; Amazon S3 User Guide, "Uploading and copying objects using multipart upload"
// (parts of at least 5 MiB but the last) and "Multipart upload API and permissions" (s3:PutObject;
// s3:AbortMultipartUpload to abort: https://docs.aws.amazon.com/AmazonS3/latest/userguide/mpuoverview.html).
import { createHash } from 'node:crypto';
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  GetObjectCommand,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { closedAfterEach, decidedCalls, s3Client, serveText } from './harness.js';

const WORLD = `scenario "Multipart uploads"
clock 2026-01-01T09:00:00Z

account Production 111111111111 {
  bucket uploads
  user dev { inline Objects { allow action s3:PutObject, s3:GetObject, s3:AbortMultipartUpload resource arn:aws:s3:::uploads/* } }
  user putter { inline PutOnly { allow action s3:PutObject resource arn:aws:s3:::uploads/* } }
  user reader { inline ReadOnly { allow action s3:GetObject resource arn:aws:s3:::uploads/* } }
}
`;

const closed = closedAfterEach();

async function serve() {
  const { server, profile } = await serveText(WORLD, 'multipart.iam', closed);
  const client = (name: string) => s3Client(server, profile(name));
  return { server, dev: client('Production/dev'), putter: client('Production/putter'), reader: client('Production/reader') };
}

const calls = decidedCalls;

const MiB = 1024 * 1024;
const part = (size: number, fill: number) => Buffer.alloc(size, fill);
const Bucket = 'uploads';

describe('simulate serve: multipart uploads', () => {
  it('given dev, when she uploads two parts and completes, then the object is their bytes, with S3’s multipart ETag, each request authorized as s3:PutObject', async () => {
    const { server, dev } = await serve();
    const { UploadId } = await dev.send(new CreateMultipartUploadCommand({ Bucket, Key: 'big.bin', ContentType: 'application/x-test' }));
    expect(UploadId).toMatch(/^[\w-]{20,}$/);
    const one = part(5 * MiB, 1);
    const two = part(1234, 2);
    const p1 = await dev.send(new UploadPartCommand({ Bucket, Key: 'big.bin', UploadId, PartNumber: 1, Body: one }));
    const p2 = await dev.send(new UploadPartCommand({ Bucket, Key: 'big.bin', UploadId, PartNumber: 2, Body: two }));
    expect(p1.ETag).toBe(`"${createHash('md5').update(one).digest('hex')}"`);
    const done = await dev.send(
      new CompleteMultipartUploadCommand({
        Bucket,
        Key: 'big.bin',
        UploadId,
        MultipartUpload: {
          Parts: [
            { PartNumber: 1, ETag: p1.ETag },
            { PartNumber: 2, ETag: p2.ETag },
          ],
        },
      }),
    );
    const md5s = Buffer.concat([one, two].map((b) => createHash('md5').update(b).digest()));
    expect(done.ETag).toBe(`"${createHash('md5').update(md5s).digest('hex')}-2"`);
    const got = await dev.send(new GetObjectCommand({ Bucket, Key: 'big.bin' }));
    expect(got.ContentType).toBe('application/x-test');
    expect(Buffer.from(await got.Body!.transformToByteArray()).equals(Buffer.concat([one, two]))).toBe(true);
    expect(
      calls(server)
        .slice(0, 4)
        .map((c) => [c.action, c.resource]),
    ).toEqual(Array(4).fill(['s3:PutObject', 'arn:aws:s3:::uploads/big.bin']));
    expect(calls(server)[1]?.params).toMatchObject({ UploadId, PartNumber: '1' });
  });

  it('given parts out of order, an ETag that does not match, or a first part under 5 MiB, then InvalidPartOrder, InvalidPart, EntityTooSmall', async () => {
    const { dev } = await serve();
    const { UploadId } = await dev.send(new CreateMultipartUploadCommand({ Bucket, Key: 'k' }));
    const p1 = await dev.send(new UploadPartCommand({ Bucket, Key: 'k', UploadId, PartNumber: 1, Body: part(1000, 1) }));
    const p2 = await dev.send(new UploadPartCommand({ Bucket, Key: 'k', UploadId, PartNumber: 2, Body: part(1000, 2) }));
    const complete = (Parts: { PartNumber: number; ETag?: string }[]) =>
      dev.send(new CompleteMultipartUploadCommand({ Bucket, Key: 'k', UploadId, MultipartUpload: { Parts } })).catch((e: unknown) => e);
    expect(
      await complete([
        { PartNumber: 2, ETag: p2.ETag },
        { PartNumber: 1, ETag: p1.ETag },
      ]),
    ).toMatchObject({ name: 'InvalidPartOrder' });
    expect(await complete([{ PartNumber: 1, ETag: p2.ETag }])).toMatchObject({ name: 'InvalidPart', $metadata: { httpStatusCode: 400 } });
    expect(
      await complete([
        { PartNumber: 1, ETag: p1.ETag },
        { PartNumber: 2, ETag: p2.ETag },
      ]),
    ).toMatchObject({ name: 'EntityTooSmall' });
    // a single part may be small: it is the last
    const one = await complete([{ PartNumber: 1, ETag: p1.ETag }]);
    expect(one).toMatchObject({ ETag: expect.stringMatching(/-1"$/) });
  });

  it('given an aborted upload, then its parts are dropped: NoSuchUpload (404) for a part or a completion', async () => {
    const { dev } = await serve();
    const { UploadId } = await dev.send(new CreateMultipartUploadCommand({ Bucket, Key: 'gone' }));
    const aborted = await dev.send(new AbortMultipartUploadCommand({ Bucket, Key: 'gone', UploadId }));
    expect(aborted.$metadata.httpStatusCode).toBe(204);
    const late = await dev
      .send(new UploadPartCommand({ Bucket, Key: 'gone', UploadId, PartNumber: 1, Body: 'x' }))
      .catch((e: unknown) => e);
    expect(late).toMatchObject({ name: 'NoSuchUpload', $metadata: { httpStatusCode: 404 } });
  });

  it('given putter without s3:AbortMultipartUpload, and reader without s3:PutObject, then AccessDenied on abort and on create', async () => {
    const { server, putter, reader } = await serve();
    const { UploadId } = await putter.send(new CreateMultipartUploadCommand({ Bucket, Key: 'p' }));
    const abort = await putter.send(new AbortMultipartUploadCommand({ Bucket, Key: 'p', UploadId })).catch((e: unknown) => e);
    expect(abort).toMatchObject({ name: 'AccessDenied', $metadata: { httpStatusCode: 403 } });
    expect(calls(server).at(-1)).toMatchObject({ action: 's3:AbortMultipartUpload', outcome: 'denied' });
    const create = await reader.send(new CreateMultipartUploadCommand({ Bucket, Key: 'r' })).catch((e: unknown) => e);
    expect(create).toMatchObject({ name: 'AccessDenied' });
  });

  it('given a part number outside 1–10000, then InvalidArgument (400) before the engine', async () => {
    const { dev } = await serve();
    const { UploadId } = await dev.send(new CreateMultipartUploadCommand({ Bucket, Key: 'n' }));
    const bad = await dev
      .send(new UploadPartCommand({ Bucket, Key: 'n', UploadId, PartNumber: 10001, Body: 'x' }))
      .catch((e: unknown) => e);
    expect(bad).toMatchObject({ name: 'InvalidArgument', message: 'Part number must be an integer between 1 and 10000, inclusive' });
  });

  // Amazon S3 API Reference, GetObject (Range; "Amazon S3 doesn't support retrieving multiple ranges of data per GET request"; InvalidRange 416)
  it('given an object, when GetObject asks for a byte range (as the CLI does for a large download), then 206 with Content-Range; past its end, InvalidRange (416)', async () => {
    const { dev } = await serve();
    const { UploadId } = await dev.send(new CreateMultipartUploadCommand({ Bucket, Key: 'r' }));
    const p1 = await dev.send(new UploadPartCommand({ Bucket, Key: 'r', UploadId, PartNumber: 1, Body: '0123456789' }));
    await dev.send(
      new CompleteMultipartUploadCommand({ Bucket, Key: 'r', UploadId, MultipartUpload: { Parts: [{ PartNumber: 1, ETag: p1.ETag }] } }),
    );
    const middle = await dev.send(new GetObjectCommand({ Bucket, Key: 'r', Range: 'bytes=2-5' }));
    expect(middle).toMatchObject({ ContentRange: 'bytes 2-5/10', ContentLength: 4, $metadata: { httpStatusCode: 206 } });
    expect(await middle.Body!.transformToString()).toBe('2345');
    const tail = await dev.send(new GetObjectCommand({ Bucket, Key: 'r', Range: 'bytes=-3' }));
    expect(await tail.Body!.transformToString()).toBe('789');
    const open = await dev.send(new GetObjectCommand({ Bucket, Key: 'r', Range: 'bytes=8-' }));
    expect(await open.Body!.transformToString()).toBe('89');
    const past = await dev.send(new GetObjectCommand({ Bucket, Key: 'r', Range: 'bytes=10-20' })).catch((e: unknown) => e);
    expect(past).toMatchObject({ name: 'InvalidRange', $metadata: { httpStatusCode: 416 } });
  });
});
