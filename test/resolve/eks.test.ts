// The resolver for EKS and OIDC: issuers and their IDs, providers and their ARNs in trust policies,
// pods as callers, token values, and the located errors for what IAM, EKS or Kubernetes refuse.
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/dsl/parse.js';
import { resolveScenario } from '../../src/dsl/resolve/index.js';
import type { CommandEnvelope } from '../../src/engine/events.js';
import { simulateAsync } from '../../src/simulate.js';
import { readFileSync } from 'node:fs';
import { replay } from '../../src/engine/run.js';
import { project } from '../../src/trace/project.js';
import { failure, sim } from './run.js';

const noFiles = {
  readFile: () => {
    throw new Error('no files');
  },
};
const commands = (source: string): CommandEnvelope['command'][] =>
  resolveScenario(parseScenario(source, 'test.iam'), noFiles).commands.map((c) => c.command);

const CLUSTER = `scenario "eks"
account A 111111111111 {
  cluster demo {
    region eu-west-1
    oidc-issuer-id 0123456789ABCDEF0123456789ABCDEF
    namespace shop {
      service-account reader { annotation eks.amazonaws.com/role-arn: role A/r }
      service-account worker { pod-identity role A/app }
      pod catalog { service-account reader }
      pod batch
    }
  }
  oidc-provider for cluster demo
  role r { trust { allow principal federated oidc-provider for cluster demo action sts:AssumeRoleWithWebIdentity } }
  role app { trust { allow principal service pods.eks.amazonaws.com action sts:AssumeRole, sts:TagSession } }
}
`;
const ISSUER = 'https://oidc.eks.eu-west-1.amazonaws.com/id/0123456789ABCDEF0123456789ABCDEF';

