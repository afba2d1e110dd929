// A step becomes: StartStep, one Call, its expectations, and keep. Everything a step names is
// checked before the run starts, so a run never stops half-way on a typo.
import { nearest } from '../../errors.js';
import type { CallerRef, ParamValue } from '../../engine/call/command.js';
import type { CommandEnvelope } from '../../engine/events.js';
import { KNOWN_ERROR_CODES } from '../../engine/error-codes.js';
import type { ExpectationSpec } from '../../engine/scenario/index.js';
import type { ContextValue } from '../../policy/types.js';
import type { CallDecl, Entry, Expectation, Loc, PortalSignInDecl, Ref, SignInDecl, StepDecl, Subject, Text, Value } from '../ast.js';
import { checkRegion } from './values.js';
import { checkCall } from './catalogue-check.js';
import type { BodyContext } from './context.js';
import { resourceArn } from './policy-body.js';
import { findPod } from './eks-symbols.js';
import { providerForCluster } from './federated.js';
import { bucketParam, checkS3Call } from './s3-call.js';
import { checkStsCall } from './sts-call.js';
import { checkPortalCall } from './sso-call.js';
import { isPortalAction } from '../../engine/sso/portal.js';
import type { IdentityCenterScope } from './identity-center.js';
import { checkIamCall } from './iam-call.js';
import { samlAssertionSpec } from './saml.js';
import { tokenSpec } from './token.js';
import { resolveVia } from './vpc-endpoint.js';
import { workloadCaller } from './workloads.js';

type Emit = (command: CommandEnvelope['command'], loc: Loc) => void;

export interface StepScope {
  readonly ctx: BodyContext;
  readonly region: string;
  /** credentials names kept by earlier steps */
  readonly kept: Set<string>;
  /** encoded message names kept by earlier steps (`keep encoded-message as NAME`) */
  readonly messages: Set<string>;
  /** the step's caller is a pod (its `env` and `file` values can be read) */
  pod?: boolean;
  /** the IAM Identity Center instance, whose users' sign-ins `access-token USER` names */
  readonly sso?: IdentityCenterScope;
}

const DENIED_BY = ['scp', 'rcp', 'vpc-endpoint', 'boundary', 'session-policy', 'identity', 'resource', 'trust'];

export function stepCommands(step: StepDecl, index: number, scope: StepScope, emit: Emit): void {
  const at = scope.ctx.resolver.at;
  const as = step.members.filter((m) => m.kind === 'As');
  const calls = step.members.filter((m): m is CallDecl => m.kind === 'Call');
  const signIns = step.members.filter((m): m is SignInDecl | PortalSignInDecl => m.kind === 'SignIn' || m.kind === 'PortalSignIn');
  if (signIns.length > 0) {
    signInStep(step, index, signIns, scope, emit);
    return;
  }
  if (calls.length === 0 && step.members.some(isQuestion)) {
    questionStep(step, index, scope, emit);
    return;
  }
  if (as.length !== 1) {
    const loc = as[1]?.loc ?? step.loc;
    throw at.error(loc, as.length === 0 ? `step "${step.title.text}" does not say who calls` : 'a step has one `as`', {
      expected:
        'one `as user A/N`, `as root A`, `as NAME` (kept credentials), `as service NAME`, `as function A/N`, `as instance A/N`, `as task A/FAMILY` or `as anonymous`',
    });
  }
  if (calls.length !== 1) {
    throw at.error(calls[1]?.loc ?? step.loc, calls.length === 0 ? `step "${step.title.text}" makes no call` : 'a step makes one call', {
      expected: 'one `call SERVICE:Action …`',
    });
  }
  const call = calls[0]!;
  const regions = step.members.filter((m) => m.kind === 'Region');
  const stepRegion = regions.length > 0 ? (regions[regions.length - 1] as { name: Text }).name : null;
  const region = stepRegion ? checkRegion(stepRegion, at) : scope.region;
  const caller = callerRef((as[0] as { subject: Subject }).subject, scope);
  scope.pod = caller.kind === 'pod';
  emit({ type: 'StartStep', data: { index, title: step.title.text } }, step.loc);
  const data = callData(call, caller, region, scope);
  const vias = step.members.filter((m) => m.kind === 'Via');
  if (vias.length > 1) throw at.error(vias[1]!.loc, 'a step sends its call through one VPC endpoint', { length: 'via'.length });
  const via = vias[0];
  if (via !== undefined) {
    const service = data.action.slice(0, data.action.indexOf(':'));
    if (service.toLowerCase() === 'sts' || caller.kind === 'pod' || caller.kind === 'service' || caller.kind === 'workload') {
      const what =
        caller.kind === 'pod'
          ? 'a pod calling through a VPC endpoint'
          : caller.kind === 'workload'
            ? `a ${caller.of} calling through a VPC endpoint`
            : caller.kind === 'service'
              ? 'a service principal calling through a VPC endpoint'
              : 'an STS call through a VPC endpoint';
      throw at.unsupported(via.loc, what, 3);
    }
    const sourceIp = (call.context ?? []).find((e) => e.key.text.toLowerCase() === 'aws:sourceip');
    if (sourceIp !== undefined) {
      // IAM User Guide "AWS global condition context keys": aws:SourceIp is not in a request sent through a VPC endpoint
      throw at.error(sourceIp.key.loc, 'a request sent through a VPC endpoint has no aws:SourceIp', {
        length: sourceIp.key.text.length,
        expected: 'the address in the VPC after `from` (the request carries it as aws:VpcSourceIp)',
      });
    }
    emit(
      { type: 'Call', data: { ...data, via: resolveVia(via.endpoint, via.sourceIp, service, scope.ctx.resolver.symbols.accounts, at) } },
      call.loc,
    );
  } else {
    emit({ type: 'Call', data }, call.loc);
  }
  expectationsAndKeeps(step, scope, emit);
}

