// Deterministic Kubernetes and EKS identifiers from the scenario's seed.
import { createHash } from 'node:crypto';

/** A UUID (version-4 layout) for a Kubernetes object's metadata.uid. */
export function kubernetesUid(seed: string, what: string): string {
  const h = createHash('sha256').update(seed).update('\u0000uid|').update(what).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** A Pod Identity association id: a- and 17 lower-case letters and digits. */
export function associationId(seed: string, what: string): string {
  const d = createHash('sha256').update(seed).update('\u0000assoc|').update(what).digest();
  const abc = 'abcdefghijklmnopqrstuvwxyz0123456789';
  let out = 'a-';
  for (let i = 0; i < 17; i++) out += abc[d[i]! % abc.length];
  return out;
}
