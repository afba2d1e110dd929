// EKS: the webhook's mutation at admission, the SDK's credential chain, and a pod's call as hops
// (IRSA and EKS Pod Identity), given/when/then.
import { describe, expect, it } from 'vitest';
import type { AnyCommand } from '../../src/engine/events.js';
import { runScenario } from '../../src/engine/run-scenario.js';
import { walkChain } from '../../src/engine/eks/sdk-chain.js';
import { account, bucket, given, inline, PROD, role, roleArn, start, when } from './given.js';
import { CLUSTER, cluster, irsaTrust, pod, provider, serviceAccount } from './oidc-helpers.js';

const READER = roleArn(PROD, 'reader');
const base: AnyCommand[] = [start(), account(PROD, 'Production'), ...cluster(), provider()];

const admitted = (annotations: Record<string, string>, extra: AnyCommand[] = []) => {
  const w = given([...base, serviceAccount('sa', annotations), ...extra]);
  const events = when(w, pod('p', 'sa'));
  expect(events).toHaveLength(1);
  const e = events[0]!;
  if (e.type !== 'PodAdmitted') throw new Error(e.type);
  return e.data;
};

describe('the pod identity webhook', () => {
  it('injects the IRSA environment and the projected token for an annotated service account', () => {
    const { pod: p } = admitted({ 'eks.amazonaws.com/role-arn': READER });
    expect(p.env).toEqual({
      AWS_DEFAULT_REGION: 'us-east-1',
      AWS_REGION: 'us-east-1',
      AWS_ROLE_ARN: READER,
      AWS_WEB_IDENTITY_TOKEN_FILE: '/var/run/secrets/eks.amazonaws.com/serviceaccount/token',
      AWS_STS_REGIONAL_ENDPOINTS: 'regional',
    });
    expect(p.tokens).toEqual([
      {
        volume: 'aws-iam-token',
        mountPath: '/var/run/secrets/eks.amazonaws.com/serviceaccount',
        path: 'token',
        audience: 'sts.amazonaws.com',
        expirationSeconds: 86400,
      },
    ]);
    expect(p.identity).toBe('irsa');
    expect(p.admittedAt).toBe('2026-01-01T09:00:00Z');
  });

  it('honours the audience, token-expiration (minimum 600) and sts-regional-endpoints annotations', () => {
    const { pod: p, notes } = admitted({
      'eks.amazonaws.com/role-arn': READER,
      'eks.amazonaws.com/audience': 'my-audience',
      'eks.amazonaws.com/token-expiration': '300',
      'eks.amazonaws.com/sts-regional-endpoints': 'false',
    });
    expect(p.tokens[0]).toMatchObject({ audience: 'my-audience', expirationSeconds: 600 });
    expect(p.env['AWS_STS_REGIONAL_ENDPOINTS']).toBeUndefined();
    expect(notes.join(' ')).toMatch(/raises it to 600/);
    expect(
      admitted({ 'eks.amazonaws.com/role-arn': READER, 'eks.amazonaws.com/token-expiration': 'soon' }).pod.tokens[0]!.expirationSeconds,
    ).toBe(86400);
  });

  it('leaves a pod whose service account has no role annotation alone', () => {
    const { pod: p, notes } = admitted({});
    expect(p).toMatchObject({ env: {}, tokens: [], identity: null });
    expect(notes[0]).toMatch(/leaves the pod as it is/);
  });

  it('injects the container credentials endpoint for a Pod Identity association', () => {
    const assoc: AnyCommand = {
      type: 'CreatePodIdentityAssociation',
      data: { cluster: CLUSTER, namespace: 'shop', serviceAccount: 'sa', roleArn: READER },
    };
    const { pod: p } = admitted({}, [assoc]);
    expect(p.env).toEqual({
      AWS_CONTAINER_CREDENTIALS_FULL_URI: 'http://169.254.170.23/v1/credentials',
      AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE: '/var/run/secrets/pods.eks.amazonaws.com/serviceaccount/eks-pod-identity-token',
    });
    expect(p.tokens[0]).toMatchObject({ volume: 'eks-pod-identity-token', audience: 'pods.eks.amazonaws.com' });
    expect(p.identity).toBe('pod-identity');
  });
});

