// `simulate serve` for the world's workloads, with the real AWS SDK for JavaScript v3: a pod's IRSA
// token file and environment (Amazon EKS User Guide, "Configure Kubernetes service accounts to
// assume an IAM role", https://docs.aws.amazon.com/eks/latest/userguide/associate-service-account-role.html;
// the SDK's web identity provider reads AWS_ROLE_ARN and AWS_WEB_IDENTITY_TOKEN_FILE, AWS SDKs and
// Tools Reference Guide, "Assume role credential provider",
// https://docs.aws.amazon.com/sdkref/latest/guide/feature-assume-role-credentials.html, and
// AWS_ENDPOINT_URL_STS, "Service-specific endpoints",
// https://docs.aws.amazon.com/sdkref/latest/guide/feature-ss-endpoints.html).
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { fromContainerMetadata, fromHttp, fromInstanceMetadata, fromTokenFile } from '@aws-sdk/credential-providers';
import { describe, expect, it } from 'vitest';
import { BOUNDED, closedAfterEach, loadFileAsync } from './harness.js';
import { main } from '../../src/cli/main.js';
import { openServe } from '../../src/cli/serve.js';
import { startServer, type RunningServer } from '../../src/server/serve.js';
import { WorkloadError, writePodFiles } from '../../src/server/workloads.js';
import { simulateAsync } from '../../src/simulate.js';
import { runCli } from '../cli/run-cli.js';

const FILE = 'scenarios/eks-pod-identity.iam';
const load = () => loadFileAsync(FILE);
const bounded = BOUNDED;

const closed = closedAfterEach();

async function serve(): Promise<{ server: RunningServer; dir: string }> {
  const server = await startServer(await load(), { port: 0 });
  closed(server);
  return { server, dir: mkdtempSync(join(tmpdir(), 'iamsim-pod-')) };
}

/** Runs `fn` with the variables set in process.env, then puts process.env back as it was. */
async function withEnv<T>(env: ReadonlyArray<readonly [string, string]>, fn: () => Promise<T>): Promise<T> {
  const saved = env.map(([k]) => [k, process.env[k]] as const);
  for (const [k, v] of env) process.env[k] = v;
  try {
    return await fn();
  } finally {
    for (const [k, v] of saved) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

const titles = (server: RunningServer) =>
  server
    .events()
    .filter((e) => e.type === 'StepStarted')
    .map((e) => (e.data as { title: string }).title);

describe('simulate serve --pod: IRSA through the SDK’s fromTokenFile', () => {
  it('given the catalog pod’s token file and environment, when the SDK’s fromTokenFile gets credentials, then STS answers the role’s session and GetCallerIdentity its ARN', async () => {
    const { server, dir } = await serve();
    const pod = await writePodFiles(server.world(), 'Production/demo/shop/catalog', dir, server.url, new Date(), server.keys);
    const env = Object.fromEntries(pod.env);
    expect(env).toEqual({
      AWS_ROLE_ARN: 'arn:aws:iam::111111111111:role/irsa-reader',
      AWS_WEB_IDENTITY_TOKEN_FILE: join(dir, 'token'),
      AWS_ROLE_SESSION_NAME: 'demo-shop-catalog',
      AWS_REGION: 'us-west-2',
      AWS_ENDPOINT_URL_STS: server.url,
      AWS_ENDPOINT_URL: server.url,
    });
    expect(statSync(join(dir, 'token')).mode & 0o777).toBe(0o600);
    // the projected token: the cluster's issuer, the pod's service account, and a lifetime on the wall clock
    const claims = JSON.parse(Buffer.from(readFileSync(join(dir, 'token'), 'utf8').split('.')[1]!, 'base64url').toString()) as {
      iss: string;
      sub: string;
      exp: number;
    };
    expect(claims.iss).toBe('https://oidc.eks.us-west-2.amazonaws.com/id/ED89F3AFEA9A6BF0AF1C1B0B2B0D0B6A');
    expect(claims.sub).toBe('system:serviceaccount:shop:reader');
    expect(claims.exp * 1000).toBeGreaterThan(Date.now());

    const credentials = await withEnv(pod.env, () => fromTokenFile({ clientConfig: bounded })());
    expect(credentials.accessKeyId).toMatch(/^ASIA/);
    const sts = new STSClient({ ...bounded, region: 'us-west-2', endpoint: server.url, credentials });
    const me = await sts.send(new GetCallerIdentityCommand({}));
    expect(me.Arn).toBe('arn:aws:sts::111111111111:assumed-role/irsa-reader/demo-shop-catalog');
    expect(titles(server).slice(-2)).toEqual([
      'POST sts:AssumeRoleWithWebIdentity from 127.0.0.1',
      'POST sts:GetCallerIdentity from 127.0.0.1',
    ]);
  });

  it('given a token file whose claims were changed after signing, then the SDK raises its InvalidIdentityTokenException (STS’s InvalidIdentityToken)', async () => {
    const { server, dir } = await serve();
    const pod = await writePodFiles(server.world(), 'Production/demo/shop/catalog', dir, server.url, new Date(), server.keys);
    const file = join(dir, 'token');
    const [header, payload, signature] = readFileSync(file, 'utf8').split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString()) as Record<string, unknown>;
    const forged = Buffer.from(JSON.stringify({ ...claims, sub: 'system:serviceaccount:shop:admin' })).toString('base64url');
    writeFileSync(file, `${header}.${forged}.${signature}`);
    const error = await withEnv(pod.env, () => fromTokenFile({ clientConfig: bounded })()).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'InvalidIdentityTokenException', $metadata: { httpStatusCode: 400 } });
    expect(titles(server).at(-1)).toBe('POST sts:AssumeRoleWithWebIdentity from 127.0.0.1');
  });

  it('given a pod the world does not have, then WorkloadError says why', async () => {
    const { server, dir } = await serve();
    await expect(writePodFiles(server.world(), 'Production/demo/shop/nope', dir, server.url, new Date(), server.keys)).rejects.toThrow(
      new WorkloadError(
        'the world has no pod Production/demo/shop/nope (its pods: Production/demo/shop/catalog, Production/demo/shop/reports, Production/demo/shop/audit): --pod takes ACCOUNT/CLUSTER/NAMESPACE/POD',
      ),
    );
  });
});

