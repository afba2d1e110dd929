// Schemas of the EKS events and the objects they carry: declarations, the webhook's mutation of
// each pod, and what a pod's SDK did to get credentials in a step (the calls it made are STS's own
// events, between these). Pods are keyed by ACCOUNT/CLUSTER/NAMESPACE/POD, service accounts by
// ACCOUNT/CLUSTER/NAMESPACE/NAME.
import * as z from 'zod/mini';
import { callRecordSchema } from '../call-record-schema.js';
import { event } from '../event-schema.js';
import { preparedTokenSchema } from '../oidc/schema.js';

export const eksClusterSchema = z.strictObject({
  arn: z.string(), // arn:aws:eks:REGION:ACCT:cluster/NAME
  name: z.string(),
  account: z.string(),
  region: z.string(),
  issuer: z.string(), // https://oidc.eks.REGION.amazonaws.com/id/ID
  namespaces: z.array(z.string()),
});

export const serviceAccountSchema = z.strictObject({
  key: z.string(),
  cluster: z.string(), // ARN
  namespace: z.string(),
  name: z.string(),
  uid: z.string(),
  annotations: z.record(z.string(), z.string()),
});

/** The projected service-account token volume the webhook adds. */
export const projectedTokenSchema = z.strictObject({
  volume: z.enum(['aws-iam-token', 'eks-pod-identity-token']),
  mountPath: z.string(),
  path: z.string(), // the file name inside the mount
  audience: z.string(),
  expirationSeconds: z.number(),
});

export const podSchema = z.strictObject({
  key: z.string(),
  cluster: z.string(), // ARN
  clusterName: z.string(),
  account: z.string(),
  namespace: z.string(),
  name: z.string(),
  uid: z.string(),
  serviceAccount: z.string(),
  serviceAccountUid: z.string(),
  admittedAt: z.string(), // ISO-8601: the kubelet's token rotation counts from here
  /** the environment every container gets, in the order the webhook writes it */
  env: z.record(z.string(), z.string()),
  tokens: z.array(projectedTokenSchema),
  identity: z.nullable(z.enum(['irsa', 'pod-identity', 'both'])),
});

export const podIdentityAssociationSchema = z.strictObject({
  id: z.string(), // a-…
  arn: z.string(),
  cluster: z.string(),
  namespace: z.string(),
  serviceAccount: z.string(),
  roleArn: z.string(),
});

/** One provider of the SDK's default chain and what it found. */
export const chainLinkSchema = z.strictObject({
  provider: z.string(), // fromEnv, fromSSO, fromIni, fromProcess, fromTokenFile, remoteProvider
  found: z.string(),
});

const notes = z.array(z.string());

export const eksEvents = [
  event('ClusterCreated', { cluster: eksClusterSchema }),
  event('NamespaceCreated', { cluster: z.string(), name: z.string() }),
  event('ServiceAccountCreated', { serviceAccount: serviceAccountSchema }),
  event('PodIdentityAssociationCreated', { association: podIdentityAssociationSchema }),
  /** the pod identity webhook admitted the pod: `pod` holds what it injected; `notes` say why */
  event('PodAdmitted', { pod: podSchema, notes }),
  event('CredentialChainResolved', {
    pod: z.string(),
    chain: z.array(chainLinkSchema),
    provider: z.enum(['web-identity', 'container']),
    token: preparedTokenSchema,
  }),
  /** no provider of the chain had credentials: the SDK's CredentialsProviderError */
  event('CredentialChainFailed', { pod: z.string(), chain: z.array(chainLinkSchema), call: callRecordSchema }),
  /** EKS Auth accepted the pod's token (eks-auth:AssumeRoleForPodIdentity) and found its association */
  event('PodIdentityTokenExchanged', { pod: z.string(), association: podIdentityAssociationSchema, notes }),
  event('PodIdentityTokenRefused', { pod: z.string(), call: callRecordSchema }),
  event('PodCredentialsObtained', { pod: z.string(), accessKeyId: z.string(), expiration: z.string() }),
] as const;