describe('clusters, issuers and providers', () => {
  it('emits the cluster, its issuer, namespaces, service accounts, the association and pods in order', () => {
    const types = commands(CLUSTER)
      .map((c) => c.type)
      .filter((t) => !['StartScenario', 'CreateAccount', 'CreateRole'].includes(t));
    expect(types).toEqual([
      'CreateOpenIDConnectProvider',
      'CreateCluster',
      'RegisterOidcIssuer',
      'CreateNamespace',
      'CreateServiceAccount',
      'CreateServiceAccount',
      'CreatePodIdentityAssociation',
      'CreateServiceAccount',
      'CreatePod',
      'CreatePod',
    ]);
  });

  it('registers the cluster issuer with client id sts.amazonaws.com and writes its ARN into the trust policy', () => {
    const all = commands(CLUSTER);
    expect(all.find((c) => c.type === 'CreateOpenIDConnectProvider')?.data).toEqual({
      account: '111111111111',
      url: ISSUER,
      clientIds: ['sts.amazonaws.com'],
      thumbprints: [],
      cluster: 'arn:aws:eks:eu-west-1:111111111111:cluster/demo',
    });
    const role = all.find((c) => c.type === 'CreateRole' && c.data.name === 'r');
    expect(JSON.stringify(role?.data)).toContain(`"Federated":"arn:aws:iam::111111111111:oidc-provider/${ISSUER.slice(8)}"`);
  });

  it('expands `principal federated oidc-provider HOST/PATH` to the provider ARN of the account (docs/language.md)', () => {
    const all = commands(`scenario "p"
account A 111111111111 {
  oidc-provider https://token.actions.githubusercontent.com { client-ids sts.amazonaws.com }
  role r { trust { allow principal federated oidc-provider token.actions.githubusercontent.com action sts:AssumeRoleWithWebIdentity } }
  role g { trust { allow principal federated accounts.google.com action sts:AssumeRoleWithWebIdentity } }
  role f { trust {
    allow principal federated graph.facebook.com action sts:AssumeRoleWithWebIdentity when StringEquals graph.facebook.com:app_id "1234"
    allow principal federated www.amazon.com action sts:AssumeRoleWithWebIdentity when StringEquals www.amazon.com:user_id amzn1.account.X
  } }
}
`);
    const trust = (name: string) => JSON.stringify(all.find((c) => c.type === 'CreateRole' && c.data.name === name)?.data);
    expect(trust('r')).toContain('"Federated":"arn:aws:iam::111111111111:oidc-provider/token.actions.githubusercontent.com"');
    expect(trust('g')).toContain('"Federated":"accounts.google.com"');
    // Facebook's and Login with Amazon's keys are known (Service Authorization Reference, AWS STS)
    expect(trust('f')).toContain('"graph.facebook.com:app_id":"1234"');
  });

  it('derives a 32-character issuer ID from the seed when none is given', () => {
    const a = commands(CLUSTER.replace('    oidc-issuer-id 0123456789ABCDEF0123456789ABCDEF\n', ''));
    const url = (a.find((c) => c.type === 'CreateCluster')?.data as { issuer: string }).issuer;
    expect(url).toMatch(/^https:\/\/oidc\.eks\.eu-west-1\.amazonaws\.com\/id\/[0-9A-F]{32}$/);
    const again = commands(CLUSTER.replace('    oidc-issuer-id 0123456789ABCDEF0123456789ABCDEF\n', ''));
    expect((again.find((c) => c.type === 'CreateCluster')?.data as { issuer: string }).issuer).toBe(url);
  });

  it('gives a pod without service-account the namespace default', () => {
    const pod = commands(CLUSTER).filter((c) => c.type === 'CreatePod')[1];
    expect(pod?.data).toMatchObject({ name: 'batch', serviceAccount: 'A/demo/shop/default' });
  });

  it('resolves `as pod`, env, file and token values', () => {
    const all = commands(`${CLUSTER}oidc-issuer gh https://token.actions.githubusercontent.com
step "s" { as pod A/demo/shop/catalog; call sts:AssumeRoleWithWebIdentity { RoleArn: env AWS_ROLE_ARN, RoleSessionName: s, WebIdentityToken: file AWS_WEB_IDENTITY_TOKEN_FILE } }
step "t" { as anonymous; call sts:AssumeRoleWithWebIdentity { RoleArn: role A/r, RoleSessionName: t, WebIdentityToken: token issuer gh signed-by evil alg none tampered { sub: x, exp: -1h, iat: 2026-01-01T00:00:00Z, amr: [a, b] } } }`);
    const calls = all.filter((c) => c.type === 'Call');
    expect(calls[0]?.data).toMatchObject({
      caller: { kind: 'pod', pod: 'A/demo/shop/catalog' },
      params: { RoleArn: { t: 'env', name: 'AWS_ROLE_ARN' }, WebIdentityToken: { t: 'file', name: 'AWS_WEB_IDENTITY_TOKEN_FILE' } },
    });
    expect(calls[1]?.data.params['WebIdentityToken']).toEqual({
      t: 'token',
      spec: {
        source: { kind: 'issuer', url: 'https://token.actions.githubusercontent.com' },
        claims: { sub: 'x', amr: ['a', 'b'] },
        times: { exp: { rel: -3600 }, iat: { abs: 1767225600 } },
        signedBy: 'evil',
        alg: 'none',
        tampered: true,
      },
    });
  });
});