// The EKS Pod Identity Agent (Amazon EKS User Guide, "Learn how EKS Pod Identity grants pods access to AWS
// services", https://docs.aws.amazon.com/eks/latest/userguide/pod-id-how-it-works.html); the SDK's container
// credential provider (AWS SDKs and Tools Reference Guide, "Container credential provider",
// https://docs.aws.amazon.com/sdkref/latest/guide/feature-container-credentials.html: a FULL_URI over http
// must be a loopback address, or the ECS/EKS link-local hosts).
describe('simulate serve: the EKS Pod Identity Agent through the SDK’s container provider (fromHttp)', () => {
  const agent = (env: ReadonlyArray<readonly [string, string]>) => withEnv(env, () => fromHttp({ timeout: 5000, maxRetries: 0 })());

  it('given the reports pod’s token file and environment, when the SDK asks the agent, then EKS’s session of reports answers GetCallerIdentity, the request a step', async () => {
    const { server, dir } = await serve();
    const pod = await writePodFiles(server.world(), 'Production/demo/shop/reports', dir, server.url, new Date(), server.keys);
    expect(Object.fromEntries(pod.env)).toEqual({
      AWS_CONTAINER_CREDENTIALS_FULL_URI: `${server.url}/v1/credentials`,
      AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE: join(dir, 'eks-pod-identity-token'),
      AWS_REGION: 'us-west-2',
      AWS_ENDPOINT_URL_STS: server.url,
      AWS_ENDPOINT_URL: server.url,
    });
    expect(statSync(join(dir, 'eks-pod-identity-token')).mode & 0o777).toBe(0o600);
    const credentials = await agent(pod.env);
    expect(credentials.accessKeyId).toMatch(/^ASIA/);
    const sts = new STSClient({ ...bounded, region: 'us-west-2', endpoint: server.url, credentials });
    const me = await sts.send(new GetCallerIdentityCommand({}));
    expect(me.Arn).toMatch(/^arn:aws:sts::111111111111:assumed-role\/reports\/eks-demo-reports-/);
    expect(titles(server).at(-2)).toMatch(
      /^GET \/v1\/credentials from 127\.0\.0\.1: EKS Auth exchanged pod Production\/demo\/shop\/reports's token \(association a-\w+\)$/,
    );
  });

  // fromContainerMetadata, the SDK's older container provider, reads the token from
  // AWS_CONTAINER_AUTHORIZATION_TOKEN (not from a file) and takes a FULL_URI on a loopback host only
  it('given the reports pod’s token in AWS_CONTAINER_AUTHORIZATION_TOKEN, when the SDK’s fromContainerMetadata asks the agent, then EKS’s session of reports answers GetCallerIdentity', async () => {
    const { server, dir } = await serve();
    const pod = await writePodFiles(server.world(), 'Production/demo/shop/reports', dir, server.url, new Date(), server.keys);
    const token = readFileSync(join(dir, 'eks-pod-identity-token'), 'utf8');
    const env: [string, string][] = [
      ['AWS_CONTAINER_CREDENTIALS_FULL_URI', `${server.url}/v1/credentials`],
      ['AWS_CONTAINER_AUTHORIZATION_TOKEN', token],
    ];
    expect(pod.env.find(([k]) => k === 'AWS_CONTAINER_CREDENTIALS_FULL_URI')?.[1]).toBe(env[0]![1]);
    const credentials = await withEnv(env, () => fromContainerMetadata({ timeout: 5000, maxRetries: 0 })());
    const me = await new STSClient({ ...bounded, region: 'us-west-2', endpoint: server.url, credentials }).send(
      new GetCallerIdentityCommand({}),
    );
    expect(me.Arn).toMatch(/^arn:aws:sts::111111111111:assumed-role\/reports\/eks-demo-reports-/);
  });

  it('given the audit pod, whose role’s trust policy lacks sts:TagSession, then EKS is refused and the SDK’s provider reports AccessDenied', async () => {
    const { server, dir } = await serve();
    const pod = await writePodFiles(server.world(), 'Production/demo/shop/audit', dir, server.url, new Date(), server.keys);
    const error = await agent(pod.env).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'CredentialsProviderError', Code: 'AccessDenied' });
    expect((error as { Message: string }).Message).toContain('is not authorized to perform: sts:TagSession');
    expect(titles(server).at(-1)).toMatch(/EKS Auth exchanged pod Production\/demo\/shop\/audit's token/);
  });

  it('given a tampered token, a token for IRSA’s audience, or none, then the agent answers EKS Auth’s InvalidTokenException, runs nothing and logs each refusal', async () => {
    const notices: string[] = [];
    const server = await startServer(await load(), { port: 0, onNotice: (line) => notices.push(line) });
    closed(server);
    const dir = mkdtempSync(join(tmpdir(), 'iamsim-pod-'));
    const pod = await writePodFiles(server.world(), 'Production/demo/shop/reports', dir, server.url, new Date(), server.keys);
    const before = server.events().length;
    const file = join(dir, 'eks-pod-identity-token');
    const [header, payload, signature] = readFileSync(file, 'utf8').split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString()) as Record<string, unknown>;
    writeFileSync(
      file,
      `${header}.${Buffer.from(JSON.stringify({ ...claims, exp: (claims['exp'] as number) + 1 })).toString('base64url')}.${signature}`,
    );
    const error = await agent(pod.env).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'CredentialsProviderError', Code: 'InvalidTokenException', Message: 'The token is not valid.' });
    // the catalog pod's IRSA token is the cluster's, for audience sts.amazonaws.com
    await writePodFiles(server.world(), 'Production/demo/shop/catalog', dir, server.url, new Date(), server.keys);
    writeFileSync(file, readFileSync(join(dir, 'token')));
    await expect(agent(pod.env)).rejects.toMatchObject({ Code: 'InvalidTokenException' });
    const bare = await fetch(`${server.url}/v1/credentials`, { signal: AbortSignal.timeout(5000) });
    expect(bare.status).toBe(400);
    // no step ran: each refusal is a RequestRefused of the log (after the clock moved to the wall clock)
    const logged = server
      .events()
      .slice(before)
      .filter((e) => e.type !== 'ClockAdvanced');
    expect(logged.map((e) => [e.type, (e.data as { service: string; code: string }).service, (e.data as { code: string }).code])).toEqual([
      ['RequestRefused', 'eks-auth', 'InvalidTokenException'],
      ['RequestRefused', 'eks-auth', 'InvalidTokenException'],
      ['RequestRefused', 'eks-auth', 'InvalidTokenException'],
    ]);
    expect(notices).toEqual([
      'GET /v1/credentials from 127.0.0.1: InvalidTokenException: The token is not valid.',
      'GET /v1/credentials from 127.0.0.1: InvalidTokenException: The token is not valid.',
      'GET /v1/credentials from 127.0.0.1: InvalidTokenException: The request has no Authorization header: the pod sends its eks-pod-identity-token.',
    ]);
    // the agent's answer, as the SDK reads it: AccessKeyId, SecretAccessKey, Token, AccountId, Expiration
    await writePodFiles(server.world(), 'Production/demo/shop/reports', dir, server.url, new Date(), server.keys);
    const ok = await fetch(`${server.url}/v1/credentials`, {
      headers: { authorization: readFileSync(file, 'utf8') },
      signal: AbortSignal.timeout(5000),
    });
    const body = (await ok.json()) as Record<string, string>;
    expect(Object.keys(body)).toEqual(['AccessKeyId', 'SecretAccessKey', 'Token', 'AccountId', 'Expiration']);
    expect(body['AccountId']).toBe('111111111111');
  });
});

