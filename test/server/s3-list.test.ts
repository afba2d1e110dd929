// ListObjectsV2 through `simulate serve` with the real AWS SDK for JavaScript v3 (@aws-sdk/client-s3
// and its paginator). Sources: Amazon S3 API Reference, ListObjectsV2
// (https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListObjectsV2.html): UTF-8 binary order,
// prefix, delimiter and CommonPrefixes (a common prefix counts as one return), max-keys (1,000 at
// most), continuation-token / NextContinuationToken, start-after, encoding-type=url, KeyCount;
// "Error responses" (InvalidArgument 400, https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html);
// Service Authorization Reference for Amazon S3 (s3:prefix, s3:delimiter, s3:max-keys on s3:ListBucket).
import { ListObjectsV2Command, paginateListObjectsV2, PutObjectCommand } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { closedAfterEach, s3Client, serveText } from './harness.js';

const WORLD = `scenario "Listing"
clock 2026-01-01T09:00:00Z

account Production 111111111111 {
  bucket files
  user dev { inline Files { allow action s3:ListBucket, s3:PutObject resource arn:aws:s3:::files, arn:aws:s3:::files/* } }
  user reader { inline PublicOnly { allow action s3:ListBucket resource arn:aws:s3:::files when StringEquals s3:prefix public/ } }
}
`;

const closed = closedAfterEach();

async function serve() {
  const { server, profile } = await serveText(WORLD, 'listing.iam', closed);
  const client = (name: string) => s3Client(server, profile(name));
  const dev = client('Production/dev');
  const put = async (...keys: string[]) => {
    for (const Key of keys) await dev.send(new PutObjectCommand({ Bucket: 'files', Key, Body: Key }));
  };
  return { server, dev, reader: client('Production/reader'), put };
}

describe('simulate serve: ListObjectsV2', () => {
  it('given seven keys, when the SDK’s paginator lists them three at a time, then three pages in UTF-8 binary order, each with KeyCount and a continuation token', async () => {
    const { dev, put } = await serve();
    // U+FF5E is EF BD 9E in UTF-8 and U+1F600 F0 9F 98 80: UTF-8 order puts the emoji last (UTF-16 order would not)
    await put('b', 'a', 'z', '\u{1F600}', '\uFF5E', 'c/1', 'c/2');
    const pages = [];
    for await (const page of paginateListObjectsV2({ client: dev, pageSize: 3 }, { Bucket: 'files' })) pages.push(page);
    expect(pages.map((p) => p.Contents?.map((c) => c.Key))).toEqual([['a', 'b', 'c/1'], ['c/2', 'z', '\uFF5E'], ['\u{1F600}']]);
    expect(pages.map((p) => [p.KeyCount, p.MaxKeys, p.IsTruncated])).toEqual([
      [3, 3, true],
      [3, 3, true],
      [1, 3, false],
    ]);
    // the token is opaque (not a key), echoed back on the next page
    expect(pages[0]!.NextContinuationToken).not.toContain('c/1');
    expect(pages[1]!.ContinuationToken).toBe(pages[0]!.NextContinuationToken);
    expect(pages[2]!.NextContinuationToken).toBeUndefined();
  });

  it('given keys in folders, when listed with a delimiter, then CommonPrefixes roll them up, each counting as one, also across pages', async () => {
    const { dev, put } = await serve();
    await put('a/1', 'a/2', 'a/b/3', 'b/1', 'c', 'd/1');
    const all = await dev.send(new ListObjectsV2Command({ Bucket: 'files', Delimiter: '/' }));
    expect(all.CommonPrefixes?.map((p) => p.Prefix)).toEqual(['a/', 'b/', 'd/']);
    expect(all.Contents?.map((c) => c.Key)).toEqual(['c']);
    expect(all).toMatchObject({ KeyCount: 4, Delimiter: '/', IsTruncated: false });
    const inA = await dev.send(new ListObjectsV2Command({ Bucket: 'files', Delimiter: '/', Prefix: 'a/' }));
    expect(inA.Contents?.map((c) => c.Key)).toEqual(['a/1', 'a/2']);
    expect(inA.CommonPrefixes?.map((p) => p.Prefix)).toEqual(['a/b/']);
    const pages = [];
    for await (const page of paginateListObjectsV2({ client: dev, pageSize: 1 }, { Bucket: 'files', Delimiter: '/' }))
      pages.push([...(page.CommonPrefixes ?? []).map((p) => p.Prefix), ...(page.Contents ?? []).map((c) => c.Key)]);
    expect(pages).toEqual([['a/'], ['b/'], ['c'], ['d/']]);
  });

  it('given start-after, then the listing starts after that key; given max-keys over 1000, then at most 1000', async () => {
    const { dev, put } = await serve();
    await put('a', 'b', 'c');
    const after = await dev.send(new ListObjectsV2Command({ Bucket: 'files', StartAfter: 'a' }));
    expect(after.Contents?.map((c) => c.Key)).toEqual(['b', 'c']);
    expect(after.StartAfter).toBe('a');
    const many = await dev.send(new ListObjectsV2Command({ Bucket: 'files', MaxKeys: 5000 }));
    expect(many).toMatchObject({ MaxKeys: 1000, KeyCount: 3 });
  });

  it('given encoding-type=url, then keys come back URL-encoded, and the SDK gives them as sent', async () => {
    const { dev, put } = await serve();
    await put('with space/é');
    const listed = await dev.send(new ListObjectsV2Command({ Bucket: 'files', EncodingType: 'url' }));
    expect(listed.EncodingType).toBe('url');
    expect(listed.Contents?.map((c) => c.Key)).toEqual(['with+space/%C3%A9']);
  });

  it('given a negative max-keys or a token iamsim did not give, then InvalidArgument (400), refused before the engine', async () => {
    const { server, dev } = await serve();
    const negative = await dev.send(new ListObjectsV2Command({ Bucket: 'files', MaxKeys: -1 })).catch((e: unknown) => e);
    expect(negative).toMatchObject({ name: 'InvalidArgument', $metadata: { httpStatusCode: 400 } });
    expect((negative as Error).message).toBe('Provided max-keys not an integer or within integer range');
    const token = await dev.send(new ListObjectsV2Command({ Bucket: 'files', ContinuationToken: 'a/1' })).catch((e: unknown) => e);
    expect(token).toMatchObject({ name: 'InvalidArgument', message: 'The continuation token provided is incorrect' });
    expect(
      server
        .events()
        .filter((e) => e.type === 'RequestRefused')
        .map((e) => (e.data as { code: string }).code),
    ).toEqual(['InvalidArgument', 'InvalidArgument']);
  });

  it('given a user who may list only with the prefix public/, then s3:prefix decides: allowed with it, AccessDenied without', async () => {
    const { reader } = await serve();
    const allowed = await reader.send(new ListObjectsV2Command({ Bucket: 'files', Prefix: 'public/' }));
    expect(allowed.KeyCount).toBe(0);
    const denied = await reader.send(new ListObjectsV2Command({ Bucket: 'files' })).catch((e: unknown) => e);
    expect(denied).toMatchObject({ name: 'AccessDenied', $metadata: { httpStatusCode: 403 } });
  });
});
