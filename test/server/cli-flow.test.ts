// The flows with the AWS CLI version 2 (Debian's `awscli` package), where it is installed,
// against `simulate serve`: the seed's cross-account flow (AWS's tutorial "IAM tutorial: Delegate
// access across AWS accounts using IAM roles": alice switches to UpdateApp and writes to the bucket,
// bob is refused), IRSA by the pod's own token (`aws sts assume-role-with-web-identity`, unsigned,
// STS API Reference, AssumeRoleWithWebIdentity), and `aws iam simulate-custom-policy`, which must
// answer what `simulate eval` answers for the same input (IAM API Reference, SimulateCustomPolicy).
// Reported as skipped, by name and with the reason, where no AWS CLI v2 is found (harness.ts).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { closedAfterEach, findAwsCliV2, loadFile, loadFileAsync, runCommand } from './harness.js';
import { runEval } from '../../src/eval/run.js';
import { startServer, type RunningServer } from '../../src/server/serve.js';
import { writePodFiles } from '../../src/server/workloads.js';
import { simulate } from '../../src/simulate.js';

const closed = closedAfterEach();
const cli = findAwsCliV2();
const skipped = 'path' in cli ? '' : ` (skipped: ${cli.reason})`;

/** The CLI against the server, with only the credentials given in `env` (no config, no retries, no pager). */
function awsCli(server: RunningServer, dir: string, env: Record<string, string>) {
  return async (...args: string[]): Promise<unknown> => {
    const { stdout } = await runCommand(
      (cli as { path: string }).path,
      ['--endpoint-url', server.url, '--region', 'us-east-1', '--output', 'json', ...args],
      {
        AWS_CONFIG_FILE: join(dir, 'config'),
        AWS_SHARED_CREDENTIALS_FILE: join(dir, 'none'),
        AWS_MAX_ATTEMPTS: '1',
        AWS_PAGER: '',
        ...env,
      },
    );
    return stdout.trim() === '' ? null : JSON.parse(stdout);
  };
}

const refusal = (e: unknown): string => (e instanceof Error ? e.message : String(e));

describe('simulate serve with the AWS CLI v2', () => {
  it.skipIf(!('path' in cli))(
    `given the AWS CLI v2${skipped}, when alice switches to UpdateApp and writes to productionapp and bob tries the same, then alice is allowed and bob gets AccessDenied`,
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'iamsim-cli-flow-'));
      const credentials = join(dir, 'credentials');
      const server = closed(await startServer(loadFile('scenarios/cross-account.iam'), { port: 0, credentials }));
      const as = (profile: string) => awsCli(server, dir, { AWS_PROFILE: profile, AWS_SHARED_CREDENTIALS_FILE: credentials });

      const assumed = (await as('Development/alice')(
        'sts',
        'assume-role',
        '--role-arn',
        'arn:aws:iam::111111111111:role/UpdateApp',
        '--role-session-name',
        'alice',
      )) as { Credentials: { AccessKeyId: string; SecretAccessKey: string; SessionToken: string } };
      const session = awsCli(server, dir, {
        AWS_ACCESS_KEY_ID: assumed.Credentials.AccessKeyId,
        AWS_SECRET_ACCESS_KEY: assumed.Credentials.SecretAccessKey,
        AWS_SESSION_TOKEN: assumed.Credentials.SessionToken,
      });
      expect(await session('sts', 'get-caller-identity')).toMatchObject({
        Arn: 'arn:aws:sts::111111111111:assumed-role/UpdateApp/alice',
      });
      const file = join(dir, 'app.zip');
      writeFileSync(file, 'release 2');
      await session('s3', 'cp', '--only-show-errors', file, 's3://productionapp/app.zip');
      const back = join(dir, 'back.zip');
      await session('s3', 'cp', '--only-show-errors', 's3://productionapp/app.zip', back);
      expect(readFileSync(back, 'utf8')).toBe('release 2');

      const bob = await as('Development/bob')(
        'sts',
        'assume-role',
        '--role-arn',
        'arn:aws:iam::111111111111:role/UpdateApp',
        '--role-session-name',
        'bob',
      ).catch(refusal);
      expect(bob).toMatch(
        /An error occurred \(AccessDenied\) when calling the AssumeRole operation( \(reached max retries: 0\))?: User: arn:aws:iam::222222222222:user\/bob is not authorized to perform: sts:AssumeRole/,
      );
    },
    120_000,
  );

  it.skipIf(!('path' in cli))(
    `given the AWS CLI v2${skipped}, when the catalog pod's projected token is exchanged with assume-role-with-web-identity, then STS answers the reader role's session`,
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'iamsim-cli-irsa-'));
      const server = closed(await startServer(await loadFileAsync('scenarios/irsa.iam'), { port: 0 }));
      const pod = await writePodFiles(server.world(), 'Production/demo/shop/catalog', dir, server.url, new Date(), server.keys);
      const env = Object.fromEntries(pod.env);
      const answer = (await awsCli(server, dir, {})(
        'sts',
        'assume-role-with-web-identity',
        '--no-sign-request',
        '--role-arn',
        env['AWS_ROLE_ARN']!,
        '--role-session-name',
        'catalog',
        '--web-identity-token',
        `file://${env['AWS_WEB_IDENTITY_TOKEN_FILE']!}`,
      )) as { AssumedRoleUser: { Arn: string }; SubjectFromWebIdentityToken: string };
      expect(answer.AssumedRoleUser.Arn).toBe('arn:aws:sts::111111111111:assumed-role/s3-reader/catalog');
      expect(answer.SubjectFromWebIdentityToken).toBe('system:serviceaccount:shop:reader');
    },
    120_000,
  );

  it.skipIf(!('path' in cli))(
    `given the AWS CLI v2${skipped}, when it runs iam simulate-custom-policy with examples/eval/simulate-custom-policy.json, then it prints what simulate eval prints`,
    async () => {
      const world = `scenario "Simulate"
clock 2026-01-01T09:00:00Z
account Security 333333333333 {
  user auditor { inline Simulate { allow action iam:SimulateCustomPolicy resource * } }
}
`;
      const dir = mkdtempSync(join(tmpdir(), 'iamsim-cli-eval-'));
      const credentials = join(dir, 'credentials');
      const loaded = simulate(world, 'simulate.iam', { readFile: () => ({ text: '', file: '' }), detail: true });
      const server = closed(await startServer(loaded, { port: 0, credentials }));
      // AWS's example input; Debian's CLI (2.9) predates OrderedOrganizationPolicyInputList, which cross-account.json uses
      const input = 'examples/eval/simulate-custom-policy.json';
      const viaCli = await awsCli(server, dir, { AWS_PROFILE: 'Security/auditor', AWS_SHARED_CREDENTIALS_FILE: credentials })(
        'iam',
        'simulate-custom-policy',
        '--cli-input-json',
        `file://${input}`,
      );
      let printed = '';
      const code = await runEval(input, 'json', { stdout: (s) => void (printed += s), stderr: () => {} });
      expect(code).toBe(0);
      // the CLI pages through the results itself and leaves IsTruncated out of what it prints
      const { IsTruncated, ...evaluated } = JSON.parse(printed) as { IsTruncated: boolean };
      expect(IsTruncated).toBe(false);
      expect(viaCli).toEqual(evaluated);
    },
    120_000,
  );
});
