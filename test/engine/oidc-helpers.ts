// Builders for OIDC and EKS tests: a world with a cluster, its issuer and provider, a GitHub-like
// issuer, pods; and prepared tokens made by the real token service (jose keys, made per keyring).
import type { AnyCommand } from '../../src/engine/events.js';
import type { CallCommand, CallerRef, ParamValue } from '../../src/engine/call/command.js';
import type { TokenSpec } from '../../src/engine/oidc/token.js';
import type { World } from '../../src/engine/world.js';
import { createKeyring, type Keyring } from '../../src/engine/tokens/keyring.js';
import { prepareCall } from '../../src/engine/tokens/prepare.js';
import { PROD } from './given.js';

export const ISSUER = 'https://oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE';
export const HOST = ISSUER.slice('https://'.length);
export const PROVIDER = `arn:aws:iam::${PROD}:oidc-provider/${HOST}`;
export const CLUSTER = `arn:aws:eks:us-east-1:${PROD}:cluster/demo`;
export const GITHUB = 'https://token.actions.githubusercontent.com';

export const cluster = (): AnyCommand[] => [
  { type: 'CreateCluster', data: { arn: CLUSTER, name: 'demo', account: PROD, region: 'us-east-1', issuer: ISSUER } },
  { type: 'RegisterOidcIssuer', data: { url: ISSUER, name: 'Production/demo', kind: 'eks', cluster: CLUSTER } },
  { type: 'CreateNamespace', data: { cluster: CLUSTER, name: 'shop' } },
];

export const provider = (url = ISSUER, clientIds = ['sts.amazonaws.com'], account = PROD): AnyCommand => ({
  type: 'CreateOpenIDConnectProvider',
  data: { account, url, clientIds, thumbprints: [], cluster: url === ISSUER ? CLUSTER : null },
});

export const serviceAccount = (name: string, annotations: Record<string, string> = {}): AnyCommand => ({
  type: 'CreateServiceAccount',
  data: { key: `Production/demo/shop/${name}`, cluster: CLUSTER, namespace: 'shop', name, annotations },
});

export const pod = (name: string, sa: string): AnyCommand => ({
  type: 'CreatePod',
  data: { key: `Production/demo/shop/${name}`, cluster: CLUSTER, namespace: 'shop', name, serviceAccount: `Production/demo/shop/${sa}` },
});

export const irsaTrust = (sub = 'system:serviceaccount:shop:reader') => ({
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Principal: { Federated: PROVIDER },
      Action: 'sts:AssumeRoleWithWebIdentity',
      Condition: { StringEquals: { [`${HOST}:sub`]: sub, [`${HOST}:aud`]: 'sts.amazonaws.com' } },
    },
  ],
});

export const spec = (source: TokenSpec['source'], more: Partial<TokenSpec> = {}): TokenSpec => ({
  source,
  claims: {},
  times: {},
  signedBy: null,
  alg: null,
  tampered: false,
  ...more,
});

export const fromPod = (podName = 'catalog', more: Partial<TokenSpec> = {}) =>
  spec({ kind: 'pod', pod: `Production/demo/shop/${podName}`, volume: null }, more);

export function webIdentityCall(
  token: ParamValue,
  roleArn: string,
  caller: CallerRef = { kind: 'anonymous' },
  more: Record<string, ParamValue> = {},
): CallCommand {
  return {
    type: 'Call',
    data: {
      caller,
      action: 'sts:AssumeRoleWithWebIdentity',
      resource: null,
      params: { RoleArn: { t: 'text', v: roleArn }, RoleSessionName: { t: 'text', v: 'test' }, WebIdentityToken: token, ...more },
      context: {},
      region: 'us-east-1',
    },
  };
}

/** The command as the token service hands it to the engine. */
export async function prepared(command: CallCommand, world: World, keys: Keyring = createKeyring()): Promise<CallCommand> {
  return prepareCall(command, world, keys);
}
