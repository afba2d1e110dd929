// `simulate serve` with the real clients: the AWS SDK for JavaScript v3 (and the AWS CLI where it is
// installed) against the world of scenarios/cross-account.iam, on 127.0.0.1, with the credentials
// file serve writes. The seed's cross-account flow (IAM User Guide, "IAM tutorial: Delegate access
// across AWS accounts using IAM roles",
// https://docs.aws.amazon.com/IAM/latest/UserGuide/tutorial_cross-account-with-roles.html); the
// credentials file (AWS CLI User Guide, "Configuration and credential file settings",
// https://docs.aws.amazon.com/cli/latest/userguide/cli-configure-files.html); the errors (STS API
// Reference, "Common Errors", https://docs.aws.amazon.com/STS/latest/APIReference/CommonErrors.html).
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateRoleCommand,
  GetRoleCommand,
  IAMClient,
  NoSuchEntityException,
  SimulateCustomPolicyCommand,
  UpdateAccessKeyCommand,
} from '@aws-sdk/client-iam';
import { AssumeRoleCommand, AssumeRootCommand, GetCallerIdentityCommand, STSClient, STSServiceException } from '@aws-sdk/client-sts';
import { fromIni } from '@aws-sdk/credential-providers';
import { describe, expect, it } from 'vitest';
import { BOUNDED, closedAfterEach, findAwsCliV2, loadFile, runCommand, serveFile } from './harness.js';
import { openServe } from '../../src/cli/serve.js';
import { main } from '../../src/cli/main.js';
import { secretAccessKey } from '../../src/engine/ids.js';
import { startServer, KEYS_STEP_TITLE, type RunningServer } from '../../src/server/serve.js';
import { simulate } from '../../src/simulate.js';
import { runCli } from '../cli/run-cli.js';

const FILE = 'scenarios/cross-account.iam';
const load = () => loadFile(FILE);

const ROLE = 'arn:aws:iam::111111111111:role/UpdateApp';
const bounded = { ...BOUNDED, region: 'us-east-1' } as const;

const closed = closedAfterEach();

async function serve() {
  const { server, credentials, dir } = await serveFile(FILE, closed);
  return { server, credentials, dir };
}

/** What the log recorded since `before`: only refusals (RequestRefused, after the clock moved), their codes; no step. */
const refusedSince = (server: RunningServer, before: number) =>
  server
    .events()
    .slice(before)
    .filter((e) => e.type !== 'ClockAdvanced')
    .map((e) => (e.type === 'RequestRefused' ? e.data.code : e.type));

const sts = (url: string, filepath: string, profile: string) =>
  new STSClient({ ...bounded, endpoint: url, credentials: fromIni({ filepath, configFilepath: filepath + '.none', profile }) });

