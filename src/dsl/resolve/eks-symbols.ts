// Pass 1 for EKS and OIDC: clusters (per account, with their issuer), `oidc-issuer` declarations,
// and how `cluster X`, `pod A/c/ns/p` and `token issuer X` resolve.
import { createHash } from 'node:crypto';
import { nearest } from '../../errors.js';
import { DEFAULT_REGION, defaultTitle } from '../../engine/scenario/state.js';
import type { ClusterDecl, NamespaceDecl, OidcIssuerDecl, ScenarioFile, Text } from '../ast.js';
import type { AccountSym } from './account-sym.js';
import type { Located } from './located.js';
import { checkRegion } from './values.js';

export interface ClusterSym {
  readonly name: string;
  readonly account: AccountSym;
  readonly region: string;
  readonly arn: string;
  readonly issuer: string; // https://oidc.eks.REGION.amazonaws.com/id/ID
  readonly decl: ClusterDecl;
}

export interface IssuerSym {
  readonly name: string;
  readonly url: string;
  readonly decl: OidcIssuerDecl;
}

export interface EksSymbols {
  readonly clusters: ClusterSym[];
  readonly issuers: Map<string, IssuerSym>;
}

export function collectEks(ast: ScenarioFile, at: Located, accounts: readonly AccountSym[]): EksSymbols {
  const regionItem = ast.items.find((i) => i.kind === 'Region');
  const region = regionItem?.kind === 'Region' ? regionItem.name.text : DEFAULT_REGION;
  const title = ast.items.find((i) => i.kind === 'ScenarioTitle');
  // the engine's seed is the title (src/dsl/resolve/index.ts); derived issuer IDs use the same
  const seed = title?.kind === 'ScenarioTitle' ? title.title.text : defaultTitle(ast.file);
  const clusters: ClusterSym[] = [];
  const issuers = new Map<string, IssuerSym>();
  const addIssuer = (decl: OidcIssuerDecl) => {
    const url = decl.url.text;
    if (!/^https:\/\/[^/?#\s:]+(\/[^?#\s]*)?$/.test(url)) {
      throw at.error(decl.url.loc, `issuer URL "${url}" is not valid`, {
        length: url.length,
        expected: 'an https:// URL with a host and maybe a path, without port, query or fragment (the iss of its tokens)',
      });
    }
    if (issuers.has(decl.name.text))
      throw at.error(decl.name.loc, `oidc-issuer ${decl.name.text} is declared twice`, { length: decl.name.text.length });
    issuers.set(decl.name.text, { name: decl.name.text, url, decl });
  };
  for (const item of ast.items) if (item.kind === 'OidcIssuer') addIssuer(item);
  for (const account of accounts) {
    for (const m of account.decl.members) {
      if (m.kind === 'OidcIssuer') addIssuer(m);
      if (m.kind !== 'Cluster') continue;
      if (clusters.some((c) => c.account === account && c.name === m.name.text))
        throw at.error(m.name.loc, `cluster ${account.name}/${m.name.text} is declared twice`, { length: m.name.text.length });
      if (!/^[0-9A-Za-z][A-Za-z0-9\-_]{0,99}$/.test(m.name.text)) {
        throw at.error(m.name.loc, `cluster name "${m.name.text}" is not valid in EKS`, {
          length: m.name.text.length,
          expected: '1 to 100 letters, digits, hyphens and underscores, starting with a letter or digit',
        });
      }
      const regions = m.members.filter((x) => x.kind === 'Region');
      const r = regions.length ? checkRegion(regions[regions.length - 1]!.name, at) : region;
      const given = m.members.find((x) => x.kind === 'OidcIssuerId');
      let id: string;
      if (given?.kind === 'OidcIssuerId') {
        id = given.id.text;
        if (!/^[0-9A-Z]{32}$/.test(id))
          throw at.error(given.id.loc, `oidc-issuer-id "${id}" is not an EKS issuer ID`, {
            length: id.length,
            expected: '32 upper-case letters and digits, such as EXAMPLED539D4633E53DE1B71EXAMPLE',
          });
      } else {
        id = createHash('sha256')
          .update(seed)
          .update('\u0000issuer|')
          .update(`${account.id}/${m.name.text}`)
          .digest('hex')
          .slice(0, 32)
          .toUpperCase();
      }
      clusters.push({
        name: m.name.text,
        account,
        region: r,
        arn: `arn:aws:eks:${r}:${account.id}:cluster/${m.name.text}`,
        issuer: `https://oidc.eks.${r}.amazonaws.com/id/${id}`,
        decl: m,
      });
    }
  }
  return { clusters, issuers };
}

/** `cluster demo` (the enclosing account's, else the only one so named) or `cluster Account/demo`. */
export function findCluster(eks: EksSymbols, text: Text, here: AccountSym | null, at: Located): ClusterSym {
  const raw = text.text;
  const slash = raw.indexOf('/');
  const matches =
    slash > 0
      ? eks.clusters.filter((c) => c.account.name === raw.slice(0, slash) && c.name === raw.slice(slash + 1))
      : (here ? eks.clusters.filter((c) => c.account === here && c.name === raw) : []).concat();
  const found = matches.length ? matches : slash > 0 ? [] : eks.clusters.filter((c) => c.name === raw);
  if (found.length === 1) return found[0]!;
  const all = eks.clusters.map((c) => `${c.account.name}/${c.name}`);
  if (found.length > 1)
    throw at.error(text.loc, `cluster ${raw} is ambiguous: ${found.map((c) => `${c.account.name}/${c.name}`).join(' and ')}`, {
      length: raw.length,
      expected: `Account/${raw}`,
    });
  const suggestion = nearest(raw, all);
  throw at.error(text.loc, `cluster ${raw} is not defined`, {
    length: raw.length,
    expected: all.length ? `a declared cluster: ${all.join(', ')}` : 'a `cluster NAME { … }` declared in an account',
    ...(suggestion ? { suggestion } : {}),
  });
}

export interface PodSym {
  readonly key: string; // ACCOUNT/CLUSTER/NAMESPACE/POD, with the account's name
  readonly cluster: ClusterSym;
  readonly namespace: NamespaceDecl;
}

/** `pod Account/cluster/namespace/pod` (or `cluster/namespace/pod` when the cluster name is unique). */
export function findPod(eks: EksSymbols, text: Text, at: Located): PodSym {
  const parts = text.text.split('/');
  if (parts.length !== 3 && parts.length !== 4) {
    throw at.error(text.loc, `"${text.text}" does not name a pod`, {
      length: text.text.length,
      expected: 'Account/cluster/namespace/pod, such as Production/demo/shop/catalog',
    });
  }
  const [ns, name] = parts.slice(-2) as [string, string];
  const cluster = findCluster(eks, { ...text, text: parts.slice(0, -2).join('/') }, null, at);
  const namespace = cluster.decl.members.find((m): m is NamespaceDecl => m.kind === 'Namespace' && m.name.text === ns);
  const pod = namespace?.members.find((m) => m.kind === 'Pod' && m.name.text === name);
  if (!namespace || !pod) {
    const all = cluster.decl.members.flatMap((m) =>
      m.kind === 'Namespace'
        ? m.members.filter((p) => p.kind === 'Pod').map((p) => `${cluster.account.name}/${cluster.name}/${m.name.text}/${p.name.text}`)
        : [],
    );
    const suggestion = nearest(text.text, all);
    throw at.error(text.loc, `pod ${text.text} is not defined`, {
      length: text.text.length,
      expected: all.length ? `a pod of cluster ${cluster.name}: ${all.join(', ')}` : `a pod declared in cluster ${cluster.name}`,
      ...(suggestion ? { suggestion } : {}),
    });
  }
  return { key: `${cluster.account.name}/${cluster.name}/${ns}/${name}`, cluster, namespace };
}

/** `token issuer NAME`: an `oidc-issuer` by name, else a cluster's issuer. */
export function findIssuer(eks: EksSymbols, text: Text, at: Located): string {
  const issuer = eks.issuers.get(text.text);
  if (issuer) return issuer.url;
  const clusters = eks.clusters.filter((c) => c.name === text.text || `${c.account.name}/${c.name}` === text.text);
  if (clusters.length === 1) return clusters[0]!.issuer;
  const all = [...eks.issuers.keys(), ...eks.clusters.map((c) => `${c.account.name}/${c.name}`)];
  const suggestion = nearest(text.text, all);
  throw at.error(text.loc, `issuer ${text.text} is not defined`, {
    length: text.text.length,
    expected: all.length ? `an oidc-issuer or a cluster: ${all.join(', ')}` : 'an `oidc-issuer NAME URL`, or a cluster',
    ...(suggestion ? { suggestion } : {}),
  });
}
