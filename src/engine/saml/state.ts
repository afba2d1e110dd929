// The SAML side of federation: identity providers outside AWS (Okta, Entra ID, ADFS …) that sign
// assertions for their users, and the IAM SAML providers that accounts create with an IdP's
// metadata (IAM User Guide "Create a SAML identity provider in IAM"). The types are derived from
// their schemas in schema.ts.
import { createHash } from 'node:crypto';
import type { LogType } from '../log-type.js';
import type { preparedAssertionSchema, samlIdpSchema, samlProviderSchema, samlUserSchema } from './schema.js';

export type SamlIdp = LogType<typeof samlIdpSchema>;
export type SamlUser = LogType<typeof samlUserSchema>;
export type SamlProvider = LogType<typeof samlProviderSchema>;
export type PreparedAssertion = LogType<typeof preparedAssertionSchema>;

export interface SamlState {
  /** by name */
  idps: Record<string, SamlIdp>;
  /** by ARN */
  providers: Record<string, SamlProvider>;
}

export const initialSamlState: SamlState = { idps: {}, providers: {} };

export function samlProviderArn(account: string, name: string): string {
  return `arn:aws:iam::${account}:saml-provider/${name}`;
}

/** The attribute names AWS reads (IAM User Guide "Configure SAML assertions for the authentication response"). */
export const AWS_ATTRIBUTE = 'https://aws.amazon.com/SAML/Attributes/';
export const ROLE_ATTRIBUTE = `${AWS_ATTRIBUTE}Role`;
export const SAML_AUDIENCE = 'https://signin.aws.amazon.com/saml';

/** A short attribute name (`Role`, `PrincipalTag:Dept`) as its full name; a URI or URN is kept. */
export function attributeName(name: string): string {
  return /^(https?:|urn:)/.test(name) ? name : `${AWS_ATTRIBUTE}${name}`;
}

/**
 * saml:namequalifier and the response's NameQualifier: BASE64(SHA1(Issuer + ACCOUNT + "/" +
 * PROVIDER_NAME)) (IAM User Guide "Configure SAML assertions for the authentication response",
 * "Uniquely identifying users in SAML-based federation").
 */
export function nameQualifier(issuer: string, account: string, providerName: string): string {
  return createHash('sha1').update(`${issuer}${account}/${providerName}`).digest('base64');
}

/** The certificate facts an IdP's metadata publishes: a subject from its entity ID, a serial from the seed. */
export function certificateOf(seed: string, idp: string, entityId: string): { subject: string; serial: string } {
  let host = entityId;
  try {
    host = new URL(entityId).host || entityId;
  } catch {
    // a URN entity ID: the subject names it as it is
  }
  const serial = createHash('sha1').update(seed).update('\u0000saml-cert|').update(idp).digest('hex').slice(0, 16);
  return { subject: `CN=${host}, O=${idp}`, serial };
}
