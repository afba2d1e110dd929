// The SAML service: an identity provider's assertions, made and checked as the real parties do.
// The IdP's key pair comes from the run's keyring (keyring.ts) and its signing certificate is an
// X.509 certificate made for that key with @peculiar/x509; the SAML 2.0 Response is built with
// fast-xml-parser's XMLBuilder and its Assertion signed with xml-crypto (RSA-SHA256, exclusive
// canonicalization, enveloped signature: IAM User Guide "Configure SAML assertions for the
// authentication response"; OASIS SAML 2.0 Core and Bindings). STS's side checks the signature with
// xml-crypto against the certificate in the metadata of the SAML provider PrincipalArn names (never
// the KeyInfo the assertion carries), and reads the fields of the signed reference only.
import { createHash, KeyObject, webcrypto } from 'node:crypto';
import { DOMParser } from '@xmldom/xmldom';
import { XMLBuilder, XMLParser } from 'fast-xml-parser';
import { SignedXml } from 'xml-crypto';
import type { AssertionSpec } from '../saml/assertion.js';
import { SAML_AUDIENCE, type PreparedAssertion, type SamlIdp } from '../saml/state.js';
import { isoSeconds } from '../scenario/state.js';
import type { World } from '../world.js';
import type { KeyPair, Keyring } from './keyring.js';

const NS_PROTOCOL = 'urn:oasis:names:tc:SAML:2.0:protocol';
const NS_ASSERTION = 'urn:oasis:names:tc:SAML:2.0:assertion';
const RSA_SHA256 = 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256';
const EXC_C14N = 'http://www.w3.org/2001/10/xml-exc-c14n#';

export interface MintedAssertion {
  /** the base64 of the Response XML, as the browser posts it and the CLI sends it */
  readonly base64: string;
  readonly origin: string;
  readonly forgery: string | null;
}

const certificates = new WeakMap<KeyPair, Promise<string>>();

/** The PEM of the X.509 certificate of a key pair, self-signed, made once per pair. */
export function certificatePem(pair: KeyPair, subject: string, serial: string): Promise<string> {
  let pem = certificates.get(pair);
  if (!pem) {
    pem = (async () => {
      await import('reflect-metadata'); // @peculiar/x509 needs the polyfill first (its README)
      const x509 = await import('@peculiar/x509');
      const algorithm = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' };
      const publicKey = await webcrypto.subtle.importKey('jwk', { ...pair.publicJwk, alg: 'RS256' }, algorithm, true, ['verify']);
      const cert = await x509.X509CertificateGenerator.createSelfSigned(
        {
          serialNumber: serial,
          name: subject,
          notBefore: new Date('2020-01-01T00:00:00Z'),
          notAfter: new Date('2040-01-01T00:00:00Z'),
          signingAlgorithm: algorithm,
          keys: { privateKey: pair.privateKey as webcrypto.CryptoKey, publicKey },
        },
        webcrypto as unknown as Crypto,
      );
      return cert.toString('pem');
    })();
    certificates.set(pair, pem);
  }
  return pem;
}

function idpKey(idp: SamlIdp, keys: Keyring): Promise<KeyPair> {
  return keys.key(`saml:${idp.name}`);
}

/** The IdP's signing certificate (PEM), as its metadata publishes it. */
export async function idpCertificate(idp: SamlIdp, keys: Keyring): Promise<string> {
  return certificatePem(await idpKey(idp, keys), idp.certificate.subject, idp.certificate.serial);
}

interface Content {
  issuer: string;
  nameId: string;
  nameIdFormat: string;
  recipient: string;
  audience: string;
  notBefore: string;
  notOnOrAfter: string;
  attributes: Record<string, readonly string[]>;
}

