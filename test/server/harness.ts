// What the server's tests share: a scenario file loaded as `simulate serve` loads it (its run, with
// detail), SDK requests bounded in time and attempts, and every server a test starts closed after it.
import { readFileSync } from 'node:fs';
import { afterEach } from 'vitest';
import { simulate, simulateAsync } from '../../src/simulate.js';

/** SDK client options: one attempt, five seconds at most (no test waits on a server that went away). */
export const BOUNDED = { maxAttempts: 1, requestHandler: { requestTimeout: 5000 } } as const;

const options = {
  readFile: (): never => {
    throw new Error('no files');
  },
  detail: true,
};

export const loadFile = (file: string) => simulate(readFileSync(file, 'utf8'), file, options);

/** A file whose run needs tokens (OIDC, pods). */
export const loadFileAsync = (file: string) => simulateAsync(readFileSync(file, 'utf8'), file, options);

/** Registers an afterEach that closes what the returned function was given during the test. */
export function closedAfterEach(): <T extends { close: () => Promise<unknown> }>(server: T) => T {
  let open: { close: () => Promise<unknown> }[] = [];
  afterEach(async () => {
    await Promise.all(open.map((s) => s.close()));
    open = [];
  });
  return (server) => {
    open.push(server);
    return server;
  };
}