describe('simulate serve --pod on the console', () => {
  it('given --pod and --pod-dir, then DIR/token and DIR/env are written, the exports said on stderr, and the IRSA requests replay from --events to the same trace', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'iamsim-pod-'));
    const events = join(dir, 'serve.jsonl');
    let out = '';
    let err = '';
    const io = { stdout: (s: string) => void (out += s), stderr: (s: string) => void (err += s), isTTY: false, env: {} };
    const args = { port: 0, host: null, credentials: null, events, color: false, pod: 'Production/demo/shop/catalog', podDir: dir };
    const serving = await openServe(await load(), args, io);
    closed(serving);
    const envFile = readFileSync(join(dir, 'env'), 'utf8');
    expect(statSync(join(dir, 'env')).mode & 0o777).toBe(0o600);
    expect(envFile).toContain(`export AWS_WEB_IDENTITY_TOKEN_FILE='${join(dir, 'token')}'\n`);
    expect(err).toContain(envFile);
    const env = [...envFile.matchAll(/^export (\w+)='([^']*)'$/gm)].map((m) => [m[1]!, m[2]!] as const);
    const credentials = await withEnv(env, () => fromTokenFile({ clientConfig: bounded })());
    const sts = new STSClient({ ...bounded, region: 'us-west-2', endpoint: serving.url, credentials });
    await sts.send(new GetCallerIdentityCommand({}));
    await serving.close();
    expect(out).toContain('POST sts:AssumeRoleWithWebIdentity from 127.0.0.1');
    let replayed = '';
    const code = await main(['replay', events, '--no-color'], { ...io, stdout: (s: string) => void (replayed += s) });
    expect(code).toBe(0);
    expect(replayed).toBe(out);
  });

  it('given --pod for a pod with an EKS Pod Identity association, then its agent requests replay from --events to the same trace', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'iamsim-pod-'));
    const events = join(dir, 'serve.jsonl');
    let out = '';
    const io = { stdout: (s: string) => void (out += s), stderr: () => {}, isTTY: false, env: {} };
    const args = { port: 0, host: null, credentials: null, events, color: false, pod: 'Production/demo/shop/reports', podDir: dir };
    const serving = await openServe(await load(), args, io);
    closed(serving);
    const env = [...readFileSync(join(dir, 'env'), 'utf8').matchAll(/^export (\w+)='([^']*)'$/gm)].map((m) => [m[1]!, m[2]!] as const);
    await withEnv(env, () => fromHttp({ timeout: 5000, maxRetries: 0 })());
    // a request refused before EKS's AssumeRole is in the log too, and replay prints it
    const refused = await fetch(`${serving.url}/v1/credentials`, {
      headers: { authorization: 'not-a-token' },
      signal: AbortSignal.timeout(5000),
    });
    expect(refused.status).toBe(400);
    await serving.close();
    expect(out).toContain('GET /v1/credentials from 127.0.0.1: EKS Auth exchanged pod Production/demo/shop/reports');
    expect(out).toMatch(/GET \/v1\/credentials from 127\.0\.0\.1.*InvalidTokenException/s);
    let replayed = '';
    expect(await main(['replay', events, '--no-color'], { ...io, stdout: (s: string) => void (replayed += s) })).toBe(0);
    expect(replayed).toBe(out);
  });

  it('given --pod naming a pod the world does not have, then serve stops with exit code 2 and says why', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'iamsim-pod-'));
    const r = await runCli(['serve', FILE, '--port', '0', '--pod', 'Production/demo/shop/nope', '--pod-dir', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('simulate serve: --pod: the world has no pod Production/demo/shop/nope');
  });

  it('given --pod without --pod-dir, or --pod outside serve, then a usage error', async () => {
    expect((await runCli(['serve', FILE, '--pod', 'Production/demo/shop/catalog'])).stderr).toContain('--pod and --pod-dir go together');
    expect((await runCli([FILE, '--pod', 'x', '--pod-dir', 'y'])).stderr).toContain('--pod, --pod-dir apply to serve only');
  });
});

