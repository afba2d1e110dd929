// Signature Version 4 verification, given requests signed by the real AWS SDK for JavaScript v3 and
// sent to a recorder on 127.0.0.1, when they are verified with the world's secrets, then they are
// accepted, and each of AWS's errors answers what AWS answers. Sources: AWS STS / IAM API Reference,
// "Common Errors"; IAM User Guide, "Troubleshoot signed requests for AWS APIs"; Amazon S3 API
// Reference, "Error responses" and "Authenticating Requests: Using Query Parameters"; the messages
// AWS returns, as quoted in the threads cited in docs/aws-rules.md (Signature Version 4).
import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { HttpRequest } from '@smithy/core/protocols';
import { Hash } from '@smithy/core/serde';
import { SignatureV4 } from '@smithy/signature-v4';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { headerMap, verifySigV4, type KeyRecord, type ReceivedRequest, type VerifyOptions } from '../../src/server/sigv4.js';

const ALICE = { accessKeyId: 'AKIAALICEEXAMPLE0001', secretAccessKey: 'alice-secret-derived-from-the-seed/0000000' };
const SESSION = {
  accessKeyId: 'ASIASESSIONEXAMPLE01',
  secretAccessKey: 'session-secret-derived-from-the-seed/00000',
  sessionToken: 'IQoJb3JpZ2luX2VjEXAMPLE-session-token',
};

/** The world's keys: alice's long-term key, a session, and what each test changes. */
function keys(changes: Partial<Record<string, Partial<KeyRecord> | null>> = {}) {
  const base: Record<string, KeyRecord> = {
    [ALICE.accessKeyId]: { secretAccessKey: ALICE.secretAccessKey, sessionToken: null, kind: 'long-term', status: 'Active' },
    [SESSION.accessKeyId]: {
      secretAccessKey: SESSION.secretAccessKey,
      sessionToken: SESSION.sessionToken,
      kind: 'temporary',
      expiration: new Date(Date.now() + 3600_000).toISOString(),
    },
  };
  return (id: string): KeyRecord | null => {
    if (changes[id] === null) return null;
    const record = base[id];
    return record ? { ...record, ...changes[id] } : null;
  };
}

/** Requests as the server will see them: method, raw path and query, raw headers, body bytes. */
const received: ReceivedRequest[] = [];
let server: Server;
let endpoint = '';

function pairs(raw: string[]): [string, string][] {
  const out: [string, string][] = [];
  for (let i = 0; i + 1 < raw.length; i += 2) out.push([raw[i] ?? '', raw[i + 1] ?? '']);
  return out;
}

async function record(req: IncomingMessage): Promise<ReceivedRequest> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const url = req.url ?? '/';
  const q = url.indexOf('?');
  return {
    method: req.method ?? 'GET',
    path: q < 0 ? url : url.slice(0, q),
    query: q < 0 ? '' : url.slice(q + 1),
    headers: pairs(req.rawHeaders),
    body: new Uint8Array(Buffer.concat(chunks)),
  };
}

const IDENTITY = `<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult><Arn>arn:aws:iam::111111111111:user/alice</Arn><UserId>AIDAEXAMPLE</UserId><Account>111111111111</Account></GetCallerIdentityResult><ResponseMetadata><RequestId>00000000-0000-0000-0000-000000000000</RequestId></ResponseMetadata></GetCallerIdentityResponse>`;

