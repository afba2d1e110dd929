// A pod's signed call is three hops, each decided against the world the previous one left:
// the SDK's default credential chain (sdk-chain.ts), the call that gets credentials —
// sts:AssumeRoleWithWebIdentity with the projected token (IRSA), or EKS Pod Identity's exchange
// and sts:AssumeRole (pod-identity.ts) — and then the call itself with those credentials.
import type { AnyEvent } from '../events.js';
import type { CallCommand, CallData } from '../call/command.js';
import { materialize } from '../call/params.js';
import { callRecord } from '../call/record.js';
import type { PreparedToken } from '../oidc/token.js';
import type { World } from '../world.js';
import type { EksEvent } from './events.js';
import { exchangeToken, podIdentityAssumeRole } from './pod-identity.js';
import { NO_CREDENTIALS, sdkSessionName, stsEndpoint, walkChain } from './sdk-chain.js';
import type { Pod } from './state.js';

export interface PodCallKit {
  readonly evolve: (world: World, events: readonly AnyEvent[]) => World;
  readonly decideCall: (command: CallCommand, world: World) => AnyEvent[];
}

export function decidePodCall(command: CallCommand, world: World, kit: PodCallKit): AnyEvent[] {
  const ref = command.data.caller;
  if (ref.kind !== 'pod') throw new Error('bug: decidePodCall without a pod');
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
  if (token === undefined) throw new Error(`bug: the ${volume} token of pod ${pod.key} was not prepared (run the scenario with runScenario)`);
  const head: EksEvent = { type: 'CredentialChainResolved', data: { pod: pod.key, chain: chain.links, provider: chain.provider, token } };
  let hop: AnyEvent[];
  if (chain.provider === 'web-identity') {
    hop = kit.decideCall({ type: 'Call', data: webIdentityCall(pod, token, command.data, world) }, hopWorld(world));
  } else {
    const exchange = exchangeToken(pod, token, world);
    if (!exchange.ok) {
      const call = callRecord(command.data, world, {
        caller: podRecord(pod),
        params: {},
        resource: null,
        error: { code: exchange.code, message: exchange.message },
        notes: [exchange.note],
      });
      return [head, { type: 'PodIdentityTokenRefused', data: { pod: pod.key, call: { ...call, action: 'eks-auth:AssumeRoleForPodIdentity' } } }];
    }
    const exchanged: EksEvent = { type: 'PodIdentityTokenExchanged', data: { pod: pod.key, association: exchange.association, notes: exchange.notes } };
    hop = [exchanged, ...kit.decideCall({ type: 'Call', data: podIdentityAssumeRole(pod, exchange.association, world) }, hopWorld(world))];
  }
  const session = issuedSession(hop);
  if (session === null) return [head, ...hop];
  const obtained: EksEvent = { type: 'PodCredentialsObtained', data: { pod: pod.key, ...session } };
  const before: AnyEvent[] = [head, ...hop, obtained];
  return [...before, ...kit.decideCall(command, kit.evolve(world, before))];
}

/** The JSON and YAML traces show a hop's call whole, detail included: a hop always records it. */
function hopWorld(world: World): World {
  return world.scenario.detail ? world : { ...world, scenario: { ...world.scenario, detail: true } };
}

/** What the SDK's fromTokenFile sends: the role and token from the environment, its session name. */
function webIdentityCall(pod: Pod, token: PreparedToken, data: CallData, world: World): CallData {
  const region = pod.env['AWS_REGION'] ?? data.region;
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

function issuedSession(events: readonly AnyEvent[]): { accessKeyId: string; expiration: string } | null {
  for (const e of events) {
    if (e.type === 'RoleAssumed' || e.type === 'RoleAssumedWithWebIdentity') {
      return { accessKeyId: e.data.session.accessKeyId, expiration: e.data.session.expiration };
    }
  }
  return null;
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