function responseXml(content: Content, ids: { response: string; assertion: string }, now: string): string {
  const attribute = Object.entries(content.attributes).map(([name, values]) => ({
    '@_Name': name,
    'saml:AttributeValue': values.map((v) => ({ '#text': v })),
  }));
  const doc = {
    'samlp:Response': {
      '@_xmlns:samlp': NS_PROTOCOL,
      '@_xmlns:saml': NS_ASSERTION,
      '@_ID': ids.response,
      '@_Version': '2.0',
      '@_IssueInstant': now,
      '@_Destination': content.recipient,
      'saml:Issuer': { '#text': content.issuer },
      'samlp:Status': { 'samlp:StatusCode': { '@_Value': 'urn:oasis:names:tc:SAML:2.0:status:Success' } },
      'saml:Assertion': {
        '@_ID': ids.assertion,
        '@_Version': '2.0',
        '@_IssueInstant': now,
        'saml:Issuer': { '#text': content.issuer },
        'saml:Subject': {
          'saml:NameID': { '@_Format': content.nameIdFormat, '#text': content.nameId },
          'saml:SubjectConfirmation': {
            '@_Method': 'urn:oasis:names:tc:SAML:2.0:cm:bearer',
            'saml:SubjectConfirmationData': { '@_NotOnOrAfter': content.notOnOrAfter, '@_Recipient': content.recipient },
          },
        },
        'saml:Conditions': {
          '@_NotBefore': content.notBefore,
          '@_NotOnOrAfter': content.notOnOrAfter,
          'saml:AudienceRestriction': { 'saml:Audience': { '#text': content.audience } },
        },
        'saml:AuthnStatement': {
          '@_AuthnInstant': now,
          '@_SessionIndex': ids.assertion,
          'saml:AuthnContext': {
            'saml:AuthnContextClassRef': { '#text': 'urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport' },
          },
        },
        'saml:AttributeStatement': { 'saml:Attribute': attribute },
      },
    },
  };
  return new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', suppressEmptyNode: true }).build(doc) as string;
}

function signer(privateKey: KeyObject, cert: string): SignedXml {
  const sig = new SignedXml({ privateKey, publicCert: cert, signatureAlgorithm: RSA_SHA256, canonicalizationAlgorithm: EXC_C14N });
  sig.addReference({
    xpath: "//*[local-name(.)='Assertion']",
    transforms: ['http://www.w3.org/2000/09/xmldsig#enveloped-signature', EXC_C14N],
    digestAlgorithm: 'http://www.w3.org/2001/04/xmlenc#sha256',
  });
  return sig;
}

const SIGNATURE_PLACE = { reference: "//*[local-name(.)='Assertion']/*[local-name(.)='Issuer']", action: 'after' as const };

