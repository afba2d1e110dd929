// The AWS shared credentials file `simulate serve --credentials FILE` writes (AWS CLI User Guide,
// "Configuration and credential file settings"), and rewrites whenever a request creates, deletes,
// activates or deactivates an access key, so that a key made through IAM can be used at once.
// Profiles: `ACCOUNT/USER` (the scenario's account name) is the user's first active key (the one
// `as user` signs with), or its first key when none is active; once a user was given a second key,
// it also has `ACCOUNT/USER/KEYID` for each key (the first included), so that a key's profile names
// it whatever happens to the others. An inactive key stays in the file, as it stays in a real one: the server
// answers it InvalidClientTokenId, as AWS does. A deleted key leaves it. The secrets are the ones the simulation
// derives from the scenario's seed and the key ID. The file is written whole and renamed into
// place, mode 600, so that a client never reads half a file.
import { chmodSync, renameSync, writeFileSync } from 'node:fs';
import { secretAccessKey } from '../engine/ids.js';
import type { World } from '../engine/world.js';

/** The profiles of the world's users: [profile name, access key ID], in the world's order of users and keys. */
export function credentialProfiles(world: World): [string, string][] {
  const out: [string, string][] = [];
  for (const user of Object.values(world.iam.users)) {
    const account = world.iam.accounts[user.account]?.name ?? user.account;
    const keys = user.accessKeys.filter((k) => world.iam.accessKeys[k] !== undefined);
    const first = keys.find((k) => world.iam.accessKeys[k]!.status === 'Active') ?? keys[0];
    if (first === undefined) continue;
    out.push([`${account}/${user.name}`, first]);
    // once a user was given a second key, each key has a profile of its own, whatever happens to the others
    if ((world.iam.keysMinted[user.arn] ?? keys.length) > 1 || keys.length > 1)
      for (const keyId of keys) out.push([`${account}/${user.name}/${keyId}`, keyId]);
  }
  return out;
}

export function writeCredentials(file: string, world: World): void {
  const lines: string[] = [
    '# Written by simulate serve: the keys of the simulated world, derived from the scenario. Not real AWS credentials.',
  ];
  for (const [profile, keyId] of credentialProfiles(world)) {
    lines.push(
      '',
      `[${profile}]`,
      `aws_access_key_id = ${keyId}`,
      `aws_secret_access_key = ${secretAccessKey(world.scenario.seed, keyId)}`,
    );
  }
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, lines.join('\n') + '\n', { mode: 0o600 });
  chmodSync(temporary, 0o600);
  renameSync(temporary, file);
}
