// A request signed with the AWS SDK's own Signature Version 4 signer (@smithy/signature-v4) and sent
// with fetch to the server on 127.0.0.1: for the protocols and the malformed requests the SDK's
// clients would not send.
import { HttpRequest } from '@smithy/core/protocols';
import { Hash } from '@smithy/core/serde';
import { SignatureV4 } from '@smithy/signature-v4';

export interface SignedRequest {
  readonly service: string;
  readonly region: string;
  readonly body: string | Uint8Array;
  readonly contentType?: string;
  readonly target?: string;
  readonly method?: string;
  readonly path?: string;
}

export async function signRequest(
  url: string,
  credentials: { accessKeyId: string; secretAccessKey: string },
  request: SignedRequest,
): Promise<{ headers: Record<string, string>; body: string | Uint8Array }> {
  const { hostname, port } = new URL(url);
  const headers: Record<string, string> = { host: `${hostname}:${port}` };
  if (request.contentType !== undefined) headers['content-type'] = request.contentType;
  if (request.target !== undefined) headers['x-amz-target'] = request.target;
  const http = new HttpRequest({
    method: request.method ?? 'POST',
    protocol: 'http:',
    hostname,
    port: Number(port),
    path: request.path ?? '/',
    headers,
    body: request.body,
  });
  const signer = new SignatureV4({ credentials, region: request.region, service: request.service, sha256: Hash.bind(null, 'sha256') });
  const signed = await signer.sign(http);
  return { headers: signed.headers as Record<string, string>, body: request.body };
}

export async function signedFetch(
  url: string,
  credentials: { accessKeyId: string; secretAccessKey: string },
  request: SignedRequest,
): Promise<Response> {
  const { headers, body } = await signRequest(url, credentials, request);
  const { host: _host, ...rest } = headers;
  return fetch(url + (request.path ?? '/'), {
    method: request.method ?? 'POST',
    headers: rest,
    body: typeof body === 'string' ? body : Buffer.from(body),
  });
}