/** The assertion a scenario describes, made, signed (or forged) and encoded as the browser posts it. */
export async function mintAssertion(spec: AssertionSpec, world: World, keys: Keyring): Promise<MintedAssertion> {
  const idp = world.saml.idps[spec.idp];
  if (!idp) throw new Error(`bug: unknown SAML IdP ${spec.idp}`);
  const user = idp.users[spec.user];
  if (!user) throw new Error(`bug: unknown user ${spec.user} of SAML IdP ${spec.idp}`);
  const clock = Date.parse(world.scenario.clock);
  const at = (name: string, fallback: number): string => {
    const t = spec.times[name];
    if (t === undefined) return isoSeconds(fallback);
    return isoSeconds('rel' in t ? clock + t.rel * 1000 : t.abs * 1000);
  };
  const base: Content = {
    issuer: idp.entityId,
    nameId: user.nameId,
    nameIdFormat: user.nameIdFormat,
    recipient: SAML_AUDIENCE,
    audience: SAML_AUDIENCE,
    notBefore: isoSeconds(clock - 60_000),
    notOnOrAfter: isoSeconds(clock + 300_000),
    attributes: { ...user.attributes },
  };
  const f = spec.fields;
  const given: Content = {
    issuer: f['Issuer'] ?? base.issuer,
    nameId: f['NameID'] ?? base.nameId,
    nameIdFormat: f['NameIDFormat'] ?? base.nameIdFormat,
    recipient: f['Recipient'] ?? base.recipient,
    audience: f['Audience'] ?? base.audience,
    notBefore: at('NotBefore', clock - 60_000),
    notOnOrAfter: at('NotOnOrAfter', clock + 300_000),
    attributes: { ...base.attributes, ...spec.attributes },
  };
  const hash = createHash('sha1').update(world.scenario.seed).update(`|${spec.idp}|${spec.user}|${world.scenario.clock}`).digest('hex');
  const ids = { response: `_r${hash.slice(0, 32)}`, assertion: `_a${hash.slice(8, 40)}` };
  const now = isoSeconds(clock);
  const origin = `an assertion of ${idp.name} (${idp.entityId}) for its user ${spec.user}`;
  const signedXml = responseXml(spec.tampered ? base : given, ids, now);
  if (spec.unsigned) {
    return { base64: Buffer.from(responseXml(given, ids, now)).toString('base64'), origin, forgery: 'sent without a signature' };
  }
  const pair = spec.signedBy === null ? await idpKey(idp, keys) : await keys.key(`saml-forger:${spec.signedBy}`);
  const subject = spec.signedBy === null ? idp.certificate.subject : `CN=${spec.signedBy}`;
  const cert = await certificatePem(pair, subject, spec.signedBy === null ? idp.certificate.serial : '01');
  const sig = signer(KeyObject.from(pair.privateKey as webcrypto.CryptoKey), cert);
  sig.computeSignature(signedXml, { location: SIGNATURE_PLACE });
  let xml = sig.getSignedXml();
  let forgery: string | null =
    spec.signedBy === null ? null : `signed with key ${spec.signedBy} and its own certificate, which the IdP's metadata does not hold`;
  if (spec.tampered) {
    // the forger keeps the IdP's signature and rewrites the assertion under it
    const doc = new DOMParser().parseFromString(responseXml(given, ids, now), 'text/xml');
    const signature = new DOMParser().parseFromString(sig.getSignatureXml(), 'text/xml').documentElement!;
    const assertion = doc.getElementsByTagNameNS(NS_ASSERTION, 'Assertion')[0]!;
    const issuer = assertion.getElementsByTagNameNS(NS_ASSERTION, 'Issuer')[0]!;
    assertion.insertBefore(doc.importNode(signature, true), issuer.nextSibling);
    xml = doc.toString();
    const changed = [...Object.keys(spec.fields), ...Object.keys(spec.times), ...Object.keys(spec.attributes)];
    forgery = `${forgery === null ? '' : `${forgery}; `}changed after signing (${changed.map(short).join(', ')})`;
  }
  return { base64: Buffer.from(xml).toString('base64'), origin, forgery };
}

function short(name: string): string {
  return name.startsWith('https://aws.amazon.com/SAML/Attributes/') ? name.slice('https://aws.amazon.com/SAML/Attributes/'.length) : name;
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  isArray: (name) => ['Attribute', 'AttributeValue', 'Audience', 'AudienceRestriction', 'Assertion'].includes(name),
});

function malformed(origin: string, forgery: string | null): PreparedAssertion {
  return {
    origin,
    issuer: null,
    nameId: null,
    nameIdFormat: null,
    recipient: null,
    notOnOrAfter: null,
    conditions: { notBefore: null, notOnOrAfter: null, audiences: [] },
    attributes: {},
    signature: { result: 'malformed' },
    forgery,
  };
}

type Node = Record<string, unknown>;
const obj = (v: unknown): Node => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Node) : {});
const text = (v: unknown): string | null => {
  if (typeof v === 'string') return v;
  const t = obj(v)['#text'];
  return typeof t === 'string' ? t : null;
};
const attr = (v: unknown, name: string): string | null => {
  const a = obj(v)[`@_${name}`];
  return typeof a === 'string' ? a : null;
};