beforeAll(async () => {
  server = createServer((req, res) => {
    void record(req).then((r) => {
      received.push(r);
      const sts = r.method === 'POST' && r.path === '/';
      res.writeHead(200, { 'content-type': sts ? 'text/xml' : 'application/octet-stream', etag: '"0"' });
      res.end(sts ? IDENTITY : '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

/** The request the SDK sent for `send`. */
async function captured(send: () => Promise<unknown>): Promise<ReceivedRequest> {
  const before = received.length;
  await send();
  const r = received[before];
  if (!r) throw new Error('the SDK sent nothing');
  return r;
}

function sts(credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string }, region = 'us-east-1') {
  return new STSClient({ region, endpoint, credentials, maxAttempts: 1 });
}

function s3(credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string }) {
  return new S3Client({ region: 'us-east-1', endpoint, forcePathStyle: true, credentials, maxAttempts: 1 });
}

const stsOptions = (lookup = keys(), now = new Date()): VerifyOptions => ({ lookup, now, service: 'sts' });
const s3Options = (lookup = keys(), now = new Date()): VerifyOptions => ({ lookup, now, service: 's3', regions: ['us-east-1'] });

/** A received request with one header replaced (or removed with null). */
function withHeader(r: ReceivedRequest, name: string, value: string | null): ReceivedRequest {
  const kept = (r.headers as [string, string][]).filter(([n]) => n.toLowerCase() !== name.toLowerCase());
  return { ...r, headers: value === null ? kept : [...kept, [name, value]] };
}

function header(r: ReceivedRequest, name: string): string {
  return (r.headers as [string, string][]).find(([n]) => n.toLowerCase() === name)?.[1] ?? '';
}

const minutes = (n: number) => new Date(Date.now() + n * 60_000);

describe('requests signed by the AWS SDK for JavaScript v3', () => {
  it('accepts STS GetCallerIdentity signed with a long-term key', async () => {
    const r = await captured(() => sts(ALICE).send(new GetCallerIdentityCommand({})));
    const result = await verifySigV4(r, stsOptions());
    expect(result).toMatchObject({
      ok: true,
      accessKeyId: ALICE.accessKeyId,
      sessionToken: null,
      service: 'sts',
      region: 'us-east-1',
      auth: 'header',
    });
  });

  it('accepts GetCallerIdentity signed with a session, its token signed (x-amz-security-token)', async () => {
    const r = await captured(() => sts(SESSION).send(new GetCallerIdentityCommand({})));
    expect(header(r, 'authorization')).toContain('x-amz-security-token');
    expect(await verifySigV4(r, stsOptions())).toMatchObject({
      ok: true,
      accessKeyId: SESSION.accessKeyId,
      sessionToken: SESSION.sessionToken,
    });
  });

  it('accepts a request signed for another region when the endpoint takes any region', async () => {
    const r = await captured(() => sts(ALICE, 'eu-west-1').send(new GetCallerIdentityCommand({})));
    expect(await verifySigV4(r, stsOptions())).toMatchObject({ ok: true, region: 'eu-west-1' });
  });

  it('accepts an S3 GetObject presigned URL (@aws-sdk/s3-request-presigner), UNSIGNED-PAYLOAD', async () => {
    const url = new URL(
      await getSignedUrl(s3(SESSION), new GetObjectCommand({ Bucket: 'bucket', Key: 'a key/ü.txt' }), { expiresIn: 300 }),
    );
    expect(url.searchParams.get('X-Amz-Security-Token')).toBe(SESSION.sessionToken);
    const r = await captured(() => get(url));
    expect(await verifySigV4(r, s3Options())).toMatchObject({ ok: true, auth: 'query', service: 's3', payload: { kind: 'unsigned' } });
  });

  it('accepts S3 PutObject with a signed payload hash, and refuses a body that is not the one hashed (XAmzContentSHA256Mismatch)', async () => {
    const r = await captured(() => s3(ALICE).send(new PutObjectCommand({ Bucket: 'bucket', Key: 'k', Body: 'hello' })));
    const hello = '2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824';
    expect(await verifySigV4(r, s3Options())).toMatchObject({ ok: true, payload: { kind: 'signed', sha256: hello } });
    expect(await verifySigV4({ ...r, body: 'jello' }, s3Options())).toEqual({
      ok: false,
      code: 'XAmzContentSHA256Mismatch',
      message: "The provided 'x-amz-content-sha256' header does not match what was computed.",
      status: 400,
    });
  });

  it('accepts S3 PutObject of a stream, sent aws-chunked (STREAMING-UNSIGNED-PAYLOAD-TRAILER), leaving the chunks to the S3 part', async () => {
    const body = Readable.from([Buffer.from('hello')]);
    const r = await captured(() => s3(ALICE).send(new PutObjectCommand({ Bucket: 'bucket', Key: 'k', Body: body, ContentLength: 5 })));
    expect(header(r, 'content-encoding')).toBe('aws-chunked');
    expect(await verifySigV4(r, s3Options())).toMatchObject({
      ok: true,
      payload: { kind: 'streaming', contentSha256: 'STREAMING-UNSIGNED-PAYLOAD-TRAILER' },
    });
  });
});

/** GET a URL on the recorder. */
function get(url: URL): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: 'GET' }, (res) => {
      res.resume();
      res.on('end', () => resolve());
    });
    req.on('error', reject);
    req.end();
  });
}