/**
 * `sign-in saml-assertion IDP/USER … [to ROLE]`: the user's browser posts the assertion to AWS's
 * sign-in endpoint (src/engine/saml/sign-in.ts). The browser is the caller, so the step has no `as`,
 * and the sign-in endpoint makes the step's call, so it has no `call`.
 */
function signInStep(
  step: StepDecl,
  index: number,
  signIns: readonly (SignInDecl | PortalSignInDecl)[],
  scope: StepScope,
  emit: Emit,
): void {
  const at = scope.ctx.resolver.at;
  if (signIns.length > 1)
    throw at.error(signIns[1]!.loc, 'a step signs in once', {
      length: 'sign-in'.length,
      expected: 'one `sign-in` a step: a second sign-in is a step of its own',
    });
  const other = step.members.find((m) => m.kind === 'As' || m.kind === 'Call' || m.kind === 'Via' || m.kind === 'Region');
  if (other !== undefined) {
    const word = other.kind === 'As' ? 'as' : other.kind === 'Call' ? 'call' : other.kind === 'Via' ? 'via' : 'region';
    throw at.error(other.loc, `a sign-in step has no \`${word}\``, {
      length: word.length,
      expected:
        "`sign-in`, `expect` and `keep`: the user's browser posts the assertion (no `as`), to the sign-in endpoint its Recipient names (no `region`), which makes the call (no `call`)",
    });
  }
  const signIn = signIns[0]!;
  emit({ type: 'StartStep', data: { index, title: step.title.text } }, step.loc);
  if (signIn.kind === 'PortalSignIn') {
    const user = signIn.user.text;
    const accessToken = accessTokenOf(signIn.user, scope);
    const account = scope.ctx.resolver.account(signIn.account).id;
    emit({ type: 'SignInToPortal', data: { user, accessToken, account, permissionSet: signIn.permissionSet.text } }, signIn.loc);
  } else {
    const assertion: ParamValue = { t: 'assertion', spec: samlAssertionSpec(signIn.assertion, scope.ctx) };
    emit({ type: 'SignInWithSaml', data: { assertion, role: signInRole(signIn.role, scope) } }, signIn.loc);
  }
  expectationsAndKeeps(step, scope, emit);
}

/** `to role A/N` or `to ARN`: the role the user picks on the role selection page. */
function signInRole(role: SignInDecl['role'], scope: StepScope): string | null {
  if (role === null) return null;
  const at = scope.ctx.resolver.at;
  if (role.kind === 'Ref') {
    if (role.entity !== 'role')
      throw at.error(role.loc, `a sign-in picks a role, not ${role.entity} ${role.target.text}`, {
        length: role.entity.length,
        expected: '`to role ACCOUNT/NAME` or a role ARN',
      });
    return scope.ctx.resolver.refArn(role.entity, role.target, null);
  }
  if (!/^arn:aws:iam::\d{12}:role\/.+/.test(role.text))
    throw at.error(role.loc, `${role.text} is not a role ARN`, {
      length: role.text.length,
      expected: '`to role ACCOUNT/NAME` or a role ARN, arn:aws:iam::ACCOUNT:role/NAME',
    });
  return role.text;
}

