// Fast parser: steps, their subject, call and expectations (grammar/scenario.ne, "steps").

import type { CallDecl, Expectation, StepDecl, StepMember, Subject, Text } from './ast.js';
import { text, unreserved } from './build.js';
import * as s from './build-step.js';
import { accepted, at, bail, block, type Cursor, expect, name, nameAfter, take } from './fast-cursor.js';
import { entryBlock, refOrText, value } from './fast-values.js';
import type { Token } from './token.js';

const DENY_KINDS: ReadonlySet<string> = new Set([
  'scp', 'rcp', 'boundary', 'session-policy', 'identity', 'resource', 'trust',
]);

/** Step -> "step" Name "{" StepMembers "}" */
export function step(c: Cursor, keyword: Token): StepDecl {
  const title = name(c);
  return s.step(keyword, title, block(c, stepMember));
}

function stepMember(c: Cursor, t: Token): StepMember {
  switch (t.text) {
    case 'as':
      return s.as(t, subject(c));
    case 'call':
      return call(c, t);
    case 'expect':
      return s.expectAt(t, expectation(c));
    case 'keep':
      expect(c, 'credentials');
      expect(c, 'as');
      return s.keep(t, name(c));
    case 'region':
      return s.region(t, name(c));
    default:
      return bail();
  }
}

function subject(c: Cursor): Subject {
  const t = take(c);
  if (t.type === 'string') return accepted(s.kept(t, null));
  if (t.type !== 'word') bail();
  switch (t.text) {
    case 'user':
      return s.namedSubject(t, 'UserSubject', name(c));
    case 'root':
      return s.namedSubject(t, 'RootSubject', name(c));
    case 'pod':
      return s.namedSubject(t, 'PodSubject', name(c));
    case 'service':
      return serviceSubject(c, t);
    case 'anonymous':
      return s.anonymous(t);
    default:
      return accepted(s.kept(t, null));
  }
}

/** "service" Name, then `source-account Name` and `source-arn Name`, each at most once, either order. */
function serviceSubject(c: Cursor, keyword: Token): Subject {
  const service = name(c);
  let sourceAccount = nameAfter(c, 'source-account');
  const sourceArn = nameAfter(c, 'source-arn');
  sourceAccount ??= nameAfter(c, 'source-account'); // after the source-arn
  return s.serviceSubject(keyword, service, sourceAccount, sourceArn);
}

/** Call -> "call" Name CallResource:? EntryBlock:? CallContext:? */
function call(c: Cursor, keyword: Token): CallDecl {
  const action = name(c);
  let resource = null;
  if (at(c, 'resource')) {
    take(c);
    resource = refOrText(c);
  }
  const params = at(c, '{') ? entryBlock(c) : null;
  let context = null;
  if (at(c, 'context')) {
    take(c);
    context = entryBlock(c);
  }
  return s.call(keyword, action, resource, params, context);
}

function expectation(c: Cursor): Expectation {
  const t = take(c);
  switch (t.text) {
    case 'allowed':
    case 'explicit-deny':
    case 'implicit-deny':
      return s.expectOutcome(t, t.text);
    case 'denied':
      return at(c, 'by') ? deniedBy(c, t) : s.expectOutcome(t, 'denied');
    case 'error':
      return s.expectError(t, name(c));
    case 'response': {
      const path = name(c);
      expect(c, '=');
      return s.expectResponse(t, path, value(c));
    }
    default:
      return bail();
  }
}

/** "denied" "by" DenyKind DeniedByName:? — the name is not a step member keyword. */
function deniedBy(c: Cursor, denied: Token): Expectation {
  take(c);
  const kind = take(c);
  if (!DENY_KINDS.has(kind.text)) bail();
  const next = c.tok;
  let policy: Text | null = null;
  if (next !== undefined && (next.type === 'string' || next.type === 'word')) {
    policy = next.type === 'string' ? text(next) : unreserved(next, 'step', null);
    if (policy !== null) take(c);
  }
  return s.expectDeniedBy(denied, kind, policy);
}
