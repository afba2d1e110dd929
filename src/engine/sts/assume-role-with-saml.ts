// sts:AssumeRoleWithSAML (AWS STS API Reference "AssumeRoleWithSAML"; IAM User Guide "Configure
// SAML assertions for the authentication response", "Troubleshoot SAML 2.0 federation with AWS"):
// an unsigned call. Parameters; the SAML provider PrincipalArn names; the assertion's issuer, its
// signature against the provider's certificate, its Recipient and audience (the sign-in endpoint),
// its NotOnOrAfter with 5 minutes of clock skew; the Role attribute's pair for RoleArn and
// PrincipalArn; RoleSessionName, SourceIdentity, PrincipalTag and TransitiveTagKeys attributes; then
// the trust policy (Principal.Federated = the provider, with the saml: keys), the duration
// (DurationSeconds within the role's maximum; the SessionDuration attribute is the console's), session policies.
import type { Caller } from '../call/caller.js';
import type { CallData } from '../call/command.js';
import { materialize, textParam } from '../call/params.js';
import { callRecord, type RecordParts } from '../call/record.js';
import type { CallerRecord } from '../call-record.js';
import type { ErrorCode } from '../error-codes.js';
import { assertionSummary } from '../saml/assertion.js';
import { AWS_ATTRIBUTE, nameQualifier, ROLE_ATTRIBUTE } from '../saml/state.js';
import type { World } from '../world.js';
import { checkInteger, checkLength, checkRequired, validationMessage, type Constraint } from '../call/validation.js';
import { evaluateFederatedTrust } from './assume-role-trust.js';
import { durationNote, mint } from './credentials.js';
import type { StsEvent } from './events.js';
import { packedSize, packedTooLarge } from './packed-size.js';
import { roleSession } from './role-session.js';
import { checkSessionPolicies, checkSessionPolicyParams, hasSessionPolicies, policyText, readPolicyArns } from './session-policies.js';
import { checkTags, requestTagKeys, tagRecord, tagText, type Tag } from './tags.js';

const NOT_AUTHORIZED = 'Not authorized to perform sts:AssumeRoleWithSAML';
const INVALID =
  'The web identity token that was passed could not be validated by Amazon Web Services. Get a new identity token from the identity provider and then retry the request.';
const EXPIRED =
  'The web identity token that was passed is expired or is not valid. Get a new identity token from the identity provider and then retry the request.';
const UNDOCUMENTED = "AWS does not document its message for this case; iamsim gives the STS API reference's description of the error";
const SKEW = 300;
const NAME = /^[\w+=,.@-]{2,64}$/;
const UNSIGNED = 'AssumeRoleWithSAML is unsigned: it is sent with no AWS credentials, and the assertion alone says who is asking';

/** The sign-in endpoints an assertion may be addressed to: global, regional, and the static form. */
export function isSignInEndpoint(url: string): boolean {
  return /^https:\/\/([a-z]{2}(-[a-z]+)+-\d\.)?signin\.aws\.amazon\.com\/(static\/)?saml$/.test(url);
}