/** The access token of an Identity Center user's sign-in to the access portal (`access-token USER`, `sign-in access-portal USER`). */
function accessTokenOf(name: Text, scope: StepScope): string {
  const sso = scope.sso;
  if (sso === undefined || !sso.users.has(name.text)) {
    const suggestion = sso ? nearest(name.text, sso.users) : undefined;
    throw scope.ctx.resolver.at.error(
      name.loc,
      sso ? `identity-center declares no user ${name.text}` : 'the scenario has no identity-center',
      {
        length: name.text.length,
        expected: sso
          ? `one of its users: ${[...sso.users].join(', ')}`
          : 'an `identity-center { user NAME … }` whose user signs in to the access portal',
        ...(suggestion ? { suggestion } : {}),
      },
    );
  }
  return sso.token(name.text);
}

function expectationsAndKeeps(step: StepDecl, scope: StepScope, emit: Emit): void {
  for (const m of step.members) {
    if (
      m.kind === 'ExpectOutcome' ||
      m.kind === 'ExpectError' ||
      m.kind === 'ExpectDeniedBy' ||
      m.kind === 'ExpectResponse' ||
      m.kind === 'ExpectWhoCan' ||
      m.kind === 'ExpectPath'
    ) {
      const { text, spec } = expectation(m, scope);
      emit({ type: 'CheckExpectation', data: { text, spec } }, m.loc);
    }
  }
  for (const m of step.members) {
    if (m.kind === 'Keep' && m.what === 'credentials') {
      emit({ type: 'KeepCredentials', data: { name: m.name.text } }, m.loc);
      scope.kept.add(m.name.text);
    } else if (m.kind === 'Keep') {
      emit({ type: 'KeepEncodedMessage', data: { name: m.name.text } }, m.loc);
      scope.messages.add(m.name.text);
    }
  }
}

function callerRef(subject: Subject, scope: StepScope): CallerRef {
  const { resolver, at } = { resolver: scope.ctx.resolver, at: scope.ctx.resolver.at };
  switch (subject.kind) {
    case 'UserSubject':
      return { kind: 'user', arn: resolver.entity('user', subject.user, null).arn };
    case 'RootSubject':
      return { kind: 'root', account: resolver.account(subject.account).id };
    case 'KeptSubject': {
      const name = subject.name.text;
      if (!scope.kept.has(name)) {
        const suggestion = nearest(name, scope.kept);
        throw at.error(subject.name.loc, `no earlier step keeps credentials named ${name}`, {
          length: name.length,
          expected: scope.kept.size
            ? `credentials kept earlier: ${[...scope.kept].join(', ')}`
            : 'a name given by `keep credentials as NAME` in an earlier step (or `user A/N`, `root A`)',
          ...(suggestion ? { suggestion } : {}),
        });
      }
      return { kind: 'kept', name };
    }
    case 'PodSubject':
      return { kind: 'pod', pod: findPod(resolver.symbols.eks, subject.path, at).key };
    case 'ServiceSubject':
      return serviceCaller(subject, scope);
    case 'WorkloadSubject':
      return workloadCaller(subject, resolver);
    case 'AnonymousSubject':
      return { kind: 'anonymous' };
    default: {
      const unreachable: never = subject;
      throw new Error(`bug: unknown subject ${JSON.stringify(unreachable)}`);
    }
  }
}

/**
 * `as service NAME [source-account A] [source-arn ARN]`: the resource the service acts for. The
 * account is an ID (declared or not) or a declared account's name; an ARN that carries an account
 * must carry the same one, since the calling service passes the account of the ARN it sends (IAM
 * User Guide "AWS global condition context keys", aws:SourceAccount).
 */