// The instance metadata service (Amazon EC2 User Guide, "Use the Instance Metadata Service to access
// instance metadata", https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/configuring-instance-metadata-service.html,
// and "Retrieve security credentials from instance metadata",
// https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/instance-metadata-security-credentials.html); the SDK's
// endpoint variable AWS_EC2_METADATA_SERVICE_ENDPOINT (AWS SDKs and Tools Reference Guide, "IMDS client",
// https://docs.aws.amazon.com/sdkref/latest/guide/feature-imds-client.html).
describe('simulate serve --instance: the instance metadata service through the SDK’s fromInstanceMetadata', () => {
  const WORLD = 'scenarios/services-assume-roles.iam';
  const loadWorld = () => simulateAsync(readFileSync(WORLD, 'utf8'), WORLD, { readFile: () => ({ text: '', file: '' }), detail: true });
  const serveInstance = async (instance: string) => {
    const server = await startServer(await loadWorld(), { port: 0, instance });
    closed(server);
    return server;
  };
  const imds = (url: string) =>
    withEnv([['AWS_EC2_METADATA_SERVICE_ENDPOINT', url]], () => fromInstanceMetadata({ timeout: 5000, maxRetries: 0 })());

  it('given instance Apps/web, when the SDK asks IMDSv2 for credentials, then EC2’s session of web-role answers GetCallerIdentity, each credentials request a step', async () => {
    const server = await serveInstance('Apps/web');
    const credentials = await imds(server.url);
    const id = Object.values(server.world().services.instances).find((i) => i.name === 'web')!.id;
    const sts = new STSClient({ ...bounded, region: 'us-east-1', endpoint: server.url, credentials });
    const me = await sts.send(new GetCallerIdentityCommand({}));
    expect(me.Arn).toBe(`arn:aws:sts::111111111111:assumed-role/web-role/${id}`);
    expect(titles(server).slice(-2)).toEqual([
      `GET /latest/meta-data/iam/security-credentials/web-role from 127.0.0.1 (instance Apps/web)`,
      'POST sts:GetCallerIdentity from 127.0.0.1',
    ]);
  });

  it('given the contract of IMDSv2, then the token, the role name and the credentials are answered as EC2 answers them, and what it refuses is refused', async () => {
    const server = await serveInstance('Apps/web');
    const at = (path: string, init: RequestInit = {}) => fetch(server.url + path, { ...init, signal: AbortSignal.timeout(5000) });
    expect((await at('/latest/api/token', { method: 'PUT' })).status).toBe(400); // no TTL
    expect((await at('/latest/api/token', { method: 'PUT', headers: { 'x-aws-ec2-metadata-token-ttl-seconds': '21601' } })).status).toBe(
      400,
    );
    expect((await at('/latest/api/token')).status).toBe(405);
    expect(
      (
        await at('/latest/api/token', {
          method: 'PUT',
          headers: { 'x-aws-ec2-metadata-token-ttl-seconds': '60', 'x-forwarded-for': '10.0.0.1' },
        })
      ).status,
    ).toBe(403);
    const put = await at('/latest/api/token', { method: 'PUT', headers: { 'x-aws-ec2-metadata-token-ttl-seconds': '60' } });
    expect(put.status).toBe(200);
    const token = await put.text();
    const before = server.events().length;
    expect((await at('/latest/meta-data/iam/security-credentials/')).status).toBe(401); // IMDSv2 only
    expect((await at('/latest/meta-data/iam/security-credentials/', { headers: { 'x-aws-ec2-metadata-token': 'nope' } })).status).toBe(401);
    const list = await at('/latest/meta-data/iam/security-credentials/', { headers: { 'x-aws-ec2-metadata-token': token } });
    expect(await list.text()).toBe('web-role');
    expect((await at('/latest/meta-data/iam/security-credentials/other', { headers: { 'x-aws-ec2-metadata-token': token } })).status).toBe(
      404,
    );
    expect(server.events()).toHaveLength(before); // nothing decided yet
    const creds = await at('/latest/meta-data/iam/security-credentials/web-role', { headers: { 'x-aws-ec2-metadata-token': token } });
    const body = (await creds.json()) as Record<string, string>;
    expect(Object.keys(body)).toEqual(['Code', 'LastUpdated', 'Type', 'AccessKeyId', 'SecretAccessKey', 'Token', 'Expiration']);
    expect(body).toMatchObject({ Code: 'Success', Type: 'AWS-HMAC', AccessKeyId: expect.stringMatching(/^ASIA/) });
    expect(Date.parse(body['Expiration']!)).toBeGreaterThan(Date.now());
  });

  it('given instance Apps/bare, which has no instance profile, then the metadata has no role and the SDK finds no credentials', async () => {
    const server = await serveInstance('Apps/bare');
    const error = await imds(server.url).catch((e: unknown) => e);
    expect(error).toMatchObject({ statusCode: 404 });
  });

  it('given no --instance, then /latest/ is not found; given an unknown instance, serve stops with exit code 2', async () => {
    const server = await startServer(await loadWorld(), { port: 0 });
    closed(server);
    expect((await fetch(server.url + '/latest/api/token', { method: 'PUT', signal: AbortSignal.timeout(5000) })).status).toBe(404);
    const r = await runCli(['serve', WORLD, '--port', '0', '--instance', 'Apps/nope']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('simulate serve: --instance: the world has no instance Apps/nope (its instances: Apps/web, Apps/bare)');
  });

  it('given --instance and --events, then the credentials request is printed and replays to the same trace', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'iamsim-imds-'));
    const events = join(dir, 'serve.jsonl');
    let out = '';
    let err = '';
    const io = { stdout: (s: string) => void (out += s), stderr: (s: string) => void (err += s), isTTY: false, env: {} };
    const args = { port: 0, host: null, credentials: null, events, color: false, instance: 'Apps/web' };
    const serving = await openServe(await loadWorld(), args, io);
    closed(serving);
    expect(err).toContain(`export AWS_EC2_METADATA_SERVICE_ENDPOINT='${serving.url}'`);
    await imds(serving.url);
    await serving.close();
    expect(out).toContain('GET /latest/meta-data/iam/security-credentials/web-role from 127.0.0.1 (instance Apps/web)');
    let replayed = '';
    expect(await main(['replay', events, '--no-color'], { ...io, stdout: (s: string) => void (replayed += s) })).toBe(0);
    expect(replayed).toBe(out);
  });
});
