// Deterministic identifiers. Every ID is a hash of the scenario seed and what the ID names, so
// the same scenario always yields the same IDs, and adding one entity does not renumber others.
import { createHash } from 'node:crypto';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

function digest(seed: string, purpose: string): Buffer {
  return createHash('sha256').update(seed).update('\u0000').update(purpose).digest();
}

function base32From(bytes: Buffer, length: number): string {
  let out = '';
  for (let i = 0; out.length < length; i++) out += BASE32[bytes[i % bytes.length]! & 31];
  return out;
}

/** The account ID a scenario would not otherwise fix: 12 digits from the seed. */
export function derivedAccountId(seed: string, name: string): string {
  const d = digest(seed, `account|${name}`);
  return String(d.readBigUInt64BE(0) % 1_000_000_000_000n).padStart(12, '0');
}

/**
 * IAM unique IDs: a 4-letter prefix (AIDA user, AGPA group, AROA role, ANPA policy, AIPA instance
 * profile) + 17. `generation` counts the entities of the same ARN created before (0 for the first):
 * an entity deleted and created again gets a new unique ID, as in AWS (IAM User Guide "IAM
 * identifiers", "Unique identifiers").
 */
export function uniqueId(prefix: 'AIDA' | 'AGPA' | 'AROA' | 'ANPA' | 'AIPA', seed: string, arn: string, generation = 0): string {
  return prefix + base32From(digest(seed, generation === 0 ? `${prefix}|${arn}` : `${prefix}|${arn}#${generation}`), 17);
}

/**
 * Access key IDs (AKIA long-term, ASIA temporary). Characters 5–12 encode the owning account as
 * AWS does (AWS STS API Reference "GetAccessKeyInfo"): base32 of floor(account / 2) + 549755813888
 * as a 5-byte big-endian integer; character 13 comes from the upper half of the alphabet for odd
 * accounts and the lower half for even ones; the remaining 7 come from the seed.
 */
export function accessKeyId(prefix: 'AKIA' | 'ASIA', account: string, seed: string, purpose: string): string {
  const n = BigInt(account) / 2n + 549755813888n;
  let encoded = '';
  for (let shift = 35n; shift >= 0n; shift -= 5n) encoded += BASE32[Number((n >> shift) & 31n)];
  const d = digest(seed, `${prefix}|${purpose}`);
  const half = BigInt(account) % 2n === 1n ? 16 : 0;
  const parity = BASE32[half + (d[0]! & 15)]!;
  return prefix + encoded + parity + base32From(d.subarray(1), 7);
}

/** The account encoded in an access key ID, the inverse of accessKeyId (GetAccessKeyInfo). */
export function accountFromAccessKeyId(keyId: string): string | null {
  if (!/^A[KS]IA[A-Z2-7]{16}$/.test(keyId)) return null;
  let n = 0n;
  for (const ch of keyId.slice(4, 12)) n = (n << 5n) | BigInt(BASE32.indexOf(ch));
  const odd = BASE32.indexOf(keyId[12]!) >= 16 ? 1n : 0n;
  const account = (n - 549755813888n) * 2n + odd;
  return account >= 0n && account < 1_000_000_000_000n ? String(account).padStart(12, '0') : null;
}

const SECRET_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** A 40-character secret access key. */
export function secretAccessKey(seed: string, keyId: string): string {
  const d = Buffer.concat([digest(seed, `secret|${keyId}`), digest(seed, `secret2|${keyId}`)]);
  let out = '';
  for (let i = 0; i < 40; i++) out += SECRET_ALPHABET[d[i]! & 63];
  return out;
}

/** An opaque session token (base64 text, as STS returns; its content means nothing here). */
export function sessionToken(seed: string, keyId: string): string {
  const parts: Buffer[] = [];
  for (let i = 0; i < 8; i++) parts.push(digest(seed, `token|${i}|${keyId}`));
  return 'IQoJb3JpZ2luX2VjE' + Buffer.concat(parts).toString('base64').replace(/=+$/, '');
}

/**
 * A KMS key ID: a UUID in AWS's format (`1234abcd-12ab-34cd-56ef-1234567890ab`, AWS KMS Developer
 * Guide "Key identifiers (KeyId)"), version 4 as a random UUID is, from the seed and the key's
 * account and name.
 */
export function kmsKeyId(seed: string, account: string, name: string): string {
  const d = digest(seed, `kms-key|${account}|${name}`);
  const hex = Buffer.from(d.subarray(0, 16));
  hex[6] = (hex[6]! & 0x0f) | 0x40;
  hex[8] = (hex[8]! & 0x3f) | 0x80;
  const h = hex.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/**
 * The keys of the simulation's encoded authorization failure messages (call/authorization-message.ts):
 * 32 bytes that encrypt them (AES-256-GCM) and 32 that derive each message's nonce from its content
 * (HMAC-SHA256), both from the seed, so that only the world that issued a message can decode it and
 * a run encodes the same message the same way every time.
 */
export function authorizationMessageKeys(seed: string): { readonly encryption: Buffer; readonly nonce: Buffer } {
  return { encryption: digest(seed, 'authorization-message|encryption'), nonce: digest(seed, 'authorization-message|nonce') };
}

/** `length` lowercase hex digits naming `purpose` (IAM Identity Center's instance, permission set and role-name IDs). */
export function hexId(seed: string, purpose: string, length: number): string {
  let out = '';
  for (let i = 0; out.length < length; i++) out += digest(seed, `${purpose}#${i}`).toString('hex');
  return out.slice(0, length);
}
