// simulate serve answers sts:AssumeRoleWithSAML (unsigned: AWS STS API Reference
// "AssumeRoleWithSAML") with an assertion the world's IdP issued, written to a file as
// `--saml-assertion IDP/USER --saml-file FILE` writes it; through @aws-sdk/client-sts and, where it
// is installed, the AWS CLI v2 (`aws sts assume-role-with-saml --saml-assertion file://FILE`).
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AssumeRoleWithSAMLCommand, STSClient, STSServiceException } from '@aws-sdk/client-sts';
import { writeSamlAssertion, SamlFileError } from '../../src/server/saml-file.js';
import { startServer } from '../../src/server/serve.js';
import { BOUNDED, closedAfterEach, findAwsCliV2, loadFileAsync, runCommand } from './harness.js';

const closed = closedAfterEach();
const cli = findAwsCliV2();
const skipped = 'path' in cli ? '' : ` (skipped: ${cli.reason})`;
const ROLE = 'arn:aws:iam::111111111111:role/ReadOnly';
const PROVIDER = 'arn:aws:iam::111111111111:saml-provider/Okta';

async function served() {
  const server = closed(await startServer(await loadFileAsync('scenarios/saml-federation.iam'), { port: 0 }));
  const dir = mkdtempSync(join(tmpdir(), 'iamsim-saml-'));
  const file = join(dir, 'assertion');
  await writeSamlAssertion(server.world(), { user: 'Okta/alice', file }, new Date(), server.keys);
  return { server, dir, file, sts: new STSClient({ ...BOUNDED, region: 'us-east-1', endpoint: server.url }) };
}

describe('simulate serve: AssumeRoleWithSAML', () => {
  it('given the IdP assertion for alice, when the SDK sends AssumeRoleWithSAML unsigned, then STS answers the ReadOnly session with Subject, Issuer and NameQualifier', async () => {
    const { sts, file } = await served();
    const answer = await sts.send(
      new AssumeRoleWithSAMLCommand({ RoleArn: ROLE, PrincipalArn: PROVIDER, SAMLAssertion: readFileSync(file, 'utf8') }),
    );
    expect(answer.AssumedRoleUser?.Arn).toBe('arn:aws:sts::111111111111:assumed-role/ReadOnly/alice@example.com');
    expect(answer.Subject).toBe('alice@example.com');
    expect(answer.SubjectType).toBe('persistent');
    expect(answer.Issuer).toBe('http://www.okta.com/exk1fcia6d6EMsf331d8');
    expect(answer.Audience).toBe('https://signin.aws.amazon.com/saml');
    expect(answer.NameQualifier).toBe('kcG1Q+aZzMseHf6G1GA2tZLC9dI=');
    expect(answer.Credentials?.AccessKeyId).toMatch(/^ASIA/);
  });

  it('given an assertion with one character changed, then STS refuses it: Response signature invalid', async () => {
    const { sts, file } = await served();
    const xml = Buffer.from(readFileSync(file, 'utf8'), 'base64')
      .toString('utf8')
      .replace('alice@example.com</saml:NameID>', 'admin@example.com</saml:NameID>');
    const error = await sts
      .send(new AssumeRoleWithSAMLCommand({ RoleArn: ROLE, PrincipalArn: PROVIDER, SAMLAssertion: Buffer.from(xml).toString('base64') }))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(STSServiceException);
    expect((error as STSServiceException).name).toBe('InvalidIdentityTokenException'); // the SDK's class for the code InvalidIdentityToken
    expect((error as STSServiceException).message).toBe('Response signature invalid');
  });

  it('refuses an IdP or a user the world does not have', async () => {
    const { server, dir } = await served();
    await expect(writeSamlAssertion(server.world(), { user: 'Okta/carol', file: join(dir, 'x') }, new Date(), server.keys)).rejects.toThrow(
      SamlFileError,
    );
    await expect(
      writeSamlAssertion(server.world(), { user: 'Entra/alice', file: join(dir, 'x') }, new Date(), server.keys),
    ).rejects.toThrow(/no saml-idp Entra/);
  });

  it.skipIf(!('path' in cli))(
    `given the AWS CLI v2${skipped}, when it sends the assertion file, then STS answers the session`,
    async () => {
      const { server, dir, file } = await served();
      const { stdout } = await runCommand(
        (cli as { path: string }).path,
        [
          '--endpoint-url',
          server.url,
          '--region',
          'us-east-1',
          '--output',
          'json',
          'sts',
          'assume-role-with-saml',
          '--role-arn',
          ROLE,
          '--principal-arn',
          PROVIDER,
          '--saml-assertion',
          `file://${file}`,
        ],
        { AWS_CONFIG_FILE: join(dir, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(dir, 'none'), AWS_MAX_ATTEMPTS: '1', AWS_PAGER: '' },
      );
      const answer = JSON.parse(stdout) as { AssumedRoleUser: { Arn: string }; Subject: string };
      expect(answer.AssumedRoleUser.Arn).toBe('arn:aws:sts::111111111111:assumed-role/ReadOnly/alice@example.com');
      expect(answer.Subject).toBe('alice@example.com');
    },
    120_000,
  );
});
