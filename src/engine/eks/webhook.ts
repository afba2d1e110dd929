// The Amazon EKS Pod Identity Webhook's mutation at pod admission (Amazon EKS User Guide "Configure
// Kubernetes service accounts to assume an IAM role" for IRSA, "Learn how EKS Pod Identity
// grants pods access to AWS services" for EKS Pod Identity), as EKS runs it: with
// --aws-default-region set to the cluster's Region and regional STS endpoints on by default.
import type { EksCluster, PodIdentityAssociation, ProjectedToken, ServiceAccount } from './state.js';

export const ANNOTATION = {
  roleArn: 'eks.amazonaws.com/role-arn',
  audience: 'eks.amazonaws.com/audience',
  tokenExpiration: 'eks.amazonaws.com/token-expiration',
  regional: 'eks.amazonaws.com/sts-regional-endpoints',
} as const;

export const IRSA_MOUNT = '/var/run/secrets/eks.amazonaws.com/serviceaccount';
export const POD_IDENTITY_MOUNT = '/var/run/secrets/pods.eks.amazonaws.com/serviceaccount';
export const POD_IDENTITY_URI = 'http://169.254.170.23/v1/credentials';
const DEFAULT_EXPIRATION = 86400;
const MIN_EXPIRATION = 600;
const ROLE_ARN = /^arn:aws[a-z0-9-]*:iam::\d{12}:role\/[\w\-/.@+=,]+$/;

export interface Mutation {
  readonly env: Record<string, string>;
  readonly tokens: ProjectedToken[];
  readonly identity: 'irsa' | 'pod-identity' | 'both' | null;
  readonly notes: string[];
}

export function mutate(cluster: EksCluster, sa: ServiceAccount, association: PodIdentityAssociation | null): Mutation {
  const env: Record<string, string> = {};
  const tokens: ProjectedToken[] = [];
  const notes: string[] = [];
  const roleArn = sa.annotations[ANNOTATION.roleArn];
  if (roleArn !== undefined) {
    if (!ROLE_ARN.test(roleArn))
      notes.push(`the role-arn annotation "${roleArn}" is not a role ARN; the webhook warns but injects it anyway`);
    const expiration = tokenExpiration(sa.annotations[ANNOTATION.tokenExpiration], notes);
    const audience = sa.annotations[ANNOTATION.audience] ?? 'sts.amazonaws.com';
    env['AWS_DEFAULT_REGION'] = cluster.region;
    env['AWS_REGION'] = cluster.region;
    env['AWS_ROLE_ARN'] = roleArn;
    env['AWS_WEB_IDENTITY_TOKEN_FILE'] = `${IRSA_MOUNT}/token`;
    if (regional(sa.annotations[ANNOTATION.regional])) env['AWS_STS_REGIONAL_ENDPOINTS'] = 'regional';
    tokens.push({ volume: 'aws-iam-token', mountPath: IRSA_MOUNT, path: 'token', audience, expirationSeconds: expiration });
    notes.push(
      `service account ${sa.namespace}/${sa.name} has ${ANNOTATION.roleArn}: the webhook injects AWS_ROLE_ARN and AWS_WEB_IDENTITY_TOKEN_FILE and projects a token for audience ${audience} that lives ${expiration} seconds`,
    );
  }
  if (association !== null) {
    env['AWS_CONTAINER_CREDENTIALS_FULL_URI'] = POD_IDENTITY_URI;
    env['AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE'] = `${POD_IDENTITY_MOUNT}/eks-pod-identity-token`;
    tokens.push({
      volume: 'eks-pod-identity-token',
      mountPath: POD_IDENTITY_MOUNT,
      path: 'eks-pod-identity-token',
      audience: 'pods.eks.amazonaws.com',
      expirationSeconds: DEFAULT_EXPIRATION,
    });
    notes.push(
      `EKS Pod Identity association ${association.id} maps ${sa.namespace}/${sa.name} to ${association.roleArn}: the webhook injects the container credentials endpoint of the Pod Identity Agent and projects a token for audience pods.eks.amazonaws.com (EKS jitters its 86400-second lifetime; iamsim does not)`,
    );
  }
  if (roleArn === undefined && association === null) {
    notes.push(
      `service account ${sa.namespace}/${sa.name} has no ${ANNOTATION.roleArn} annotation and no Pod Identity association: the webhook leaves the pod as it is`,
    );
  }
  const identity = roleArn !== undefined ? (association !== null ? 'both' : 'irsa') : association !== null ? 'pod-identity' : null;
  return { env, tokens, identity, notes };
}

/** Pod annotation > service account annotation > flag (86400); below 600 is raised to 600. */
function tokenExpiration(raw: string | undefined, notes: string[]): number {
  if (raw === undefined) return DEFAULT_EXPIRATION;
  if (!/^\d+$/.test(raw)) {
    notes.push(`token-expiration "${raw}" is not a number of seconds; the webhook ignores it`);
    return DEFAULT_EXPIRATION;
  }
  const n = Number(raw);
  if (n < MIN_EXPIRATION) {
    notes.push(`token-expiration ${n} is below the minimum: the webhook raises it to ${MIN_EXPIRATION} seconds`);
    return MIN_EXPIRATION;
  }
  return n;
}

/** Go's strconv.ParseBool; an unparsable value is ignored and EKS's default (regional) stays. */
function regional(raw: string | undefined): boolean {
  if (raw === undefined) return true;
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(raw)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(raw)) return false;
  return true;
}
