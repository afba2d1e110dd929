// The keys of a run: one RSA key pair per issuer (and per key a forger names), made with the jose
// library. RSA key generation is random, so keys live only here, outside commands, events and
// state; what is recorded about them is deterministic (the key id an issuer publishes, and whether a
// signature verified). Generating a 2048-bit key takes a fraction of a second, so a process keeps
// the pairs it made and hands them to later runs: a key means nothing beyond one run.
import { exportJWK, generateKeyPair, type CryptoKey, type JWK } from 'jose';

export interface KeyPair {
  readonly privateKey: CryptoKey;
  readonly publicJwk: JWK; // kty, n, e
}

const pool: Promise<KeyPair>[] = [];

async function makePair(): Promise<KeyPair> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { modulusLength: 2048, extractable: true });
  return { privateKey, publicJwk: await exportJWK(publicKey) };
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
        const index = byName.size;
        while (pool.length <= index) pool.push(makePair());
        pair = pool[index]!;
        byName.set(name, pair);
      }
      return pair;
    },
  };
}