function serviceCaller(subject: Extract<Subject, { kind: 'ServiceSubject' }>, scope: StepScope): CallerRef {
  const resolver = scope.ctx.resolver;
  const at = resolver.at;
  const accountText = subject.sourceAccount;
  let sourceAccount: string | null = null;
  if (accountText !== null) {
    const raw = accountText.text;
    const declared = resolver.symbols.byName.get(raw) ?? resolver.symbols.byId.get(raw);
    if (declared) sourceAccount = declared.id;
    else if (/^\d{12}$/.test(raw)) sourceAccount = raw;
    else {
      const suggestion = nearest(raw, resolver.symbols.byName.keys());
      throw at.error(accountText.loc, `source-account ${raw} is neither a declared account nor an account ID`, {
        length: raw.length,
        expected: `a 12-digit account ID or a declared account (${[...resolver.symbols.byName.keys()].join(', ') || 'none'})`,
        ...(suggestion ? { suggestion } : {}),
      });
    }
  }
  const arnText = subject.sourceArn;
  const sourceArn = arnText?.text ?? null;
  if (arnText !== null) {
    const fields = /^arn:[^:]+:[^:]+:[^:]*:([^:]*):./.exec(arnText.text);
    if (!fields || (fields[1] !== '' && !/^\d{12}$/.test(fields[1]!))) {
      throw at.error(arnText.loc, `source-arn ${arnText.text} is not an ARN`, {
        length: arnText.text.length,
        expected: 'the ARN of the resource the service acts for, such as arn:aws:s3:::bucket or arn:aws:sns:us-east-1:111122223333:topic',
      });
    }
    const arnAccount = fields[1]!;
    if (sourceAccount !== null && arnAccount !== '' && arnAccount !== sourceAccount) {
      throw at.error(accountText!.loc, `source-account ${sourceAccount} is not the account of source-arn ${arnText.text}`, {
        length: accountText!.text.length,
        expected: `${arnAccount}, the account in the source ARN (the calling service passes both from the same resource), or no source-account`,
      });
    }
  }
  return { kind: 'service', service: subject.service.text, sourceAccount, sourceArn };
}

function callData(call: CallDecl, caller: CallerRef, region: string, scope: StepScope) {
  const at = scope.ctx.resolver.at;
  const action = call.action.text;
  const m = /^([a-zA-Z0-9-]+):([A-Za-z0-9]+)$/.exec(action);
  if (!m) {
    throw at.error(call.action.loc, `"${action}" is not an API action`, {
      length: action.length,
      expected: 'service:Action, such as s3:PutObject or sts:AssumeRole',
    });
  }
  const portal = isPortalAction(action);
  if (!portal) checkCall(call, at);
  const s3 = m[1]!.toLowerCase() === 's3';
  const params: Record<string, ParamValue> = {};
  for (const entry of call.params ?? []) {
    const value = () => paramValue(entry.value, scope);
    params[entry.key.text] = s3 ? bucketParam(entry, scope.ctx.resolver, value) : value();
  }
  if (m[1]!.toLowerCase() === 'sts') checkStsCall(call, m[2]!, caller, params, at);
  if (m[1]!.toLowerCase() === 'iam') checkIamCall(call, at);
  if (portal) checkPortalCall(call, caller, at);
  let resource: string | null = null;
  if (call.resource) {
    resource = resourceArn(call.resource, scope.ctx);
    checkResource(resource, call.resource.loc, scope);
  }
  if (s3) checkS3Call(call, params, resource, scope.ctx.resolver);
  return { caller, action, resource, params, context: contextMap(call.context ?? [], scope), region };
}

function checkResource(arn: string, loc: Loc, scope: StepScope): void {
  const at = scope.ctx.resolver.at;
  if (arn === '*') return;
  if (!/^arn:aws[\w-]*:[a-z0-9-]+:[^:]*:[^:]*:.+$/.test(arn)) {
    throw at.error(loc, `"${arn}" is not a resource ARN`, {
      length: arn.length,
      expected: 'an ARN, `*`, or a reference such as bucket NAME or role A/N',
    });
  }
  // an ARN is taken as written: a bucket the scenario does not declare is another account's
  // (src/engine/resources/decide.ts)
}

