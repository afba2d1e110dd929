// Typed builders shared by the grammar's postprocessors: tokens to Text, lists, references and
// parameter values. Lists are built as reverse-linked cons cells (O(1) per item, never copied or
// mutated, so derivations can share them) and flattened once by the node that owns them.

import { ScenarioError } from '../errors.js';
import type {
  CredentialsValue,
  EncodedMessageValue,
  AccessTokenValue,
  Entry,
  EnvValue,
  FileVarValue,
  JsonValue,
  ListValue,
  Loc,
  OidcProviderForCluster,
  Ref,
  SamlAssertionValue,
  TokenModifier,
  TokenValue,
  RefEntity,
  Text,
  Value,
} from './ast.js';
import type { Token } from './token.js';

export interface Cons<T> {
  readonly prev: Cons<T> | null;
  readonly last: T;
  readonly size: number;
}

export const nil = (): null => null;

export function snoc<T>(prev: Cons<T> | null, last: T): Cons<T> {
  return { prev, last, size: (prev?.size ?? 0) + 1 };
}

export function toArray<T>(list: Cons<T> | null): T[] {
  const out = new Array<T>(list?.size ?? 0);
  let i = out.length;
  for (let c = list; c !== null; c = c.prev) out[--i] = c.last;
  return out;
}

export function loc(t: Token): Loc {
  return { line: t.line, col: t.col, offset: t.offset };
}

export function text(t: Token): Text {
  const quoted = t.type === 'key' ? t.text.startsWith('"') : t.type !== 'word';
  return { kind: 'Text', text: t.value, quoted, loc: loc(t) };
}

// Keywords that may follow a free name in some context. There the name rule rejects them, so the
// grammar stays unambiguous; a name that is one of them must be quoted.
const STATEMENT = ['allow', 'deny', 'sid', 'principal', 'not-principal', 'action', 'not-action', 'resource', 'not-resource', 'when'];
export const REF_WORDS = [
  'account',
  'user',
  'group',
  'role',
  'policy',
  'bucket',
  'key',
  'mfa',
  'cluster',
  'oidc-provider',
  'saml-provider',
];
const RESERVED = {
  /** sids, actions, operators and condition keys inside a statement */
  statement: new Set(STATEMENT),
  /** resources and condition values inside a statement */
  'statement-value': new Set([...STATEMENT, ...REF_WORDS]),
  /** a principal given as an ARN */
  principal: new Set([...STATEMENT, 'account', 'user', 'role', 'service', 'federated', '*']),
  federated: new Set([...STATEMENT, 'oidc-provider', 'saml-provider']),
  /** a reference position outside statements (attach, boundary, groups, call … resource) */
  ref: new Set(REF_WORDS),
  /** the URL of `oidc-provider URL` (vs `oidc-provider for cluster NAME`) */
  url: new Set(['for']),
  /** an OU id, which an organization member may follow */
  org: new Set(['management', 'account', 'ou', 'scp', 'rcp', 'detach']),
  /** a kept credentials name after `as` */
  subject: new Set(['user', 'root', 'pod', 'service', 'anonymous', 'function', 'instance', 'task']),
  /** the optional policy name after `expect denied by KIND` */
  step: new Set(['as', 'region', 'via', 'call', 'expect', 'keep', 'sign-in']),
  /** the exact message after `expect error CODE message` (vs `message contains TEXT`) */
  message: new Set(['contains']),
} satisfies Record<string, ReadonlySet<string>>;
export type ReservedIn = keyof typeof RESERVED;

/** A name in a context where some keywords would be ambiguous; quoted text is always a name. */
export function unreserved<R>(t: Token, context: ReservedIn, reject: R): Text | R {
  return t.type === 'word' && RESERVED[context].has(t.value) ? reject : text(t);
}

const REF_ENTITIES: ReadonlyMap<string, RefEntity> = new Map(REF_WORDS.map((w): [string, RefEntity] => [w, w as RefEntity]));

export function ref<R>(keyword: Token, target: Text, reject: R): Ref | R {
  const entity = REF_ENTITIES.get(keyword.value);
  // `oidc-provider for cluster NAME` is its own form
  if (entity === undefined) return reject;
  if (entity === 'oidc-provider' && !target.quoted && target.text === 'for') return reject;
  return { kind: 'Ref', entity, target, loc: loc(keyword) };
}

export function forCluster(keyword: Token, cluster: Text): OidcProviderForCluster {
  return { kind: 'OidcProviderForCluster', cluster, loc: loc(keyword) };
}

export function json(t: Token): JsonValue {
  return { kind: 'Json', value: t.json, raw: t.text, loc: loc(t) };
}

/**
 * `json 5`, `json true`, `json "text"`: a scalar JSON value. Builders do not know the file name;
 * parseScenario puts it into the error.
 */
export function jsonScalar(t: Token): JsonValue {
  if (t.type === 'string') return { kind: 'Json', value: t.value, raw: t.text, loc: loc(t) };
  try {
    return { kind: 'Json', value: JSON.parse(t.text) as unknown, raw: t.text, loc: loc(t) };
  } catch {
    throw new ScenarioError({
      file: '',
      pos: loc(t),
      length: t.text.length,
      message: `json ${t.text}: not a JSON value`,
      expected: 'a JSON number, true, false, null, a quoted string, or {…} / […]',
    });
  }
}

const NAMED_VALUES = {
  env: 'Env',
  file: 'FileVar',
  credentials: 'Credentials',
  'encoded-message': 'EncodedMessage',
  'access-token': 'AccessToken',
} as const satisfies Record<string, (EnvValue | FileVarValue | CredentialsValue | EncodedMessageValue | AccessTokenValue)['kind']>;

/** `env NAME`, `file NAME`, `credentials NAME`, `encoded-message NAME` or `access-token USER` as a value */
export function namedValue(
  keyword: Token,
  name: Text,
): EnvValue | FileVarValue | CredentialsValue | EncodedMessageValue | AccessTokenValue {
  return { kind: NAMED_VALUES[keyword.text as keyof typeof NAMED_VALUES], name, loc: loc(keyword) };
}
export function list(open: Token, items: Cons<Value> | null): ListValue {
  return { kind: 'List', items: toArray(items), loc: loc(open) };
}

export function entry(key: Token, value: Value): Entry {
  return { kind: 'Entry', key: text(key), value, loc: loc(key) };
}
export function entries(list: Cons<Entry> | null): Entry[] {
  return toArray(list);
}

export function tokenSource(kind: 'pod' | 'issuer' | 'oauth', name: Text): TokenValue['source'] {
  if (kind === 'oauth') return { kind, provider: name };
  return kind === 'pod' ? { kind, pod: name } : { kind, issuer: name };
}

export function tokenModifier(keyword: Token, value: Text | null): TokenModifier {
  return { kind: 'TokenModifier', modifier: keyword.value as TokenModifier['modifier'], value, loc: loc(keyword) };
}

export function token(
  keyword: Token,
  source: TokenValue['source'],
  modifiers: Cons<TokenModifier> | null,
  claims: readonly Entry[] | null,
): TokenValue {
  return { kind: 'Token', source, modifiers: toArray(modifiers), claims, loc: loc(keyword) };
}

/** `saml-assertion IDP/USER MODIFIERS { … }` */
export function samlAssertion(
  keyword: Token,
  user: Text,
  modifiers: Cons<TokenModifier> | null,
  fields: readonly Entry[] | null,
): SamlAssertionValue {
  return { kind: 'SamlAssertion', user, modifiers: toArray(modifiers), fields, loc: loc(keyword) };
}