describe('simulate serve: the seed’s cross-account flow through the AWS SDK for JavaScript v3', () => {
  it('given the credentials file, when alice asks who she is, switches to UpdateApp and asks again, then STS answers as AWS would', async () => {
    const { server, credentials } = await serve();
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(statSync(credentials).mode & 0o777).toBe(0o600);
    const alice = sts(server.url, credentials, 'Development/alice');
    const me = await alice.send(new GetCallerIdentityCommand({}));
    expect(me).toMatchObject({ Account: '222222222222', Arn: 'arn:aws:iam::222222222222:user/alice' });

    const assumed = await alice.send(new AssumeRoleCommand({ RoleArn: ROLE, RoleSessionName: 'alice' }));
    expect(assumed.AssumedRoleUser?.Arn).toBe('arn:aws:sts::111111111111:assumed-role/UpdateApp/alice');
    const c = assumed.Credentials!;
    // sessions expire in real time: an hour from the wall clock
    expect(Math.abs(c.Expiration!.getTime() - (Date.now() + 3600_000))).toBeLessThan(10_000);

    const session = new STSClient({
      ...bounded,
      endpoint: server.url,
      credentials: { accessKeyId: c.AccessKeyId!, secretAccessKey: c.SecretAccessKey!, sessionToken: c.SessionToken! },
    });
    const who = await session.send(new GetCallerIdentityCommand({}));
    expect(who.Arn).toBe('arn:aws:sts::111111111111:assumed-role/UpdateApp/alice');

    const titles = server
      .events()
      .filter((e) => e.type === 'StepStarted')
      .map((e) => (e.data as { title: string }).title);
    expect(titles.slice(-4)).toEqual([
      KEYS_STEP_TITLE,
      'POST sts:GetCallerIdentity from 127.0.0.1',
      'POST sts:AssumeRole from 127.0.0.1',
      'POST sts:GetCallerIdentity from 127.0.0.1',
    ]);
  });

  it('given 20 requests sent at once, then each is answered and run as one step, one after the other, and none is lost', async () => {
    const { server, credentials } = await serve();
    const before = server.events().filter((e) => e.type === 'StepStarted').length;
    const alice = sts(server.url, credentials, 'Development/alice');
    const answers = await Promise.all(Array.from({ length: 20 }, () => alice.send(new GetCallerIdentityCommand({}))));
    expect(answers.every((a) => a.Arn === 'arn:aws:iam::222222222222:user/alice')).toBe(true);
    const steps = server.events().filter((e) => e.type === 'StepStarted');
    expect(steps.map((e) => (e.data as { index: number }).index).slice(before)).toEqual(
      Array.from({ length: 20 }, (_, i) => before + 1 + i),
    );
    // each request's events are together: its step, then its call
    const types = server
      .events()
      .slice(-40)
      .map((e) => e.type);
    expect(types.filter((t, i) => t === 'StepStarted' && types[i + 1] !== 'CallerIdentityReturned')).toEqual([]);
  });

  it('given bob, who is no Developer, when he assumes UpdateApp, then the SDK raises its own AccessDenied with status 403', async () => {
    const { server, credentials } = await serve();
    const error = await sts(server.url, credentials, 'Development/bob')
      .send(new AssumeRoleCommand({ RoleArn: ROLE, RoleSessionName: 'bob' }))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(STSServiceException);
    expect(error).toMatchObject({ name: 'AccessDenied', $metadata: { httpStatusCode: 403 } });
    expect((error as Error).message).toContain('is not authorized to perform: sts:AssumeRole');
  });

  it('given a wrong secret, then SignatureDoesNotMatch, the request is not run, and the server keeps serving', async () => {
    const { server, credentials } = await serve();
    const steps = server.events().length;
    const text = readFileSync(credentials, 'utf8');
    const keyId = /\[Development\/alice\]\naws_access_key_id = (\S+)/.exec(text)![1]!;
    expect(text).toContain(`aws_secret_access_key = ${secretAccessKey(load().world.scenario.seed, keyId)}`);
    const wrong = new STSClient({ ...bounded, endpoint: server.url, credentials: { accessKeyId: keyId, secretAccessKey: 'x'.repeat(40) } });
    const error = await wrong.send(new GetCallerIdentityCommand({})).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'SignatureDoesNotMatch', $metadata: { httpStatusCode: 403 } });
    expect(refusedSince(server, steps)).toEqual(['SignatureDoesNotMatch']);
    const right = await sts(server.url, credentials, 'Development/alice').send(new GetCallerIdentityCommand({}));
    expect(right.Account).toBe('222222222222');
  });

  it('given an administrator, when it creates a role, then the world has it and a later GetRole sees it; an unknown role is NoSuchEntity', async () => {
    const source = readFileSync(FILE, 'utf8').replace(
      'user bob',
      'user bob\n  user admin { inline Admin { allow action iam:* resource * } }',
    );
    const loaded = simulate(source, FILE, { readFile: () => ({ text: '', file: '' }), detail: true });
    const dir = mkdtempSync(join(tmpdir(), 'iamsim-serve-'));
    const credentials = join(dir, 'credentials');
    const server = await startServer(loaded, { port: 0, credentials });
    closed(server);
    const iam = new IAMClient({
      ...bounded,
      endpoint: server.url,
      credentials: fromIni({ filepath: credentials, profile: 'Development/admin' }),
    });
    const trust = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
    });
    const created = await iam.send(new CreateRoleCommand({ RoleName: 'Deployer', AssumeRolePolicyDocument: trust }));
    expect(created.Role?.Arn).toBe('arn:aws:iam::222222222222:role/Deployer');
    const read = await iam.send(new GetRoleCommand({ RoleName: 'Deployer' }));
    expect(read.Role?.RoleId).toBe(created.Role?.RoleId);
    await expect(iam.send(new GetRoleCommand({ RoleName: 'Nobody' }))).rejects.toBeInstanceOf(NoSuchEntityException);
    // iam:SimulateCustomPolicy, once authorized, is answered by the evaluator of simulate eval
    // (IAM API Reference, SimulateCustomPolicy; src/server/simulate-policy.ts)
    const simulated = await iam.send(
      new SimulateCustomPolicyCommand({
        PolicyInputList: [
          JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] }),
        ],
        ActionNames: ['s3:GetObject', 's3:PutObject'],
      }),
    );
    expect(simulated.EvaluationResults?.map((r) => [r.EvalActionName, r.EvalDecision])).toEqual([
      ['s3:GetObject', 'allowed'],
      ['s3:PutObject', 'implicitDeny'],
    ]);
  });
});

