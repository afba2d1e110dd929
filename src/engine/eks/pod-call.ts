// A pod's signed call, as a workflow over the SDK's stages (pod-sdk.ts decides each): once the chain
// has found a provider, the call that gets credentials — sts:AssumeRoleWithWebIdentity with the
// projected token (IRSA), or the sts:AssumeRole that EKS makes after the token exchange (EKS Pod
// Identity) — then the SDK keeps the credentials it returned, then the call itself, signed with them.
import type { CallCommand, CallData } from '../call/command.js';
import type { EngineCommand } from '../events.js';
import type { PreparedToken } from '../oidc/token.js';
import type { FollowUp, Workflow } from '../workflow.js';
import type { World } from '../world.js';
import { podIdentityAssumeRole } from './pod-identity.js';
import { sdkSessionName, stsEndpoint } from './sdk-chain.js';
import type { Pod } from './state.js';

export const podCall: Workflow = {
  react(event, world, step) {
    switch (event.type) {
      case 'CredentialChainResolved': {
        if (event.data.provider !== 'web-identity') return [];
        const pod = podOf(world, event.data.pod);
        return gotBy({ type: 'Call', data: webIdentityCall(pod, event.data.token, stepCall(step).data, world) }, pod);
      }
      case 'PodIdentityTokenExchanged': {
        const pod = podOf(world, event.data.pod);
        return gotBy({ type: 'Call', data: podIdentityAssumeRole(pod, event.data.association, world) }, pod);
      }
      case 'PodCredentialsObtained': {
        // the call as the program made it, now signed with the credentials the SDK holds
        const call = stepCall(step);
        return [{ command: { type: 'Call', data: { ...call.data, caller: { kind: 'pod', pod: event.data.pod } } }, hop: false }];
      }
      default:
        return [];
    }
  },
};

/** The hop that gets credentials, then the SDK keeping them (if it got any). */
function gotBy(hop: CallCommand, pod: Pod): FollowUp[] {
  return [
    { command: hop, hop: true },
    { command: { type: 'ObtainPodCredentials', data: { pod: pod.key } }, hop: false },
  ];
}

function podOf(world: World, key: string): Pod {
  const pod = world.eks.pods[key];
  if (!pod) throw new Error(`bug: unknown pod ${key}`);
  return pod;
}

function stepCall(step: EngineCommand): CallCommand {
  if (step.type !== 'Call') throw new Error(`bug: a pod's credential chain in a ${step.type} step`);
  return step;
}

/** What the SDK's fromTokenFile sends: the role and token from the environment, its session name. */
function webIdentityCall(pod: Pod, token: PreparedToken, data: CallData, world: World): CallData {
  const region = pod.env['AWS_REGION'] ?? data.region;
  // the global endpoint sts.amazonaws.com is served from us-east-1
  const endpointRegion = stsEndpoint(pod, region) === 'sts.amazonaws.com' ? 'us-east-1' : region;
  return {
    caller: { kind: 'pod', pod: pod.key },
    action: 'sts:AssumeRoleWithWebIdentity',
    resource: null,
    params: {
      RoleArn: { t: 'text', v: pod.env['AWS_ROLE_ARN'] ?? '' },
      RoleSessionName: { t: 'text', v: sdkSessionName(pod, world.scenario.clock) },
      WebIdentityToken: { t: 'jwt', token },
    },
    context: {},
    region: endpointRegion,
  };
}
