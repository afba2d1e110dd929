// Builders for steps: who acts (`as`), the call, and the expectations checked against its outcome.

import type {
  CallDecl,
  Entry,
  Expectation,
  ExpectedMessage,
  Ref,
  ResourceItem,
  SamlAssertionValue,
  PortalSignInDecl,
  SignInDecl,
  StepDecl,
  StepMember,
  Subject,
  Text,
  Value,
} from './ast.js';
import { type Cons, loc, text, toArray, unreserved } from './build.js';
import type { Token } from './token.js';

export function step(keyword: Token, title: Text, members: Cons<StepMember> | null): StepDecl {
  return { kind: 'Step', title, members: toArray(members), loc: loc(keyword) };
}

export function as(keyword: Token, subject: Subject): StepMember {
  return { kind: 'As', subject, loc: loc(keyword) };
}

export function region(keyword: Token, name: Text): StepMember {
  return { kind: 'Region', name, loc: loc(keyword) };
}

export function via(keyword: Token, endpoint: Text, sourceIp: Text): StepMember {
  return { kind: 'Via', endpoint, sourceIp, loc: loc(keyword) };
}

export function keep(keyword: Token, what: Token, name: Text): StepMember {
  return { kind: 'Keep', what: what.text === 'encoded-message' ? 'encoded-message' : 'credentials', name, loc: loc(keyword) };
}

/** `sign-in saml-assertion IDP/USER … [to ROLE]` */
export function signIn(keyword: Token, assertion: SamlAssertionValue, role: Ref | Text | null): SignInDecl {
  return { kind: 'SignIn', assertion, role, loc: loc(keyword) };
}

/** `sign-in access-portal USER to PERMISSION-SET in account A` */
export function portalSignIn(keyword: Token, user: Text, permissionSet: Text, account: Text): PortalSignInDecl {
  return { kind: 'PortalSignIn', user, permissionSet, account, loc: loc(keyword) };
}

type NamedSubject = 'UserSubject' | 'RootSubject' | 'PodSubject';

/** `user A/N`, `root A`, `pod A/cluster/namespace/pod` */
export function namedSubject(keyword: Token, kind: NamedSubject, name: Text): Subject {
  const at = loc(keyword);
  switch (kind) {
    case 'UserSubject':
      return { kind, user: name, loc: at };
    case 'RootSubject':
      return { kind, account: name, loc: at };
    case 'PodSubject':
      return { kind, path: name, loc: at };
  }
}

/** `function A/NAME`, `instance A/NAME`, `task A/FAMILY`: the keyword says which */
export function workloadSubject(keyword: Token, name: Text): Subject {
  const of = keyword.text === 'function' ? 'function' : keyword.text === 'task' ? 'task' : 'instance';
  return { kind: 'WorkloadSubject', of, path: name, loc: loc(keyword) };
}

export function serviceSubject(keyword: Token, service: Text, sourceAccount: Text | null, sourceArn: Text | null): Subject {
  return { kind: 'ServiceSubject', service, sourceAccount, sourceArn, loc: loc(keyword) };
}

export function anonymous(keyword: Token): Subject {
  return { kind: 'AnonymousSubject', loc: loc(keyword) };
}

/** A name kept by `keep credentials as NAME`; subject keywords must be quoted to be used so. */
export function kept<R>(t: Token, reject: R): Subject | R {
  const name = unreserved(t, 'subject', reject);
  return name === reject ? reject : { kind: 'KeptSubject', name: text(t), loc: loc(t) };
}

export function call(
  keyword: Token,
  action: Text,
  resource: ResourceItem | null,
  params: readonly Entry[] | null,
  context: readonly Entry[] | null,
): CallDecl {
  return { kind: 'Call', action, resource, params, context, loc: loc(keyword) };
}

/** An expectation is located at its `expect` keyword. */
export function expectAt(keyword: Token, expectation: Expectation): Expectation {
  return { ...expectation, loc: loc(keyword) };
}

const OUTCOMES = ['allowed', 'denied', 'explicit-deny', 'implicit-deny'] as const;
type Outcome = (typeof OUTCOMES)[number];
const isOutcome = (text: string): text is Outcome => (OUTCOMES as readonly string[]).includes(text);

/** `expect allowed`, `denied`, `explicit-deny` or `implicit-deny`: the keyword is the outcome */
export function expectOutcome(keyword: Token): Expectation {
  if (!isOutcome(keyword.text)) throw new Error(`the grammar gave expectOutcome() the keyword ${keyword.text}`);
  return { kind: 'ExpectOutcome', outcome: keyword.text, loc: loc(keyword) };
}

export function expectError(keyword: Token, code: Text, message: ExpectedMessage | null): Expectation {
  return message === null ? { kind: 'ExpectError', code, loc: loc(keyword) } : { kind: 'ExpectError', code, message, loc: loc(keyword) };
}

/** `message TEXT` (exact) or `message contains TEXT`, located at `message`. */
export function expectedMessage(keyword: Token, match: 'exact' | 'contains', text: Text): ExpectedMessage {
  return { match, text, loc: loc(keyword) };
}

export function expectDeniedBy(keyword: Token, by: Token, name: Text | null): Expectation {
  return { kind: 'ExpectDeniedBy', by: text(by), name, loc: loc(keyword) };
}

export function expectResponse(keyword: Token, path: Text, value: Value): Expectation {
  return { kind: 'ExpectResponse', path, value, loc: loc(keyword) };
}

/** `expect who-can ACTION on RESOURCE = [REF, …]` */
export function expectWhoCan(keyword: Token, action: Text, resource: ResourceItem, principals: Cons<Ref> | null): Expectation {
  return { kind: 'ExpectWhoCan', action, resource, principals: toArray(principals), loc: loc(keyword) };
}

/** `expect path from REF to REF` (exists) or `expect no path from REF to REF` */
export function expectPath(keyword: Token, exists: boolean, from: Ref, to: Ref): Expectation {
  return { kind: 'ExpectPath', exists, from, to, loc: loc(keyword) };
}
