// Clusters become EKS commands (and their issuers OIDC ones): namespaces, service accounts with
// their annotations and Pod Identity associations, then pods, which the webhook admits.
import type { CommandEnvelope } from '../../engine/events.js';
import type { Entry, Loc, NamespaceDecl, ServiceAccountDecl, Text } from '../ast.js';
import type { ClusterSym } from './eks-symbols.js';
import type { BodyContext } from './context.js';

type Emit = (command: CommandEnvelope['command'], loc: Loc) => void;

// Kubernetes names: DNS-1123 labels for namespaces, subdomains for service accounts and pods
const LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
const SUBDOMAIN = /^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/;

export function eksCommands(ctx0: Omit<BodyContext, 'here'>, emit: Emit): void {
  for (const cluster of ctx0.resolver.symbols.eks.clusters) {
    const ctx: BodyContext = { ...ctx0, here: cluster.account };
    emit(
      {
        type: 'CreateCluster',
        data: { arn: cluster.arn, name: cluster.name, account: cluster.account.id, region: cluster.region, issuer: cluster.issuer },
      },
      cluster.decl.loc,
    );
    emit(
      {
        type: 'RegisterOidcIssuer',
        data: { url: cluster.issuer, name: `${cluster.account.name}/${cluster.name}`, kind: 'eks', cluster: cluster.arn },
      },
      cluster.decl.loc,
    );
    const namespaces = cluster.decl.members.filter((m): m is NamespaceDecl => m.kind === 'Namespace');
    const seen = new Set<string>();
    for (const ns of namespaces) {
      kubeName(ns.name, LABEL, 'namespace', ctx);
      if (seen.has(ns.name.text))
        throw ctx.resolver.at.error(ns.name.loc, `namespace ${ns.name.text} is declared twice in cluster ${cluster.name}`, {
          length: ns.name.text.length,
        });
      seen.add(ns.name.text);
      emit({ type: 'CreateNamespace', data: { cluster: cluster.arn, name: ns.name.text } }, ns.loc);
      serviceAccounts(cluster, ns, ctx, emit);
    }
    for (const ns of namespaces) pods(cluster, ns, ctx, emit);
  }
}

function serviceAccounts(cluster: ClusterSym, ns: NamespaceDecl, ctx: BodyContext, emit: Emit): void {
  const at = ctx.resolver.at;
  const declared = ns.members.filter((m): m is ServiceAccountDecl => m.kind === 'ServiceAccount');
  const names = new Set<string>();
  for (const sa of declared) {
    kubeName(sa.name, SUBDOMAIN, 'service account', ctx);
    if (names.has(sa.name.text))
      throw at.error(sa.name.loc, `service account ${sa.name.text} is declared twice in namespace ${ns.name.text}`, {
        length: sa.name.text.length,
      });
    names.add(sa.name.text);
    const key = saKey(cluster, ns.name.text, sa.name.text);
    emit(
      {
        type: 'CreateServiceAccount',
        data: { key, cluster: cluster.arn, namespace: ns.name.text, name: sa.name.text, annotations: annotations(sa.annotations, ctx) },
      },
      sa.loc,
    );
    if (sa.podIdentity) {
      const role = sa.podIdentity.role;
      const roleArn =
        role.kind === 'Text' && role.text.startsWith('arn:')
          ? role.text
          : ctx.resolver.entity('role', role.kind === 'Text' ? role : role.target, cluster.account).arn;
      if (role.kind === 'Ref' && role.entity !== 'role')
        throw at.error(role.loc, `pod-identity names a role, not ${role.entity} ${role.target.text}`, {
          expected: 'pod-identity role Account/Name',
        });
      if (roleArn.split(':')[4] !== cluster.account.id) {
        throw at.error(
          sa.podIdentity.loc,
          `EKS Pod Identity needs a role in the cluster's account ${cluster.account.name} (${cluster.account.id})`,
          { length: 12, expected: `a role of account ${cluster.account.name}; for another account, chain from it with sts:AssumeRole` },
        );
      }
      emit(
        {
          type: 'CreatePodIdentityAssociation',
          data: { cluster: cluster.arn, namespace: ns.name.text, serviceAccount: sa.name.text, roleArn },
        },
        sa.podIdentity.loc,
      );
    }
  }
  // Kubernetes gives every namespace a `default` service account; declare it only if a pod uses it
  const needsDefault = ns.members.some((m) => m.kind === 'Pod' && (m.serviceAccount?.text ?? 'default') === 'default');
  if (needsDefault && !names.has('default')) {
    emit(
      {
        type: 'CreateServiceAccount',
        data: {
          key: saKey(cluster, ns.name.text, 'default'),
          cluster: cluster.arn,
          namespace: ns.name.text,
          name: 'default',
          annotations: {},
        },
      },
      ns.loc,
    );
  }
}

function pods(cluster: ClusterSym, ns: NamespaceDecl, ctx: BodyContext, emit: Emit): void {
  const at = ctx.resolver.at;
  const names = new Set<string>();
  const accounts = new Set(ns.members.filter((m) => m.kind === 'ServiceAccount').map((m) => m.name.text));
  for (const pod of ns.members) {
    if (pod.kind !== 'Pod') continue;
    kubeName(pod.name, SUBDOMAIN, 'pod', ctx);
    if (names.has(pod.name.text))
      throw at.error(pod.name.loc, `pod ${pod.name.text} is declared twice in namespace ${ns.name.text}`, { length: pod.name.text.length });
    names.add(pod.name.text);
    const sa = pod.serviceAccount?.text ?? 'default';
    if (sa !== 'default' && !accounts.has(sa)) {
      throw at.error(pod.serviceAccount!.loc, `service account ${sa} is not declared in namespace ${ns.name.text}`, {
        length: sa.length,
        expected: `service-account ${sa} in namespace ${ns.name.text} (Kubernetes refuses a pod whose service account does not exist)`,
      });
    }
    const key = `${cluster.account.name}/${cluster.name}/${ns.name.text}/${pod.name.text}`;
    emit(
      {
        type: 'CreatePod',
        data: { key, cluster: cluster.arn, namespace: ns.name.text, name: pod.name.text, serviceAccount: saKey(cluster, ns.name.text, sa) },
      },
      pod.loc,
    );
  }
}

function saKey(cluster: ClusterSym, ns: string, name: string): string {
  return `${cluster.account.name}/${cluster.name}/${ns}/${name}`;
}

function annotations(entries: readonly Entry[], ctx: BodyContext): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of entries) {
    const v = e.value;
    if (v.kind === 'Text') out[e.key.text] = v.text;
    else if (v.kind === 'Ref') out[e.key.text] = ctx.resolver.refArn(v.entity, v.target, ctx.here);
    else
      throw ctx.resolver.at.error(v.loc, `annotation ${e.key.text} needs a plain value`, {
        expected: 'a word, a quoted string or a reference such as role Account/Name',
      });
  }
  return out;
}

function kubeName(name: Text, re: RegExp, what: string, ctx: BodyContext): void {
  if (!re.test(name.text)) {
    throw ctx.resolver.at.error(name.loc, `${what} name "${name.text}" is not valid in Kubernetes`, {
      length: name.text.length,
      expected: 'lower-case letters, digits and hyphens, starting and ending with a letter or digit',
    });
  }
}
