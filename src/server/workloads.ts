// `simulate serve --pod`: the files and environment a pod of the world gives its SDK, pointed at the
// server (docs/serve.md, "Pods"). For IRSA (Amazon EKS User Guide, "Configure Kubernetes service
// accounts to assume an IAM role"): the projected service-account token, signed by the cluster's
// OIDC issuer as the engine's token service signs the tokens scenarios use (mintProjected), written
// to DIR/token (mode 600), and the variables the SDK's web identity provider reads
// (AWS_ROLE_ARN, AWS_WEB_IDENTITY_TOKEN_FILE; AWS SDKs and Tools Reference Guide, "Assume role
// credential provider") with the endpoint variables of the SDKs' service-specific endpoints
// (AWS SDKs and Tools Reference Guide, "Service-specific endpoints": AWS_ENDPOINT_URL_STS,
// AWS_ENDPOINT_URL). The server then answers the SDK's unsigned AssumeRoleWithWebIdentity.
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import type { IncomingHttpHeaders } from 'node:http';
import { join } from 'node:path';
import type { CallData } from '../engine/call/command.js';
import type { CallRecord } from '../engine/call-record.js';
import type { Pod } from '../engine/eks/state.js';
import { isoSeconds } from '../engine/scenario/state.js';
import { EC2_PRINCIPAL, type Ec2Instance } from '../engine/services/state.js';
import { findInstance } from '../engine/services/workload.js';
import { createKeyring } from '../engine/tokens/keyring.js';
import { mintProjected } from '../engine/tokens/mint.js';
import type { World } from '../engine/world.js';

export interface PodFiles {
  /** the variables to export, in the order printed */
  readonly env: ReadonlyArray<readonly [string, string]>;
  /** the files written */
  readonly files: readonly string[];
  /** what a person should know (e.g. the pod has no IRSA role) */
  readonly notes: readonly string[];
}

/** A pod or instance the server cannot serve: unknown, or without an identity it serves. */
export class WorkloadError extends Error {}

/**
 * Writes the token files of pod `key` (ACCOUNT/CLUSTER/NAMESPACE/POD, the scenario's account name)
 * into `dir` and answers the environment that points its SDK at `url`. The tokens are those the
 * kubelet would hold at `now`: the world's clock moved to the wall clock, so they live the
 * lifetime the webhook gave them (eks.amazonaws.com/token-expiration, 86400 seconds by default) on
 * the wall clock.
 */
export async function writePodFiles(world: World, key: string, dir: string, url: string, now: Date): Promise<PodFiles> {
  const pod = world.eks.pods[key];
  if (pod === undefined) {
    const known = Object.keys(world.eks.pods);
    throw new WorkloadError(
      `the world has no pod ${key}${known.length > 0 ? ` (its pods: ${known.join(', ')})` : ' (it declares no pods)'}: --pod takes ACCOUNT/CLUSTER/NAMESPACE/POD`,
    );
  }
  const irsa = pod.tokens.find((t) => t.volume === 'aws-iam-token');
  if (irsa === undefined || pod.env['AWS_ROLE_ARN'] === undefined) {
    throw new WorkloadError(
      `pod ${key} has no IRSA role: its service account ${pod.namespace}/${pod.serviceAccount} has no eks.amazonaws.com/role-arn annotation`,
    );
  }
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const at = wallClockWorld(world, now);
  const minted = await mintProjected(pod, irsa, at, createKeyring());
  const file = join(dir, 'token');
  writeSecret(file, minted.compact);
  const env: [string, string][] = [
    ['AWS_ROLE_ARN', pod.env['AWS_ROLE_ARN']],
    ['AWS_WEB_IDENTITY_TOKEN_FILE', file],
    ['AWS_ROLE_SESSION_NAME', sessionName(pod)],
    ['AWS_REGION', pod.env['AWS_REGION'] ?? world.scenario.region],
    ['AWS_ENDPOINT_URL_STS', url],
    ['AWS_ENDPOINT_URL', url],
  ];
  return { env, files: [file], notes: [] };
}

/** The world as it would be at `now` (its clock moved forward to the wall clock, never back). */
function wallClockWorld(world: World, now: Date): World {
  if (now.getTime() <= Date.parse(world.scenario.clock)) return world;
  return { ...world, scenario: { ...world.scenario, clock: now.toISOString().replace(/\.\d{3}Z$/, 'Z') } };
}

/** The pod's own name: the trace then tells the sessions of each pod apart. */
function sessionName(pod: Pod): string {
  return pod.env['AWS_ROLE_SESSION_NAME'] ?? `${pod.clusterName}-${pod.namespace}-${pod.name}`.slice(0, 64);
}

function writeSecret(file: string, text: string): void {
  writeFileSync(file, text, { mode: 0o600 });
  chmodSync(file, 0o600);
}

