// `oidc-provider for cluster NAME` as a value: the ARN of the IAM OIDC provider for that cluster's
// issuer. In an account (a trust policy) it is that account's provider — which need not exist, so
// a role can trust a provider its account never registered, as IAM allows; in a step it is the
// provider of the only account that declares one for the cluster.
import type { Text } from '../ast.js';
import type { BodyContext } from './context.js';
import { findCluster } from './eks-symbols.js';

export function providerForCluster(cluster: Text, ctx: BodyContext): string {
  const { resolver, here } = ctx;
  const c = findCluster(resolver.symbols.eks, cluster, here, resolver.at);
  const host = c.issuer.slice('https://'.length);
  if (here) return `arn:aws:iam::${here.id}:oidc-provider/${host}`;
  const declaring = resolver.symbols.accounts.filter((a) =>
    a.decl.members.some(
      (m) =>
        m.kind === 'OidcProvider' &&
        m.source.kind === 'OidcProviderForCluster' &&
        findCluster(resolver.symbols.eks, m.source.cluster, a, resolver.at) === c,
    ),
  );
  if (declaring.length !== 1) {
    throw resolver.at.error(
      cluster.loc,
      `${declaring.length === 0 ? 'no account declares' : 'several accounts declare'} an oidc-provider for cluster ${cluster.text}`,
      {
        length: cluster.text.length,
        expected: `the provider's ARN, arn:aws:iam::ACCOUNT:oidc-provider/${host}`,
      },
    );
  }
  return `arn:aws:iam::${declaring[0]!.id}:oidc-provider/${host}`;
}
