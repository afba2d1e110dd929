// Making tokens: the kubelet's projected service-account tokens (Kubernetes documentation "Managing
// Service Accounts") and tokens an issuer signs with the claims a scenario gives, genuine or forged
// (signed by a key the issuer does not publish, `alg: none`, HMAC keyed with the issuer's public
// key, or claims changed after signing). jose signs; the result is handed straight to verify.ts.
import { base64url, SignJWT, UnsecuredJWT } from 'jose';
import type { Pod, ProjectedToken } from '../eks/state.js';
import { tokenFile } from '../eks/state.js';
import type { TokenSpec } from '../oidc/token.js';
import { isoSeconds } from '../scenario/state.js';
import type { World } from '../world.js';
import type { Keyring } from './keyring.js';

export interface Minted {
  readonly compact: string;
  readonly origin: string;
  readonly forgery: string | null;
}

/** The token of a projected volume as the kubelet keeps it at the world's clock. */
export function projectedClaims(pod: Pod, volume: ProjectedToken, world: World): { claims: Record<string, unknown>; origin: string } {
  const cluster = world.eks.clusters[pod.cluster];
  if (!cluster) throw new Error(`bug: pod ${pod.key} without its cluster`);
  const start = Date.parse(pod.admittedAt) / 1000;
  const now = Date.parse(world.scenario.clock) / 1000;
  // the kubelet rewrites the file once the token is older than 80 % of its lifetime or 24 hours
  const every = Math.min(Math.floor(volume.expirationSeconds * 0.8), 86400);
  const iat = start + Math.floor((now - start) / every) * every;
  const claims = {
    aud: [volume.audience],
    exp: iat + volume.expirationSeconds,
    iat,
    iss: cluster.issuer,
    'kubernetes.io': {
      namespace: pod.namespace,
      pod: { name: pod.name, uid: pod.uid },
      serviceaccount: { name: pod.serviceAccount, uid: pod.serviceAccountUid },
    },
    nbf: iat,
    sub: `system:serviceaccount:${pod.namespace}:${pod.serviceAccount}`,
  };
  const origin = `${tokenFile(volume)} (the kubelet issued it at ${isoSeconds(iat * 1000)} and rewrites it every ${every} seconds)`;
  return { claims, origin };
}

/** The default service-account token every pod has (not projected by the webhook). */
function defaultToken(pod: Pod, world: World): { claims: Record<string, unknown>; origin: string } {
  const base = projectedClaims(
    pod,
    {
      volume: 'aws-iam-token',
      mountPath: '/var/run/secrets/kubernetes.io/serviceaccount',
      path: 'token',
      audience: 'https://kubernetes.default.svc',
      expirationSeconds: 3607,
    },
    world,
  );
  return { ...base, origin: `${base.origin.split(' ')[0]} (the token Kubernetes mounts in every pod, for the API server's audience)` };
}

export async function mintSpec(spec: TokenSpec, world: World, keys: Keyring): Promise<Minted> {
  const now = Math.floor(Date.parse(world.scenario.clock) / 1000);
  let base: Record<string, unknown>;
  let origin: string;
  let issuerUrl: string;
  if (spec.source.kind === 'pod') {
    const pod = world.eks.pods[spec.source.pod];
    if (!pod) throw new Error(`bug: unknown pod ${spec.source.pod}`);
    const wanted = spec.source.volume;
    const volume = pod.tokens.find((t) => wanted === null || t.volume === wanted);
    ({ claims: base, origin } = volume ? projectedClaims(pod, volume, world) : defaultToken(pod, world));
    origin = `pod ${pod.key}'s token ${origin}`;
    issuerUrl = world.eks.clusters[pod.cluster]!.issuer;
  } else if (spec.source.kind === 'issuer') {
    issuerUrl = spec.source.url;
    const issuer = world.oidc.issuers[issuerUrl];
    base = { iss: issuerUrl, aud: 'sts.amazonaws.com', iat: now, nbf: now, exp: now + 3600 };
    origin = `a token of issuer ${issuer?.name ?? issuerUrl}`;
  } else {
    throw new Error('bug: an OAuth 2.0 access token is not minted as a JWT (src/engine/tokens/prepare.ts)');
  }
  const given: Record<string, unknown> = { ...spec.claims };
  for (const [name, t] of Object.entries(spec.times)) given[name] = 'rel' in t ? now + t.rel : t.abs;
  const signed = spec.tampered ? base : { ...base, ...given };
  const kid = world.oidc.issuers[issuerUrl]?.kid ?? 'unknown';
  const issuerKey = await keys.key(issuerUrl);
  let compact: string;
  let forgery: string | null = null;
  if (spec.alg === 'none') {
    compact = new UnsecuredJWT(signed).encode();
    forgery = 'alg none: the token carries no signature';
  } else if (spec.alg === 'HS256') {
    const secret = new TextEncoder().encode(JSON.stringify(issuerKey.publicJwk));
    compact = await new SignJWT(signed).setProtectedHeader({ alg: 'HS256', kid }).sign(secret);
    forgery = "alg HS256: an HMAC keyed with the issuer's public key (the algorithm-confusion attack)";
  } else {
    const key = spec.signedBy === null ? issuerKey : await keys.key(`forger:${spec.signedBy}`);
    compact = await new SignJWT(signed).setProtectedHeader({ alg: 'RS256', kid }).sign(key.privateKey);
    if (spec.signedBy !== null)
      forgery = `signed with key ${spec.signedBy}, which the issuer does not publish (the header copies the issuer's kid)`;
  }
  if (spec.tampered) {
    const [header, , signature] = compact.split('.');
    compact = `${header}.${base64url.encode(JSON.stringify({ ...base, ...given }))}.${signature}`;
    forgery = `${forgery === null ? '' : `${forgery}; `}claims changed after signing (${Object.keys(given).join(', ')})`;
  }
  return { compact, origin, forgery };
}

export async function mintProjected(pod: Pod, volume: ProjectedToken, world: World, keys: Keyring): Promise<Minted> {
  const { claims, origin } = projectedClaims(pod, volume, world);
  const issuer = world.eks.clusters[pod.cluster]!.issuer;
  const kid = world.oidc.issuers[issuer]?.kid ?? 'unknown';
  const compact = await new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid }).sign((await keys.key(issuer)).privateKey);
  return { compact, origin, forgery: null };
}
