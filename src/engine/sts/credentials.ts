// Temporary credentials: an ASIA key id that encodes the account (AWS STS API Reference
// "GetAccessKeyInfo"), a secret and a session token derived from the seed, and an expiration from
// the scenario clock.
import { accessKeyId, secretAccessKey, sessionToken } from '../ids.js';
import { isoSeconds } from '../scenario/index.js';
import type { World } from '../world.js';

export interface Minted {
  readonly accessKeyId: string;
  readonly expiration: string;
  /** the `Credentials` member of the response, in AWS's field order */
  readonly credentials: {
    readonly AccessKeyId: string;
    readonly SecretAccessKey: string;
    readonly SessionToken: string;
    readonly Expiration: string;
  };
}

/** `purpose` names what the credentials are for; with the count of sessions it keeps ids unique. */
export function mint(world: World, account: string, purpose: string, seconds: number): Minted {
  const seed = world.scenario.seed;
  const issued = Object.keys(world.sts.sessions).length;
  const keyId = accessKeyId('ASIA', account, seed, `${purpose}|${world.scenario.clock}|${issued}`);
  const expiration = isoSeconds(Date.parse(world.scenario.clock) + seconds * 1000);
  return {
    accessKeyId: keyId,
    expiration,
    credentials: {
      AccessKeyId: keyId,
      SecretAccessKey: secretAccessKey(seed, keyId),
      SessionToken: sessionToken(seed, keyId),
      Expiration: expiration,
    },
  };
}

/** "the session lasts …" — the note every credential-issuing call leaves in the trace. */
export function durationNote(requested: number | null, seconds: number, expiration: string, limit: string): string {
  return requested === null
    ? `DurationSeconds not given: the session lasts the default ${seconds} seconds, until ${expiration} (${limit})`
    : requested === seconds
      ? `the session lasts the requested ${seconds} seconds, until ${expiration} (${limit})`
      : `the session lasts ${seconds} seconds, not the requested ${requested}, until ${expiration} (${limit})`;
}
