// AWS's Signature Version 4 test suite (test/server/sigv4-suite/, origin in its README) run against
// the verifier: for each vector, given the signed request (.sreq) and the suite's credentials, when it
// is verified at the suite's instant, then it is accepted, and refused with SignatureDoesNotMatch once
// any signed byte changes (method, path, query, a signed header's value, the body) or the secret is
// another. Source: AWS General Reference, "Signature Version 4 test suite".
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifySigV4, type KeyRecord, type ReceivedRequest } from '../../src/server/sigv4.js';

const SUITE = join(import.meta.dirname, 'sigv4-suite');
const SECRET = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY';
const NOW = new Date('2015-08-30T12:36:00Z');
/** the suite's session token (post-sts-token/readme.txt) */
const TOKEN = readFileSync(join(SUITE, 'post-sts-token/readme.txt'), 'utf8').match(/^AQoDYXdz\S+$/m)?.[0] ?? '';

/** Every folder holding a NAME.sreq, with its name. */
function vectors(dir = SUITE): { name: string; file: string }[] {
  const found: { name: string; file: string }[] = [];
  for (const entry of readdirSync(dir).sort()) {
    const path = join(dir, entry);
    if (!statSync(path).isDirectory()) continue;
    const sreq = join(path, `${entry}.sreq`);
    try {
      statSync(sreq);
      found.push({ name: entry, file: sreq });
    } catch {
      found.push(...vectors(path));
    }
  }
  return found;
}

/**
 * A .sreq file as an HTTP server would hand it over: the request line split into method, path and
 * query, headers as [name, value] pairs with the whitespace after the colon dropped, and the body.
 * A line starting with whitespace continues the header above it: the suite's canonical request
 * (get-header-value-multiline.creq) counts each such line as one more value of that header.
 */
function parse(text: string): ReceivedRequest {
  const [head = '', ...bodyParts] = text.split(/\r?\n\r?\n/);
  const [requestLine = '', ...lines] = head.split(/\r?\n/);
  const method = requestLine.slice(0, requestLine.indexOf(' '));
  const uri = requestLine.slice(method.length + 1, requestLine.lastIndexOf(' '));
  const q = uri.indexOf('?');
  const headers: [string, string][] = [];
  for (const line of lines) {
    const last = headers[headers.length - 1];
    if (/^\s/.test(line) && last) headers.push([last[0], line.trim()]);
    else headers.push([line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 1).trim()]);
  }
  return { method, path: q < 0 ? uri : uri.slice(0, q), query: q < 0 ? '' : uri.slice(q + 1), headers, body: bodyParts.join('\n\n') };
}

/**
 * The signed request (.sreq), as published but for one erratum: the signature of
 * post-x-www-form-urlencoded-parameters (its .sts and .authz) was computed over a Content-Type of
 * "…; charset=utf8", while its .req and .sreq send "…; charset=utf-8" (the SHA-256 of its .creq is not
 * the one in its .sts either). The test takes the request that was signed, and checks that the one
 * published is refused.
 */
const ERRATA: Record<string, (r: ReceivedRequest) => ReceivedRequest> = {
  'post-x-www-form-urlencoded-parameters': (r) => ({
    ...r,
    headers: (r.headers as [string, string][]).map(([n, v]): [string, string] => [n, v.replace('charset=utf-8', 'charset=utf8')]),
  }),
};

function signedRequest(name: string, sreqFile: string): ReceivedRequest {
  const published = parse(readFileSync(sreqFile, 'utf8'));
  return ERRATA[name]?.(published) ?? published;
}

function lookup(secret: string, token: string | null) {
  return (id: string): KeyRecord | null =>
    id === 'AKIDEXAMPLE' ? { secretAccessKey: secret, sessionToken: token, kind: token === null ? 'long-term' : 'temporary' } : null;
}

