// The keys of a run: one RSA key pair per issuer (and per key a forger names), made with the jose
// library. RSA key generation is random, so keys live only here, outside commands, events and
// state; what is recorded about them is deterministic (the key id an issuer publishes, and whether a
// signature verified). Generating a 2048-bit key takes a fraction of a second, so the keys come first
// from the pool the build made beside the code (token-keys.json in dist/, written by
// scripts/make-token-keys.mjs; absent when running from the sources), then from keys made here; a
// process keeps the pairs it has and hands them to later runs: a key means nothing beyond one run.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from 'jose';

export interface KeyPair {
  readonly privateKey: CryptoKey;
  readonly publicJwk: JWK; // kty, n, e
}

const POOL_FILE = 'token-keys.json';

/** Key pairs in the order runs take them: the build's first, then any made in this process. */
let pool: Promise<KeyPair>[] | undefined;

async function makePair(): Promise<KeyPair> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { modulusLength: 2048, extractable: true });
  return { privateKey, publicJwk: await exportJWK(publicKey) };
}

async function importPair(jwk: JWK): Promise<KeyPair> {
  const privateKey = await importJWK(jwk, 'RS256', { extractable: true });
  if (!(typeof privateKey === 'object' && 'type' in privateKey && privateKey.type === 'private')) {
    throw new Error(`bug: ${POOL_FILE} holds a key that is not an RSA private key: run \`npm run build\``);
  }
  return { privateKey, publicJwk: { kty: jwk.kty, n: jwk.n, e: jwk.e } };
}

/** The build's key pairs, or none when the file is not there (or is not a list of RSA JWKs). */
export function poolFromFile(read: () => string): Promise<KeyPair>[] {
  let keys: unknown;
  try {
    keys = (JSON.parse(read()) as { keys?: unknown } | null)?.keys;
  } catch {
    return []; // no file, or not JSON: the keyring makes its own keys
  }
  if (!Array.isArray(keys)) return [];
  return keys
    .filter((k): k is JWK => typeof k === 'object' && k !== null && (k as JWK).kty === 'RSA' && typeof (k as JWK).d === 'string')
    .map((k) => importPair(k));
}

function sharedPool(): Promise<KeyPair>[] {
  pool ??= poolFromFile(() => readFileSync(join(import.meta.dirname, POOL_FILE), 'utf8'));
  return pool;
}

export interface Keyring {
  /** the key pair named `name` (an issuer URL, or `forger:NAME`), made on first use */
  key(name: string): Promise<KeyPair>;
}

export function createKeyring(): Keyring {
  const byName = new Map<string, Promise<KeyPair>>();
  return {
    key(name) {
      let pair = byName.get(name);
      if (!pair) {
        const keys = sharedPool();
        const index = byName.size;
        while (keys.length <= index) keys.push(makePair());
        pair = keys[index]!;
        byName.set(name, pair);
      }
      return pair;
    },
  };
}
