// What the server's tests share: a scenario file loaded as `simulate serve` loads it (its run, with
// detail), SDK requests bounded in time and attempts, and every server a test starts closed after it.
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { S3Client } from '@aws-sdk/client-s3';
import { fromIni } from '@aws-sdk/credential-providers';
import { afterEach } from 'vitest';
import type { CallRecord } from '../../src/engine/call-record.js';
import { startServer, type RunningServer } from '../../src/server/serve.js';
import { simulate, simulateAsync } from '../../src/simulate.js';

/** SDK client options: one attempt, five seconds at most (no test waits on a server that went away). */
export const BOUNDED = { maxAttempts: 1, requestHandler: { requestTimeout: 5000 } } as const;

const options = {
  readFile: (): never => {
    throw new Error('no files');
  },
  detail: true,
};

/** A world given as scenario text (named `file`), run as serve runs it; it reads no policy files. */
export const loadText = (text: string, file: string) => simulate(text, file, options);

export const loadFile = (file: string) => loadText(readFileSync(file, 'utf8'), file);

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

/**
 * The AWS CLI version 2, where one is installed: the first `aws` whose `--version` says
 * `aws-cli/2`, among every PATH entry and /usr/bin (Debian's `awscli` package; a version 1 shim may
 * come first on PATH). Otherwise why not, for the test's name: a test that needs it is reported as
 * skipped by name, with that reason.
 */
export function findAwsCliV2(): { readonly path: string } | { readonly reason: string } {
  const dirs = [...(process.env['PATH'] ?? '').split(delimiter).filter((d) => d !== ''), '/usr/bin'];
  const seen: string[] = [];
  for (const dir of new Set(dirs)) {
    const path = join(dir, 'aws');
    if (!isFile(path)) continue;
    try {
      const version = execFileSync(path, ['--version'], { encoding: 'utf8', timeout: 20_000, stdio: ['ignore', 'pipe', 'pipe'] });
      if (/^aws-cli\/2\./.test(version.trim())) return { path };
      seen.push(`${path} (${version.trim().split(' ')[0]})`);
    } catch {
      seen.push(`${path} (no --version)`);
    }
  }
  return { reason: seen.length === 0 ? 'no `aws` command on PATH or in /usr/bin' : `no AWS CLI version 2: found ${seen.join(', ')}` };
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** Runs a command (the AWS CLI) with more environment; its stdout, or the error with its stderr. */
export function runCommand(command: string, args: readonly string[], env: Record<string, string>): Promise<{ stdout: string }> {
  return new Promise((resolve, reject) => {
    execFile(command, [...args], { env: { ...process.env, ...env }, timeout: 50_000 }, (error, stdout, stderr) =>
      error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve({ stdout }),
    );
  });
}

/**
 * Serves a world given as scenario text on a free port of 127.0.0.1, with a credentials file of
 * its users' profiles (closed after the test by `closed`); `profile(NAME)` is the SDK's fromIni
 * provider of the profile NAME (`ACCOUNT/USER`).
 */
export async function serveText(text: string, file: string, closed: ReturnType<typeof closedAfterEach>) {
  const dir = mkdtempSync(join(tmpdir(), 'iamsim-serve-'));
  const credentials = join(dir, 'credentials');
  const loaded = loadText(text, file);
  const server = closed(await startServer(loaded, { port: 0, credentials }));
  const profile = (name: string) => fromIni({ filepath: credentials, configFilepath: credentials + '.none', profile: name });
  return { server, loaded, dir, credentials, profile };
}

/** The same for a scenario file. */
export const serveFile = (file: string, closed: ReturnType<typeof closedAfterEach>) => serveText(readFileSync(file, 'utf8'), file, closed);

/** An S3 client of the server (path-style), signing with the credentials given. */
export const s3Client = (server: RunningServer, credentials: ReturnType<typeof fromIni>) =>
  new S3Client({ ...BOUNDED, region: 'us-east-1', endpoint: server.url, forcePathStyle: true, credentials });

/** The calls the engine decided (allowed or denied), in order. */
export const decidedCalls = (server: RunningServer): CallRecord[] =>
  server
    .events()
    .filter((e) => e.type === 'RequestAllowed' || e.type === 'RequestDenied')
    .map((e) => (e.data as { call: CallRecord }).call);
