// The EKS evolve.
import { castDraft, type Draft } from 'immer';
import type { EksEvent } from './events.js';
import { associationKey, type EksState } from './state.js';

export function evolveEks(draft: Draft<EksState>, event: EksEvent): void {
  switch (event.type) {
    case 'ClusterCreated':
      draft.clusters[event.data.cluster.arn] = castDraft(event.data.cluster);
      return;
    case 'NamespaceCreated':
      draft.clusters[event.data.cluster]?.namespaces.push(event.data.name);
      return;
    case 'ServiceAccountCreated':
      draft.serviceAccounts[event.data.serviceAccount.key] = castDraft(event.data.serviceAccount);
      return;
    case 'PodIdentityAssociationCreated': {
      const a = event.data.association;
      draft.associations[associationKey(a.cluster, a.namespace, a.serviceAccount)] = castDraft(a);
      return;
    }
    case 'PodAdmitted':
      draft.pods[event.data.pod.key] = castDraft(event.data.pod);
      return;
    case 'PodCredentialsObtained':
      draft.podCredentials[event.data.pod] = event.data.accessKeyId;
      return;
    case 'CredentialChainResolved':
    case 'CredentialChainFailed':
    case 'PodIdentityTokenExchanged':
    case 'PodIdentityTokenRefused':
      return;
    default: {
      const unreachable: never = event;
      throw new Error(`bug: unknown EKS event ${JSON.stringify(unreachable)}`);
    }
  }
}