describe('simulate serve: what it refuses, and the wall clock', () => {
  const post = (url: string, body: string | Blob, headers: Record<string, string> = {}) =>
    fetch(url, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      signal: AbortSignal.timeout(5000),
    });

  it('given an unsigned request that is not AssumeRoleWithWebIdentity, then MissingAuthenticationToken (403) and nothing is run', async () => {
    const { server } = await serve();
    const before = server.events().length;
    const r = await post(server.url, 'Action=GetCallerIdentity&Version=2011-06-15');
    expect(r.status).toBe(403);
    expect(await r.text()).toContain('<Code>MissingAuthenticationToken</Code>');
    expect(refusedSince(server, before)).toEqual(['MissingAuthenticationToken']);
  });

  it('given an unsigned AssumeRoleWithWebIdentity, then it is run as a step of an anonymous caller, and the engine answers it', async () => {
    const { server } = await serve();
    const r = await post(
      server.url,
      'Action=AssumeRoleWithWebIdentity&Version=2011-06-15&RoleArn=arn%3Aaws%3Aiam%3A%3A111111111111%3Arole%2FUpdateApp&RoleSessionName=x&WebIdentityToken=abc',
    );
    expect(r.status).toBe(400);
    expect(await r.text()).toContain('<Code>ValidationError</Code>');
    const step = server
      .events()
      .filter((e) => e.type === 'StepStarted')
      .at(-1);
    expect((step?.data as { title: string }).title).toBe('POST sts:AssumeRoleWithWebIdentity from 127.0.0.1');
  });

  it('given a body over 1 MiB, then RequestEntityTooLarge (413), and the server keeps serving', async () => {
    const { server, credentials } = await serve();
    const r = await post(server.url, new Blob(['a'.repeat(2 * 1024 * 1024)]));
    expect(r.status).toBe(413);
    expect(await r.text()).toContain('<Code>RequestEntityTooLarge</Code>');
    const me = await sts(server.url, credentials, 'Development/alice').send(new GetCallerIdentityCommand({}));
    expect(me.Account).toBe('222222222222');
  });

  it('given an STS action the engine does not carry out (AssumeRoot), then NotImplemented (501) without running it', async () => {
    const { server, credentials } = await serve();
    const before = server.events().length;
    const error = await sts(server.url, credentials, 'Development/alice')
      .send(
        new AssumeRootCommand({
          TargetPrincipal: '111111111111',
          TaskPolicyArn: { arn: 'arn:aws:iam::aws:policy/root-task/IAMAuditRootUserCredentials' },
        }),
      )
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'NotImplemented', $metadata: { httpStatusCode: 501 } });
    expect(refusedSince(server, before)).toEqual(['NotImplemented']);
  });

  it('given an IAM request signed for another Region than us-east-1, then SignatureDoesNotMatch naming the Region', async () => {
    const { server, credentials } = await serve();
    const iam = new IAMClient({
      ...bounded,
      region: 'eu-west-1',
      endpoint: server.url,
      credentials: fromIni({ filepath: credentials, configFilepath: credentials + '.none', profile: 'Development/alice' }),
    });
    const error = await iam.send(new GetRoleCommand({ RoleName: 'UpdateApp' })).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'SignatureDoesNotMatch', $metadata: { httpStatusCode: 403 } });
    expect((error as Error).message).toContain("Credential should be scoped to a valid region, not 'eu-west-1'");
  });

  it('given a session, when the wall clock passes its expiration, then ExpiredToken (the SDK signing at that time)', async () => {
    let offset = 0;
    const dir = mkdtempSync(join(tmpdir(), 'iamsim-serve-'));
    const credentials = join(dir, 'credentials');
    const server = await startServer(load(), { port: 0, credentials, now: () => new Date(Date.now() + offset) });
    closed(server);
    const assumed = await sts(server.url, credentials, 'Development/alice').send(
      new AssumeRoleCommand({ RoleArn: ROLE, RoleSessionName: 'alice', DurationSeconds: 900 }),
    );
    const c = assumed.Credentials!;
    offset = 901_000;
    const session = new STSClient({
      ...bounded,
      systemClockOffset: offset,
      endpoint: server.url,
      credentials: { accessKeyId: c.AccessKeyId!, secretAccessKey: c.SecretAccessKey!, sessionToken: c.SessionToken! },
    });
    const error = await session.send(new GetCallerIdentityCommand({})).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(STSServiceException);
    expect(error).toMatchObject({ name: 'ExpiredToken', $metadata: { httpStatusCode: 403 } });
  });

  it('given an administrator makes alice’s key inactive, then alice’s next request is refused with InvalidClientTokenId', async () => {
    const source = readFileSync(FILE, 'utf8').replace(
      'user bob',
      'user bob\n  user admin { inline Admin { allow action iam:* resource * } }',
    );
    const loaded = simulate(source, FILE, { readFile: () => ({ text: '', file: '' }), detail: true });
    const dir = mkdtempSync(join(tmpdir(), 'iamsim-serve-'));
    const credentials = join(dir, 'credentials');
    const server = await startServer(loaded, { port: 0, credentials });
    closed(server);
    const keyId = /\[Development\/alice\]\naws_access_key_id = (\S+)/.exec(readFileSync(credentials, 'utf8'))![1]!;
    const iam = new IAMClient({
      ...bounded,
      endpoint: server.url,
      credentials: fromIni({ filepath: credentials, profile: 'Development/admin' }),
    });
    await iam.send(new UpdateAccessKeyCommand({ UserName: 'alice', AccessKeyId: keyId, Status: 'Inactive' }));
    const error = await sts(server.url, credentials, 'Development/alice')
      .send(new GetCallerIdentityCommand({}))
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'InvalidClientTokenId', $metadata: { httpStatusCode: 403 } });
  });
});

