// `simulate serve` for S3 objects, with the real AWS SDK for JavaScript v3 (@aws-sdk/client-s3,
// path-style) against the world of scenarios/cross-account.iam: alice's UpdateApp session may
// s3:GetObject and s3:PutObject on productionapp/*; bob has no policy. Sources: Amazon S3 API
// Reference, PutObject / GetObject / ListObjectsV2, and "Error responses" (AccessDenied 403, NoSuchKey
// 404, NoSuchBucket 404; https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html);
// "Signature Calculations for the Authorization Header: Including Trailing Headers"
// (https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-streaming-trailers.html).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'node:http';
import { Readable } from 'node:stream';
import { HttpRequest } from '@smithy/core/protocols';
import { Hash } from '@smithy/core/serde';
import { SignatureV4 } from '@smithy/signature-v4';
import {
  DeleteBucketPolicyCommand,
  DeleteObjectCommand,
  GetBucketPolicyCommand,
  GetObjectCommand,
  GetObjectTaggingCommand,
  HeadObjectCommand,
  ListBucketsCommand,
  ListObjectsV2Command,
  NoSuchKey,
  PutBucketPolicyCommand,
  PutObjectCommand,
  S3Client,
  type S3ClientConfig,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { fromIni } from '@aws-sdk/credential-providers';
import { describe, expect, it } from 'vitest';
import { BOUNDED, closedAfterEach, decidedCalls, loadFile, s3Client, serveFile, serveText } from './harness.js';
import { openServe } from '../../src/cli/serve.js';
import { main } from '../../src/cli/main.js';
import { s3Address } from '../../src/server/s3.js';
import { decodeChunked } from '../../src/server/s3-chunks.js';
import type { RunningServer } from '../../src/server/serve.js';

const FILE = 'scenarios/cross-account.iam';
const load = () => loadFile(FILE);
const ROLE = 'arn:aws:iam::111111111111:role/UpdateApp';
const bounded = { ...BOUNDED, region: 'us-east-1' } as const;

const closed = closedAfterEach();

const profile = (filepath: string, name: string) => fromIni({ filepath, configFilepath: filepath + '.none', profile: name });

async function clients(url: string, credentials: string) {
  const sts = new STSClient({ ...bounded, endpoint: url, credentials: profile(credentials, 'Development/alice') });
  const c = (await sts.send(new AssumeRoleCommand({ RoleArn: ROLE, RoleSessionName: 'alice' }))).Credentials!;
  const session = { accessKeyId: c.AccessKeyId!, secretAccessKey: c.SecretAccessKey!, sessionToken: c.SessionToken! };
  const s3 = (creds: S3ClientConfig['credentials']) =>
    new S3Client({ ...bounded, endpoint: url, forcePathStyle: true, credentials: creds });
  return { alice: s3(session), bob: s3(profile(credentials, 'Development/bob')) };
}

async function serve() {
  const { server, credentials } = await serveFile(FILE, closed);
  return { server, credentials };
}

const lastCall = (server: RunningServer) => decidedCalls(server).at(-1);

describe('simulate serve: S3 objects through the AWS SDK for JavaScript v3', () => {
  it('given alice’s UpdateApp session, when she puts an object then gets it, then S3 returns her bytes, each call authorized on the object’s ARN', async () => {
    const { server, credentials } = await serve();
    const { alice } = await clients(server.url, credentials);
    const put = await alice.send(new PutObjectCommand({ Bucket: 'productionapp', Key: 'app/v1.zip', Body: 'hello, world' }));
    expect(put.ETag).toBe('"e4d7f1b4ed2e42d15898f4b27b019da4"');
    expect(lastCall(server)).toMatchObject({
      action: 's3:PutObject',
      resource: 'arn:aws:s3:::productionapp/app/v1.zip',
      outcome: 'allowed',
    });
    const got = await alice.send(new GetObjectCommand({ Bucket: 'productionapp', Key: 'app/v1.zip' }));
    expect(await got.Body!.transformToString()).toBe('hello, world');
    expect(got.ContentLength).toBe(12);
    const head = await alice.send(new HeadObjectCommand({ Bucket: 'productionapp', Key: 'app/v1.zip' }));
    expect(head).toMatchObject({ ContentLength: 12, ETag: put.ETag });
  });

  it('given a streamed body, when the SDK sends it aws-chunked with a trailing CRC32, then S3 decodes it and checks the checksum', async () => {
    const { server, credentials } = await serve();
    const { alice } = await clients(server.url, credentials);
    const body = Readable.from([Buffer.from('first chunk, '), Buffer.from('second chunk')]);
    let sent: Record<string, string> = {};
    alice.middlewareStack.add(
      (next) => async (args) => {
        sent = (args.request as { headers: Record<string, string> }).headers;
        return next(args);
      },
      { step: 'finalizeRequest', name: 'seeHeaders' },
    );
    await alice.send(new PutObjectCommand({ Bucket: 'productionapp', Key: 'streamed', Body: body, ContentLength: 25 }));
    expect(sent).toMatchObject({ 'content-encoding': 'aws-chunked', 'x-amz-trailer': 'x-amz-checksum-crc32' });
    expect(sent['x-amz-content-sha256']).toBe('STREAMING-UNSIGNED-PAYLOAD-TRAILER');
    const got = await alice.send(new GetObjectCommand({ Bucket: 'productionapp', Key: 'streamed' }));
    expect(await got.Body!.transformToString()).toBe('first chunk, second chunk');
  });

  it('given a checksum that does not match the body, then BadDigest (400) and nothing is stored', async () => {
    const { server, credentials } = await serve();
    const { alice } = await clients(server.url, credentials);
    const error = await alice
      .send(
        new PutObjectCommand({
          Bucket: 'productionapp',
          Key: 'bad',
          Body: 'abc',
          ChecksumSHA256: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=',
        }),
      )
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'BadDigest', $metadata: { httpStatusCode: 400 } });
    const missing = await alice.send(new GetObjectCommand({ Bucket: 'productionapp', Key: 'bad' })).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(NoSuchKey);
  });

  // Amazon S3 User Guide, "Checking object integrity in Amazon S3" (CRC-32C, CRC-64/NVME); the SDK's ChecksumAlgorithm option
  it.each(['CRC32C', 'CRC64NVME'] as const)(
    'given ChecksumAlgorithm %s, when the SDK puts a body in memory (a header) and a stream (a trailer), then S3 checks both and stores the bytes',
    async (algorithm) => {
      const { server, credentials } = await serve();
      const { alice } = await clients(server.url, credentials);
      let sent: Record<string, string> = {};
      alice.middlewareStack.add(
        (next) => async (args) => {
          sent = (args.request as { headers: Record<string, string> }).headers;
          return next(args);
        },
        { step: 'finalizeRequest', name: 'seeHeaders' },
      );
      const name = `x-amz-checksum-${algorithm.toLowerCase()}`;
      await alice.send(new PutObjectCommand({ Bucket: 'productionapp', Key: 'h', Body: 'in memory', ChecksumAlgorithm: algorithm }));
      expect(sent[name]).toBeDefined();
      const stream = Readable.from([Buffer.from('a '), Buffer.from('stream')]);
      await alice.send(
        new PutObjectCommand({ Bucket: 'productionapp', Key: 't', Body: stream, ContentLength: 8, ChecksumAlgorithm: algorithm }),
      );
      expect(sent['x-amz-trailer']).toBe(name);
      const got = await alice.send(new GetObjectCommand({ Bucket: 'productionapp', Key: 't' }));
      expect(await got.Body!.transformToString()).toBe('a stream');
    },
  );

  it('given a CRC32C or CRC64NVME header that does not match the body, then BadDigest (400)', async () => {
    const { server, credentials } = await serve();
    const { alice } = await clients(server.url, credentials);
    const crc32c = await alice
      .send(new PutObjectCommand({ Bucket: 'productionapp', Key: 'c', Body: 'abc', ChecksumCRC32C: 'AAAAAA==' }))
      .catch((e: unknown) => e);
    expect(crc32c).toMatchObject({ name: 'BadDigest', message: 'The CRC32C you specified did not match the calculated checksum.' });
    const crc64 = await alice
      .send(new PutObjectCommand({ Bucket: 'productionapp', Key: 'c', Body: 'abc', ChecksumCRC64NVME: 'AAAAAAAAAAA=' }))
      .catch((e: unknown) => e);
    expect(crc64).toMatchObject({ name: 'BadDigest', $metadata: { httpStatusCode: 400 } });
  });

  it('given an operation iamsim does not carry out (ListBuckets, GetObjectTagging), then NotImplemented (501), recorded as refused', async () => {
    const { server, credentials } = await serve();
    const { alice } = await clients(server.url, credentials);
    const buckets = await alice.send(new ListBucketsCommand({})).catch((e: unknown) => e);
    expect(buckets).toMatchObject({ name: 'NotImplemented', $metadata: { httpStatusCode: 501 } });
    const tagging = await alice.send(new GetObjectTaggingCommand({ Bucket: 'productionapp', Key: 'c' })).catch((e: unknown) => e);
    expect(tagging).toMatchObject({ name: 'NotImplemented', $metadata: { httpStatusCode: 501 } });
    const refused = server
      .events()
      .filter((e) => e.type === 'RequestRefused')
      .map((e) => (e.data as { code: string }).code);
    expect(refused.slice(-2)).toEqual(['NotImplemented', 'NotImplemented']);
  });

  it('given a presigned GetObject URL (@aws-sdk/s3-request-presigner), when it is fetched without credentials, then the object is returned, decided as its signer', async () => {
    const { server, credentials } = await serve();
    const { alice } = await clients(server.url, credentials);
    await alice.send(new PutObjectCommand({ Bucket: 'productionapp', Key: 'shared.txt', Body: 'shared' }));
    const url = await getSignedUrl(alice, new GetObjectCommand({ Bucket: 'productionapp', Key: 'shared.txt' }), { expiresIn: 60 });
    const got = await fetch(url);
    expect(got.status).toBe(200);
    expect(await got.text()).toBe('shared');
    expect(lastCall(server)).toMatchObject({ action: 's3:GetObject', outcome: 'allowed' });
  });

  it('given bob, who has no policy, when he gets an object, then the SDK raises AccessDenied (403)', async () => {
    const { server, credentials } = await serve();
    const { bob } = await clients(server.url, credentials);
    const error = await bob.send(new GetObjectCommand({ Bucket: 'productionapp', Key: 'app/v1.zip' })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(S3ServiceException);
    expect(error).toMatchObject({ name: 'AccessDenied', $metadata: { httpStatusCode: 403 } });
    expect(lastCall(server)).toMatchObject({
      action: 's3:GetObject',
      resource: 'arn:aws:s3:::productionapp/app/v1.zip',
      outcome: 'denied',
    });
  });

  it('given a key never put, when alice gets it, then NoSuchKey (404); HeadObject answers 404 without a body', async () => {
    const { server, credentials } = await serve();
    const { alice } = await clients(server.url, credentials);
    const error = await alice.send(new GetObjectCommand({ Bucket: 'productionapp', Key: 'nothing' })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NoSuchKey);
    expect(error).toMatchObject({ $metadata: { httpStatusCode: 404 } });
    const head = await alice.send(new HeadObjectCommand({ Bucket: 'productionapp', Key: 'nothing' })).catch((e: unknown) => e);
    expect(head).toMatchObject({ name: 'NotFound', $metadata: { httpStatusCode: 404 } });
  });

  it('given a bucket the world does not declare, then the call is decided across accounts, without a bucket policy: AccessDenied', async () => {
    const { server, credentials } = await serve();
    const { alice } = await clients(server.url, credentials);
    const error = await alice.send(new GetObjectCommand({ Bucket: 'someone-elses', Key: 'x' })).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'AccessDenied', $metadata: { httpStatusCode: 403 } });
  });

  it('given objects, when alice lists (s3:ListBucket) with a prefix and max-keys, and deletes one, then the listing follows', async () => {
    const { server, credentials } = await serve();
    const { alice } = await clients(server.url, credentials);
    for (const key of ['a/1', 'a/2', 'b/1']) await alice.send(new PutObjectCommand({ Bucket: 'productionapp', Key: key, Body: key }));
    const listed = await alice.send(new ListObjectsV2Command({ Bucket: 'productionapp', Prefix: 'a/', MaxKeys: 1 }));
    expect(listed).toMatchObject({ KeyCount: 1, IsTruncated: true, Prefix: 'a/' });
    expect(listed.Contents?.map((c) => c.Key)).toEqual(['a/1']);
    expect(lastCall(server)).toMatchObject({ action: 's3:ListBucket', resource: 'arn:aws:s3:::productionapp', outcome: 'allowed' });
    // UpdateApp may not s3:DeleteObject
    const denied = await alice.send(new DeleteObjectCommand({ Bucket: 'productionapp', Key: 'a/1' })).catch((e: unknown) => e);
    expect(denied).toMatchObject({ name: 'AccessDenied', $metadata: { httpStatusCode: 403 } });
  });
});