describe('a presigned STS GetCallerIdentity (the EKS token), presigned by the SDK’s signer', () => {
  /** What aws-iam-authenticator and `aws eks get-token` send: a GET presigned for 60 seconds, x-k8s-aws-id signed. */
  async function eksToken(signingDate: Date): Promise<ReceivedRequest> {
    const signer = new SignatureV4({ credentials: SESSION, region: 'us-east-1', service: 'sts', sha256: Hash.bind(null, 'sha256') });
    const presigned = await signer.presign(
      new HttpRequest({
        method: 'GET',
        protocol: 'http:',
        hostname: '127.0.0.1',
        path: '/',
        query: { Action: 'GetCallerIdentity', Version: '2011-06-15' },
        headers: { host: new URL(endpoint).host, 'x-k8s-aws-id': 'cluster' },
      }),
      { expiresIn: 60, signingDate },
    );
    const url = new URL(endpoint);
    for (const [name, value] of Object.entries(presigned.query ?? {})) url.searchParams.set(name, String(value));
    return captured(
      () =>
        new Promise<void>((resolve, reject) => {
          const req = httpRequest(url, { method: 'GET', headers: { 'x-k8s-aws-id': 'cluster' } }, (res) => res.resume().on('end', resolve));
          req.on('error', reject);
          req.end();
        }),
    );
  }

  it('is accepted, the session token taken from X-Amz-Security-Token', async () => {
    const r = await eksToken(new Date());
    expect(await verifySigV4(r, stsOptions())).toMatchObject({
      ok: true,
      auth: 'query',
      sessionToken: SESSION.sessionToken,
      service: 'sts',
    });
  });

  it('is held to 15 minutes from X-Amz-Date, not to X-Amz-Expires (STS does not honour it)', async () => {
    const r = await eksToken(minutes(-10));
    expect(await verifySigV4(r, stsOptions())).toMatchObject({ ok: true });
    expect(await verifySigV4(await eksToken(minutes(-16)), stsOptions())).toMatchObject({
      code: 'SignatureDoesNotMatch',
      message: expect.stringMatching(/^Signature expired: \d{8}T\d{6}Z is now earlier than/),
    });
  });

  it('is refused when the cluster it names changes', async () => {
    const r = await eksToken(new Date());
    expect(await verifySigV4(withHeader(r, 'x-k8s-aws-id', 'other'), stsOptions())).toMatchObject({ code: 'SignatureDoesNotMatch' });
  });
});

