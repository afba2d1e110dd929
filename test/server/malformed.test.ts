// Malformed requests get AWS's errors and the server keeps serving: after each, a signed
// GetCallerIdentity is still answered. Raw requests to 127.0.0.1 (fetch, http.request), signed
// with the SDK's own signer where the signature must pass. Sources: STS API Reference, "Common
// Errors" (https://docs.aws.amazon.com/STS/latest/APIReference/CommonErrors.html: IncompleteSignature
// 400, InvalidAction 400, MissingAction 400, MalformedQueryString 404, MissingAuthenticationToken
// 403); Smithy, "AWS JSON 1.1 protocol" (SerializationException for a body that is not the JSON the
// operation takes: https://smithy.io/2.0/aws/protocols/aws-json-1_1-protocol.html); 413 for a body
// over the limit (RFC 9110, 15.5.14 Content Too Large).
import { request as httpRequest } from 'node:http';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { describe, expect, it } from 'vitest';
import { closedAfterEach } from './harness.js';
import { serveWorld, type Key } from './other-world.js';
import { signedFetch } from './signed-fetch.js';

const closed = closedAfterEach();

async function serve() {
  const served = await serveWorld();
  closed(served.server);
  return served;
}

/** A signed GetCallerIdentity through the SDK: the server still answers. */
async function stillServes(url: string, key: Key): Promise<void> {
  const client = new STSClient({ endpoint: url, region: 'us-east-1', credentials: key, maxAttempts: 1 });
  const me = await client.send(new GetCallerIdentityCommand({}));
  expect(me.Arn).toBe('arn:aws:iam::222222222222:user/carol');
}

const STS_FORM = 'application/x-www-form-urlencoded; charset=utf-8';
const code = (xml: string) => /<Code>([^<]*)<\/Code>/.exec(xml)?.[1];

