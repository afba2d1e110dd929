// CopyObject, large bodies and anonymous requests through `simulate serve`, with the real AWS SDK for
// JavaScript v3 (@aws-sdk/client-s3) and plain unsigned HTTP. Sources: Amazon S3 API Reference,
// CopyObject ("you must have read access to the source object and write access to the destination
// bucket": s3:GetObject and s3:PutObject; the CopyObjectResult), PutObject and "Error responses"
// (EntityTooLarge, NoSuchKey, AccessDenied; https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html);
// Amazon S3 User Guide, "Uploading objects" (a single PUT up to 5 GB) and "Bucket policy examples"
// (a Principal "*" statement grants anonymous access: https://docs.aws.amazon.com/AmazonS3/latest/userguide/example-bucket-policies.html).
import { request } from 'node:http';
import { CopyObjectCommand, GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { closedAfterEach, decidedCalls, s3Client, serveText } from './harness.js';

const WORLD = `scenario "Copies and anonymous reads"
clock 2026-01-01T09:00:00Z

account Production 111111111111 {
  bucket public-site {
    policy { allow sid PublicRead principal * action s3:GetObject resource arn:aws:s3:::public-site/* }
  }
  bucket private
  user dev { inline Objects { allow action s3:GetObject, s3:PutObject resource arn:aws:s3:::public-site/*, arn:aws:s3:::private/* } }
  user writer { inline WriteOnly { allow action s3:PutObject resource arn:aws:s3:::private/* } }
  user copier {
    inline CopiesOfPublicOnly {
      allow action s3:GetObject resource arn:aws:s3:::public-site/*, arn:aws:s3:::private/*
      allow action s3:PutObject resource arn:aws:s3:::private/* when StringLike s3:x-amz-copy-source public-site/*
    }
  }
}
`;

const closed = closedAfterEach();

async function serve() {
  const { server, profile } = await serveText(WORLD, 'copies.iam', closed);
  const client = (name: string) => s3Client(server, profile(name));
  return { server, dev: client('Production/dev'), writer: client('Production/writer'), copier: client('Production/copier') };
}

const calls = decidedCalls;

describe('simulate serve: CopyObject', () => {
  it('given dev may read the source and write the destination, when she copies, then S3 answers CopyObjectResult, each side decided by the engine', async () => {
    const { server, dev } = await serve();
    const put = await dev.send(
      new PutObjectCommand({ Bucket: 'public-site', Key: 'index.html', Body: '<h1>hi</h1>', ContentType: 'text/html' }),
    );
    const copied = await dev.send(
      new CopyObjectCommand({ Bucket: 'private', Key: 'backup/index.html', CopySource: 'public-site/index.html' }),
    );
    expect(copied.CopyObjectResult?.ETag).toBe(put.ETag);
    expect(copied.CopyObjectResult?.LastModified).toBeInstanceOf(Date);
    expect(
      calls(server)
        .slice(-2)
        .map((c) => [c.action, c.resource, c.outcome]),
    ).toEqual([
      ['s3:GetObject', 'arn:aws:s3:::public-site/index.html', 'allowed'],
      ['s3:PutObject', 'arn:aws:s3:::private/backup/index.html', 'allowed'],
    ]);
    const got = await dev.send(new GetObjectCommand({ Bucket: 'private', Key: 'backup/index.html' }));
    expect(got.ContentType).toBe('text/html');
    expect(await got.Body!.transformToString()).toBe('<h1>hi</h1>');
  });

  it('given writer may not read the source, then AccessDenied (403) on s3:GetObject, and the destination is not asked', async () => {
    const { server, dev, writer } = await serve();
    await dev.send(new PutObjectCommand({ Bucket: 'private', Key: 'secret', Body: 's' }));
    const denied = await writer
      .send(new CopyObjectCommand({ Bucket: 'private', Key: 'mine', CopySource: 'private/secret' }))
      .catch((e: unknown) => e);
    expect(denied).toMatchObject({ name: 'AccessDenied', $metadata: { httpStatusCode: 403 } });
    expect(calls(server).at(-1)).toMatchObject({ action: 's3:GetObject', resource: 'arn:aws:s3:::private/secret', outcome: 'denied' });
  });

  // Service Authorization Reference for Amazon S3: s3:x-amz-copy-source on s3:PutObject
  it('given copier may write only copies of public-site objects (s3:x-amz-copy-source), then a copy from public-site is allowed and one from private denied', async () => {
    const { server, dev, copier } = await serve();
    await dev.send(new PutObjectCommand({ Bucket: 'public-site', Key: 'a', Body: 'a' }));
    await dev.send(new PutObjectCommand({ Bucket: 'private', Key: 'b', Body: 'b' }));
    await copier.send(new CopyObjectCommand({ Bucket: 'private', Key: 'copy-a', CopySource: 'public-site/a' }));
    expect(calls(server).at(-1)?.context).toMatchObject({ 's3:x-amz-copy-source': 'public-site/a' });
    const denied = await copier
      .send(new CopyObjectCommand({ Bucket: 'private', Key: 'copy-b', CopySource: 'private/b' }))
      .catch((e: unknown) => e);
    expect(denied).toMatchObject({ name: 'AccessDenied' });
    expect(calls(server).at(-1)).toMatchObject({ action: 's3:PutObject', outcome: 'denied' });
  });

  it('given a source never put, then NoSuchKey (404); given a source that names no key, then InvalidArgument (400)', async () => {
    const { dev } = await serve();
    const missing = await dev
      .send(new CopyObjectCommand({ Bucket: 'private', Key: 'x', CopySource: 'public-site/nothing' }))
      .catch((e: unknown) => e);
    expect(missing).toMatchObject({ name: 'NoSuchKey', $metadata: { httpStatusCode: 404 } });
    const bad = await dev.send(new CopyObjectCommand({ Bucket: 'private', Key: 'x', CopySource: 'public-site' })).catch((e: unknown) => e);
    expect(bad).toMatchObject({ name: 'InvalidArgument', $metadata: { httpStatusCode: 400 } });
  });
});

describe('simulate serve: bodies over 1 MiB', () => {
  it('given a 5 MiB object, when dev puts it with the SDK, then she gets the same bytes back', async () => {
    const { dev } = await serve();
    const body = Buffer.alloc(5 * 1024 * 1024);
    for (let i = 0; i < body.length; i += 4096) body[i] = i % 251;
    await dev.send(new PutObjectCommand({ Bucket: 'private', Key: 'big.bin', Body: body }));
    const got = await dev.send(new GetObjectCommand({ Bucket: 'private', Key: 'big.bin' }));
    expect(Buffer.from(await got.Body!.transformToByteArray()).equals(body)).toBe(true);
  });

  it('given a PUT that announces more than 5 GB, then S3’s EntityTooLarge with MaxSizeAllowed 5368709120, before the body is read', async () => {
    const { server } = await serve();
    const { port } = new URL(server.url);
    const auth = 'AWS4-HMAC-SHA256 Credential=AKIAEXAMPLE/20260101/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=00';
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port,
          method: 'PUT',
          path: '/private/huge',
          headers: { authorization: auth, 'content-length': 6 * 1024 ** 3 },
        },
        (res) => {
          let body = '';
          res.on('data', (c: Buffer) => (body += c.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        },
      );
      req.on('error', reject);
      req.flushHeaders();
    });
    expect(answer.status).toBe(400);
    expect(answer.body).toContain('<Code>EntityTooLarge</Code>');
    expect(answer.body).toContain('<MaxSizeAllowed>5368709120</MaxSizeAllowed>');
  });
});

