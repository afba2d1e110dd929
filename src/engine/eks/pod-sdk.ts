// What a pod's SDK does before it signs a call: it walks the default credential chain
// (sdk-chain.ts); with IRSA the web identity provider will call sts:AssumeRoleWithWebIdentity with
// the projected token; with EKS Pod Identity the container provider first has EKS Auth exchange the
// token for the association's role (pod-identity.ts). The calls that get credentials, and the call
// itself once the SDK holds them, follow as the pod-call workflow's commands (pod-call.ts).
import type { CallCommand } from '../call/command.js';
import { materialize } from '../call/params.js';
import { callRecord } from '../call/record.js';
import type { World } from '../world.js';
import type { EksEvent } from './events.js';
import { exchangeToken } from './pod-identity.js';
import { NO_CREDENTIALS, walkChain } from './sdk-chain.js';
import type { Pod } from './state.js';

/** The workflow's command after a call that got credentials: the SDK keeps what it returned. */
export interface ObtainPodCredentials {
  readonly type: 'ObtainPodCredentials';
  readonly data: { readonly pod: string };
}

export function decideSdkCall(command: CallCommand, world: World): EksEvent[] {
  const ref = command.data.caller;
  if (ref.kind !== 'pod') throw new Error('bug: an SDK call without a pod');
  const pod = world.eks.pods[ref.pod];
  if (!pod) throw new Error(`bug: unknown pod ${ref.pod}`);
  const chain = walkChain(pod);
  if (chain.provider === null) {
    const call = callRecord(command.data, world, {
      caller: podRecord(pod),
      params: materialize(command.data.params, world),
      resource: command.data.resource,
      error: { code: 'CredentialsProviderError', message: NO_CREDENTIALS },
      notes: ['the SDK found no credentials, so the call never left the pod'],
    });
    return [{ type: 'CredentialChainFailed', data: { pod: pod.key, chain: chain.links, call } }];
  }
  const volume = chain.provider === 'web-identity' ? 'aws-iam-token' : 'eks-pod-identity-token';
  const token = ref.tokens?.[volume];
  if (token === undefined)
    throw new Error(`bug: the ${volume} token of pod ${pod.key} was not prepared (run the scenario with runScenario)`);
  const head: EksEvent = { type: 'CredentialChainResolved', data: { pod: pod.key, chain: chain.links, provider: chain.provider, token } };
  if (chain.provider === 'web-identity') return [head];
  const exchange = exchangeToken(pod, token, world);
  if (!exchange.ok) {
    const call = callRecord(command.data, world, {
      caller: podRecord(pod),
      params: {},
      resource: null,
      error: { code: exchange.code, message: exchange.message },
      notes: [exchange.note],
    });
    return [
      head,
      { type: 'PodIdentityTokenRefused', data: { pod: pod.key, call: { ...call, action: 'eks-auth:AssumeRoleForPodIdentity' } } },
    ];
  }
  return [head, { type: 'PodIdentityTokenExchanged', data: { pod: pod.key, association: exchange.association, notes: exchange.notes } }];
}

/** The credentials the last call returned (the workflow's hop), as the pod's SDK now holds them. */
export function decideObtain(command: ObtainPodCredentials, world: World): EksEvent[] {
  const creds = world.scenario.lastCall?.response?.['Credentials'] as { AccessKeyId?: unknown } | undefined;
  const session = typeof creds?.AccessKeyId === 'string' ? world.sts.sessions[creds.AccessKeyId] : undefined;
  if (session === undefined) return [];
  return [
    { type: 'PodCredentialsObtained', data: { pod: command.data.pod, accessKeyId: session.accessKeyId, expiration: session.expiration } },
  ];
}

export function podRecord(pod: Pod) {
  return {
    kind: 'pod' as const,
    arn: 'anonymous', // nothing signs the request
    account: pod.account,
    credentials: 'none' as const,
    accessKeyId: null,
    label: `pod ${pod.key}`,
  };
}
