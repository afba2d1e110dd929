// What the SAML tests share: an Okta-style IdP with one user, alice, and Production's IAM SAML
// provider for it (test/engine/saml-sts.test.ts, saml-sign-in.test.ts).
import type { AnyCommand } from '../../src/engine/events.js';
import type { AssertionSpec } from '../../src/engine/saml/assertion.js';
import { account, PROD, start } from './given.js';

export const IDP = 'http://www.okta.com/exk1fcia6d6EMsf331d8';
export const PROVIDER = `arn:aws:iam::${PROD}:saml-provider/Okta`;
export const ROLE = `arn:aws:iam::${PROD}:role/Dev`;
export const ATTR = 'https://aws.amazon.com/SAML/Attributes/';
export const CLOCK = '2026-03-02T08:30:00Z';

/** The scenario's start, Production, the IdP (alice's attributes: a session name, the Dev role, then `attrs`) and its provider. */
export function oktaWorld(attrs: Record<string, string[]>): AnyCommand[] {
  return [
    start(CLOCK),
    account(PROD, 'Production'),
    {
      type: 'RegisterSamlIdentityProvider',
      data: {
        name: 'Okta',
        entityId: IDP,
        users: {
          alice: {
            nameId: 'alice@example.com',
            nameIdFormat: 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent',
            attributes: { [`${ATTR}RoleSessionName`]: ['alice'], [`${ATTR}Role`]: [`${ROLE},${PROVIDER}`], ...attrs },
          },
        },
      },
    },
    { type: 'CreateSAMLProvider', data: { account: PROD, name: 'Okta', idp: 'Okta' } },
  ];
}

/** What a step writes for alice's assertion (`saml-assertion Okta/alice`), with `more` changed. */
export const spec = (more: Partial<AssertionSpec> = {}): AssertionSpec => ({
  idp: 'Okta',
  user: 'alice',
  attributes: {},
  fields: {},
  times: {},
  signedBy: null,
  unsigned: false,
  tampered: false,
  ...more,
});
