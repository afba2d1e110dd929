// What the server's tests share: a scenario file loaded as `simulate serve` loads it (its run, with
// detail), SDK requests bounded in time and attempts, and every server a test starts closed after it.
import { execFile, execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';
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
