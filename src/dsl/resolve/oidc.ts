// IAM OIDC identity providers and `oidc-issuer` declarations become OIDC commands, checked against
// IAM's rules for CreateOpenIDConnectProvider (IAM User Guide "Create an OpenID Connect (OIDC)
// identity provider in IAM"): an https URL of at most 255 characters without port, query or
// fragment, unique in its account; at most 100 client IDs of 1–255 characters; at most 5
// thumbprints of 40 hex digits; at most 100 providers per account.
import type { CommandEnvelope } from '../../engine/events.js';
import type { Loc, OidcProviderDecl, ScenarioFile, Text } from '../ast.js';
import { findCluster } from './eks-symbols.js';
import type { Resolver } from './symbols.js';

type Emit = (command: CommandEnvelope['command'], loc: Loc) => void;

const URL = /^https:\/\/[^/?#\s:]+(\/[^?#\s]*)?$/;

export function oidcCommands(ast: ScenarioFile, resolver: Resolver, emit: Emit): void {
  const at = resolver.at;
  for (const item of ast.items) {
    if (item.kind === 'OidcProvider') {
      throw at.error(item.loc, 'an IAM OIDC identity provider belongs to an account', {
        length: 13,
        expected: 'the `oidc-provider` inside `account NAME ID { … }`',
      });
    }
  }
  for (const issuer of resolver.symbols.eks.issuers.values()) {
    emit({ type: 'RegisterOidcIssuer', data: { url: issuer.url, name: issuer.name, kind: 'external', cluster: null } }, issuer.decl.loc);
  }
  for (const account of resolver.symbols.accounts) {
    const urls = new Set<string>();
    for (const m of account.decl.members) {
      if (m.kind !== 'OidcProvider') continue;
      const p = provider(m, account.id, resolver);
      if (urls.has(p.url)) {
        throw at.error(m.loc, `EntityAlreadyExists: Provider with url ${p.url} already exists.`, {
          length: 13,
          expected: 'one IAM OIDC provider per URL in an account',
        });
      }
      urls.add(p.url);
      if (urls.size > 100)
        throw at.error(m.loc, 'LimitExceeded: Cannot exceed quota for OpenIdConnectProvidersPerAccount: 100', { length: 13 });
      emit({ type: 'CreateOpenIDConnectProvider', data: { account: account.id, ...p } }, m.loc);
    }
  }
}

function provider(m: OidcProviderDecl, accountId: string, resolver: Resolver) {
  const at = resolver.at;
  const here = resolver.symbols.byId.get(accountId) ?? null;
  let url: string;
  let cluster: string | null = null;
  if (m.source.kind === 'OidcProviderForCluster') {
    const c = findCluster(resolver.symbols.eks, m.source.cluster, here, at);
    url = c.issuer;
    cluster = c.arn;
  } else {
    url = m.source.text;
    checkUrl(m.source, at);
  }
  const ids = m.members.filter((x) => x.kind === 'ClientIds').flatMap((x) => (x.kind === 'ClientIds' ? x.ids : []));
  const prints = m.members.filter((x) => x.kind === 'Thumbprints').flatMap((x) => (x.kind === 'Thumbprints' ? x.thumbprints : []));
  // `oidc-provider for cluster` registers the audience IRSA tokens carry, as eksctl and the console do
  const clientIds = ids.length === 0 && cluster !== null ? ['sts.amazonaws.com'] : ids.map((t) => t.text);
  if (clientIds.length > 100)
    throw at.error(ids[100]!.loc, 'LimitExceeded: Cannot exceed quota for ClientIdsPerOpenIdConnectProvider: 100', {
      length: ids[100]!.text.length,
    });
  for (const t of ids) {
    if (t.text.length < 1 || t.text.length > 255) {
      throw at.error(
        t.loc,
        `1 validation error detected: Value '${t.text}' at 'clientIDList.member' failed to satisfy constraint: Member must have length less than or equal to 255`,
        { length: t.text.length },
      );
    }
  }
  if (prints.length > 5)
    throw at.error(prints[5]!.loc, 'InvalidInput: Thumbprint list must contain fewer than 5 entries.', { length: prints[5]!.text.length });
  for (const t of prints) {
    if (!/^[0-9a-fA-F]{40}$/.test(t.text)) {
      throw at.error(t.loc, `thumbprint "${t.text}" is not 40 hex digits`, {
        length: t.text.length,
        expected: 'the hex SHA-1 of the certificate, such as 9e99a48a9960b14926bb7f3b02e22da2b0ab7280',
      });
    }
  }
  return { url, clientIds, thumbprints: prints.map((t) => t.text.toLowerCase()), cluster };
}

function checkUrl(text: Text, at: Resolver['at']): void {
  const url = text.text;
  if (!URL.test(url) || url.length > 255) {
    throw at.error(text.loc, `InvalidInput: "${url}" is not a valid OpenID Connect provider URL`, {
      length: url.length,
      expected:
        'https:// and a host, maybe a path, at most 255 characters, without port, query or fragment (exactly the iss of the tokens)',
    });
  }
}