describe('what IAM, EKS and Kubernetes refuse', () => {
  const cases: [string, string][] = [
    [
      'account B 222222222222 { oidc-provider http://idp.example.com }',
      'InvalidInput: "http://idp.example.com" is not a valid OpenID Connect provider URL',
    ],
    [
      'account B 222222222222 { oidc-provider https://idp.example.com; oidc-provider https://idp.example.com }',
      'EntityAlreadyExists: Provider with url https://idp.example.com already exists.',
    ],
    [
      'account B 222222222222 { oidc-provider https://idp.example.com { thumbprints a, b, c, d, e, f } }',
      'InvalidInput: Thumbprint list must contain fewer than 5 entries.',
    ],
    ['account B 222222222222 { oidc-provider https://idp.example.com { thumbprints 1234 } }', 'thumbprint "1234" is not 40 hex digits'],
    ['oidc-provider https://idp.example.com', 'an IAM OIDC identity provider belongs to an account'],
    ['account B 222222222222 { cluster c { oidc-issuer-id abc } }', 'oidc-issuer-id "abc" is not an EKS issuer ID'],
    ['account B 222222222222 { cluster c { namespace Shop } }', 'namespace name "Shop" is not valid in Kubernetes'],
    [
      'account B 222222222222 { cluster c { namespace shop { pod p { service-account ghost } } } }',
      'service account ghost is not declared in namespace shop',
    ],
    [
      'account B 222222222222 { cluster c { namespace shop { service-account s { pod-identity role A/r } } } }',
      "EKS Pod Identity needs a role in the cluster's account B (222222222222)",
    ],
    ['step "s" { as pod A/nope/shop/p; call s3:ListAllMyBuckets resource * }', 'cluster A/nope is not defined'],
    ['step "s" { as pod catalog; call s3:ListAllMyBuckets resource * }', '"catalog" does not name a pod'],
    [
      'step "s" { as user A/u; call sts:AssumeRoleWithWebIdentity { RoleArn: env AWS_ROLE_ARN, RoleSessionName: s, WebIdentityToken: x } }',
      "`env AWS_ROLE_ARN` reads the environment of a pod, and this step's caller is not one",
    ],
    [
      'step "s" { as anonymous; call sts:AssumeRoleWithWebIdentity { RoleArn: role A/r, RoleSessionName: s, WebIdentityToken: token issuer nobody } }',
      'issuer nobody is not defined',
    ],
    [
      'oidc-issuer i https://i.example.com\nstep "s" { as anonymous; call sts:AssumeRoleWithWebIdentity { RoleArn: role A/r, RoleSessionName: s, WebIdentityToken: token issuer i alg RS512 } }',
      'alg RS512 is not a forgery iamsim makes',
    ],
    [
      'step "s" { as anonymous; call sts:AssumeRoleWithWebIdentity { RoleArn: role A/r, RoleSessionName: s, WebIdentityToken: token oauth accounts.google.com { app_id: a, id: u } } }',
      'accounts.google.com does not issue OAuth 2.0 access tokens that STS accepts',
    ],
    [
      'step "s" { as anonymous; call sts:AssumeRoleWithWebIdentity { RoleArn: role A/r, RoleSessionName: s, WebIdentityToken: token oauth www.amazon.com { app_id: a, id: u } } }',
      'an access token of www.amazon.com names its app_id and user_id, not id',
    ],
    [
      'step "s" { as anonymous; call sts:AssumeRoleWithWebIdentity { RoleArn: role A/r, RoleSessionName: s, WebIdentityToken: token oauth graph.facebook.com { app_id: a } } }',
      'an access token of graph.facebook.com needs its app_id and id',
    ],
    [
      'step "s" { as anonymous; call sts:AssumeRoleWithWebIdentity { RoleArn: role A/r, RoleSessionName: s, WebIdentityToken: token oauth graph.facebook.com tampered { app_id: a, id: u } } }',
      'an access token is opaque: `tampered` forges a JWT',
    ],
    [
      'oidc-issuer i https://i.example.com\nstep "s" { as anonymous; call sts:AssumeRoleWithWebIdentity { RoleArn: role A/r, RoleSessionName: s, WebIdentityToken: token issuer i { exp: soon } } }',
      '"soon" is not a time',
    ],
    [
      'oidc-issuer i https://i.example.com\nstep "s" { as anonymous; call sts:AssumeRoleWithWebIdentity { RoleArn: role A/r, RoleSessionName: s, WebIdentityToken: token issuer i tampered } }',
      '`tampered` changes claims after signing, but the token gives none',
    ],
    ['oidc-issuer i i.example.com', 'issuer URL "i.example.com" is not valid'],
  ];
  for (const [text, message] of cases) {
    it(message, () => {
      const e = failure(`account A 111111111111 { user u; role r { trust { allow principal account A action sts:AssumeRole } } }\n${text}`);
      expect(e.message).toBe(message);
      expect(e.pos.line).toBeGreaterThanOrEqual(2);
    });
  }
});

describe('running EKS scenarios', () => {
  const source = readFileSync(new URL('../../scenarios/irsa.iam', import.meta.url), 'utf8');

  it('runs Example 2 end to end', async () => {
    const sim = await simulateAsync(source, 'irsa.iam', noFiles);
    expect(sim.trace.summary).toMatchObject({ expectations: 4, failed: 0 });
  });

  it('records only deterministic facts: the same events every run, no signed token, replayable', async () => {
    const [a, b] = [await simulateAsync(source, 'irsa.iam', noFiles), await simulateAsync(source, 'irsa.iam', noFiles)];
    expect(a.events).toEqual(b.events);
    expect(JSON.stringify(a.events)).not.toMatch(/eyJ[\w-]+\.eyJ/);
    expect(replay(a.events)).toEqual(a.world);
    expect(project(JSON.parse(JSON.stringify(a.events)))).toEqual(a.trace);
  });

  it('the synchronous run refuses a pod call it cannot sign tokens for', () => {
    expect(() => sim(source)).toThrow(/not prepared/);
  });
});