/** saml:sub_type: persistent, transient, or the full Format URI (IAM User Guide, SAML context keys). */
function subjectType(format: string | null): string {
  if (format === 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent') return 'persistent';
  if (format === 'urn:oasis:names:tc:SAML:2.0:nameid-format:transient') return 'transient';
  return format ?? 'unspecified';
}

/**
 * Attributes that become saml: keys (IAM User Guide "Available keys for SAML-based federation"):
 * the eduPerson and eduOrg attributes by their OIDs, and cn, commonName, givenName, surname, mail,
 * uid and name (X.500 OIDs).
 */
const ATTRIBUTE_KEYS: Readonly<Record<string, string>> = {
  'urn:oid:1.3.6.1.4.1.5923.1.1.1.1': 'saml:edupersonaffiliation',
  'urn:oid:1.3.6.1.4.1.5923.1.1.1.2': 'saml:edupersonnickname',
  'urn:oid:1.3.6.1.4.1.5923.1.1.1.3': 'saml:edupersonorgdn',
  'urn:oid:1.3.6.1.4.1.5923.1.1.1.4': 'saml:edupersonorgunitdn',
  'urn:oid:1.3.6.1.4.1.5923.1.1.1.5': 'saml:edupersonprimaryaffiliation',
  'urn:oid:1.3.6.1.4.1.5923.1.1.1.6': 'saml:edupersonprincipalname',
  'urn:oid:1.3.6.1.4.1.5923.1.1.1.7': 'saml:edupersonentitlement',
  'urn:oid:1.3.6.1.4.1.5923.1.1.1.8': 'saml:edupersonprimaryorgunitdn',
  'urn:oid:1.3.6.1.4.1.5923.1.1.1.9': 'saml:edupersonscopedaffiliation',
  'urn:oid:1.3.6.1.4.1.5923.1.1.1.10': 'saml:edupersontargetedid',
  'urn:oid:1.3.6.1.4.1.5923.1.1.1.11': 'saml:edupersonassurance',
  'urn:oid:1.3.6.1.4.1.5923.1.2.1.2': 'saml:eduorghomepageuri',
  'urn:oid:1.3.6.1.4.1.5923.1.2.1.3': 'saml:eduorgidentityauthnpolicyuri',
  'urn:oid:1.3.6.1.4.1.5923.1.2.1.4': 'saml:eduorglegalname',
  'urn:oid:1.3.6.1.4.1.5923.1.2.1.5': 'saml:eduorgsuperioruri',
  'urn:oid:1.3.6.1.4.1.5923.1.2.1.6': 'saml:eduorgwhitepagesuri',
  'urn:oid:2.5.4.3': 'saml:cn',
  'urn:oid:2.5.4.42': 'saml:givenName',
  'urn:oid:2.5.4.4': 'saml:surname',
  'urn:oid:0.9.2342.19200300.100.1.3': 'saml:mail',
  'urn:oid:0.9.2342.19200300.100.1.1': 'saml:uid',
  'urn:oid:2.5.4.41': 'saml:name',
};

export function assumeRoleWithSaml(data: CallData, world: World): StsEvent[] {
  const raw = data.params['SAMLAssertion'];
  if (raw?.t === 'assertion' || raw?.t === 'token') throw new Error(`bug: SAMLAssertion reached STS unprepared (${raw.t})`);
  const assertion = raw?.t === 'saml' ? raw.assertion : null;
  const params = materialize(data.params, world);
  const caller: CallerRecord = {
    kind: 'anonymous',
    arn: 'anonymous',
    account: null,
    credentials: 'none',
    accessKeyId: null,
    label: 'unsigned request',
  };
  const base = { caller, params, resource: textParam(params, 'RoleArn') };
  const lead = [UNSIGNED, ...(assertion ? [`assertion ${assertionSummary(assertion)}`] : [])];
  const failed = (code: ErrorCode, message: string, notes: string[], more: Partial<RecordParts> = {}): StsEvent[] => [
    {
      type: 'AssumeRoleWithSAMLFailed',
      data: { call: callRecord(data, world, { ...base, error: { code, message }, notes: [...lead, ...notes], ...more }), assertion },
    },
  ];
  const v: Constraint[] = [];
  const roleArn = textParam(params, 'RoleArn');
  const principalArn = textParam(params, 'PrincipalArn');
  checkRequired('roleArn', roleArn, v);
  checkLength('roleArn', roleArn, 20, 2048, v);
  checkRequired('principalArn', principalArn, v);
  checkLength('principalArn', principalArn, 20, 2048, v);
  // a list or JSON given as SAMLAssertion is no assertion at all (iamsim's wording: the model says it is a string)
  if (assertion === null && raw !== undefined && raw.t !== 'unset')
    v.push({ member: 'sAMLAssertion', value: undefined, constraint: 'Member must be a string (the base64 of a SAML response)' });
  else if (assertion === null) v.push({ member: 'sAMLAssertion', value: null, constraint: 'Member must not be null' });
  const requested = checkInteger('durationSeconds', textParam(params, 'DurationSeconds'), 900, 43200, v);
  const arns = readPolicyArns(params['PolicyArns']);
  if (typeof arns === 'string') return failed('ValidationError', arns, []);
  const policy = { text: policyText(params['Policy']), arns };
  checkSessionPolicyParams(policy, v);
  if (v.length > 0) return failed('ValidationError', validationMessage(v), []);
  const a = assertion!;
  const roleAccount = roleArn!.split(':')[4] ?? '';
  const provider = world.saml.providers[principalArn!];
  if (!provider)
    return failed('InvalidIdentityToken', "Specified provider doesn't exist", [
      `no SAML provider ${principalArn} exists (IAM User Guide "Troubleshoot SAML 2.0 federation with AWS")`,
    ]);
  const notes: string[] = [`SAML provider ${provider.arn} holds the metadata of ${provider.idp} (entity ID ${provider.entityId})`];
  const invalid = (message: string, ...why: string[]): StsEvent[] => failed('InvalidIdentityToken', message, [...notes, ...why]);
  const sig = a.signature;
  if (sig.result === 'malformed')
    return invalid(INVALID, 'SAMLAssertion is not a base64-encoded SAML 2.0 Response with an Assertion', UNDOCUMENTED);
  if (a.issuer !== provider.entityId)
    return invalid(
      'Issuer not present in specified provider',
      `the assertion's Issuer ${a.issuer ?? '(none)'} is not the provider's entity ID ${provider.entityId}`,
    );
  if (sig.result !== 'valid') {
    const why =
      sig.result === 'unsigned'
        ? 'the assertion carries no ds:Signature'
        : `the signature does not verify with the certificate ${sig.result === 'invalid' ? sig.certificate : `of ${provider.arn}`}${a.forgery ? `: ${a.forgery}` : ''}`;
    return invalid('Response signature invalid', why);
  }
  notes.push(`signature verified (RSA-SHA256, exclusive canonicalization) with the certificate ${sig.certificate}`);
  if (a.recipient === null || !isSignInEndpoint(a.recipient))
    return invalid(
      INVALID,
      `the SubjectConfirmationData's Recipient ${a.recipient ?? '(none)'} is not the AWS sign-in endpoint https://signin.aws.amazon.com/saml (or a regional one)`,
      UNDOCUMENTED,
    );
  if (!a.conditions.audiences.some(isSignInEndpoint))
    return invalid(
      INVALID,
      `the AudienceRestriction (${a.conditions.audiences.join(', ') || 'none'}) does not name the AWS sign-in endpoint https://signin.aws.amazon.com/saml`,
      UNDOCUMENTED,
    );
  const now = Date.parse(world.scenario.clock);
  for (const [what, at] of [
    ['SubjectConfirmationData NotOnOrAfter', a.notOnOrAfter],
    ['Conditions NotOnOrAfter', a.conditions.notOnOrAfter],
  ] as const) {
    if (at === null) return invalid(INVALID, `the assertion has no ${what}, which AWS requires`, UNDOCUMENTED);
    if (Date.parse(at) + SKEW * 1000 <= now)
      return failed('ExpiredTokenException', EXPIRED, [
        ...notes,
        `the ${what} is ${at}; STS allows 5 minutes of clock skew and the clock reads ${world.scenario.clock}`,
      ]);
  }
  const nb = a.conditions.notBefore;
  if (nb !== null && Date.parse(nb) > now + SKEW * 1000)
    return invalid(INVALID, `the Conditions NotBefore is ${nb}, more than 5 minutes after ${world.scenario.clock}`, UNDOCUMENTED);
  notes.push(`addressed to ${a.recipient}, valid until ${a.notOnOrAfter}`);

  const pairs = (a.attributes[ROLE_ATTRIBUTE] ?? []).map((p) => p.split(',').map((s) => s.trim()));
  const listed = pairs.some((p) => p.length === 2 && p.includes(roleArn!) && p.includes(principalArn!));
  const denied = (why: string[], more: Partial<RecordParts>): StsEvent[] => {
    const decision = more.evaluations?.[more.evaluations.length - 1]?.evaluation.decision ?? 'ImplicitDeny';
    const call = callRecord(data, world, {
      ...base,
      decision,
      error: { code: 'AccessDenied', message: NOT_AUTHORIZED },
      notes: [...lead, ...notes, ...why],
      ...more,
    });
    return [{ type: 'AssumeRoleWithSAMLDenied', data: { call, assertion: a } }];
  };
  if (!listed)
    return denied(
      [
        `the assertion's ${ROLE_ATTRIBUTE} attribute lists ${pairs.map((p) => p.join(',')).join(' and ') || 'no role'}, not the pair ${roleArn},${principalArn}: the IdP did not grant this role (AWS documents no error for this case; iamsim refuses it as a denial)`,
      ],
      { evaluations: [] },
    );
  notes.push(`the ${ROLE_ATTRIBUTE} attribute lists ${roleArn} with ${principalArn}`);
  const one = (name: string): string | null => a.attributes[`${AWS_ATTRIBUTE}${name}`]?.[0] ?? null;
  const sessionName = one('RoleSessionName');
  if (sessionName === null) return invalid('RoleSessionName is required in AuthnResponse');
  if (!NAME.test(sessionName)) return invalid('RoleSessionName in AuthnResponse must match [a-zA-Z_0-9+=,.@-]{2,64}');
  const sourceIdentity = one('SourceIdentity');
  if (sourceIdentity !== null && (!NAME.test(sourceIdentity) || sourceIdentity.toLowerCase().startsWith('aws:')))
    return invalid('Source Identity must match [a-zA-Z_0-9+=,.@-]{2,64} and not begin with "aws:"');
  const tags: Tag[] = [];
  for (const [name, values] of Object.entries(a.attributes)) {
    if (name.startsWith(`${AWS_ATTRIBUTE}PrincipalTag:`) && values[0] !== undefined)
      tags.push({ key: name.slice(`${AWS_ATTRIBUTE}PrincipalTag:`.length), value: values[0] });
  }
  const transitive = a.attributes[`${AWS_ATTRIBUTE}TransitiveTagKeys`] ?? [];
  const tagViolations: Constraint[] = [];
  checkTags(tags, transitive, tagViolations);
  if (tagViolations.length > 0)
    return invalid(INVALID, `the session tags of the assertion break STS's rules: ${validationMessage(tagViolations)}`, UNDOCUMENTED);
  const sessionDuration = one('SessionDuration');

  const role = world.iam.roles[roleArn!];
  if (!role) return denied([`no role ${roleArn} exists; AWS answers as it would for a denial`], { evaluations: [] });
  const who: Caller = {
    record: caller,
    principal: { kind: 'webIdentity', federatedProvider: provider.arn },
    user: null,
    role: null,
    session: null,
  };
  const qualifier = nameQualifier(a.issuer!, provider.account, provider.name);
  const keys: Record<string, string | string[]> = {
    'aws:FederatedProvider': provider.arn,
    'saml:aud': a.recipient,
    'saml:iss': a.issuer!,
    'saml:sub': a.nameId ?? '',
    'saml:sub_type': subjectType(a.nameIdFormat),
    'saml:namequalifier': qualifier,
    'saml:doc': `${provider.account}/${provider.name}`,
    ...requestTagKeys(tags, transitive),
  };
  for (const [name, key] of Object.entries(ATTRIBUTE_KEYS)) {
    const values = a.attributes[name];
    if (values !== undefined) keys[key] = values.length === 1 ? values[0]! : [...values];
  }
  if (sourceIdentity !== null) keys['sts:SourceIdentity'] = sourceIdentity;
  const gets = { tags: tags.length > 0, sourceIdentity: sourceIdentity !== null };
  const trust = { region: data.region, context: data.context, gets };
  const { context, evaluations, refused, why } = evaluateFederatedTrust(
    who,
    role,
    'sts:AssumeRoleWithSAML',
    'assertion',
    keys,
    trust,
    world,
  );
  if (refused !== null) return denied(why, { context, evaluations });
  const evaluated = { context, evaluations, decision: 'Allow' as const };
  // made by the sign-in endpoint for a console session (saml/sign-in.ts): the SessionDuration
  // attribute decides (15 min–12 h, default 1 h), and the role's maximum CLI/API session duration
  // does not apply (IAM User Guide "Use IAM roles", the console URL made with AssumeRoleWithSAML)
  const signIn = data.console;
  const duration0 = signIn?.seconds ?? requested ?? 3600;
  if (signIn === undefined && duration0 > role.maxSessionDuration)
    return failed(
      'ValidationError',
      'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.',
      [...notes, `the role ${role.name} allows sessions of at most ${role.maxSessionDuration} seconds`],
      evaluated,
    );
  // STS API Reference, AssumeRoleWithSAML: the session lasts DurationSeconds (default 3600) within the
  // role's maximum; the SessionDuration attribute bounds a console session that the sign-in endpoint
  // starts with the assertion (IAM User Guide, "Configure SAML assertions for the authentication
  // response"), not the session this call returns
  const duration = duration0;
  const policies = checkSessionPolicies(policy, roleAccount, `role ${role.name}`, world);
  if (!policies.ok) return failed(policies.code, policies.message, [...notes, policies.note], evaluated);
  const size = hasSessionPolicies(policies.policies) || tags.length > 0 ? packedSize(policy.text, policy.arns, tags) : null;
  const tooLarge = size === null ? null : packedTooLarge(size);
  if (tooLarge !== null) return failed('PackedPolicyTooLarge', tooLarge, notes, evaluated);

  const minted = mint(world, role.account, `${role.arn}|${sessionName}|saml`, duration);
  const { session, assumedRoleUser } = roleSession(world, role, sessionName, minted, {
    sourceArn: provider.arn,
    chained: false,
    mfa: null,
    tags: tagRecord(tags),
    transitiveTagKeys: [...transitive],
    sourceIdentity,
    policies: policies.policies,
    saml: { sub: a.nameId ?? '', subType: subjectType(a.nameIdFormat), nameQualifier: qualifier },
  });
  const all = [
    ...lead,
    ...notes,
    `RoleSessionName ${sessionName} from the assertion's RoleSessionName attribute`,
    signIn === undefined
      ? durationNote(requested, duration, minted.expiration, `the role allows up to ${role.maxSessionDuration} seconds`)
      : `a console session for ${signIn.endpoint}: it lasts ${duration} seconds (${signIn.source}), until ${minted.expiration}; the role's maximum CLI/API session duration (${role.maxSessionDuration} seconds) bounds API calls, not a console session`,
    ...(sessionDuration === null || signIn !== undefined
      ? []
      : [
          `the assertion's SessionDuration attribute (${sessionDuration} seconds) bounds a console session started with it, not this call's session: DurationSeconds decides`,
        ]),
    ...policies.notes,
    `NameQualifier = BASE64(SHA1("${a.issuer}" + "${provider.account}/${provider.name}")) = ${qualifier}`,
  ];
  if (tags.length > 0) all.push(`session tags from the assertion's PrincipalTag attributes: ${tagText(tagRecord(tags), transitive)}`);
  if (sourceIdentity !== null) all.push(`source identity ${sourceIdentity} from the assertion's SourceIdentity attribute`);
  if (size !== null) all.push(`PackedPolicySize ${size.percent} is iamsim's estimate; AWS does not publish its packing`);
  const response: Record<string, unknown> = { Credentials: minted.credentials, AssumedRoleUser: assumedRoleUser };
  if (size !== null) response['PackedPolicySize'] = size.percent;
  response['Subject'] = a.nameId;
  response['SubjectType'] = subjectType(a.nameIdFormat);
  response['Issuer'] = a.issuer;
  response['Audience'] = a.recipient;
  response['NameQualifier'] = qualifier;
  if (sourceIdentity !== null) response['SourceIdentity'] = sourceIdentity;
  const call = callRecord(data, world, { ...base, ...evaluated, response, notes: all });
  return [{ type: 'RoleAssumedWithSAML', data: { call, session, assertion: a } }];
}
