// SAML declarations and values: `saml-idp NAME ENTITY-ID { user NAME { … } }` (an identity provider
// outside AWS), an account's `saml-provider NAME { metadata from IDP }` (IAM User Guide "Create a
// SAML identity provider in IAM": a name of 1–128 letters, digits and ._-, unique in its account)
// and `saml-assertion IDP/USER …` values. Attribute names may be short: `Role`, `RoleSessionName`,
// `PrincipalTag:Dept` stand for https://aws.amazon.com/SAML/Attributes/…; URIs and URNs are kept.
import type { CommandEnvelope } from '../../engine/events.js';
import { ASSERTION_FIELDS, ASSERTION_TIMES, type AssertionSpec } from '../../engine/saml/assertion.js';
import { attributeName, type SamlUser } from '../../engine/saml/state.js';
import type { TimeClaim } from '../../engine/oidc/token.js';
import type { Entry, Loc, SamlAssertionValue, ScenarioFile, Value } from '../ast.js';
import type { BodyContext } from './context.js';
import type { Resolver } from './symbols.js';
import { timeClaim } from './token.js';

type Emit = (command: CommandEnvelope['command'], loc: Loc) => void;

const FORMATS: Readonly<Record<string, string>> = {
  persistent: 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent',
  transient: 'urn:oasis:names:tc:SAML:2.0:nameid-format:transient',
  email: 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress',
};
const PROVIDER_NAME = /^[\w._-]{1,128}$/;

function values(v: Value, resolver: Resolver, at: Resolver['at']): string[] {
  switch (v.kind) {
    case 'Text':
      return [v.text];
    case 'Ref':
      return [resolver.refArn(v.entity, v.target, null)];
    case 'List':
      // a nested list is one value, its items joined with commas: a Role attribute's role,provider pair
      return v.items.flatMap((i) =>
        i.kind === 'List' ? [i.items.flatMap((j) => values(j, resolver, at)).join(',')] : values(i, resolver, at),
      );
    default:
      throw at.error(v.loc, 'an attribute holds text, a reference or a list of them', {
        expected: 'Role: [[role Production/Admin, "arn:aws:iam::111111111111:saml-provider/Okta"]], RoleSessionName: alice',
      });
  }
}

export function samlCommands(ast: ScenarioFile, resolver: Resolver, emit: Emit): void {
  const at = resolver.at;
  const declared = resolver.symbols.samlIdps;
  const seen = new Set<string>();
  for (const idp of ast.items.flatMap((i) => (i.kind === 'SamlIdp' ? [i] : []))) {
    if (seen.has(idp.name.text))
      throw at.error(idp.name.loc, `saml-idp ${idp.name.text} is declared twice`, { expected: 'one saml-idp per name' });
    seen.add(idp.name.text);
    const users: Record<string, SamlUser> = {};
    for (const u of idp.users) {
      let nameId = u.name.text;
      let nameIdFormat = FORMATS['persistent']!;
      const attributes: Record<string, string[]> = {};
      for (const e of u.attributes ?? []) {
        const key = e.key.text;
        if (key === 'NameID') nameId = values(e.value, resolver, at).join(',');
        else if (key === 'NameIDFormat') {
          const f = values(e.value, resolver, at).join(',');
          nameIdFormat = FORMATS[f] ?? f;
        } else attributes[attributeName(key)] = values(e.value, resolver, at);
      }
      users[u.name.text] = { nameId, nameIdFormat, attributes };
    }
    emit({ type: 'RegisterSamlIdentityProvider', data: { name: idp.name.text, entityId: idp.entityId.text, users } }, idp.loc);
  }
  for (const account of resolver.symbols.accounts) {
    const names = new Set<string>();
    for (const m of account.decl.members) {
      if (m.kind !== 'SamlProvider') continue;
      if (!PROVIDER_NAME.test(m.name.text))
        throw at.error(m.name.loc, `${m.name.text} is not a SAML provider name`, {
          length: m.name.text.length,
          expected: '1 to 128 letters, digits, or . _ -',
        });
      if (names.has(m.name.text))
        throw at.error(m.loc, `EntityAlreadyExists: SAMLProvider ${m.name.text} already exists.`, {
          length: 13,
          expected: 'one SAML provider per name in an account',
        });
      names.add(m.name.text);
      if (!declared.has(m.idp.text))
        throw at.error(m.idp.loc, `no saml-idp named ${m.idp.text}`, {
          length: m.idp.text.length,
          expected: declared.size
            ? `one of: ${[...declared.keys()].join(', ')}`
            : 'a `saml-idp NAME ENTITY-ID { … }` declared in the scenario',
        });
      emit({ type: 'CreateSAMLProvider', data: { account: account.id, name: m.name.text, idp: m.idp.text } }, m.loc);
    }
  }
}

