// The credentials file follows the keys requests make: when a request through `simulate serve`
// creates, deletes or deactivates an access key, `--credentials FILE` is rewritten (whole, mode 600)
// so that the new key's profile can be used at once (docs/serve.md, "The credentials file"). IAM API
// Reference, "CreateAccessKey", "UpdateAccessKey", "DeleteAccessKey"; the file's format, AWS CLI
// User Guide, "Configuration and credential file settings",
// https://docs.aws.amazon.com/cli/latest/userguide/cli-configure-files.html.
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateAccessKeyCommand, DeleteAccessKeyCommand, IAMClient, UpdateAccessKeyCommand } from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { fromIni } from '@aws-sdk/credential-providers';
import { describe, expect, it } from 'vitest';
import { BOUNDED, closedAfterEach } from './harness.js';
import { startServer } from '../../src/server/serve.js';
import { simulate } from '../../src/simulate.js';

const FILE = 'scenarios/cross-account.iam';
const bounded = { ...BOUNDED, region: 'us-east-1' } as const;
const closed = closedAfterEach();

async function serve() {
  const source = readFileSync(FILE, 'utf8').replace(
    'user bob',
    'user bob\n  user admin { inline Admin { allow action iam:* resource * } }',
  );
  const loaded = simulate(source, FILE, { readFile: () => ({ text: '', file: '' }), detail: true });
  const credentials = join(mkdtempSync(join(tmpdir(), 'iamsim-keys-')), 'credentials');
  const server = closed(await startServer(loaded, { port: 0, credentials }));
  // the SDK keeps the files it parsed for the life of the process: ignoreCache reads the file as it is
  // now, as a new process (the AWS CLI's next command) does
  const profile = (name: string) =>
    fromIni({ filepath: credentials, configFilepath: credentials + '.none', profile: name, ignoreCache: true });
  const iam = new IAMClient({ ...bounded, endpoint: server.url, credentials: profile('Development/admin') });
  const whoAmI = (name: string) =>
    new STSClient({ ...bounded, endpoint: server.url, credentials: profile(name) }).send(new GetCallerIdentityCommand({}));
  const profiles = () =>
    [...readFileSync(credentials, 'utf8').matchAll(/^\[(.+)\]\naws_access_key_id = (\S+)$/gm)].map((m) => [m[1], m[2]]);
  return { credentials, iam, whoAmI, profiles };
}

describe('simulate serve --credentials: the file follows the keys requests create, deactivate and delete', () => {
  it("given an administrator, when it creates a second key for bob, then bob's new profile signs at once; deleting the first moves ACCOUNT/USER to it", async () => {
    const { credentials, iam, whoAmI, profiles } = await serve();
    const first = profiles().find(([p]) => p === 'Development/bob')![1]!;
    const created = await iam.send(new CreateAccessKeyCommand({ UserName: 'bob' }));
    const second = created.AccessKey!.AccessKeyId!;
    expect(statSync(credentials).mode & 0o777).toBe(0o600);
    // ACCOUNT/USER keeps the first active key; every key of a user with two has ACCOUNT/USER/KEYID
    expect(profiles().filter(([p]) => p!.startsWith('Development/bob'))).toEqual([
      ['Development/bob', first],
      [`Development/bob/${first}`, first],
      [`Development/bob/${second}`, second],
    ]);
    // the secret in the file is the one CreateAccessKey answered
    expect(readFileSync(credentials, 'utf8')).toContain(`aws_secret_access_key = ${created.AccessKey!.SecretAccessKey}`);
    expect((await whoAmI(`Development/bob/${second}`)).Arn).toBe('arn:aws:iam::222222222222:user/bob');

    // deactivated, the first key stays in the file (AWS answers it InvalidClientTokenId); ACCOUNT/USER names the active one
    await iam.send(new UpdateAccessKeyCommand({ UserName: 'bob', AccessKeyId: first, Status: 'Inactive' }));
    expect(profiles().find(([p]) => p === 'Development/bob')![1]).toBe(second);
    await expect(whoAmI(`Development/bob/${first}`)).rejects.toMatchObject({ name: 'InvalidClientTokenId' });

    // deleted, it leaves the file; the second key keeps both its profiles
    await iam.send(new DeleteAccessKeyCommand({ UserName: 'bob', AccessKeyId: first }));
    expect(profiles().filter(([p]) => p!.startsWith('Development/bob'))).toEqual([
      ['Development/bob', second],
      [`Development/bob/${second}`, second],
    ]);
    expect((await whoAmI('Development/bob')).Arn).toBe('arn:aws:iam::222222222222:user/bob');
    expect(statSync(credentials).mode & 0o777).toBe(0o600);
  });

  it('given a request that changes no key, then the file is not rewritten', async () => {
    const { credentials, whoAmI } = await serve();
    const before = statSync(credentials).mtimeMs;
    const text = readFileSync(credentials, 'utf8');
    await whoAmI('Development/alice');
    expect(readFileSync(credentials, 'utf8')).toBe(text);
    expect(statSync(credentials).mtimeMs).toBe(before);
  });
});
