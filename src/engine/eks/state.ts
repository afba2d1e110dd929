// EKS: clusters, the Kubernetes objects iamsim models (namespaces, service accounts, pods), EKS Pod
// Identity associations, and the credentials each pod's SDK last obtained. Pods are keyed by
// ACCOUNT/CLUSTER/NAMESPACE/POD, service accounts by ACCOUNT/CLUSTER/NAMESPACE/NAME (account names).
import type { LogType } from '../log-type.js';
import type { eksClusterSchema, podIdentityAssociationSchema, podSchema, projectedTokenSchema, serviceAccountSchema } from './schema.js';

// The objects the events carry are derived from their schemas in schema.ts.
export type EksCluster = LogType<typeof eksClusterSchema>;
export type ServiceAccount = LogType<typeof serviceAccountSchema>;
/**
 * The projected service-account token volume the webhook adds (Amazon EKS User Guide "Configure
 * Kubernetes service accounts to assume an IAM role", "Learn how EKS Pod Identity grants pods
 * access to AWS services").
 */
export type ProjectedToken = LogType<typeof projectedTokenSchema>;
export type Pod = LogType<typeof podSchema>;
export type PodIdentityAssociation = LogType<typeof podIdentityAssociationSchema>;

export interface EksState {
  clusters: Record<string, EksCluster>;
  serviceAccounts: Record<string, ServiceAccount>;
  pods: Record<string, Pod>;
  associations: Record<string, PodIdentityAssociation>; // by CLUSTER-ARN/NAMESPACE/SA
  /** the access key id of the credentials each pod's SDK obtained in its latest step */
  podCredentials: Record<string, string>;
}

export const initialEksState: EksState = { clusters: {}, serviceAccounts: {}, pods: {}, associations: {}, podCredentials: {} };

export const associationKey = (cluster: string, namespace: string, serviceAccount: string): string =>
  `${cluster}/${namespace}/${serviceAccount}`;

/** The file a projected token volume puts in every container. */
export const tokenFile = (t: ProjectedToken): string => `${t.mountPath}/${t.path}`;
