// Fast parser: references, parameter values and `{ Key: value … }` blocks (grammar/scenario.ne,
// "names, references, values").

import type {
  Entry,
  ListValue,
  OidcProviderForCluster,
  Ref,
  ResourceItem,
  Text,
  TokenModifier,
  TokenValue,
  Value,
} from './ast.js';
import * as b from './build.js';
import { accepted, at, bail, type Cursor, expect, isName, name, take } from './fast-cursor.js';
import type { Token } from './token.js';

/** RefWord */
export const REF_WORDS: ReadonlySet<string> = new Set([
  'account', 'user', 'group', 'role', 'policy', 'bucket', 'mfa', 'cluster', 'oidc-provider',
]);

/** Ref -> RefWord Name (the builder rejects `oidc-provider for`) */
export function ref(keyword: Token, target: Text): Ref {
  return accepted(b.ref(keyword, target, null));
}

/** RefOrText -> Ref | %word | %string */
export function refOrText(c: Cursor): ResourceItem {
  const t = take(c);
  if (t.type === 'string') return b.text(t);
  if (t.type !== 'word') bail();
  // a reference keyword is never the plain word here (`ref` reserves them)
  if (REF_WORDS.has(t.text)) return ref(t, name(c));
  return accepted(b.unreserved(t, 'ref', null));
}

/** RefOrTextList -> RefOrText ("," RefOrText)* */
export function refOrTextList(c: Cursor): b.Cons<ResourceItem> {
  let list = b.snoc(null, refOrText(c));
  while (at(c, ',')) {
    take(c);
    list = b.snoc(list, refOrText(c));
  }
  return list;
}

/** ForCluster after its `oidc-provider`: "for" "cluster" Name */
export function forCluster(c: Cursor, keyword: Token): OidcProviderForCluster {
  expect(c, 'for');
  expect(c, 'cluster');
  return b.forCluster(keyword, name(c));
}

export function isFor(t: Token | undefined): boolean {
  return t !== undefined && t.type === 'word' && t.text === 'for';
}

/**
 * Value. A keyword that may prefix a name (`role X`, `env X`, `json 5`) takes the name that
 * follows it; where the keyword was meant as a plain value before a step member
 * (`= role keep credentials …`) the parse fails and nearley decides.
 */
export function value(c: Cursor): Value {
  const t = take(c);
  if (t.type === 'string') return b.text(t);
  if (t.type === 'punct' && t.text === '[') return list(c, t);
  if (t.type !== 'word') bail();
  const next = c.tok;
  switch (t.text) {
    case 'json':
      // nearley builds (and so checks) `json WORD` wherever a value may start: the builder throws
      // for a word that is not JSON, and the fast parse is abandoned
      if (next !== undefined && (next.type === 'jsontext' || isName(next))) {
        take(c);
        return next.type === 'jsontext' ? b.json(next) : b.jsonScalar(next);
      }
      return b.text(t);
    case 'token':
      // `token from pod …` / `token issuer …`; nothing else after a value starts with these words
      return next !== undefined && (next.text === 'from' || next.text === 'issuer') ? token(c, t) : b.text(t);
    case 'env':
    case 'file':
    case 'credentials': {
      if (!isName(next)) return b.text(t);
      const target = b.text(take(c));
      if (t.text === 'env') return b.env(t, target);
      return t.text === 'file' ? b.fileVar(t, target) : b.credentials(t, target);
    }
    default:
      if (!REF_WORDS.has(t.text) || !isName(next)) return b.text(t);
      if (t.text === 'oidc-provider' && isFor(next)) return forCluster(c, t);
      return ref(t, b.text(take(c)));
  }
}

/** Token -> "token" TokenSource TokenModifiers EntryBlock:? */
function token(c: Cursor, keyword: Token): TokenValue {
  let source: TokenValue['source'];
  if (take(c).text === 'from') {
    expect(c, 'pod');
    source = b.tokenSource('pod', name(c));
  } else {
    source = b.tokenSource('issuer', name(c));
  }
  let modifiers: b.Cons<TokenModifier> | null = null;
  for (let t = c.tok; t !== undefined; t = c.tok) {
    if (t.text === 'tampered') modifiers = b.snoc(modifiers, b.tokenModifier(take(c), null));
    else if (t.text === 'signed-by' || t.text === 'alg') modifiers = b.snoc(modifiers, b.tokenModifier(take(c), name(c)));
    else break;
  }
  return b.token(keyword, source, modifiers, at(c, '{') ? entryBlock(c) : null);
}

/** "[" "]" | "[" ValueList "]" */
function list(c: Cursor, open: Token): ListValue {
  if (at(c, ']')) {
    take(c);
    return b.list(open, null);
  }
  let items = b.snoc(null, value(c));
  while (at(c, ',')) {
    take(c);
    items = b.snoc(items, value(c));
  }
  expect(c, ']');
  return b.list(open, items);
}

/** Entry -> %key Value */
export function entry(c: Cursor): Entry {
  const key = take(c);
  if (key.type !== 'key') bail();
  return b.entry(key, value(c));
}

/** EntryBlock: entries separated by ",", ";" or nothing, with at most one separator after each. */
export function entryBlock(c: Cursor): Entry[] {
  expect(c, '{');
  let list: b.Cons<Entry> | null = null;
  while (!at(c, '}')) {
    list = b.snoc(list, entry(c));
    if (at(c, ',') || at(c, ';')) take(c);
  }
  take(c);
  return b.entries(list);
}
