// Fast parser: policy bodies and native statements (grammar/scenario.ne, "policies"). A statement
// runs until a token that is not a clause keyword; inside it, the statement keywords are never
// names (the builders' `unreserved` rejects them, so the lists end there).

import type {
  Clause,
  OidcProviderForCluster,
  PolicyBody,
  PrincipalItem,
  ResourceItem,
  Statement,
  Text,
} from './ast.js';
import * as b from './build.js';
import * as p from './build-policy.js';
import { accepted, at, bail, type Cursor, name, skipSemicolon, take } from './fast-cursor.js';
import { forCluster, ref, REF_WORDS } from './fast-values.js';
import type { Token } from './token.js';

/** PolicyBody -> "{" Statements "}" | "json" %jsontext | "file" Name */
export function policyBody(c: Cursor): PolicyBody {
  const t = take(c);
  if (t.text === 'json') {
    const json = take(c);
    if (json.type !== 'jsontext') bail();
    return b.json(json);
  }
  if (t.text === 'file') return p.policyFile(t, name(c));
  if (t.text !== '{') bail();
  let list: b.Cons<Statement> | null = null;
  while (!at(c, '}')) {
    list = b.snoc(list, statement(c, take(c)));
    skipSemicolon(c);
  }
  take(c);
  return p.statements(t, list);
}

/** Can a PolicyBody start with `t`? (for `scp NAME PolicyBody:?`) */
export function startsPolicyBody(t: Token | undefined): boolean {
  return t !== undefined && (t.text === '{' || t.text === 'json' || t.text === 'file');
}

function statement(c: Cursor, effect: Token): Statement {
  if (effect.text !== 'allow' && effect.text !== 'deny') bail();
  let clauses = b.snoc(null, clause(c) ?? bail());
  for (let next = clause(c); next !== null; next = clause(c)) clauses = b.snoc(clauses, next);
  return p.statement(effect, effect.text === 'allow' ? 'Allow' : 'Deny', clauses);
}

/** The next clause, or null where the statement ends. */
function clause(c: Cursor): Clause | null {
  switch (c.tok?.text) {
    case 'sid':
      return p.sid(take(c), sname(c));
    case 'principal':
      return p.principals(take(c), 'Principal', list(c, principal));
    case 'not-principal':
      return p.principals(take(c), 'NotPrincipal', list(c, principal));
    case 'action':
      return p.actions(take(c), 'Action', list(c, sname));
    case 'not-action':
      return p.actions(take(c), 'NotAction', list(c, sname));
    case 'resource':
      return p.resources(take(c), 'Resource', list(c, sitem));
    case 'not-resource':
      return p.resources(take(c), 'NotResource', list(c, sitem));
    case 'when': {
      const keyword = take(c);
      const operator = sname(c);
      const key = c.tok?.type === 'key' ? b.text(take(c)) : sname(c);
      return p.condition(keyword, operator, key, list(c, sitem));
    }
    default:
      return null;
  }
}

/** X ("," X)* */
function list<T>(c: Cursor, item: (c: Cursor) => T): b.Cons<T> {
  let items = b.snoc(null, item(c));
  while (at(c, ',')) {
    take(c);
    items = b.snoc(items, item(c));
  }
  return items;
}

/** SName -> %word (not a statement keyword) | %string */
function sname(c: Cursor): Text {
  const t = take(c);
  if (t.type === 'string') return b.text(t);
  if (t.type !== 'word') bail();
  return accepted(b.unreserved(t, 'statement', null));
}

/** SItem -> RefWord SName | %word | %string */
function sitem(c: Cursor): ResourceItem {
  const t = take(c);
  if (t.type === 'string') return b.text(t);
  if (t.type !== 'word') bail();
  if (REF_WORDS.has(t.text)) return ref(t, sname(c));
  return accepted(b.unreserved(t, 'statement-value', null));
}

function principal(c: Cursor): PrincipalItem {
  const t = take(c);
  if (t.type === 'string') return b.text(t);
  if (t.type !== 'word') bail();
  switch (t.text) {
    case '*':
      return p.anyPrincipal(t);
    case 'account':
    case 'user':
    case 'role':
      return ref(t, sname(c));
    case 'service':
      return p.servicePrincipal(t, sname(c));
    case 'federated':
      return p.federatedPrincipal(t, federated(c));
    default:
      return accepted(b.unreserved(t, 'principal', null));
  }
}

/** Federated -> ForCluster | %word | %string */
function federated(c: Cursor): Text | OidcProviderForCluster {
  const t = take(c);
  if (t.type === 'string') return b.text(t);
  if (t.type !== 'word') bail();
  if (t.text === 'oidc-provider') return forCluster(c, t);
  return accepted(b.unreserved(t, 'federated', null));
}
