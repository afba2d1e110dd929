// Schemas of the SAML events and of what they and STS's SAML events carry: identity providers
// outside AWS (an Okta or ADFS tenant: its entity ID, its users and the attributes it asserts for
// them), the IAM SAML providers that accounts register with their metadata, and the facts of a
// prepared SAML assertion (assertion.ts).
import * as z from 'zod/mini';
import { callRecordSchema } from '../call-record-schema.js';
import { event } from '../event-schema.js';

const attributes = z.record(z.string(), z.array(z.string()));

/** A user of an identity provider: the NameID it asserts and the attributes it sends to AWS. */
export const samlUserSchema = z.strictObject({
  nameId: z.string(),
  /** urn:oasis:names:tc:SAML:2.0:nameid-format:persistent, …:transient, or another Format URI */
  nameIdFormat: z.string(),
  attributes,
});

/** An identity provider: its entity ID and users; its signing key and certificate are made at run time (never in state). */
export const samlIdpSchema = z.strictObject({
  name: z.string(),
  entityId: z.string(),
  /** the signing certificate's subject and serial number, as its metadata publishes it (derived from the seed) */
  certificate: z.strictObject({ subject: z.string(), serial: z.string() }),
  users: z.record(z.string(), samlUserSchema),
});

/** An IAM SAML identity provider (CreateSAMLProvider), with the metadata document an IdP gave it. */
export const samlProviderSchema = z.strictObject({
  arn: z.string(), // arn:aws:iam::ACCT:saml-provider/NAME
  account: z.string(),
  name: z.string(),
  /** the IdP whose metadata was uploaded: its entity ID and signing certificate */
  idp: z.string(),
  entityId: z.string(),
  certificate: z.strictObject({ subject: z.string(), serial: z.string() }),
});

/** What checking the assertion's XML signature against the provider's certificate found. */
export const samlSignatureSchema = z.discriminatedUnion('result', [
  z.strictObject({ result: z.literal('valid'), certificate: z.string() }),
  z.strictObject({ result: z.literal('invalid'), certificate: z.string() }),
  /** the assertion carries no ds:Signature */
  z.strictObject({ result: z.literal('unsigned') }),
  /** PrincipalArn names no SAML provider: there is no certificate to check against */
  z.strictObject({ result: z.literal('no-provider') }),
  /** not base64, not XML, or not a SAML Response with an Assertion */
  z.strictObject({ result: z.literal('malformed') }),
]);

export const preparedAssertionSchema = z.strictObject({
  /** where the assertion came from, in words */
  origin: z.string(),
  issuer: z.nullable(z.string()),
  nameId: z.nullable(z.string()),
  nameIdFormat: z.nullable(z.string()),
  /** SubjectConfirmationData's Recipient and NotOnOrAfter */
  recipient: z.nullable(z.string()),
  notOnOrAfter: z.nullable(z.string()),
  /** Conditions: NotBefore, NotOnOrAfter and AudienceRestriction's audiences */
  conditions: z.strictObject({ notBefore: z.nullable(z.string()), notOnOrAfter: z.nullable(z.string()), audiences: z.array(z.string()) }),
  attributes,
  signature: samlSignatureSchema,
  /** how it was forged or broken, for the trace */
  forgery: z.nullable(z.string()),
});

/** The browser's POST of a SAML response to AWS's sign-in endpoint (sign-in.ts): where, and the role chosen. */
const posted = {
  /** https://signin.aws.amazon.com/saml or a regional sign-in endpoint */
  endpoint: z.string(),
  region: z.string(),
  assertion: preparedAssertionSchema,
  /** the role/provider pair the sign-in endpoint assumes; null when it stops before STS */
  role: z.nullable(z.string()),
  provider: z.nullable(z.string()),
  /** what the trace shows of the POST */
  lines: z.array(z.string()),
};
export const postedSchema = z.strictObject(posted);

export const samlEvents = [
  event('SamlIdentityProviderRegistered', { idp: samlIdpSchema }),
  event('SAMLProviderCreated', { provider: samlProviderSchema }),
  event('SamlResponsePosted', posted),
  /** the sign-in endpoint's answer: the console (signin:ConsoleLogin Success) or the role selection page */
  event('ConsoleSignInAnswered', { call: callRecordSchema }),
  /** the sign-in page's error */
  event('ConsoleSignInRefused', { call: callRecordSchema }),
] as const;
