// EKS Pod Identity (Amazon EKS User Guide "Learn how EKS Pod Identity grants pods access to AWS
// services"): the SDK's container provider hands the pod's projected token to the node's Pod
// Identity Agent, which calls eks-auth:AssumeRoleForPodIdentity. EKS Auth checks the token and
// finds the association; then EKS, as the service principal pods.eks.amazonaws.com, calls
// sts:AssumeRole on the association's role with six session tags, all transitive, so the trust
// policy must allow sts:AssumeRole and sts:TagSession.
import type { CallData, ParamValue } from '../call/command.js';
import { audiences, type PreparedToken } from '../oidc/token.js';
import type { ErrorCode } from '../error-codes.js';
import type { World } from '../world.js';
import { kubernetesUid } from './ids.js';
import { associationKey, type Pod, type PodIdentityAssociation } from './state.js';

export const EKS_PRINCIPAL = 'pods.eks.amazonaws.com';

export type Exchange =
  | { readonly ok: true; readonly association: PodIdentityAssociation; readonly notes: string[] }
  | { readonly ok: false; readonly code: ErrorCode; readonly message: string; readonly note: string };

export function exchangeToken(pod: Pod, token: PreparedToken, world: World): Exchange {
  const cluster = world.eks.clusters[pod.cluster];
  if (!cluster) throw new Error(`bug: pod ${pod.key} without its cluster`);
  const claims = token.claims ?? {};
  const now = Math.floor(Date.parse(world.scenario.clock) / 1000);
  if (token.signature.result !== 'valid' || claims['iss'] !== cluster.issuer) {
    return {
      ok: false,
      code: 'InvalidTokenException',
      message: 'The token is not valid.',
      note: `EKS Auth accepts only tokens that cluster ${cluster.name}'s issuer signed`,
    };
  }
  if (!(audiences(claims) ?? []).includes(EKS_PRINCIPAL)) {
    return {
      ok: false,
      code: 'InvalidTokenException',
      message: 'The token is not valid.',
      note: `the token's audience is not ${EKS_PRINCIPAL}`,
    };
  }
  if (typeof claims['exp'] !== 'number' || claims['exp'] <= now) {
    return { ok: false, code: 'ExpiredTokenException', message: 'The token has expired.', note: 'the projected token has expired' };
  }
  const association = world.eks.associations[associationKey(pod.cluster, pod.namespace, pod.serviceAccount)];
  if (!association) {
    return {
      ok: false,
      code: 'AccessDeniedException',
      message: 'No Pod Identity Association found for the service account.',
      note: `no association maps ${pod.namespace}/${pod.serviceAccount}`,
    };
  }
  const notes = [
    `EKS Auth (eks-auth:AssumeRoleForPodIdentity) verified the token of ${claims['sub']} with cluster ${cluster.name}'s key ${token.signature.kid} and found association ${association.id} → ${association.roleArn}`,
  ];
  return { ok: true, association, notes };
}

/** The sts:AssumeRole that EKS makes for the pod: its session name and the six transitive tags. */
export function podIdentityAssumeRole(pod: Pod, association: PodIdentityAssociation, world: World): CallData {
  const cluster = world.eks.clusters[pod.cluster]!;
  const tags: Record<string, string> = {
    'eks-cluster-arn': cluster.arn,
    'eks-cluster-name': cluster.name,
    'kubernetes-namespace': pod.namespace,
    'kubernetes-service-account': pod.serviceAccount,
    'kubernetes-pod-name': pod.name,
    'kubernetes-pod-uid': pod.uid,
  };
  const sessionName =
    `eks-${cluster.name}-${pod.name}-${kubernetesUid(world.scenario.seed, `session|${pod.key}|${world.scenario.clock}`)}`.slice(0, 64);
  const params: Record<string, ParamValue> = {
    RoleArn: { t: 'text', v: association.roleArn },
    RoleSessionName: { t: 'text', v: sessionName },
    Tags: { t: 'json', v: Object.entries(tags).map(([Key, Value]) => ({ Key, Value })) },
    TransitiveTagKeys: { t: 'json', v: Object.keys(tags) },
  };
  return {
    caller: { kind: 'service', service: EKS_PRINCIPAL, sourceAccount: cluster.account, sourceArn: cluster.arn },
    action: 'sts:AssumeRole',
    resource: null,
    params,
    context: {}, // aws:SourceAccount and aws:SourceArn come from the caller's source (call/context.ts)
    region: cluster.region,
  };
}
