// `simulate serve --saml-assertion IDP/USER --saml-file FILE`: the SAMLAssertion the world's identity
// provider issues for one of its users at the wall clock, written as the base64 text the browser
// posts to the sign-in endpoint and `aws sts assume-role-with-saml --saml-assertion file://FILE`
// sends. It is minted by the same SAML service and keys that check it when the request comes
// (src/engine/tokens/saml.ts), with the server's keys (RunningServer.keys), which check it when the
// request comes: valid for five minutes, as IdPs issue them.
import { writeFileSync } from 'node:fs';
import type { Keyring } from '../engine/tokens/keyring.js';
import type { World } from '../engine/world.js';

export class SamlFileError extends Error {}

export async function writeSamlAssertion(
  world: World,
  asked: { readonly user: string; readonly file: string },
  at: Date,
  keys: Keyring,
): Promise<void> {
  const [idp, user, extra] = asked.user.split('/');
  const declared = world.saml.idps[idp ?? ''];
  if (!declared || user === undefined || extra !== undefined)
    throw new SamlFileError(
      `--saml-assertion ${asked.user}: the world has no saml-idp ${idp ?? asked.user} (it has ${Object.keys(world.saml.idps).join(', ') || 'none'})`,
    );
  if (!declared.users[user])
    throw new SamlFileError(
      `--saml-assertion ${asked.user}: saml-idp ${idp} has no user ${user} (it has ${Object.keys(declared.users).join(', ') || 'none'})`,
    );
  const { mintAssertion } = await import('../engine/tokens/saml.js');
  const now: World = { ...world, scenario: { ...world.scenario, clock: at.toISOString().replace(/\.\d{3}Z$/, 'Z') } };
  const spec = { idp: idp!, user, attributes: {}, fields: {}, times: {}, signedBy: null, unsigned: false, tampered: false };
  const minted = await mintAssertion(spec, now, keys);
  writeFileSync(asked.file, minted.base64, { mode: 0o600 });
}