describe('simulate serve on the console', () => {
  it('given --events, when requests are answered, then the trace printed is the one simulate replay prints from the log', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'iamsim-serve-'));
    const events = join(dir, 'serve.jsonl');
    const credentials = join(dir, 'credentials');
    let out = '';
    const io = { stdout: (s: string) => void (out += s), stderr: () => {}, isTTY: false, env: {} };
    const serving = await openServe(load(), { port: 0, host: null, credentials, events, color: false }, io);
    closed(serving);
    const alice = sts(serving.url, credentials, 'Development/alice');
    await alice.send(new AssumeRoleCommand({ RoleArn: ROLE, RoleSessionName: 'alice' }));
    await sts(serving.url, credentials, 'Development/bob')
      .send(new AssumeRoleCommand({ RoleArn: ROLE, RoleSessionName: 'bob' }))
      .catch(() => {});
    await serving.close();
    expect(out).toContain('Step 8 · POST sts:AssumeRole from 127.0.0.1');
    expect(out).toMatch(/wait until the wall clock: the clock moves from 2026-01-01T10:00:00Z to /);

    let replayed = '';
    const code = await main(['replay', events, '--no-color'], { ...io, stdout: (s: string) => void (replayed += s) });
    expect(code).toBe(0);
    expect(replayed).toBe(out);
  });

  const awsCli = findAwsCliV2();
  it.skipIf(!('path' in awsCli))(
    `given the AWS CLI v2${'path' in awsCli ? '' : ` (skipped: ${awsCli.reason})`}, when it runs sts get-caller-identity with a profile of the file, then it answers alice`,
    async () => {
      const { server, credentials, dir } = await serve();
      const { stdout } = await runCommand(
        (awsCli as { path: string }).path,
        [
          '--profile',
          'Development/alice',
          '--endpoint-url',
          server.url,
          '--region',
          'us-east-1',
          '--output',
          'json',
          'sts',
          'get-caller-identity',
        ],
        {
          AWS_SHARED_CREDENTIALS_FILE: credentials,
          AWS_CONFIG_FILE: join(dir, 'config'),
          AWS_MAX_ATTEMPTS: '1',
        },
      );
      expect(JSON.parse(stdout)).toMatchObject({ Account: '222222222222', Arn: 'arn:aws:iam::222222222222:user/alice' });
    },
    60_000,
  );
});

