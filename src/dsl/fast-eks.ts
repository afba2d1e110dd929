// Fast parser: clusters, namespaces, service accounts and pods; OIDC providers and issuers
// (grammar/scenario.ne, "EKS and OIDC").

import type {
  ClusterDecl,
  Entry,
  NamespaceDecl,
  OidcIssuerDecl,
  OidcProviderDecl,
  PodDecl,
  PodIdentityDecl,
} from './ast.js';
import { text, unreserved } from './build.js';
import * as w from './build-world.js';
import { accepted, at, bail, type Cursor, expect, name, nameList, optionalBlock, skipSemicolon, take } from './fast-cursor.js';
import { entry, forCluster, isFor, refOrText } from './fast-values.js';
import type { Token } from './token.js';

export function clusterMember(c: Cursor, t: Token): ClusterDecl['members'][number] {
  switch (t.text) {
    case 'region':
      return w.clusterRegion(t, name(c));
    case 'oidc-issuer-id':
      return w.oidcIssuerId(t, name(c));
    case 'namespace':
      return w.namespace(t, name(c), optionalBlock(c, namespaceMember));
    default:
      return bail();
  }
}

function namespaceMember(c: Cursor, t: Token): NamespaceDecl['members'][number] {
  if (t.text === 'service-account') return w.serviceAccount(t, name(c), optionalBlock(c, serviceAccountMember));
  if (t.text === 'pod') return pod(c, t);
  return bail();
}

/** ServiceAccountMember -> "annotation" Entry | "pod-identity" RefOrText */
function serviceAccountMember(c: Cursor, t: Token): Entry | PodIdentityDecl {
  if (t.text === 'annotation') return entry(c);
  if (t.text === 'pod-identity') return w.podIdentity(t, refOrText(c));
  return bail();
}

/** Pod -> "pod" Name | "pod" Name "{" "}" | "pod" Name "{" "service-account" Name ";":? "}" */
function pod(c: Cursor, t: Token): PodDecl {
  const podName = name(c);
  if (!at(c, '{')) return w.pod(t, podName, null);
  take(c);
  if (at(c, '}')) {
    take(c);
    return w.pod(t, podName, null);
  }
  expect(c, 'service-account');
  const serviceAccount = name(c);
  skipSemicolon(c);
  expect(c, '}');
  return w.pod(t, podName, serviceAccount);
}

/** OidcProvider -> ForCluster OidcProviderBody:? | "oidc-provider" OidcUrl OidcProviderBody:? */
export function oidcProvider(c: Cursor, t: Token): OidcProviderDecl {
  if (isFor(c.tok)) {
    const cluster = forCluster(c, t);
    return w.oidcProvider(cluster, cluster, optionalBlock(c, oidcProviderMember));
  }
  const url = take(c);
  if (url.type !== 'word' && url.type !== 'string') bail();
  const source = url.type === 'string' ? text(url) : accepted(unreserved(url, 'url', null));
  return w.oidcProvider(t, source, optionalBlock(c, oidcProviderMember));
}

function oidcProviderMember(c: Cursor, t: Token): OidcProviderDecl['members'][number] {
  if (t.text === 'client-ids') return w.clientIds(t, nameList(c));
  if (t.text === 'thumbprints') return w.thumbprints(t, nameList(c));
  return bail();
}

/** OidcIssuer -> "oidc-issuer" Name Name */
export function oidcIssuer(c: Cursor, t: Token): OidcIssuerDecl {
  const issuer = name(c);
  return w.oidcIssuer(t, issuer, name(c));
}