function paramValue(v: Value, scope: StepScope): ParamValue {
  const { resolver, here } = scope.ctx;
  switch (v.kind) {
    case 'Text':
      return { t: 'text', v: v.text };
    case 'Ref':
      return { t: 'text', v: resolver.refArn(v.entity, v.target, here) };
    case 'List':
      return { t: 'list', items: v.items.map((i) => paramValue(i, scope)) };
    case 'Json':
      return { t: 'json', v: v.value };
    case 'Credentials':
      if (!scope.kept.has(v.name.text)) {
        throw resolver.at.error(v.name.loc, `no earlier step keeps credentials named ${v.name.text}`, {
          length: v.name.text.length,
          expected: 'a name given by `keep credentials as NAME` in an earlier step',
        });
      }
      return { t: 'credentials', name: v.name.text };
    case 'AccessToken':
      // the user signs in to the access portal: the token of that sign-in (src/engine/sso/ids.ts)
      return { t: 'text', v: accessTokenOf(v.name, scope) };
    case 'EncodedMessage':
      if (!scope.messages.has(v.name.text)) {
        const suggestion = nearest(v.name.text, scope.messages);
        throw resolver.at.error(v.name.loc, `no earlier step keeps an encoded message named ${v.name.text}`, {
          length: v.name.text.length,
          expected: scope.messages.size
            ? `encoded messages kept earlier: ${[...scope.messages].join(', ')}`
            : 'a name given by `keep encoded-message as NAME` in an earlier step',
          ...(suggestion ? { suggestion } : {}),
        });
      }
      return { t: 'encoded-message', name: v.name.text };
    case 'Env':
    case 'FileVar':
      if (!scope.pod) {
        throw resolver.at.error(
          v.loc,
          `\`${v.kind === 'Env' ? 'env' : 'file'} ${v.name.text}\` reads ${v.kind === 'Env' ? 'the environment' : 'a file'} of a pod, and this step's caller is not one`,
          { length: v.kind === 'Env' ? 3 : 4, expected: 'a step `as pod Account/cluster/namespace/pod`' },
        );
      }
      return v.kind === 'Env' ? { t: 'env', name: v.name.text } : { t: 'file', name: v.name.text };
    case 'OidcProviderForCluster':
      return { t: 'text', v: providerForCluster(v.cluster, scope.ctx) };
    case 'Token':
      return { t: 'token', spec: tokenSpec(v, scope.ctx) };
    case 'SamlAssertion':
      return { t: 'assertion', spec: samlAssertionSpec(v, scope.ctx) };
    default: {
      const unreachable: never = v;
      throw new Error(`bug: unknown value ${JSON.stringify(unreachable)}`);
    }
  }
}

export function contextMap(entries: readonly Entry[], scope: StepScope): Record<string, ContextValue> {
  const out: Record<string, ContextValue> = {};
  const text = (v: Value): string => {
    if (v.kind === 'Text') return v.text;
    if (v.kind === 'Ref') return scope.ctx.resolver.refArn(v.entity, v.target, scope.ctx.here);
    if (v.kind === 'Json' && (typeof v.value === 'string' || typeof v.value === 'number' || typeof v.value === 'boolean'))
      return String(v.value);
    throw scope.ctx.resolver.at.error(v.loc, 'a context value is text, or a list of text', {
      expected: 'a word, a quoted string or [a, b]',
    });
  };
  for (const e of entries) {
    const v = e.value;
    if (v.kind === 'List') out[e.key.text] = v.items.map(text);
    else if (v.kind === 'Json' && Array.isArray(v.value)) out[e.key.text] = v.value.map((x) => String(x));
    else out[e.key.text] = text(v);
  }
  return out;
}