describe('simulate serve: the command line', () => {
  it.each([
    [['serve'], 'serve takes exactly one world (a scenario file)'],
    [['serve', FILE, '--events', '/tmp/x.yaml'], 'serve appends its event log as JSON Lines: --events needs a .jsonl file'],
    [['serve', FILE, '--port', '70000'], '--port needs a port number (0 to 65535), not "70000"'],
    [['serve', FILE, '--format', 'json'], '--format applies to scenario runs, not to serve'],
    [[FILE, '--port', '1', '--credentials', 'c'], '--port, --credentials apply to serve only'],
  ])('given %j, then a usage error (exit 2): %s', async (argv, message) => {
    const r = await runCli(argv);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe(`simulate: ${message}`);
  });

  it('given a world that cannot run, then exit 2 with the located error, and nothing listens', async () => {
    const r = await runCli(['serve', 'scenarios/invalid/unknown-role.iam', '--port', '0']);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe('scenarios/invalid/unknown-role.iam:10:39: error: role Production/UpdateAp is not defined');
  });

  it('given the shipped command, when it is stopped with SIGTERM, then it prints the summary, exits 0, and the log it appended replays', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'iamsim-serve-'));
    const events = join(dir, 'serve.jsonl');
    const credentials = join(dir, 'credentials');
    const child = spawn(
      process.execPath,
      ['bin/simulate.js', 'serve', FILE, '--port', '0', '--events', events, '--credentials', credentials],
      {
        env: { ...process.env, NO_COLOR: '1' },
      },
    );
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no URL on stderr: ${err}`)), 20_000);
      child.stderr.on('data', (d: Buffer) => {
        err += d.toString();
        const m = /the world's AWS endpoints at (http:\/\/127\.0\.0\.1:\d+)/.exec(err);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]!);
        }
      });
    });
    try {
      await sts(url, credentials, 'Development/alice').send(new GetCallerIdentityCommand({}));
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    expect(out).toMatch(/\n8 steps, 7 expectations: 7 passed, 0 failed — all expectations held\n$/);
    const replayed = await runCli(['replay', events, '--no-color']);
    expect(replayed.stdout).toBe(out);
  }, 30_000);
});