/** `export NAME='value'` lines a POSIX shell evaluates (`eval "$(…)"`). */
export function shellExports(env: PodFiles['env']): string {
  return env.map(([k, v]) => `export ${k}='${v.replace(/'/g, `'\\''`)}'\n`).join('');
}

/** An answer of the workload endpoints (the same shape as the Query protocol's). */
export interface WorkloadAnswer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** What the endpoints need of the server: the world now, and a request run as a step of the engine. */
export interface WorkloadHost {
  world(): World;
  now(): Date;
  /** runs `call` as the next step, titled `title`, on the wall clock; the step's call record */
  runStep(title: string, call: CallData): Promise<CallRecord | null>;
}

export interface WorkloadRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  /** the client's address, for the step's title */
  readonly from: string;
}

/** The instance `key` names (ACCOUNT/NAME: the scenario's account name, the instance's Name or ID). */
export function findServedInstance(world: World, key: string): Ec2Instance {
  const slash = key.indexOf('/');
  const accountName = slash < 0 ? '' : key.slice(0, slash);
  const name = key.slice(slash + 1);
  const account = Object.values(world.iam.accounts).find((a) => a.name === accountName || a.id === accountName);
  const instance = account === undefined ? null : findInstance({ account: account.id, name }, world);
  if (instance === null) {
    const known = Object.values(world.services.instances).map((i) => `${world.iam.accounts[i.account]?.name ?? i.account}/${i.name}`);
    throw new WorkloadError(
      `the world has no instance ${key}${known.length > 0 ? ` (its instances: ${known.join(', ')})` : ' (it declares no EC2 instances)'}: --instance takes ACCOUNT/NAME`,
    );
  }
  return instance;
}

const IMDS_TOKEN_PATH = '/latest/api/token';
const IMDS_CREDENTIALS = '/latest/meta-data/iam/security-credentials/';
/** IMDSv2's limit on a token's lifetime (Amazon EC2 User Guide, "Use the Instance Metadata Service to access instance metadata"). */
const MAX_TOKEN_TTL = 21600;

/**
 * The instance metadata service of one instance (`--instance`), IMDSv2 only (HttpTokens required),
 * at /latest/ on the server: a session token from PUT /latest/api/token, then, with it, the role
 * name at iam/security-credentials/ and the role's credentials at iam/security-credentials/ROLE.
 * Each credentials request is a step: EC2 assumes the instance profile's role as ec2.amazonaws.com
 * with the instance ID as session name, as the engine's instance workflow does (services/workload.ts).
 * null: the request is not for these endpoints.
 */
export function instanceMetadata(key: string | null, host: WorkloadHost): (req: WorkloadRequest) => Promise<WorkloadAnswer | null> {
  const tokens = new Map<string, number>(); // token → when it expires (ms, wall clock)
  return async (req) => {
    if (!req.path.startsWith('/latest/')) return null;
    if (key === null) return text(404, 'Not Found');
    if (req.path === IMDS_TOKEN_PATH) {
      if (req.method !== 'PUT') return text(405, 'Method Not Allowed');
      // IMDSv2 refuses token requests that came through a proxy (X-Forwarded-For)
      if (req.headers['x-forwarded-for'] !== undefined) return text(403, 'Forbidden');
      const ttl = header(req.headers, 'x-aws-ec2-metadata-token-ttl-seconds');
      if (ttl === undefined || !/^\d+$/.test(ttl) || Number(ttl) < 1 || Number(ttl) > MAX_TOKEN_TTL) return text(400, 'Bad Request');
      const token = randomBytes(32).toString('base64url');
      tokens.set(token, host.now().getTime() + Number(ttl) * 1000);
      return { status: 200, headers: { 'content-type': 'text/plain', 'x-aws-ec2-metadata-token-ttl-seconds': ttl }, body: token };
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return text(405, 'Method Not Allowed');
    // IMDSv2 only: a request without a valid token is 401 Unauthorized
    const token = header(req.headers, 'x-aws-ec2-metadata-token');
    const expires = token === undefined ? undefined : tokens.get(token);
    if (expires === undefined || expires <= host.now().getTime()) return text(401, 'Unauthorized');
    if (!req.path.startsWith(IMDS_CREDENTIALS)) return text(404, 'Not Found');
    const world = host.world();
    const instance = findServedInstance(world, key);
    const profile = instance.profile === null ? undefined : world.iam.instanceProfiles[instance.profile];
    const roleArn = profile?.roles[0];
    const roleName = roleArn?.slice(roleArn.lastIndexOf('/') + 1);
    const asked = req.path.slice(IMDS_CREDENTIALS.length);
    if (asked === '') return roleName === undefined ? text(404, 'Not Found') : text(200, roleName);
    if (roleArn === undefined || asked !== roleName) return text(404, 'Not Found');
    const call = await host.runStep(`${req.method} ${req.path} from ${req.from} (instance ${key})`, {
      caller: { kind: 'service', service: EC2_PRINCIPAL, sourceAccount: null, sourceArn: null },
      action: 'sts:AssumeRole',
      resource: null,
      params: { RoleArn: { t: 'text', v: roleArn }, RoleSessionName: { t: 'text', v: instance.id } },
      context: {},
      region: instance.region,
    });
    const credentials = call?.response?.['Credentials'] as Record<string, string> | undefined;
    if (credentials === undefined) {
      // EC2 could not assume the role: the metadata service serves no credentials (services/workload.ts)
      return text(404, 'Not Found');
    }
    const body = JSON.stringify(
      {
        Code: 'Success',
        LastUpdated: isoSeconds(host.now().getTime()),
        Type: 'AWS-HMAC',
        AccessKeyId: credentials['AccessKeyId'],
        SecretAccessKey: credentials['SecretAccessKey'],
        Token: credentials['SessionToken'],
        Expiration: credentials['Expiration'],
      },
      null,
      2,
    );
    return { status: 200, headers: { 'content-type': 'text/plain' }, body };
  };
}

function text(status: number, body: string): WorkloadAnswer {
  return { status, headers: { 'content-type': 'text/plain' }, body };
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? v[0] : v;
}