function expectation(m: Expectation, scope: StepScope): { text: string; spec: ExpectationSpec } {
  const at = scope.ctx.resolver.at;
  switch (m.kind) {
    case 'ExpectWhoCan': {
      const resource = resourceArn(m.resource, scope.ctx);
      const refs = m.principals.map((r) => principalArn(r, ['user', 'role'], scope));
      const text = `expect who-can ${m.action.text} on ${resource} = [${m.principals.map(refText).join(', ')}]`;
      return { text, spec: { kind: 'who-can', action: m.action.text, resource, principals: refs } };
    }
    case 'ExpectPath': {
      const from = principalArn(m.from, ['user', 'role'], scope);
      const to = principalArn(m.to, ['role'], scope);
      const text = `expect ${m.exists ? '' : 'no '}path from ${refText(m.from)} to ${refText(m.to)}`;
      return { text, spec: { kind: 'path', from, to, exists: m.exists } };
    }
    case 'ExpectOutcome':
      return { text: `expect ${m.outcome}`, spec: { kind: 'outcome', outcome: m.outcome } };
    case 'ExpectError': {
      checkErrorCode(m.code, scope);
      const code = m.code.text;
      if (m.message === undefined) return { text: `expect error ${code}`, spec: { kind: 'error', code } };
      const { match, text } = m.message;
      return {
        text: `expect error ${code} message ${match === 'contains' ? 'contains ' : ''}${JSON.stringify(text.text)}`,
        spec: { kind: 'error', code, message: { match, text: text.text } },
      };
    }
    case 'ExpectDeniedBy': {
      if (!DENIED_BY.includes(m.by.text)) {
        const suggestion = nearest(m.by.text, DENIED_BY);
        throw at.error(m.by.loc, `"${m.by.text}" is not a kind of policy`, {
          length: m.by.text.length,
          expected: `one of ${DENIED_BY.join(', ')}`,
          ...(suggestion ? { suggestion } : {}),
        });
      }
      const name = m.name?.text ?? null;
      return { text: `expect denied by ${m.by.text}${name === null ? '' : ` ${name}`}`, spec: { kind: 'denied-by', by: m.by.text, name } };
    }
    case 'ExpectResponse': {
      const v = m.value;
      const value =
        v.kind === 'Text'
          ? v.text
          : v.kind === 'Ref'
            ? scope.ctx.resolver.refArn(v.entity, v.target, null)
            : v.kind === 'Json'
              ? typeof v.value === 'string'
                ? v.value
                : JSON.stringify(v.value)
              : null;
      if (value === null)
        throw at.error(v.loc, 'an expected response value is text', { expected: 'a word, a quoted string or a reference' });
      return { text: `expect response ${m.path.text} = ${JSON.stringify(value)}`, spec: { kind: 'response', path: m.path.text, value } };
    }
    default: {
      const unreachable: never = m;
      throw new Error(`bug: unknown expectation ${JSON.stringify(unreachable)}`);
    }
  }
}

/**
 * An expected error code must be one the modelled services return (src/engine/error-codes.ts):
 * a misspelt code would never match, and the expectation would fail for the wrong reason.
 */
function checkErrorCode(code: Text, scope: StepScope): void {
  if (KNOWN_ERROR_CODES.includes(code.text)) return;
  const suggestion = nearest(code.text, KNOWN_ERROR_CODES);
  throw scope.ctx.resolver.at.error(code.loc, `unknown error code ${code.text}`, {
    length: code.text.length + (code.quoted ? 2 : 0),
    expected: 'an error code the modelled services return, such as AccessDenied, AccessDeniedException or ValidationError',
    ...(suggestion ? { suggestion } : {}),
  });
}

type QuestionMember = Extract<Expectation, { kind: 'ExpectWhoCan' | 'ExpectPath' }>;

const isQuestion = (m: StepDecl['members'][number]): m is QuestionMember => m.kind === 'ExpectWhoCan' || m.kind === 'ExpectPath';

/**
 * A step that asks questions of the world instead of making a call: `expect who-can …` and
 * `expect [no] path …` only, answered on the world as the steps before left it.
 */
function questionStep(step: StepDecl, index: number, scope: StepScope, emit: Emit): void {
  const at = scope.ctx.resolver.at;
  for (const m of step.members) {
    if (isQuestion(m)) continue;
    const what = m.kind === 'As' ? 'who calls' : m.kind === 'Region' || m.kind === 'Via' ? 'how a call is sent' : 'what a call did';
    throw at.error(m.loc, `step "${step.title.text}" makes no call, so it cannot say ${what}`, {
      length: m.kind === 'As' ? 2 : m.kind === 'Via' ? 3 : m.kind === 'Keep' ? 4 : 6,
      expected: 'only `expect who-can …` and `expect [no] path from … to …` in a step without a call (or a `call …`)',
    });
  }
  emit({ type: 'StartStep', data: { index, title: step.title.text } }, step.loc);
  for (const m of step.members) {
    if (!isQuestion(m)) continue;
    const { text, spec } = expectation(m, scope);
    emit({ type: 'CheckExpectation', data: { text, spec } }, m.loc);
  }
}

/** A principal a question names: a reference to a user or a role of the world. */
function principalArn(ref: Ref, kinds: readonly ('user' | 'role')[], scope: StepScope): string {
  if (!(kinds as readonly string[]).includes(ref.entity)) {
    throw scope.ctx.resolver.at.error(ref.loc, `a ${ref.entity} is not a principal a question can name here`, {
      length: ref.entity.length,
      expected: kinds.length === 1 ? 'a role: `role ACCOUNT/NAME`' : 'a user or a role: `user ACCOUNT/NAME`, `role ACCOUNT/NAME`',
    });
  }
  return scope.ctx.resolver.refArn(ref.entity, ref.target, null);
}

const refText = (r: Ref): string => `${r.entity} ${r.target.text}`;
