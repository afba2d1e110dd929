// simulate serve checks every AssumeRoleWithSAML with the keys it made once, for the server: each
// identity provider signs with a key of its own, and STS checks an assertion with the certificate
// in the metadata of the SAML provider PrincipalArn names, never with another IdP's (AWS STS API
// Reference "AssumeRoleWithSAML": InvalidIdentityToken when the assertion cannot be validated; IAM
// User Guide "Create a SAML identity provider in IAM": the provider holds the IdP's signing
// certificate). A keyring per request would hand out its key pairs in the order the issuers ask
// (src/engine/tokens/keyring.ts), so IdP B's certificate could be the pair IdP A signed with.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AssumeRoleWithSAMLCommand, STSClient, STSServiceException } from '@aws-sdk/client-sts';
import { writeSamlAssertion } from '../../src/server/saml-file.js';
import { startServer } from '../../src/server/serve.js';
import { mintAssertion } from '../../src/engine/tokens/saml.js';
import { BOUNDED, closedAfterEach, loadText } from './harness.js';

const closed = closedAfterEach();
const OKTA = 'http://www.okta.com/exk1fcia6d6EMsf331d8';
const ENTRA = 'https://sts.windows.net/72f988bf-86f1-41af-91ab-2d7cd011db47/';
const OKTA_PROVIDER = 'arn:aws:iam::111111111111:saml-provider/Okta';
const ENTRA_PROVIDER = 'arn:aws:iam::111111111111:saml-provider/Entra';
const OKTA_ROLE = 'arn:aws:iam::111111111111:role/OktaUsers';
const ENTRA_ROLE = 'arn:aws:iam::111111111111:role/EntraUsers';

const WORLD = `scenario "Two SAML identity providers, one account"
clock 2026-03-02T08:30:00Z
saml-idp Okta "${OKTA}" {
  user mallory {
    RoleSessionName: mallory
    Role: [["${OKTA_ROLE}", "${OKTA_PROVIDER}"], ["${ENTRA_ROLE}", "${ENTRA_PROVIDER}"]]
  }
}
saml-idp Entra "${ENTRA}" {
  user erin {
    RoleSessionName: erin
    Role: [["${ENTRA_ROLE}", "${ENTRA_PROVIDER}"]]
  }
}
account Production 111111111111 {
  saml-provider Okta { metadata from Okta }
  saml-provider Entra { metadata from Entra }
  role OktaUsers {
    trust { allow principal federated ${OKTA_PROVIDER} action sts:AssumeRoleWithSAML }
  }
  role EntraUsers {
    trust { allow principal federated ${ENTRA_PROVIDER} action sts:AssumeRoleWithSAML }
  }
}
`;

async function served() {
  const server = closed(await startServer(loadText(WORLD, 'two-idps.iam'), { port: 0 }));
  const dir = mkdtempSync(join(tmpdir(), 'iamsim-saml2-'));
  const sts = new STSClient({ ...BOUNDED, region: 'us-east-1', endpoint: server.url });
  const send = (RoleArn: string, PrincipalArn: string, SAMLAssertion: string) =>
    sts.send(new AssumeRoleWithSAMLCommand({ RoleArn, PrincipalArn, SAMLAssertion })).catch((e: unknown) => e);
  return { server, dir, send };
}

describe('simulate serve: two SAML identity providers', () => {
  it("given IdP Okta's key, when an assertion it signed claims Entra's issuer, then STS refuses it against Entra's provider: Response signature invalid", async () => {
    const { server, send } = await served();
    // Okta's key signs first, so a keyring per request would give it the pair Entra's certificate gets
    const forged = await mintAssertion(
      {
        idp: 'Okta',
        user: 'mallory',
        attributes: {},
        fields: { Issuer: ENTRA },
        times: {},
        signedBy: null,
        unsigned: false,
        tampered: false,
      },
      { ...server.world(), scenario: { ...server.world().scenario, clock: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z') } },
      server.keys,
    );
    const error = await send(ENTRA_ROLE, ENTRA_PROVIDER, forged.base64);
    expect(error).toBeInstanceOf(STSServiceException);
    expect((error as STSServiceException).name).toBe('InvalidIdentityTokenException');
    expect((error as STSServiceException).message).toBe('Response signature invalid');
  });

  it("given both IdPs' assertion files, when each is sent to its own provider, then both verify, and an Okta assertion sent to Entra's provider names the wrong issuer", async () => {
    const { server, dir, send } = await served();
    const okta = join(dir, 'okta');
    const entra = join(dir, 'entra');
    await writeSamlAssertion(server.world(), { user: 'Okta/mallory', file: okta }, new Date(), server.keys);
    await writeSamlAssertion(server.world(), { user: 'Entra/erin', file: entra }, new Date(), server.keys);
    // the second request is checked with the keys the first used: one keyring for the server
    for (let i = 0; i < 2; i++) {
      const byEntra = await send(ENTRA_ROLE, ENTRA_PROVIDER, readFileSync(entra, 'utf8'));
      expect(byEntra).not.toBeInstanceOf(Error);
      expect((byEntra as { Issuer?: string }).Issuer).toBe(ENTRA);
      const byOkta = await send(OKTA_ROLE, OKTA_PROVIDER, readFileSync(okta, 'utf8'));
      expect((byOkta as { Issuer?: string }).Issuer).toBe(OKTA);
    }
    const crossed = await send(ENTRA_ROLE, ENTRA_PROVIDER, readFileSync(okta, 'utf8'));
    expect(crossed).toBeInstanceOf(STSServiceException);
    expect((crossed as STSServiceException).message).toBe('Issuer not present in specified provider');
  });
});
