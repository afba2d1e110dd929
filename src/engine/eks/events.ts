// EKS events: declarations, the webhook's mutation of each pod, and what a pod's SDK did to get
// credentials in a step (the calls it made are STS's own events, between these).
import type { CallRecord } from '../call-record.js';
import type { PreparedToken } from '../oidc/token.js';
import type { EksCluster, Pod, PodIdentityAssociation, ServiceAccount } from './state.js';

/** One provider of the SDK's default chain and what it found. */
export interface ChainLink {
  readonly provider: string; // fromEnv, fromSSO, fromIni, fromProcess, fromTokenFile, remoteProvider
  readonly found: string;
}

export type EksEvent =
  | { readonly type: 'ClusterCreated'; readonly data: { readonly cluster: EksCluster } }
  | { readonly type: 'NamespaceCreated'; readonly data: { readonly cluster: string; readonly name: string } }
  | { readonly type: 'ServiceAccountCreated'; readonly data: { readonly serviceAccount: ServiceAccount } }
  | { readonly type: 'PodIdentityAssociationCreated'; readonly data: { readonly association: PodIdentityAssociation } }
  /** the pod identity webhook admitted the pod: `pod` holds what it injected; `notes` say why */
  | { readonly type: 'PodAdmitted'; readonly data: { readonly pod: Pod; readonly notes: readonly string[] } }
  | {
      readonly type: 'CredentialChainResolved';
      readonly data: {
        readonly pod: string;
        readonly chain: readonly ChainLink[];
        readonly provider: 'web-identity' | 'container';
        readonly token: PreparedToken;
      };
    }
  /** no provider of the chain had credentials: the SDK's CredentialsProviderError */
  | { readonly type: 'CredentialChainFailed'; readonly data: { readonly pod: string; readonly chain: readonly ChainLink[]; readonly call: CallRecord } }
  /** EKS Auth accepted the pod's token (eks-auth:AssumeRoleForPodIdentity) and found its association */
  | {
      readonly type: 'PodIdentityTokenExchanged';
      readonly data: { readonly pod: string; readonly association: PodIdentityAssociation; readonly notes: readonly string[] };
    }
  | { readonly type: 'PodIdentityTokenRefused'; readonly data: { readonly pod: string; readonly call: CallRecord } }
  | {
      readonly type: 'PodCredentialsObtained';
      readonly data: { readonly pod: string; readonly accessKeyId: string; readonly expiration: string };
    };