/** The facts of an Assertion element (parsed from the signed reference when it verified). */
function facts(assertionXml: string): Omit<PreparedAssertion, 'origin' | 'signature' | 'forgery'> | null {
  let doc: Node;
  try {
    doc = parser.parse(assertionXml) as Node;
  } catch {
    return null;
  }
  const list = doc['Assertion'] ?? obj(doc['Response'])['Assertion'];
  const a = obj(Array.isArray(list) ? list[0] : list);
  if (Object.keys(a).length === 0) return null;
  const subject = obj(a['Subject']);
  const confirmation = obj(obj(subject['SubjectConfirmation'])['SubjectConfirmationData']);
  const conditions = obj(a['Conditions']);
  const audiences = ((conditions['AudienceRestriction'] as unknown[] | undefined) ?? []).flatMap((r) =>
    ((obj(r)['Audience'] as unknown[] | undefined) ?? []).map(text).filter((x): x is string => x !== null),
  );
  const attributes: Record<string, string[]> = {};
  for (const at of (obj(a['AttributeStatement'])['Attribute'] as unknown[] | undefined) ?? []) {
    const name = attr(at, 'Name');
    if (name === null) continue;
    attributes[name] = ((obj(at)['AttributeValue'] as unknown[] | undefined) ?? []).map(text).filter((x): x is string => x !== null);
  }
  return {
    issuer: text(a['Issuer']),
    nameId: text(subject['NameID']),
    nameIdFormat: attr(subject['NameID'], 'Format'),
    recipient: attr(confirmation, 'Recipient'),
    notOnOrAfter: attr(confirmation, 'NotOnOrAfter'),
    conditions: { notBefore: attr(conditions, 'NotBefore'), notOnOrAfter: attr(conditions, 'NotOnOrAfter'), audiences },
    attributes,
  };
}

/**
 * STS's reading of a SAMLAssertion: base64 → XML → the Assertion, whose signature must verify with
 * the certificate of the SAML provider `principalArn` names; the facts are read from what the
 * signature covers when it verifies (so no element outside it can be slipped in), from the whole
 * response when it does not (for the trace).
 */
export async function inspectAssertion(
  base64: string,
  origin: string,
  forgery: string | null,
  principalArn: string | null,
  world: World,
  keys: Keyring,
): Promise<PreparedAssertion> {
  const xml = Buffer.from(base64, 'base64').toString('utf8');
  if (!/^[A-Za-z0-9+/=\s]+$/.test(base64) || !xml.includes('Assertion')) return malformed(origin, forgery);
  const read = facts(xml);
  if (read === null) return malformed(origin, forgery);
  let doc: ReturnType<DOMParser['parseFromString']>;
  try {
    doc = new DOMParser().parseFromString(xml, 'text/xml');
  } catch {
    return malformed(origin, forgery);
  }
  const signatures = doc.getElementsByTagNameNS('http://www.w3.org/2000/09/xmldsig#', 'Signature');
  if (signatures.length === 0) return { origin, ...read, signature: { result: 'unsigned' }, forgery };
  const provider = principalArn === null ? undefined : world.saml.providers[principalArn];
  const idp = provider ? world.saml.idps[provider.idp] : undefined;
  if (!provider || !idp) return { origin, ...read, signature: { result: 'no-provider' }, forgery };
  const certificate = `${provider.certificate.subject} (serial ${provider.certificate.serial}) in the metadata of ${provider.arn}`;
  const check = new SignedXml({ publicCert: await idpCertificate(idp, keys), getCertFromKeyInfo: () => null });
  try {
    check.loadSignature(signatures[0]!);
    if (!check.checkSignature(xml)) return { origin, ...read, signature: { result: 'invalid', certificate }, forgery };
  } catch {
    return { origin, ...read, signature: { result: 'invalid', certificate }, forgery };
  }
  const signed = check.getSignedReferences()[0];
  const verified = signed === undefined ? null : facts(signed);
  if (verified === null) return { origin, ...read, signature: { result: 'invalid', certificate }, forgery };
  return { origin, ...verified, signature: { result: 'valid', certificate }, forgery };
}
