// SAML assertions as the engine sees them. A scenario describes one (AssertionSpec): a user of an
// identity provider, with fields changed or forged. Before the call is decided, the SAML service
// (src/engine/tokens/saml.ts, which holds the keys) builds the Response XML, signs its Assertion
// with xml-crypto, and checks the signature against the certificate of the SAML provider that
// PrincipalArn names; the command then carries the deterministic facts (PreparedAssertion), never
// the signed text, whose signature comes from a key made at random for each run.
import type { TimeClaim } from '../oidc/token.js';
import type { PreparedAssertion } from './state.js';

export interface AssertionSpec {
  readonly idp: string;
  readonly user: string;
  /** attributes set or replaced (full names), by value list */
  readonly attributes: { readonly [name: string]: readonly string[] };
  /** Audience, Recipient, Issuer, NameID, NameIDFormat given as text */
  readonly fields: { readonly [name: string]: string };
  /** NotOnOrAfter (of the subject confirmation and the conditions) and NotBefore */
  readonly times: { readonly [name: string]: TimeClaim };
  /** signed with the key of this name, which the IdP's metadata does not hold */
  readonly signedBy: string | null;
  /** sent without a signature */
  readonly unsigned: boolean;
  /** the fields above were changed after the IdP signed the assertion */
  readonly tampered: boolean;
}

/** The fields a scenario may set besides attributes. */
export const ASSERTION_FIELDS = ['Audience', 'Recipient', 'Issuer', 'NameID', 'NameIDFormat'] as const;
export const ASSERTION_TIMES = ['NotOnOrAfter', 'NotBefore'] as const;

/** How a call record shows an assertion: what it is, never its signed text. */
export function assertionText(a: PreparedAssertion): string {
  if (a.signature.result === 'malformed') return '<not a SAML response>';
  return `<SAML response of ${a.issuer ?? 'no issuer'} for ${a.nameId ?? 'no subject'}${a.signature.result === 'unsigned' ? ', unsigned' : ''}>`;
}

/** One line that says what an assertion holds. */
export function assertionSummary(a: PreparedAssertion): string {
  if (a.signature.result === 'malformed') return `${a.origin}: not a base64-encoded SAML response`;
  const attrs = Object.entries(a.attributes)
    .map(([k, v]) => `${k.replace('https://aws.amazon.com/SAML/Attributes/', '')}=${v.join('|')}`)
    .join(', ');
  return `${a.origin}: Issuer ${a.issuer}, NameID ${a.nameId}, Recipient ${a.recipient}, Audience ${a.conditions.audiences.join(' ') || '(none)'}, NotOnOrAfter ${a.notOnOrAfter}; attributes ${attrs || '(none)'}`;
}
