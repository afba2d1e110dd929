// OIDC's decide: issuers get a key id derived from the seed and a discovery document in the
// shape their real counterparts publish; providers get their ARN.
import { createHash } from 'node:crypto';
import type { World } from '../world.js';
import type { OidcCommand } from './commands.js';
import type { OidcEvent } from './events.js';
import { providerArn, type OidcIssuer } from './state.js';

export function decideOidc(command: OidcCommand, world: World): OidcEvent[] {
  switch (command.type) {
    case 'RegisterOidcIssuer': {
      const { url, name, kind, cluster } = command.data;
      const issuer: OidcIssuer = {
        url,
        name,
        kind,
        cluster,
        kid: keyId(world.scenario.seed, url),
        jwksUri: jwksUri(url, kind),
        discovery: discovery(url, kind),
      };
      return [{ type: 'OidcIssuerRegistered', data: { issuer } }];
    }
    case 'CreateOpenIDConnectProvider': {
      const d = command.data;
      const provider = {
        arn: providerArn(d.account, d.url),
        account: d.account,
        url: d.url,
        clientIds: [...d.clientIds],
        thumbprints: [...d.thumbprints],
        cluster: d.cluster,
      };
      return [{ type: 'OpenIDConnectProviderCreated', data: { provider } }];
    }
    default: {
      const unreachable: never = command;
      throw new Error(`bug: unknown OIDC command ${JSON.stringify(unreachable)}`);
    }
  }
}

/** A 40-hex key id, as EKS issuers publish them; the key pair itself is made at run time. */
export function keyId(seed: string, url: string): string {
  return createHash('sha1').update(seed).update('\u0000kid|').update(url).digest('hex');
}

/**
 * EKS serves its keys at ISSUER/keys (Amazon EKS User Guide "Create an IAM OIDC provider for your
 * cluster"); GitHub at /.well-known/jwks; Amazon Cognito identity pools and Google where their
 * discovery documents say; others vary.
 */
const KNOWN_JWKS: Readonly<Record<string, string>> = {
  'https://token.actions.githubusercontent.com': 'https://token.actions.githubusercontent.com/.well-known/jwks',
  'https://cognito-identity.amazonaws.com': 'https://cognito-identity.amazonaws.com/.well-known/jwks_uri',
  'https://accounts.google.com': 'https://www.googleapis.com/oauth2/v3/certs',
};

function jwksUri(url: string, kind: 'eks' | 'external'): string {
  if (kind === 'eks') return `${url}/keys`;
  const known = KNOWN_JWKS[url];
  if (known !== undefined) return known;
  return `${url.replace(/\/$/, '')}/.well-known/jwks.json`;
}

function discovery(url: string, kind: 'eks' | 'external'): Record<string, unknown> {
  const base = { issuer: url, jwks_uri: jwksUri(url, kind) };
  if (kind === 'eks') {
    return {
      ...base,
      authorization_endpoint: 'urn:kubernetes:programmatic_authorization',
      response_types_supported: ['id_token'],
      subject_types_supported: ['public'],
      claims_supported: ['sub', 'iss'],
      id_token_signing_alg_values_supported: ['RS256'],
    };
  }
  return {
    ...base,
    response_types_supported: ['id_token'],
    subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: ['RS256'],
  };
}
