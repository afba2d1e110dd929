// `simulate serve` on one core: client and server in this one Node process (one thread), over
// keep-alive connections to 127.0.0.1. Three rates side by side, measured in the same run:
//  - the baseline: an unsigned request, which the server refuses at once (MissingAuthenticationToken);
//  - a signed STS GetCallerIdentity, signed once by the SDK's signer and sent again and again (the
//    server checks the signature every time and runs each as a step of the world): the server's cost;
//  - the same call through the AWS SDK for JavaScript v3's STSClient, which signs each request anew.
// vitest bench prints each rate (hz: requests a second, one at a time) and its p99 latency.
// Run: npx vitest bench --run test/bench/serve.bench.ts (or npm run bench)
import { Agent, request as httpRequest } from 'node:http';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { afterAll, bench, describe } from 'vitest';
import { serveWorld } from '../server/other-world.js';
import { signRequest } from '../server/signed-fetch.js';

const { server, key } = await serveWorld();
const carol = key('carol');
const agent = new Agent({ keepAlive: true, maxSockets: 1 });
const { port } = new URL(server.url);
const BODY = 'Action=GetCallerIdentity&Version=2011-06-15';
const FORM = 'application/x-www-form-urlencoded; charset=utf-8';
const signed = await signRequest(server.url, carol, { service: 'sts', region: 'us-east-1', body: BODY, contentType: FORM });

function send(headers: Record<string, string>, expected: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, method: 'POST', path: '/', agent, headers }, (res) => {
      res.resume();
      res.on('end', () => (res.statusCode === expected ? resolve() : reject(new Error(`status ${res.statusCode}`))));
    });
    req.on('error', reject);
    req.end(BODY);
  });
}

const sdk = new STSClient({
  endpoint: server.url,
  region: 'us-east-1',
  credentials: carol,
  maxAttempts: 1,
  requestHandler: new NodeHttpHandler({ httpAgent: new Agent({ keepAlive: true, maxSockets: 1 }) }),
});

afterAll(async () => {
  sdk.destroy();
  agent.destroy();
  await server.close();
});

describe('simulate serve, one request at a time over keep-alive', () => {
  bench('baseline: unsigned request, refused at once (MissingAuthenticationToken)', () => send({ 'content-type': FORM }, 403), {
    time: 3000,
  });
  bench('signed sts:GetCallerIdentity (signed once, verified and run each time)', () => send(signed.headers, 200), { time: 3000 });
  bench(
    'signed sts:GetCallerIdentity through the SDK (signs each request)',
    async () => {
      await sdk.send(new GetCallerIdentityCommand({}));
    },
    { time: 3000 },
  );
});