/** A request signed by the SDK's signer for `host`, sent to the server's own address (127.0.0.1). */
async function rawS3(
  url: string,
  credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string },
  req: { method: string; host: string; path: string; headers?: Record<string, string>; body?: Buffer },
): Promise<{ status: number; body: string }> {
  const port = Number(new URL(url).port);
  const headers = { host: `${req.host}:${port}`, 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD', ...req.headers };
  const http = new HttpRequest({ method: req.method, protocol: 'http:', hostname: req.host, port, path: req.path, headers });
  const signer = new SignatureV4({
    credentials,
    region: 'us-east-1',
    service: 's3',
    sha256: Hash.bind(null, 'sha256'),
    uriEscapePath: false,
  });
  const signed = await signer.sign(http);
  return new Promise((resolve, reject) => {
    const r = request({ host: '127.0.0.1', port, method: req.method, path: req.path, headers: signed.headers }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString('utf8')));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    r.on('error', reject);
    r.end(req.body);
  });
}

describe('simulate serve: S3 requests the SDK is not configured to send here', () => {
  it('given a virtual-hosted request (Host productionapp.localhost), then the bucket is read from the Host and the object returned', async () => {
    const { server, credentials } = await serve();
    const { alice } = await clients(server.url, credentials);
    await alice.send(new PutObjectCommand({ Bucket: 'productionapp', Key: 'v.txt', Body: 'virtual' }));
    const creds = await alice.config.credentials();
    const got = await rawS3(server.url, creds, { method: 'GET', host: 'productionapp.localhost', path: '/v.txt' });
    expect(got).toEqual({ status: 200, body: 'virtual' });
    expect(lastCall(server)).toMatchObject({ action: 's3:GetObject', resource: 'arn:aws:s3:::productionapp/v.txt' });
  });

  it('given an aws-chunked body shorter than its x-amz-decoded-content-length, then IncompleteBody (400); a malformed one too', async () => {
    const { server, credentials } = await serve();
    const { alice } = await clients(server.url, credentials);
    const creds = await alice.config.credentials();
    const chunked = (body: string) =>
      rawS3(server.url, creds, {
        method: 'PUT',
        host: '127.0.0.1',
        path: '/productionapp/x',
        headers: {
          'x-amz-content-sha256': 'STREAMING-UNSIGNED-PAYLOAD-TRAILER',
          'content-encoding': 'aws-chunked',
          'x-amz-decoded-content-length': '10',
          'content-length': String(Buffer.byteLength(body)),
        },
        body: Buffer.from(body),
      });
    const short = await chunked('5\r\nhello\r\n0\r\n\r\n');
    expect(short.status).toBe(400);
    expect(short.body).toContain('<Code>IncompleteBody</Code>');
    const malformed = await chunked('zz\r\nhello');
    expect(malformed.body).toContain('<Code>IncompleteBody</Code>');
  });

  it('given signed chunks without their chunk-signature, then SignatureDoesNotMatch (403); given Signature Version 4A chunks (ECDSA), then NotImplemented (501)', async () => {
    const { server, credentials } = await serve();
    const { alice } = await clients(server.url, credentials);
    const creds = await alice.config.credentials();
    const send = (kind: string) =>
      rawS3(server.url, creds, {
        method: 'PUT',
        host: '127.0.0.1',
        path: '/productionapp/x',
        headers: { 'x-amz-content-sha256': kind, 'content-length': '5' },
        body: Buffer.from('0\r\n\r\n'),
      });
    const unsigned = await send('STREAMING-AWS4-HMAC-SHA256-PAYLOAD');
    expect(unsigned.status).toBe(403);
    expect(unsigned.body).toContain('<Code>SignatureDoesNotMatch</Code>');
    const ecdsa = await send('STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD');
    expect(ecdsa.status).toBe(501);
    expect(ecdsa.body).toContain('<Code>NotImplemented</Code>');
  });

  it('given a body over the 32 MiB iamsim keeps, then EntityTooLarge (400), before the signature is checked', async () => {
    const { server } = await serve();
    const auth = 'AWS4-HMAC-SHA256 Credential=AKIAEXAMPLE/20260101/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=00';
    const answer = await fetch(`${server.url}/productionapp/big`, {
      method: 'PUT',
      headers: { authorization: auth },
      body: Buffer.alloc(33 * 1024 * 1024),
    }).catch((e: unknown) => e);
    if (answer instanceof Response) {
      expect(answer.status).toBe(400);
      const text = await answer.text();
      expect(text).toContain('<Code>EntityTooLarge</Code>');
      expect(text).toContain('<MaxSizeAllowed>33554432</MaxSizeAllowed>');
    }
    expect(
      server
        .events()
        .filter((e) => e.type === 'RequestRefused')
        .map((e) => (e.data as { code: string }).code),
    ).toEqual(['EntityTooLarge']);
  });
});