/** `saml-assertion IDP/USER …`: which user, and what a forger changed. */
export function samlAssertionSpec(v: SamlAssertionValue, ctx: BodyContext): AssertionSpec {
  const { resolver } = ctx;
  const at = resolver.at;
  const [idpName, userName, extra] = v.user.text.split('/');
  const idp = resolver.symbols.samlIdps.get(idpName ?? '');
  const usage = 'saml-assertion IDP/USER, an IdP declared with saml-idp and one of its users';
  if (!idp || userName === undefined || extra !== undefined)
    throw at.error(v.user.loc, `no saml-idp ${idpName ?? v.user.text}`, { length: v.user.text.length, expected: usage });
  if (!idp.users.some((u) => u.name.text === userName))
    throw at.error(v.user.loc, `saml-idp ${idpName} has no user ${userName}`, {
      length: v.user.text.length,
      expected: `one of: ${idp.users.map((u) => `${idpName}/${u.name.text}`).join(', ') || '(it has no users)'}`,
    });
  let signedBy: string | null = null;
  let unsigned = false;
  let tampered = false;
  for (const m of v.modifiers) {
    if (m.modifier === 'signed-by') signedBy = m.value!.text;
    else if (m.modifier === 'unsigned') unsigned = true;
    else tampered = true;
  }
  const fields: Record<string, string> = {};
  const times: Record<string, TimeClaim> = {};
  const attributes: Record<string, string[]> = {};
  for (const e of v.fields ?? []) fieldOf(e, fields, times, attributes, ctx);
  if (tampered && (v.fields ?? []).length === 0)
    throw at.error(v.loc, '`tampered` changes the assertion after signing, but it gives no change', {
      length: 14,
      expected: 'tampered { Role: […] } — the fields or attributes the forger writes in',
    });
  if (unsigned && (signedBy !== null || tampered))
    throw at.error(v.loc, 'an unsigned assertion has no signature to forge or keep', { length: 14, expected: 'unsigned alone' });
  return { idp: idpName!, user: userName, fields, times, attributes, signedBy, unsigned, tampered };
}

function fieldOf(
  e: Entry,
  fields: Record<string, string>,
  times: Record<string, TimeClaim>,
  attributes: Record<string, string[]>,
  ctx: BodyContext,
): void {
  const key = e.key.text;
  const at = ctx.resolver.at;
  if ((ASSERTION_TIMES as readonly string[]).includes(key)) {
    if (e.value.kind !== 'Text') throw at.error(e.value.loc, `${key} is a time`, { expected: `${key}: -1h, or an ISO-8601 instant` });
    times[key] = timeClaim(e.value.text, e.value.loc, ctx);
  } else if ((ASSERTION_FIELDS as readonly string[]).includes(key)) {
    const v = values(e.value, ctx.resolver, at).join(',');
    fields[key] = key === 'NameIDFormat' ? (FORMATS[v] ?? v) : v;
  } else attributes[attributeName(key)] = values(e.value, ctx.resolver, at);
}
