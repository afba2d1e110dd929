// EKS's decider: clusters and pods, and what a pod's SDK does before it signs a call (pod-sdk.ts).
import type { CallCommand } from '../call/command.js';
import { callStage } from '../call/stage.js';
import type { Decider } from '../decider.js';
import type { EksCommand } from './commands.js';
import { decideEks } from './decide.js';
import type { EksEvent } from './events.js';
import { evolveEks } from './evolve.js';
import { decideObtain, decideSdkCall, type ObtainPodCredentials } from './pod-sdk.js';
import { initialEksState, type EksState } from './state.js';

export const eks: Decider<EksCommand | CallCommand | ObtainPodCredentials, EksEvent, EksState> = {
  commands: {
    CreateCluster: true,
    CreateNamespace: true,
    CreateServiceAccount: true,
    CreatePodIdentityAssociation: true,
    CreatePod: true,
    Call: true,
    ObtainPodCredentials: true,
  },
  events: {
    ClusterCreated: true,
    NamespaceCreated: true,
    ServiceAccountCreated: true,
    PodIdentityAssociationCreated: true,
    PodAdmitted: true,
    CredentialChainResolved: true,
    CredentialChainFailed: true,
    PodIdentityTokenExchanged: true,
    PodIdentityTokenRefused: true,
    PodCredentialsObtained: true,
  },
  initialState: initialEksState,
  takes: (command, world) => command.type !== 'Call' || callStage(command, world) === 'sdk',
  decide(command, world) {
    if (command.type === 'Call') return decideSdkCall(command, world);
    if (command.type === 'ObtainPodCredentials') return decideObtain(command, world);
    return decideEks(command, world);
  },
  evolve: evolveEks,
};
