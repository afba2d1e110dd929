// EKS: clusters, the Kubernetes objects iamsim models (namespaces, service accounts, pods), EKS Pod
// Identity associations, and the credentials each pod's SDK last obtained. Pods are keyed by
// ACCOUNT/CLUSTER/NAMESPACE/POD, service accounts by ACCOUNT/CLUSTER/NAMESPACE/NAME (account names).

export interface EksCluster {
  readonly arn: string; // arn:aws:eks:REGION:ACCT:cluster/NAME
  readonly name: string;
  readonly account: string;
  readonly region: string;
  readonly issuer: string; // https://oidc.eks.REGION.amazonaws.com/id/ID
  namespaces: string[];
}

export interface ServiceAccount {
  readonly key: string;
  readonly cluster: string; // ARN
  readonly namespace: string;
  readonly name: string;
  readonly uid: string;
  readonly annotations: { readonly [key: string]: string };
}

/**
 * The projected service-account token volume the webhook adds (Amazon EKS User Guide "Configure
 * Kubernetes service accounts to assume an IAM role", "Learn how EKS Pod Identity grants pods
 * access to AWS services").
 */
export interface ProjectedToken {
  readonly volume: 'aws-iam-token' | 'eks-pod-identity-token';
  readonly mountPath: string;
  readonly path: string; // the file name inside the mount
  readonly audience: string;
  readonly expirationSeconds: number;
}

export interface Pod {
  readonly key: string;
  readonly cluster: string; // ARN
  readonly clusterName: string;
  readonly account: string;
  readonly namespace: string;
  readonly name: string;
  readonly uid: string;
  readonly serviceAccount: string;
  readonly serviceAccountUid: string;
  readonly admittedAt: string; // ISO-8601: the kubelet's token rotation counts from here
  /** the environment every container gets, in the order the webhook writes it */
  readonly env: { readonly [name: string]: string };
  readonly tokens: readonly ProjectedToken[];
  readonly identity: 'irsa' | 'pod-identity' | 'both' | null;
}

export interface PodIdentityAssociation {
  readonly id: string; // a-…
  readonly arn: string;
  readonly cluster: string;
  readonly namespace: string;
  readonly serviceAccount: string;
  readonly roleArn: string;
}

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