describe('simulate serve: anonymous S3 requests', () => {
  it('given a bucket policy that allows everyone to read, when an unsigned GET asks for an object, then it is returned, decided for the anonymous principal', async () => {
    const { server, dev } = await serve();
    await dev.send(new PutObjectCommand({ Bucket: 'public-site', Key: 'index.html', Body: 'welcome' }));
    const got = await fetch(`${server.url}/public-site/index.html`);
    expect(got.status).toBe(200);
    expect(await got.text()).toBe('welcome');
    expect(calls(server).at(-1)).toMatchObject({ action: 's3:GetObject', outcome: 'allowed', caller: { arn: 'anonymous' } });
  });

  it('given no policy grants it, then an unsigned GET, or an unsigned PUT to the public bucket, is AccessDenied (403)', async () => {
    const { server, dev } = await serve();
    await dev.send(new PutObjectCommand({ Bucket: 'private', Key: 'secret', Body: 's' }));
    const read = await fetch(`${server.url}/private/secret`);
    expect(read.status).toBe(403);
    expect(await read.text()).toContain('<Code>AccessDenied</Code>');
    const write = await fetch(`${server.url}/public-site/defaced.html`, { method: 'PUT', body: 'x' });
    expect(write.status).toBe(403);
    expect(calls(server).at(-1)).toMatchObject({ action: 's3:PutObject', outcome: 'denied', caller: { arn: 'anonymous' } });
  });
});