describe('simulate serve: malformed requests get AWS’s errors, and the server keeps serving', () => {
  it('given a JSON body that is not JSON, then SerializationException (400)', async () => {
    const { server, key } = await serve();
    const response = await signedFetch(server.url, key('carol'), {
      service: 'secretsmanager',
      region: 'us-east-1',
      body: '{"SecretId": ',
      contentType: 'application/x-amz-json-1.1',
      target: 'secretsmanager.GetSecretValue',
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('x-amzn-errortype')).toBe('SerializationException');
    expect(await response.json()).toMatchObject({ __type: 'SerializationException' });
    await stillServes(server.url, key('carol'));
  });

  it('given an XML body sent to STS, then it is not read as parameters: MissingAction (400)', async () => {
    const { server, key } = await serve();
    const response = await signedFetch(server.url, key('carol'), {
      service: 'sts',
      region: 'us-east-1',
      body: '<GetCallerIdentity><oops',
      contentType: 'text/xml',
    });
    expect(response.status).toBe(400);
    expect(code(await response.text())).toBe('MissingAction');
    await stillServes(server.url, key('carol'));
  });

  it('given an unknown action, then InvalidAction (400)', async () => {
    const { server, key } = await serve();
    const response = await signedFetch(server.url, key('carol'), {
      service: 'sts',
      region: 'us-east-1',
      body: 'Action=BecomeRoot&Version=2011-06-15',
      contentType: STS_FORM,
    });
    expect(response.status).toBe(400);
    const text = await response.text();
    expect(code(text)).toBe('InvalidAction');
    expect(text).toContain('Could not find operation BecomeRoot for version 2011-06-15');
    await stillServes(server.url, key('carol'));
  });

  it('given a JSON request with a form Content-Type, then SerializationException (400)', async () => {
    const { server, key } = await serve();
    const response = await signedFetch(server.url, key('carol'), {
      service: 'secretsmanager',
      region: 'us-east-1',
      body: '{}',
      contentType: 'text/plain',
      target: 'secretsmanager.GetSecretValue',
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ __type: 'SerializationException' });
    await stillServes(server.url, key('carol'));
  });

  it('given a 10 MB body announced by its Content-Length, then 413 before the body is sent, and the connection is closed', async () => {
    const { server, key } = await serve();
    const { port } = new URL(server.url);
    const answer = await new Promise<{ status: number; body: string; connection: string | undefined }>((resolve, reject) => {
      const req = httpRequest(
        { host: '127.0.0.1', port, method: 'POST', path: '/', headers: { 'content-type': STS_FORM, 'content-length': 10 * 1024 * 1024 } },
        (res) => {
          let body = '';
          res.on('data', (c: Buffer) => (body += c.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body, connection: res.headers.connection }));
        },
      );
      req.on('error', reject);
      // only the headers are sent: the answer does not wait for the body
      req.flushHeaders();
    });
    expect(answer.status).toBe(413);
    expect(code(answer.body)).toBe('RequestEntityTooLarge');
    expect(answer.connection).toBe('close');
    await stillServes(server.url, key('carol'));
  });

  it('given a chunked body that grows past 1 MiB, then 413 as soon as the limit is passed, without reading to its end', async () => {
    const { server, key } = await serve();
    const { port } = new URL(server.url);
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port, method: 'POST', path: '/', headers: { 'content-type': STS_FORM } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      // 2 MiB of a body that never ends: the server answers without waiting for the rest
      req.write(Buffer.alloc(2 * 1024 * 1024, 0x61));
    });
    expect(status).toBe(413);
    await stillServes(server.url, key('carol'));
  });

  it('given an Authorization header cut short (no Signature), then IncompleteSignature (400) naming what is missing', async () => {
    const { server, key } = await serve();
    const carol = key('carol');
    const response = await fetch(server.url, {
      method: 'POST',
      headers: {
        'content-type': STS_FORM,
        'x-amz-date': '20260101T090000Z',
        authorization: `AWS4-HMAC-SHA256 Credential=${carol.accessKeyId}/20260101/us-east-1/sts/aws4_request, SignedHeaders=host;x-amz-date`,
      },
      body: 'Action=GetCallerIdentity&Version=2011-06-15',
    });
    expect(response.status).toBe(400);
    const text = await response.text();
    expect(code(text)).toBe('IncompleteSignature');
    expect(text).toContain('Authorization header requires &apos;Signature&apos; parameter.');
    await stillServes(server.url, carol);
  });

  it('given a signed body that is not UTF-8, then MalformedQueryString (404) for STS and SerializationException for a JSON service', async () => {
    const { server, key } = await serve();
    const bytes = new Uint8Array([...Buffer.from('Action=GetCallerIdentity&Version=2011-06-15&X='), 0xff, 0xfe]);
    const query = await signedFetch(server.url, key('carol'), { service: 'sts', region: 'us-east-1', body: bytes, contentType: STS_FORM });
    expect(query.status).toBe(404);
    expect(code(await query.text())).toBe('MalformedQueryString');
    const json = await signedFetch(server.url, key('carol'), {
      service: 'secretsmanager',
      region: 'us-east-1',
      body: new Uint8Array([0x7b, 0xff, 0x7d]),
      contentType: 'application/x-amz-json-1.1',
      target: 'secretsmanager.GetSecretValue',
    });
    expect(json.status).toBe(400);
    expect(await json.json()).toMatchObject({ __type: 'SerializationException', message: 'The request body is not UTF-8.' });
    await stillServes(server.url, key('carol'));
  });

  it('given an unsigned request, then MissingAuthenticationToken (403)', async () => {
    const { server, key } = await serve();
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': STS_FORM },
      body: 'Action=GetCallerIdentity&Version=2011-06-15',
    });
    expect(response.status).toBe(403);
    expect(code(await response.text())).toBe('MissingAuthenticationToken');
    await stillServes(server.url, key('carol'));
  });
});