describe('what AWS answers when the signature cannot be accepted (STS dialect)', () => {
  let signed: ReceivedRequest;
  let session: ReceivedRequest;
  beforeAll(async () => {
    signed = await captured(() => sts(ALICE).send(new GetCallerIdentityCommand({})));
    session = await captured(() => sts(SESSION).send(new GetCallerIdentityCommand({})));
  });

  it('MissingAuthenticationToken for a request with no signature', async () => {
    expect(await verifySigV4(withHeader(signed, 'authorization', null), stsOptions())).toEqual({
      ok: false,
      code: 'MissingAuthenticationToken',
      message: 'Request is missing Authentication Token',
      status: 403,
    });
  });

  it('IncompleteSignature naming each missing part of the Authorization header, then the header', async () => {
    const auth = `AWS4-HMAC-SHA256 Credential=${ALICE.accessKeyId}/20260101/us-east-1/sts/aws4_request`;
    expect(await verifySigV4(withHeader(signed, 'authorization', auth), stsOptions())).toEqual({
      ok: false,
      code: 'IncompleteSignature',
      message: `Authorization header requires 'Signature' parameter. Authorization header requires 'SignedHeaders' parameter. Authorization=${auth}`,
      status: 400,
    });
    const bare = withHeader(withHeader(signed, 'x-amz-date', null), 'authorization', 'Bearer abc');
    expect(await verifySigV4(bare, stsOptions())).toMatchObject({
      code: 'IncompleteSignature',
      message:
        "Authorization header requires 'Credential' parameter. Authorization header requires 'Signature' parameter. Authorization header requires 'SignedHeaders' parameter. Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. Authorization=Bearer abc",
    });
  });

  it('IncompleteSignature for a truncated signature part, a malformed credential or date', async () => {
    const auth = header(signed, 'authorization');
    const truncated = auth.replace(/, Signature=.*$/, ', Signature');
    expect(await verifySigV4(withHeader(signed, 'authorization', truncated), stsOptions())).toMatchObject({
      code: 'IncompleteSignature',
      message: `'Signature' not a valid key=value pair (missing equal-sign) in Authorization header: '${truncated}'.`,
    });
    const badCredential = auth.replace(/Credential=[^,]+/, `Credential=${ALICE.accessKeyId}/20260101/us-east-1/sts`);
    expect(await verifySigV4(withHeader(signed, 'authorization', badCredential), stsOptions())).toMatchObject({
      code: 'IncompleteSignature',
      message: `Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got '${ALICE.accessKeyId}/20260101/us-east-1/sts'`,
    });
    expect(await verifySigV4(withHeader(signed, 'x-amz-date', '2026-01-01'), stsOptions())).toMatchObject({
      code: 'IncompleteSignature',
      message: "Date must be in ISO-8601 'basic format'. Got '2026-01-01'. See http://en.wikipedia.org/wiki/ISO_8601",
    });
    const sigv4a = auth.replace('AWS4-HMAC-SHA256', 'AWS4-ECDSA-P256-SHA256');
    expect(await verifySigV4(withHeader(signed, 'authorization', sigv4a), stsOptions())).toMatchObject({ code: 'IncompleteSignature' });
  });

  it('IncompleteSignature when Host is not signed', async () => {
    const auth = header(signed, 'authorization').replace(/SignedHeaders=[^,]+/, 'SignedHeaders=x-amz-date');
    expect(await verifySigV4(withHeader(signed, 'authorization', auth), stsOptions())).toMatchObject({
      code: 'IncompleteSignature',
      message: "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.",
    });
  });

  it('SignatureDoesNotMatch "Credential should be scoped …" for a scope of another region, service or date', async () => {
    const other = await captured(() => sts(ALICE, 'eu-west-1').send(new GetCallerIdentityCommand({})));
    expect(await verifySigV4(other, { ...stsOptions(), service: 'iam', regions: ['us-east-1'] })).toEqual({
      ok: false,
      code: 'SignatureDoesNotMatch',
      message: "Credential should be scoped to a valid region, not 'eu-west-1'. Credential should be scoped to correct service: 'iam'. ",
      status: 403,
    });
    const date = header(signed, 'x-amz-date');
    const auth = header(signed, 'authorization').replace(`/${date.slice(0, 8)}/`, '/20000101/');
    expect(await verifySigV4(withHeader(signed, 'authorization', auth), stsOptions())).toMatchObject({
      code: 'SignatureDoesNotMatch',
      message: `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '20000101' != '${date.slice(0, 8)}', from '${date}'.`,
    });
    const term = header(signed, 'authorization').replace('/aws4_request', '/aws5_request');
    expect(await verifySigV4(withHeader(signed, 'authorization', term), stsOptions())).toMatchObject({
      code: 'SignatureDoesNotMatch',
      message: "Credential should be scoped with a valid terminator: 'aws4_request', not 'aws5_request'. ",
    });
  });

  it('SignatureDoesNotMatch "Signature expired" / "Signature not yet current" outside 15 minutes of the server’s clock', async () => {
    const date = header(signed, 'x-amz-date');
    const signedAt = Date.parse(`${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 11)}:${date.slice(11, 13)}:${date.slice(13)}`);
    const at = (ms: number) => new Date(signedAt + ms);
    const basic = (d: Date) =>
      d
        .toISOString()
        .replace(/\.\d{3}Z$/, 'Z')
        .replace(/[-:]/g, '');
    expect(await verifySigV4(signed, stsOptions(keys(), at(15 * 60_000)))).toMatchObject({ ok: true });
    const late = at(15 * 60_000 + 1000);
    expect(await verifySigV4(signed, stsOptions(keys(), late))).toEqual({
      ok: false,
      code: 'SignatureDoesNotMatch',
      message: `Signature expired: ${date} is now earlier than ${basic(at(1000))} (${basic(late)} - 15 min.)`,
      status: 403,
    });
    const early = at(-15 * 60_000 - 1000);
    expect(await verifySigV4(signed, stsOptions(keys(), early))).toMatchObject({
      code: 'SignatureDoesNotMatch',
      message: `Signature not yet current: ${date} is still later than ${basic(at(-1000))} (${basic(early)} + 15 min.)`,
    });
  });

  it('InvalidClientTokenId for a key the world does not know, and for an inactive key', async () => {
    const invalid = {
      ok: false,
      code: 'InvalidClientTokenId',
      message: 'The security token included in the request is invalid.',
      status: 403,
    };
    expect(await verifySigV4(signed, stsOptions(keys({ [ALICE.accessKeyId]: null })))).toEqual(invalid);
    expect(await verifySigV4(signed, stsOptions(keys({ [ALICE.accessKeyId]: { status: 'Inactive' } })))).toEqual(invalid);
  });

  it('InvalidClientTokenId for a session token that is not the key’s, missing, or given with a long-term key', async () => {
    expect(await verifySigV4(withHeader(session, 'x-amz-security-token', 'another-token'), stsOptions())).toMatchObject({
      code: 'InvalidClientTokenId',
    });
    expect(await verifySigV4(withHeader(session, 'x-amz-security-token', null), stsOptions())).toMatchObject({
      code: 'InvalidClientTokenId',
    });
    expect(await verifySigV4(withHeader(signed, 'x-amz-security-token', SESSION.sessionToken), stsOptions())).toMatchObject({
      code: 'InvalidClientTokenId',
    });
  });

  it('ExpiredToken for a session that has ended', async () => {
    const ended = keys({ [SESSION.accessKeyId]: { expiration: minutes(-1).toISOString() } });
    expect(await verifySigV4(session, stsOptions(ended))).toEqual({
      ok: false,
      code: 'ExpiredToken',
      message: 'The security token included in the request is expired',
      status: 403,
    });
  });

  it('SignatureDoesNotMatch for another secret, a changed body, or a changed signed header', async () => {
    const mismatch = {
      ok: false,
      code: 'SignatureDoesNotMatch',
      message:
        'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
      status: 403,
    };
    expect(await verifySigV4(signed, stsOptions(keys({ [ALICE.accessKeyId]: { secretAccessKey: 'not-alice' } })))).toEqual(mismatch);
    expect(
      await verifySigV4(
        { ...signed, body: String(Buffer.from(signed.body)).replace('GetCallerIdentity', 'GetCallerIdentitx') },
        stsOptions(),
      ),
    ).toEqual(mismatch);
    expect(await verifySigV4(withHeader(signed, 'host', 'sts.amazonaws.com'), stsOptions())).toEqual(mismatch);
    const truncated = header(signed, 'authorization').slice(0, -10);
    expect(await verifySigV4(withHeader(signed, 'authorization', truncated), stsOptions())).toEqual(mismatch);
  });

  it("accepts a request dated by its Date header, without X-Amz-Date (\"either a 'X-Amz-Date' or a 'Date' header\")", async () => {
    const signingDate = new Date(Math.floor(Date.now() / 1000) * 1000);
    const signer = new SignatureV4({
      credentials: ALICE,
      region: 'us-east-1',
      service: 'sts',
      sha256: Hash.bind(null, 'sha256'),
      applyChecksum: false,
    });
    const body = 'Action=GetCallerIdentity&Version=2011-06-15';
    const host = new URL(endpoint).host;
    const out = await signer.sign(
      new HttpRequest({
        method: 'POST',
        hostname: '127.0.0.1',
        path: '/',
        headers: { host, 'content-type': 'application/x-www-form-urlencoded' },
        body,
      }),
      { signingDate, unsignableHeaders: new Set(['x-amz-date']) },
    );
    const r: ReceivedRequest = {
      method: 'POST',
      path: '/',
      query: '',
      headers: [
        ['Host', host],
        ['Content-Type', 'application/x-www-form-urlencoded'],
        ['Date', signingDate.toUTCString()],
        ['Authorization', String(out.headers['authorization'])],
      ],
      body,
    };
    expect(await verifySigV4(r, stsOptions())).toMatchObject({ ok: true, signedAt: signingDate.toISOString().replace('.000Z', 'Z') });
    // the date is in the string to sign: a second later is another signature
    const later = withHeader(r, 'date', new Date(signingDate.getTime() + 1000).toUTCString());
    expect(await verifySigV4(later, stsOptions())).toMatchObject({ code: 'SignatureDoesNotMatch' });
  });

  it('takes headers as Node’s req.headers too, a repeated header as its list of values', async () => {
    const record: Record<string, string | string[]> = {};
    for (const [name, value] of signed.headers as [string, string][]) record[name.toLowerCase()] = value;
    expect(await verifySigV4({ ...signed, headers: record }, stsOptions())).toMatchObject({ ok: true });
    expect(headerMap({ 'x-a': ['1', '2'], 'X-B': '3' })).toEqual(
      new Map([
        ['x-a', ['1', '2']],
        ['x-b', ['3']],
      ]),
    );
  });

  it('ignores headers the client did not sign', async () => {
    expect(await verifySigV4(withHeader(signed, 'x-unsigned', 'anything'), stsOptions())).toMatchObject({ ok: true });
  });
});

