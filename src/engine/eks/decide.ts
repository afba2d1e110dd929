// EKS's decide: declarations, and the webhook's admission of each pod.
import type { World } from '../world.js';
import type { EksCommand } from './commands.js';
import type { EksEvent } from './events.js';
import { associationId, kubernetesUid } from './ids.js';
import { associationKey, type Pod } from './state.js';
import { mutate } from './webhook.js';

export function decideEks(command: EksCommand, world: World): EksEvent[] {
  const seed = world.scenario.seed;
  switch (command.type) {
    case 'CreateCluster':
      return [{ type: 'ClusterCreated', data: { cluster: { ...command.data, namespaces: [] } } }];
    case 'CreateNamespace':
      return [{ type: 'NamespaceCreated', data: command.data }];
    case 'CreateServiceAccount': {
      const d = command.data;
      return [{ type: 'ServiceAccountCreated', data: { serviceAccount: { ...d, uid: kubernetesUid(seed, `sa|${d.key}`) } } }];
    }
    case 'CreatePodIdentityAssociation': {
      const d = command.data;
      const cluster = world.eks.clusters[d.cluster];
      if (!cluster) throw new Error(`bug: unknown cluster ${d.cluster}`);
      const id = associationId(seed, associationKey(d.cluster, d.namespace, d.serviceAccount));
      const arn = `arn:aws:eks:${cluster.region}:${cluster.account}:podidentityassociation/${cluster.name}/${id}`;
      return [{ type: 'PodIdentityAssociationCreated', data: { association: { ...d, id, arn } } }];
    }
    case 'CreatePod': {
      const d = command.data;
      const cluster = world.eks.clusters[d.cluster];
      const sa = world.eks.serviceAccounts[d.serviceAccount];
      if (!cluster || !sa) throw new Error(`bug: pod ${d.key} without its cluster or service account`);
      const association = world.eks.associations[associationKey(d.cluster, d.namespace, sa.name)] ?? null;
      const m = mutate(cluster, sa, association);
      const pod: Pod = {
        key: d.key,
        cluster: d.cluster,
        clusterName: cluster.name,
        account: cluster.account,
        namespace: d.namespace,
        name: d.name,
        uid: kubernetesUid(seed, `pod|${d.key}`),
        serviceAccount: sa.name,
        serviceAccountUid: sa.uid,
        admittedAt: world.scenario.clock,
        env: m.env,
        tokens: m.tokens,
        identity: m.identity,
      };
      return [{ type: 'PodAdmitted', data: { pod, notes: m.notes } }];
    }
    default: {
      const unreachable: never = command;
      throw new Error(`bug: unknown EKS command ${JSON.stringify(unreachable)}`);
    }
  }
}
