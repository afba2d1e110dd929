// Many clients at once lose no request and no event: each signed GetCallerIdentity (the AWS SDK for
// JavaScript v3, one keep-alive agent per client) is answered, and each is one step of the log, in
// turn: 50 clients × 200 requests, 10,000 answers and 10,000 steps (about 8 s on the 2-core machine
// it was written on). IAMSIM_SERVE_CLIENTS and IAMSIM_SERVE_REQUESTS change the numbers.
import { Agent } from 'node:http';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { describe, expect, it } from 'vitest';
import { serveWorld, type Key } from './other-world.js';

const CLIENTS = Number(process.env.IAMSIM_SERVE_CLIENTS ?? 50);
const REQUESTS = Number(process.env.IAMSIM_SERVE_REQUESTS ?? 200);

/** `clients` SDK clients, each with its own keep-alive agent, each sending `requests` GetCallerIdentity one after the other. */
export async function hammer(url: string, key: Key, clients: number, requests: number): Promise<number> {
  let answered = 0;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      const httpAgent = new Agent({ keepAlive: true, maxSockets: 1 });
      const client = new STSClient({
        endpoint: url,
        region: 'us-east-1',
        credentials: key,
        maxAttempts: 1,
        requestHandler: new NodeHttpHandler({ httpAgent, requestTimeout: 60_000 }),
      });
      for (let i = 0; i < requests; i++) {
        const me = await client.send(new GetCallerIdentityCommand({}));
        if (me.Arn === 'arn:aws:iam::222222222222:user/carol') answered++;
      }
      client.destroy();
      httpAgent.destroy();
    }),
  );
  return answered;
}

describe('simulate serve under load', () => {
  it(`given ${CLIENTS} clients × ${REQUESTS} signed requests at once, then every one is answered and is one step of the log`, async () => {
    const { server, key } = await serveWorld();
    try {
      const stepsBefore = server.events().filter((e) => e.type === 'StepStarted').length;
      const answered = await hammer(server.url, key('carol'), CLIENTS, REQUESTS);
      expect(answered).toBe(CLIENTS * REQUESTS);
      const events = server.events();
      const steps = events.filter((e) => e.type === 'StepStarted');
      expect(steps.length - stepsBefore).toBe(CLIENTS * REQUESTS);
      expect(events.filter((e) => e.type === 'CallerIdentityReturned').length).toBe(CLIENTS * REQUESTS);
      // the steps are numbered in turn, none missing or repeated
      const indexes = steps.slice(stepsBefore).map((e) => (e.data as { index: number }).index);
      expect(indexes.every((n, i) => i === 0 || n === indexes[i - 1]! + 1)).toBe(true);
    } finally {
      await server.close();
    }
  }, 120_000);
});