describe("the SDK's default credential chain", () => {
  it('finds web identity first, then the container endpoint, else nothing', () => {
    const irsa = admitted({ 'eks.amazonaws.com/role-arn': READER }).pod;
    expect(walkChain(irsa).provider).toBe('web-identity');
    expect(walkChain({ ...irsa, env: {} }).provider).toBeNull();
    expect(
      walkChain({ ...irsa, env: { AWS_CONTAINER_CREDENTIALS_FULL_URI: 'u', AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE: 'f' } }).provider,
    ).toBe('container');
    expect(
      walkChain({ ...irsa, env: { ...irsa.env, AWS_CONTAINER_CREDENTIALS_FULL_URI: 'u', AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE: 'f' } })
        .provider,
    ).toBe('web-identity');
  });
});

const s3 = (podName: string, resource = 'arn:aws:s3:::b/k'): AnyCommand => ({
  type: 'Call',
  data: {
    caller: { kind: 'pod', pod: `Production/demo/shop/${podName}` },
    action: 's3:GetObject',
    resource,
    params: {},
    context: {},
    region: 'us-east-1',
  },
});

const run = (commands: AnyCommand[]) => runScenario(commands.map((command) => ({ command, meta: {} })));

describe("a pod's call", () => {
  const world: AnyCommand[] = [
    ...base,
    bucket(PROD, 'b'),
    role(PROD, 'reader', irsaTrust()),
    inline(READER, 'Read', [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }]),
    serviceAccount('reader', { 'eks.amazonaws.com/role-arn': READER }),
    serviceAccount('plain'),
    pod('catalog', 'reader'),
    pod('legacy', 'plain'),
  ];

  it('IRSA: the chain, AssumeRoleWithWebIdentity, the credentials, then the call', async () => {
    const { events } = await run([...world, s3('catalog')]);
    const step = events.slice(events.findIndex((e) => e.type === 'CredentialChainResolved')).map((e) => e.type);
    expect(step).toEqual(['CredentialChainResolved', 'RoleAssumedWithWebIdentity', 'PodCredentialsObtained', 'RequestAllowed']);
    const last = events[events.length - 1]!;
    if (last.type !== 'RequestAllowed') throw new Error(last.type);
    expect(last.data.call.caller.arn).toMatch(/^arn:aws:sts::111111111111:assumed-role\/reader\/aws-sdk-js-session-1767258000000$/);
  });

  it('no credentials: CredentialsProviderError, and no call leaves the pod', async () => {
    const { events } = await run([...world, s3('legacy')]);
    const last = events[events.length - 1]!;
    expect(last.type).toBe('CredentialChainFailed');
    if (last.type === 'CredentialChainFailed')
      expect(last.data.call.error).toEqual({ code: 'CredentialsProviderError', message: 'Could not load credentials from any providers' });
  });

  it('EKS Pod Identity: EKS assumes the role with the six transitive session tags', async () => {
    const trust = {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Service: 'pods.eks.amazonaws.com' }, Action: ['sts:AssumeRole', 'sts:TagSession'] }],
    };
    const { events, world: w } = await run([
      ...world,
      role(PROD, 'app', trust),
      inline(roleArn(PROD, 'app'), 'Read', [
        { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/${aws:PrincipalTag/kubernetes-namespace}' },
      ]),
      serviceAccount('app'),
      {
        type: 'CreatePodIdentityAssociation',
        data: { cluster: CLUSTER, namespace: 'shop', serviceAccount: 'app', roleArn: roleArn(PROD, 'app') },
      },
      pod('worker', 'app'),
      s3('worker', 'arn:aws:s3:::b/shop'),
    ]);
    const types = events.slice(events.findIndex((e) => e.type === 'CredentialChainResolved')).map((e) => e.type);
    expect(types).toEqual([
      'CredentialChainResolved',
      'PodIdentityTokenExchanged',
      'RoleAssumed',
      'PodCredentialsObtained',
      'RequestAllowed',
    ]);
    const session = w.sts.sessions[w.eks.podCredentials['Production/demo/shop/worker']!];
    expect(session?.kind === 'role-session' && session.tags).toMatchObject({
      'eks-cluster-arn': CLUSTER,
      'eks-cluster-name': 'demo',
      'kubernetes-namespace': 'shop',
      'kubernetes-service-account': 'app',
      'kubernetes-pod-name': 'worker',
      'kubernetes-pod-uid': expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
    expect(session?.kind === 'role-session' && session.transitiveTagKeys).toHaveLength(6);
    expect(session?.sourceArn).toBe('pods.eks.amazonaws.com');
  });
});
