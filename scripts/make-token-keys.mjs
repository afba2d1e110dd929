// Writes dist/token-keys.json: a few RSA key pairs (2048-bit, as JWKs) that the token service signs
// simulated OIDC tokens with before it generates any key of its own (src/engine/tokens/keyring.ts).
// Generating a 2048-bit key takes 0.1–0.4 s here, which a scenario with an EKS cluster or an OIDC
// issuer would otherwise wait for at every run. The keys are random, made by `npm run build` on each
// install, never committed, and sign nothing but the simulation's own tokens.
import { chmodSync, writeFileSync } from 'node:fs';
import { exportJWK, generateKeyPair } from 'jose';

const COUNT = 4; // issuers and forgers of the largest scenario here: beyond that, keys are made per run
const out = new URL('../dist/token-keys.json', import.meta.url);

const pairs = await Promise.all(
  Array.from({ length: COUNT }, async () => {
    const { privateKey } = await generateKeyPair('RS256', { modulusLength: 2048, extractable: true });
    return exportJWK(privateKey);
  }),
);
writeFileSync(out, JSON.stringify({ note: 'made by scripts/make-token-keys.mjs; signs simulated tokens only', keys: pairs }) + '\n', {
  mode: 0o600,
});
chmodSync(out, 0o600);
console.log(`token keys: ${COUNT} RSA key pairs → dist/token-keys.json`);
