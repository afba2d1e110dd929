// `simulate serve --pod`: the files and environment a pod of the world gives its SDK, pointed at the
// server (docs/serve.md, "Pods"). For IRSA (Amazon EKS User Guide, "Configure Kubernetes service
// accounts to assume an IAM role"): the projected service-account token, signed by the cluster's
// OIDC issuer as the engine's token service signs the tokens scenarios use (mintProjected), written
// to DIR/token (mode 600), and the variables the SDK's web identity provider reads
// (AWS_ROLE_ARN, AWS_WEB_IDENTITY_TOKEN_FILE; AWS SDKs and Tools Reference Guide, "Assume role
// credential provider") with the endpoint variables of the SDKs' service-specific endpoints
// (AWS SDKs and Tools Reference Guide, "Service-specific endpoints": AWS_ENDPOINT_URL_STS,
// AWS_ENDPOINT_URL). The server then answers the SDK's unsigned AssumeRoleWithWebIdentity.
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Pod } from '../engine/eks/state.js';
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

/** A pod that cannot be given its files: unknown, or without an identity the server serves. */
export class PodError extends Error {}

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
    throw new PodError(
      `the world has no pod ${key}${known.length > 0 ? ` (its pods: ${known.join(', ')})` : ' (it declares no pods)'}: --pod takes ACCOUNT/CLUSTER/NAMESPACE/POD`,
    );
  }
  const irsa = pod.tokens.find((t) => t.volume === 'aws-iam-token');
  if (irsa === undefined || pod.env['AWS_ROLE_ARN'] === undefined) {
    throw new PodError(
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