const POLICY_WORLD = `scenario "Bucket policies"
clock 2026-01-01T09:00:00Z

account Production 111111111111 {
  bucket ledger {
    policy {
      allow sid Read principal * action s3:GetObject resource arn:aws:s3:::ledger/*
      allow sid PartnerPuts principal arn:aws:iam::222222222222:root action s3:PutBucketPolicy resource arn:aws:s3:::ledger
    }
  }
  bucket plain
  user admin {
    inline Policies {
      allow action s3:GetBucketPolicy, s3:PutBucketPolicy, s3:DeleteBucketPolicy resource *
    }
  }
}

account Partner 222222222222 {
  user carol { inline Puts { allow action s3:PutBucketPolicy resource * } }
}
`;

// Amazon S3 API Reference, PutBucketPolicy / DeleteBucketPolicy (204 No Content; "If you have the
// correct permissions, but you're not using an identity that belongs to the bucket owner's account,
// Amazon S3 returns a 405 Method Not Allowed error"); MalformedPolicy "Policies must be valid JSON
// and the first byte must be '{'" (aws/aws-cli#2779).
describe('simulate serve: bucket policies through the AWS SDK for JavaScript v3', () => {
  async function policyServer() {
    const { server, profile } = await serveText(POLICY_WORLD, 'policies.iam', closed);
    const client = (name: string) => s3Client(server, profile(name));
    return { server, admin: client('Production/admin'), carol: client('Partner/carol') };
  }

  it('given the admin may read bucket policies, then GetBucketPolicy returns the world’s policy, and NoSuchBucketPolicy (404) for a bucket without one', async () => {
    const { server, admin } = await policyServer();
    const got = await admin.send(new GetBucketPolicyCommand({ Bucket: 'ledger' }));
    expect(JSON.parse(got.Policy!)).toMatchObject({
      Statement: [{ Sid: 'Read', Effect: 'Allow', Action: 's3:GetObject' }, { Sid: 'PartnerPuts' }],
    });
    expect(lastCall(server)).toMatchObject({ action: 's3:GetBucketPolicy', resource: 'arn:aws:s3:::ledger', outcome: 'allowed' });
    const none = await admin.send(new GetBucketPolicyCommand({ Bucket: 'plain' })).catch((e: unknown) => e);
    expect(none).toMatchObject({ name: 'NoSuchBucketPolicy', $metadata: { httpStatusCode: 404 } });
  });

  it('given the admin, when she puts a policy (204), then GetBucketPolicy reads it and the change is an event; when she deletes it (204), NoSuchBucketPolicy again', async () => {
    const { server, admin } = await policyServer();
    const policy = {
      Version: '2012-10-17',
      Statement: [{ Sid: 'Open', Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::plain/*' }],
    };
    const put = await admin.send(new PutBucketPolicyCommand({ Bucket: 'plain', Policy: JSON.stringify(policy) }));
    expect(put.$metadata.httpStatusCode).toBe(204);
    const changes = () => server.events().filter((e) => (e.data as { arn?: string }).arn === 'arn:aws:s3:::plain');
    expect(changes().map((e) => e.type)).toEqual(['BucketCreated', 'ResourcePolicyPut']);
    const got = await admin.send(new GetBucketPolicyCommand({ Bucket: 'plain' }));
    expect(JSON.parse(got.Policy!)).toEqual(policy);
    const deleted = await admin.send(new DeleteBucketPolicyCommand({ Bucket: 'plain' }));
    expect(deleted.$metadata.httpStatusCode).toBe(204);
    expect(changes().map((e) => e.type)).toEqual(['BucketCreated', 'ResourcePolicyPut', 'ResourcePolicyDeleted']);
    const none = await admin.send(new GetBucketPolicyCommand({ Bucket: 'plain' })).catch((e: unknown) => e);
    expect(none).toMatchObject({ name: 'NoSuchBucketPolicy', $metadata: { httpStatusCode: 404 } });
  });

  it('given a policy that is not JSON, or names another bucket, then MalformedPolicy (400) and the world keeps its policy', async () => {
    const { server, admin } = await policyServer();
    const text = await admin.send(new PutBucketPolicyCommand({ Bucket: 'ledger', Policy: 'open it' })).catch((e: unknown) => e);
    expect(text).toMatchObject({
      name: 'MalformedPolicy',
      message: "Policies must be valid JSON and the first byte must be '{'",
      $metadata: { httpStatusCode: 400 },
    });
    const other = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::plain/*' }],
    });
    const outside = await admin.send(new PutBucketPolicyCommand({ Bucket: 'ledger', Policy: other })).catch((e: unknown) => e);
    expect(outside).toMatchObject({ name: 'MalformedPolicy', message: 'Policy has invalid resource' });
    const kept = await admin.send(new GetBucketPolicyCommand({ Bucket: 'ledger' }));
    expect(JSON.parse(kept.Policy!)).toMatchObject({ Statement: [{ Sid: 'Read' }, { Sid: 'PartnerPuts' }] });
    expect(server.events().filter((e) => e.type === 'RequestFailed').length).toBe(2);
  });

  it('given carol of another account, allowed by her policy and the bucket policy, when she puts the policy, then 405 MethodNotAllowed', async () => {
    const { admin, carol } = await policyServer();
    const policy = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:*', Resource: 'arn:aws:s3:::ledger/*' }],
    });
    const refused = await carol.send(new PutBucketPolicyCommand({ Bucket: 'ledger', Policy: policy })).catch((e: unknown) => e);
    expect(refused).toMatchObject({ name: 'MethodNotAllowed', $metadata: { httpStatusCode: 405 } });
    const denied = await carol.send(new DeleteBucketPolicyCommand({ Bucket: 'ledger' })).catch((e: unknown) => e);
    expect(denied).toMatchObject({ name: 'AccessDenied', $metadata: { httpStatusCode: 403 } });
    const kept = await admin.send(new GetBucketPolicyCommand({ Bucket: 'ledger' }));
    expect(JSON.parse(kept.Policy!)).toMatchObject({ Statement: [{ Sid: 'Read' }, { Sid: 'PartnerPuts' }] });
  });
});

describe('S3 requests as read', () => {
  it('addresses a bucket and key path-style and virtual-hosted', () => {
    expect(s3Address('127.0.0.1:9000', '/productionapp/app/v1%20.zip')).toEqual({ bucket: 'productionapp', key: 'app/v1 .zip' });
    expect(s3Address('productionapp.s3.us-east-1.amazonaws.com', '/app.zip')).toEqual({ bucket: 'productionapp', key: 'app.zip' });
    expect(s3Address('productionapp.localhost:9000', '/')).toEqual({ bucket: 'productionapp', key: '' });
  });
  it('decodes aws-chunked bodies and their trailers, and refuses a truncated one', () => {
    const body = Buffer.from('5\r\nhello\r\n0\r\nx-amz-checksum-crc32:NhCmhg==\r\n\r\n');
    expect(decodeChunked(body)).toMatchObject({ bytes: Buffer.from('hello'), trailers: [['x-amz-checksum-crc32', 'NhCmhg==']] });
    expect(decodeChunked(Buffer.from('5\r\nhel'))).toBeNull();
    expect(decodeChunked(Buffer.from('zz\r\nhello\r\n'))).toBeNull();
  });
});

describe('simulate serve: S3 on the console', () => {
  it('given --events, when S3 requests are answered, then simulate replay of the log prints the same trace', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'iamsim-s3-'));
    const events = join(dir, 'serve.jsonl');
    const credentials = join(dir, 'credentials');
    let out = '';
    const io = { stdout: (s: string) => void (out += s), stderr: () => {}, isTTY: false, env: {} };
    const serving = await openServe(load(), { port: 0, host: null, credentials, events, color: false }, io);
    closed(serving);
    const { alice, bob } = await clients(serving.url, credentials);
    await alice.send(new PutObjectCommand({ Bucket: 'productionapp', Key: 'k', Body: 'v' }));
    await alice.send(new GetObjectCommand({ Bucket: 'productionapp', Key: 'k' }));
    await bob.send(new GetObjectCommand({ Bucket: 'productionapp', Key: 'k' })).catch(() => {});
    await serving.close();
    expect(out).toContain('PUT s3:PutObject from 127.0.0.1');
    let replayed = '';
    const code = await main(['replay', events, '--no-color'], { ...io, stdout: (s: string) => void (replayed += s) });
    expect(code).toBe(0);
    expect(replayed).toBe(out);
  });
});