describe('what S3 answers (S3 dialect)', () => {
  let put: ReceivedRequest;
  let presigned: URL;
  beforeAll(async () => {
    put = await captured(() => s3(ALICE).send(new PutObjectCommand({ Bucket: 'bucket', Key: 'k', Body: 'hello', ContentLength: 5 })));
    presigned = new URL(await getSignedUrl(s3(ALICE), new GetObjectCommand({ Bucket: 'bucket', Key: 'k' }), { expiresIn: 60 }));
  });

  async function presignedRequest(url: URL): Promise<ReceivedRequest> {
    return captured(() => get(url));
  }

  it('AccessDenied "Request has expired" for a presigned URL used after X-Amz-Expires', async () => {
    const r = await presignedRequest(presigned);
    expect(await verifySigV4(r, s3Options(keys(), minutes(0.5)))).toMatchObject({ ok: true });
    expect(await verifySigV4(r, s3Options(keys(), minutes(2)))).toEqual({
      ok: false,
      code: 'AccessDenied',
      message: 'Request has expired',
      status: 403,
    });
  });

  it('AuthorizationQueryParametersError for an X-Amz-Expires over a week, and for missing parameters', async () => {
    const url = new URL(presigned);
    url.searchParams.set('X-Amz-Expires', '604801');
    expect(await verifySigV4(await presignedRequest(url), s3Options())).toMatchObject({
      code: 'AuthorizationQueryParametersError',
      message: 'X-Amz-Expires must be less than a week (in seconds) that is 604800',
    });
    url.searchParams.delete('X-Amz-Signature');
    expect(await verifySigV4(await presignedRequest(url), s3Options())).toMatchObject({ code: 'AuthorizationQueryParametersError' });
  });

  it('IncompleteSignature for a presigned STS request missing a parameter', async () => {
    const url = new URL(presigned);
    url.searchParams.delete('X-Amz-Signature');
    expect(await verifySigV4(await presignedRequest(url), stsOptions())).toMatchObject({
      code: 'IncompleteSignature',
      message: "AWS query-string parameters must include 'X-Amz-Signature'. Re-examine the query-string parameters.",
    });
  });

  it('SignatureDoesNotMatch for a presigned URL whose path changed', async () => {
    const url = new URL(presigned);
    url.pathname = '/bucket/other';
    expect(await verifySigV4(await presignedRequest(url), s3Options())).toMatchObject({
      code: 'SignatureDoesNotMatch',
      message: 'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
    });
  });

  it('AccessDenied for an unsigned request', async () => {
    expect(await verifySigV4(withHeader(put, 'authorization', null), s3Options())).toMatchObject({ code: 'AccessDenied', status: 403 });
  });

  it('InvalidAccessKeyId for an unknown or inactive key', async () => {
    const answer = {
      ok: false,
      code: 'InvalidAccessKeyId',
      message: 'The AWS Access Key Id you provided does not exist in our records.',
      status: 403,
    };
    expect(await verifySigV4(put, s3Options(keys({ [ALICE.accessKeyId]: null })))).toEqual(answer);
    expect(await verifySigV4(put, s3Options(keys({ [ALICE.accessKeyId]: { status: 'Inactive' } })))).toEqual(answer);
  });

  it('RequestTimeTooSkewed outside 15 minutes', async () => {
    expect(await verifySigV4(put, s3Options(keys(), minutes(16)))).toEqual({
      ok: false,
      code: 'RequestTimeTooSkewed',
      message: 'The difference between the request time and the current time is too large.',
      status: 403,
    });
  });

  it('AuthorizationHeaderMalformed for a scope of another region', async () => {
    expect(await verifySigV4(put, { ...s3Options(), regions: ['eu-west-1'] })).toEqual({
      ok: false,
      code: 'AuthorizationHeaderMalformed',
      message: "The authorization header is malformed; the region 'us-east-1' is wrong; expecting 'eu-west-1'",
      status: 400,
    });
  });

  it('InvalidRequest without x-amz-content-sha256, InvalidArgument for a value that is no hash', async () => {
    expect(await verifySigV4(withHeader(put, 'x-amz-content-sha256', null), s3Options())).toEqual({
      ok: false,
      code: 'InvalidRequest',
      message: 'Missing required header for this request: x-amz-content-sha256',
      status: 400,
    });
    expect(await verifySigV4(withHeader(put, 'x-amz-content-sha256', 'abc'), s3Options())).toMatchObject({
      code: 'InvalidArgument',
      status: 400,
    });
  });

  it('ExpiredToken and InvalidToken for a session', async () => {
    const r = await captured(() => s3(SESSION).send(new PutObjectCommand({ Bucket: 'bucket', Key: 'k', Body: 'hello', ContentLength: 5 })));
    expect(await verifySigV4(r, s3Options())).toMatchObject({ ok: true });
    expect(await verifySigV4(r, s3Options(keys({ [SESSION.accessKeyId]: { expiration: minutes(-1).toISOString() } })))).toEqual({
      ok: false,
      code: 'ExpiredToken',
      message: 'The provided token has expired.',
      status: 400,
    });
    expect(await verifySigV4(withHeader(r, 'x-amz-security-token', 'forged'), s3Options())).toEqual({
      ok: false,
      code: 'InvalidToken',
      message: 'The provided token is malformed or otherwise invalid.',
      status: 400,
    });
  });
});
