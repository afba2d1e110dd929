// The world's workloads on `simulate serve` (docs/serve.md, "Pods and instances"): the files and
// environment a pod gives its SDK (`--pod`), the EKS Pod Identity Agent's credentials endpoint, and
// an EC2 instance's metadata service (`--instance`), each pointed at the server. For IRSA (Amazon EKS User Guide, "Configure Kubernetes service
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
import { exchangeToken, podIdentityAssumeRole } from '../engine/eks/pod-identity.js';
import type { Pod } from '../engine/eks/state.js';
import type { PreparedToken } from '../engine/oidc/token.js';
import { isoSeconds } from '../engine/scenario/state.js';
import { EC2_PRINCIPAL, type Ec2Instance } from '../engine/services/state.js';
import { findInstance } from '../engine/services/workload.js';
import type { Keyring } from '../engine/tokens/keyring.js';
import { mintProjected } from '../engine/tokens/mint.js';
import { inspect } from '../engine/tokens/verify.js';
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
 * the wall clock. They are signed with `keys`, the server's (RunningServer.keys), which check them
 * when the pod's SDK sends them.
 */
export async function writePodFiles(world: World, key: string, dir: string, url: string, now: Date, keys: Keyring): Promise<PodFiles> {
  const pod = world.eks.pods[key];
  if (pod === undefined) {
    const known = Object.keys(world.eks.pods);
    throw new WorkloadError(
      `the world has no pod ${key}${known.length > 0 ? ` (its pods: ${known.join(', ')})` : ' (it declares no pods)'}: --pod takes ACCOUNT/CLUSTER/NAMESPACE/POD`,
    );
  }
  const irsa = pod.tokens.find((t) => t.volume === 'aws-iam-token');
  const podIdentity = pod.tokens.find((t) => t.volume === 'eks-pod-identity-token');
  if ((irsa === undefined || pod.env['AWS_ROLE_ARN'] === undefined) && podIdentity === undefined) {
    throw new WorkloadError(
      `pod ${key} has neither an IRSA role nor an EKS Pod Identity association: its service account ${pod.namespace}/${pod.serviceAccount} has no eks.amazonaws.com/role-arn annotation and no association`,
    );
  }
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const at = wallClockWorld(world, now);
  const env: [string, string][] = [];
  const files: string[] = [];
  // the variables the webhook injects, pointed at the server; with both, the SDK's chain takes IRSA first
  if (irsa !== undefined && pod.env['AWS_ROLE_ARN'] !== undefined) {
    const file = join(dir, 'token');
    writeSecret(file, (await mintProjected(pod, irsa, at, keys)).compact);
    files.push(file);
    env.push(['AWS_ROLE_ARN', pod.env['AWS_ROLE_ARN']], ['AWS_WEB_IDENTITY_TOKEN_FILE', file], ['AWS_ROLE_SESSION_NAME', sessionName(pod)]);
  }
  if (podIdentity !== undefined) {
    const file = join(dir, 'eks-pod-identity-token');
    writeSecret(file, (await mintProjected(pod, podIdentity, at, keys)).compact);
    files.push(file);
    env.push(['AWS_CONTAINER_CREDENTIALS_FULL_URI', `${url}${AGENT_PATH}`], ['AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE', file]);
  }
  env.push(['AWS_REGION', pod.env['AWS_REGION'] ?? world.eks.clusters[pod.cluster]?.region ?? world.scenario.region]);
  env.push(['AWS_ENDPOINT_URL_STS', url], ['AWS_ENDPOINT_URL', url]);
  return { env, files, notes: [] };
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
  /** a line for the person running the server: a request refused before the engine */
  notice?(line: string): void;
  /**
   * a request refused before the engine: said on stderr and recorded in the log (RequestRefused), as
   * the server records the requests it refuses; without it, only said (notice)
   */
  refused?(req: WorkloadRequest, service: string, code: string, message: string): Promise<void>;
  /** the server's keys (RunningServer.keys), with which the pods' token files were signed */
  readonly keys: Keyring;
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
    let instance: Ec2Instance;
    try {
      instance = findServedInstance(world, key);
    } catch {
      return text(404, 'Not Found'); // the instance is no longer in the world
    }
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

/** Where the EKS Pod Identity Agent answers (the webhook injects http://169.254.170.23/v1/credentials). */
export const AGENT_PATH = '/v1/credentials';

/**
 * The EKS Pod Identity Agent's credentials endpoint (Amazon EKS User Guide, "Learn how EKS Pod
 * Identity grants pods access to AWS services"; the SDKs' container credential provider, AWS SDKs
 * and Tools Reference Guide, "Container credential provider"): `GET /v1/credentials` with the pod's
 * eks-pod-identity-token as `Authorization`. The token is checked by the engine's exchange, as EKS
 * Auth's AssumeRoleForPodIdentity checks it (its issuer's signature, audience, expiry, the
 * service account's association: eks/pod-identity.ts); then EKS's sts:AssumeRole of the
 * association's role, with its six session tags, runs as a step, and its credentials are answered
 * in the agent's JSON: AccessKeyId, SecretAccessKey, Token, AccountId, Expiration.
 */
export function podIdentityAgent(host: WorkloadHost): (req: WorkloadRequest) => Promise<WorkloadAnswer | null> {
  return async (req) => {
    if (req.path !== AGENT_PATH) return null;
    // refused before EKS's AssumeRole: recorded as every request refused before the engine (RequestRefused)
    const refuse = async (status: number, code: string, message: string): Promise<WorkloadAnswer> => {
      if (host.refused !== undefined) await host.refused(req, 'eks-auth', code, message);
      else host.notice?.(`${req.method} ${req.path} from ${req.from}: ${code}: ${message}`);
      return agentAnswer(status, code, message);
    };
    if (req.method !== 'GET') return refuse(405, 'MethodNotAllowed', 'The Pod Identity Agent answers GET only.');
    const compact = header(req.headers, 'authorization');
    if (compact === undefined || compact === '') {
      return refuse(400, 'InvalidTokenException', 'The request has no Authorization header: the pod sends its eks-pod-identity-token.');
    }
    const world = wallClockWorld(host.world(), host.now());
    const token = await inspect(compact, 'the Authorization header of the request to the Pod Identity Agent', null, world, host.keys);
    const pod = podOfToken(token.claims, world);
    if (pod === null) return refuse(400, 'InvalidTokenException', 'The token is not valid.');
    const exchange = exchangeToken(pod, token, world);
    if (!exchange.ok) return refuse(400, exchange.code, exchange.message);
    const call = await host.runStep(
      `${req.method} ${AGENT_PATH} from ${req.from}: EKS Auth exchanged pod ${pod.key}'s token (association ${exchange.association.id})`,
      podIdentityAssumeRole(pod, exchange.association, host.world()),
    );
    const credentials = call?.response?.['Credentials'] as Record<string, string> | undefined;
    if (call === null || credentials === undefined) {
      // the engine decided (its step is in the log): only said
      const error = call?.error ?? { code: 'AccessDeniedException', message: 'EKS could not assume the role.' };
      host.notice?.(`${req.method} ${req.path} from ${req.from}: ${error.code}: ${error.message}`);
      return agentAnswer(400, error.code, error.message);
    }
    const body = JSON.stringify({
      AccessKeyId: credentials['AccessKeyId'],
      SecretAccessKey: credentials['SecretAccessKey'],
      Token: credentials['SessionToken'],
      AccountId: pod.account,
      Expiration: credentials['Expiration'],
    });
    return { status: 200, headers: { 'content-type': 'application/json' }, body };
  };
}

/** The pod a token names (kubernetes.io: its namespace and pod, in the cluster of its issuer). */
function podOfToken(claims: PreparedToken['claims'], world: World): Pod | null {
  const k8s = claims?.['kubernetes.io'] as { namespace?: unknown; pod?: { name?: unknown } } | undefined;
  const iss = claims?.['iss'];
  if (typeof k8s?.namespace !== 'string' || typeof k8s.pod?.name !== 'string' || typeof iss !== 'string') return null;
  return (
    Object.values(world.eks.pods).find(
      (p) => p.namespace === k8s.namespace && p.name === k8s.pod?.name && world.eks.clusters[p.cluster]?.issuer === iss,
    ) ?? null
  );
}

/** AWS does not document the agent's error bodies: iamsim answers the Code and Message the SDK's container provider reads. */
function agentAnswer(status: number, code: string, message: string): WorkloadAnswer {
  return { status, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ Code: code, Message: message }) };
}

/** Every workload endpoint of the server: the instance metadata service and the Pod Identity Agent. */
export function workloadEndpoints(instance: string | null, host: WorkloadHost): (req: WorkloadRequest) => Promise<WorkloadAnswer | null> {
  const endpoints = [instanceMetadata(instance, host), podIdentityAgent(host)];
  return async (req) => {
    for (const endpoint of endpoints) {
      const answer = await endpoint(req);
      if (answer !== null) return answer;
    }
    return null;
  };
}