/** One letter changed, where the verifier's canonical form keeps it (the last letter or digit). */
function changeLast(value: string): string {
  const i = value.search(/[A-Za-z0-9](?=[^A-Za-z0-9]*$)/);
  if (i < 0) return `${value}x`;
  const c = value[i];
  return value.slice(0, i) + (c === 'a' ? 'b' : c === '0' ? '1' : 'a') + value.slice(i + 1);
}

/** Each way of changing one signed byte of a request, by name. */
function tamperings(request: ReceivedRequest, signedHeaders: readonly string[]): [string, ReceivedRequest][] {
  const out: [string, ReceivedRequest][] = [
    ['method', { ...request, method: request.method === 'GET' ? 'GEU' : 'POSU' }],
    ['path', { ...request, path: `${request.path}x` }],
  ];
  if (request.query !== '') out.push(['query', { ...request, query: changeLast(request.query) }]);
  if (request.body.length > 0) out.push(['body', { ...request, body: changeLast(String(request.body)) }]);
  const pairs = request.headers as [string, string][];
  for (const name of signedHeaders) {
    const i = pairs.findIndex(([n]) => n.toLowerCase() === name);
    const changed = pairs.map(([n, v], j): [string, string] => [
      n,
      j === i ? (name === 'x-amz-date' ? v.replace(/0Z$/, '1Z') : changeLast(v)) : v,
    ]);
    out.push([`header ${name}`, { ...request, headers: changed }]);
  }
  return out;
}

describe('AWS Signature Version 4 test suite', () => {
  const all = vectors();

  it('holds the vectors of the suite', () => {
    expect(all.map((v) => v.name)).toEqual(
      expect.arrayContaining([
        'get-vanilla',
        'get-vanilla-query-order-key-case',
        'get-header-value-trim',
        'post-x-www-form-urlencoded',
        'get-space',
        'post-sts-header-before',
      ]),
    );
    expect(all.length).toBeGreaterThanOrEqual(30);
  });

  for (const { name, file } of all) {
    describe(name, () => {
      const request = signedRequest(name, file);
      const sts = name.startsWith('post-sts-header');
      const options = (secret: string) => ({
        lookup: lookup(secret, sts ? TOKEN : null),
        now: NOW,
        service: 'service',
        regions: ['us-east-1'],
      });
      const authz = readFileSync(file.replace(/\.sreq$/, '.authz'), 'utf8').trim();
      const authorization = (request.headers as [string, string][]).find(([n]) => n === 'Authorization')?.[1] ?? '';
      const signedHeaders = /SignedHeaders=([^,]+)/.exec(authorization)?.[1]?.split(';') ?? [];

      it('is accepted with the suite’s secret, whose signature is the one of the suite’s .authz', async () => {
        const result = await verifySigV4(request, options(SECRET));
        expect(result).toMatchObject({
          ok: true,
          accessKeyId: 'AKIDEXAMPLE',
          service: 'service',
          region: 'us-east-1',
          signedAt: '2015-08-30T12:36:00Z',
        });
        expect(authz).toContain(`Signature=${result.ok ? result.signature : ''}`);
      });

      if (ERRATA[name]) {
        it('is refused as published (the erratum above)', async () => {
          expect(await verifySigV4(parse(readFileSync(file, 'utf8')), options(SECRET))).toMatchObject({ code: 'SignatureDoesNotMatch' });
        });
      }

      it('is refused with another secret', async () => {
        expect(await verifySigV4(request, options(changeLast(SECRET)))).toMatchObject({ code: 'SignatureDoesNotMatch', status: 403 });
      });

      for (const [what, changed] of tamperings(request, signedHeaders)) {
        // a changed session token is no longer the key's: refused before the signature is computed
        const code = what === 'header x-amz-security-token' ? 'InvalidClientTokenId' : 'SignatureDoesNotMatch';
        it(`is refused (${code}) when one byte of its ${what} changes`, async () => {
          expect(await verifySigV4(changed, options(SECRET))).toMatchObject({ ok: false, code, status: 403 });
        });
      }
    });
  }
});
