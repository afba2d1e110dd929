// `simulate serve` for every service it does not carry out (docs/serve.md, "Every other service"):
// a request of a JSON-protocol service (an X-Amz-Target header, `Service_Version.Operation`) or of a
// Query-protocol service other than STS and IAM (`Action=…`, SNS, EC2) is authorized by the engine
// as `service:Operation`, as a scenario's `call` is, and answered either with that service's denial
// (its AccessDenied shape and code) or, when allowed, with an honest NotImplemented naming the
// decision: iamsim models the decision, not the service, and never makes up a success. REST
// services (Lambda, S3's own protocol, API Gateway) name their operation by method and path and are
// not read here.
//
// Sources: Smithy, "AWS JSON 1.0 protocol" / "AWS JSON 1.1 protocol" (X-Amz-Target, the Content-Type,
// errors as `{"__type": …, "message": …}` with X-Amzn-ErrorType;
// https://smithy.io/2.0/aws/protocols/aws-json-1_1-protocol.html); Smithy, "AWS query protocol" and
// "Amazon EC2 query protocol" (the ErrorResponse and the EC2 `<Response><Errors>` shapes;
// https://smithy.io/2.0/aws/protocols/aws-ec2-query-protocol.html); each service's Common Errors
// (AccessDeniedException 400, SerializationException 400, UnknownOperationException 400 for JSON;
// InvalidAction 400, MissingAction 400 for Query; NotImplemented 501). The denial codes are the
// engine's (src/engine/resources/owner.ts, accessDeniedCode): SNS AuthorizationError (403), EC2
// UnauthorizedOperation (403), AccessDeniedException elsewhere.
import type { CallerRef, ParamValue } from '../engine/call/command.js';
import type { CallRecord } from '../engine/call-record.js';
import type { CommandEnvelope, LoggedEvent } from '../engine/events.js';
import { project } from '../trace/project.js';
import { lookupAction } from '../catalogue/actions.js';
import { MAX_QUERY_BYTES, queryPairs, type QueryHttpResponse } from './query.js';
import { xmlDocument } from './xml.js';
import { verifySigV4, type CredentialsLookup } from './sigv4.js';

/** The services `simulate serve` answers itself (query.ts, and S3's own part): never read here. */
const OWN = new Set(['sts', 'iam', 's3']);

/** Signing names that are not the service's prefix in IAM policies. */
const PREFIX: Readonly<Record<string, string>> = { monitoring: 'cloudwatch', email: 'ses' };

/** How a request names its operation: an X-Amz-Target header (JSON) or an Action parameter (Query). */
export type Protocol = 'json' | 'query';

/**
 * Whether the request is another service's, and which protocol it speaks: a request signed for STS,
 * IAM or S3 is theirs (the server's own parts), whatever its headers; otherwise a JSON request has
 * an X-Amz-Target header, and a Query request is signed for another service. null: the server's
 * own parts answer it (an unsigned request without X-Amz-Target among them).
 */
export function otherProtocol(headers: Readonly<Record<string, string | string[] | undefined>>, signedFor: string | null): Protocol | null {
  if (signedFor !== null && OWN.has(signedFor)) return null;
  if (headers['x-amz-target'] !== undefined) return 'json';
  return signedFor === null ? null : 'query';
}

/** The service a request's credential scope names (KEY/DATE/REGION/SERVICE/aws4_request), from the header or a presigned query. */
export function signedService(authorization: string | undefined, query: string): string | null {
  let credential = /Credential=([^,\s]+)/.exec(authorization ?? '')?.[1];
  if (credential === undefined) {
    const param = /(?:^|&)X-Amz-Credential=([^&]*)/i.exec(query)?.[1];
    if (param !== undefined) {
      try {
        credential = decodeURIComponent(param);
      } catch {
        credential = param;
      }
    }
  }
  return credential?.split('/')[3] ?? null;
}

/** What the server hands this part: the request as received, and how to run a step. */
export interface OtherServiceContext {
  readonly protocol: Protocol;
  readonly method: string;
  readonly path: string;
  readonly query: string;
  readonly headers: readonly [string, string][];
  readonly contentType: string | undefined;
  readonly target: string | undefined;
  readonly body: Uint8Array;
  readonly lookup: CredentialsLookup;
  readonly now: Date;
  readonly requestId: string;
  /** runs the Call as a step of its own (the server's clock and step numbering) and gives its call record */
  readonly run: (call: StepCall) => Promise<CallRecord | null>;
  /** the body was larger than the server reads */
  readonly tooLarge: boolean;
  /** a request refused before the engine: said and recorded by the server */
  readonly refused: (service: string, code: string, message: string) => Promise<void>;
}

/** An error as one of these services answers it. */
export interface OtherError {
  readonly code: string;
  readonly message: string;
  readonly status: number;
}

const STATUS: Readonly<Record<string, number>> = {
  AccessDeniedException: 400,
  AuthorizationError: 403,
  UnauthorizedOperation: 403,
  AccessDenied: 403,
  NotImplemented: 501,
  InternalFailure: 500,
  RequestEntityTooLarge: 413,
  MissingAuthenticationToken: 403,
  InvalidClientTokenId: 403,
  SignatureDoesNotMatch: 403,
  ExpiredToken: 403,
  ExpiredTokenException: 400,
};

function statusOf(code: string): number {
  return STATUS[code] ?? 400;
}

/** The JSON protocol's error: `{"__type": CODE, "message": …}`, X-Amzn-ErrorType, application/x-amz-json-1.x. */
export function renderJsonError(error: OtherError, requestId: string, version: '1.0' | '1.1' = '1.1'): QueryHttpResponse {
  return {
    status: error.status,
    headers: {
      'content-type': `application/x-amz-json-${version}`,
      'x-amzn-requestid': requestId,
      'x-amzn-errortype': error.code,
    },
    body: JSON.stringify({ __type: error.code, message: error.message }),
  };
}

/**
 * The Query protocol's error: EC2's `<Response><Errors><Error>…</Error></Errors><RequestID>…`, any
 * other service's `<ErrorResponse><Error><Type>…</Type><Code>…</Code><Message>…</Message></Error>
 * <RequestId>…</RequestId></ErrorResponse>`.
 */
export function renderOtherQueryError(service: string, version: string, error: OtherError, requestId: string): QueryHttpResponse {
  const headers = { 'content-type': 'text/xml', 'x-amzn-requestid': requestId };
  if (service === 'ec2') {
    const body = xmlDocument('Response', `http://ec2.amazonaws.com/doc/${version || '2016-11-15'}/`, {
      Errors: { Error: { Code: error.code, Message: error.message } },
      RequestID: requestId,
    });
    return { status: error.status, headers, body };
  }
  const body = xmlDocument('ErrorResponse', `http://${service}.amazonaws.com/doc/${version}/`, {
    Error: { Type: error.status >= 500 ? 'Receiver' : 'Sender', Code: error.code, Message: error.message },
    RequestId: requestId,
  });
  return { status: error.status, headers, body };
}

const JSON_TYPE = /^application\/x-amz-json-(1\.[01])$/;

/** A request read: the action the engine authorizes and its parameters. */
interface OtherRequest {
  readonly service: string;
  readonly version: string;
  readonly action: string;
  readonly params: Record<string, ParamValue>;
  readonly resource: string | null;
}

type Read = { readonly ok: true; readonly request: OtherRequest } | { readonly ok: false; readonly error: OtherError };

const fail = (code: string, message: string): Read => ({ ok: false, error: { code, message, status: statusOf(code) } });

/** A JSON request: `X-Amz-Target: Prefix_Version.Operation`, a JSON object as its body. */
function readJson(service: string, target: string, contentType: string | undefined, body: Uint8Array): Read {
  const type = (contentType ?? '').split(';', 1)[0]!.trim().toLowerCase();
  if (!JSON_TYPE.test(type))
    return fail('SerializationException', `The Content-Type ${JSON.stringify(type)} is not application/x-amz-json-1.0 or 1.1.`);
  const dot = target.lastIndexOf('.');
  const operation = dot < 0 ? '' : target.slice(dot + 1);
  const known = operation === '' ? null : lookupAction(`${service}:${operation}`);
  if (known === null || !known.known) return fail('UnknownOperationException', `iamsim knows no operation ${target} of ${service}.`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
  } catch {
    return fail('SerializationException', 'The request body is not UTF-8.');
  }
  let value: unknown;
  try {
    value = text.trim() === '' ? {} : JSON.parse(text);
  } catch (e) {
    return fail('SerializationException', `The request body is not JSON: ${(e as Error).message}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return fail('SerializationException', 'The request body is not a JSON object.');
  const params: Record<string, ParamValue> = {};
  for (const [name, v] of Object.entries(value)) {
    if (!/^[A-Za-z][A-Za-z0-9]*$/.test(name)) continue;
    params[name] = typeof v === 'string' ? { t: 'text', v } : { t: 'json', v };
  }
  const action = `${known.service}:${known.action}`;
  return { ok: true, request: { service, version: '', action, params, resource: resourceOf(action, params) } };
}

/** A Query request of another service: `Action` and `Version`, its parameters as sent (`Attributes.entry.1.key`). */
function readQuery(service: string, method: string, query: string, contentType: string | undefined, body: Uint8Array): Read {
  const pairs = queryPairs({ method, query, contentType, body });
  if (typeof pairs === 'string') return fail('MalformedQueryString', pairs);
  const first = new Map<string, string>();
  for (const [name, value] of pairs) if (!first.has(name)) first.set(name, value);
  const operation = first.get('Action') ?? '';
  const version = first.get('Version') ?? '';
  if (operation === '') return fail('MissingAction', 'The request is missing an action or a required parameter.');
  const known = lookupAction(`${service}:${operation}`);
  if (!known.known || !/^[A-Za-z][A-Za-z0-9]*$/.test(operation))
    return fail('InvalidAction', `Could not find operation ${operation} for version ${version}`);
  const params: Record<string, ParamValue> = {};
  for (const [name, value] of first) {
    if (name === 'Action' || name === 'Version' || name.startsWith('X-Amz-') || !/^[A-Za-z][A-Za-z0-9.]*$/.test(name)) continue;
    params[name] = { t: 'text', v: value };
  }
  const action = `${known.service}:${known.action}`;
  return { ok: true, request: { service, version, action, params, resource: resourceOf(action, params) } };
}

/**
 * The resource a request names, where it is an ARN given as such: SNS's TopicArn or TargetArn,
 * Secrets Manager's SecretId when it is an ARN. KMS's KeyId is read by the engine itself
 * (src/engine/resources/kms.ts). Anything else is authorized on `*`.
 */
function resourceOf(action: string, params: Readonly<Record<string, ParamValue>>): string | null {
  const prefix = action.slice(0, action.indexOf(':'));
  const names = prefix === 'sns' ? ['TopicArn', 'TargetArn'] : prefix === 'secretsmanager' ? ['SecretId'] : [];
  for (const name of names) {
    const value = params[name];
    if (value?.t === 'text' && value.v.startsWith('arn:')) return value.v;
  }
  return null;
}

/** Verifies, reads, runs and answers a request of a service iamsim does not carry out. */
export async function answerOtherService(ctx: OtherServiceContext): Promise<QueryHttpResponse> {
  const headerValue = (name: string): string | undefined => ctx.headers.find(([k]) => k.toLowerCase() === name)?.[1];
  const signed = signedService(headerValue('authorization'), ctx.query);
  const service = signed ?? targetService(ctx.target);
  const prefix = PREFIX[service] ?? service;
  const jsonVersion = JSON_TYPE.exec((ctx.contentType ?? '').split(';', 1)[0]!.trim().toLowerCase())?.[1] === '1.0' ? '1.0' : '1.1';
  let version = '';
  const answer = (error: OtherError): QueryHttpResponse =>
    ctx.protocol === 'json'
      ? renderJsonError(error, ctx.requestId, jsonVersion)
      : renderOtherQueryError(service, version, error, ctx.requestId);
  const refuse = async (error: OtherError): Promise<QueryHttpResponse> => {
    await ctx.refused(service, error.code, error.message);
    return answer(error);
  };
  if (ctx.tooLarge) {
    return refuse({
      code: 'RequestEntityTooLarge',
      message: `The request is larger than iamsim reads (${MAX_QUERY_BYTES} bytes).`,
      status: 413,
    });
  }
  const verified = await verifySigV4(
    { method: ctx.method, path: ctx.path, query: ctx.query, headers: ctx.headers, body: ctx.body },
    { lookup: ctx.lookup, now: ctx.now, service },
  );
  if (!verified.ok) return refuse({ code: verified.code, message: verified.message, status: verified.status });
  const read =
    ctx.protocol === 'json'
      ? readJson(prefix, ctx.target ?? '', ctx.contentType, ctx.body)
      : readQuery(prefix, ctx.method, ctx.query, ctx.contentType, ctx.body);
  if (!read.ok) return refuse(read.error);
  const request = read.request;
  version = request.version;
  const call = await ctx.run({
    caller: { kind: 'key', accessKeyId: verified.accessKeyId },
    action: request.action,
    resource: request.resource,
    params: request.params,
    region: verified.region,
  });
  if (call === null) return answer({ code: 'InternalFailure', message: `iamsim made no call for ${request.action}`, status: 500 });
  if (call.outcome === 'allowed') {
    const message = `The request is allowed (decision ${call.decision ?? 'Allow'} on ${call.resource}), but iamsim does not carry out ${request.action}: it decides who may call it, and keeps no ${prefix} data.`;
    return answer({ code: 'NotImplemented', message, status: 501 });
  }
  const error = call.error ?? { code: 'InternalFailure', message: `iamsim recorded the call as ${call.outcome} without an error` };
  return answer({ code: error.code, message: error.message, status: statusOf(error.code) });
}

/** The signing name a JSON target's prefix suggests when the request carries no signature (for the error's shape only). */
function targetService(target: string | undefined): string {
  const prefix = (target ?? '').split('.', 1)[0]!.split('_', 1)[0]!.toLowerCase();
  return prefix === '' ? 'unknown' : prefix;
}

/** A Call to run as a step of its own, as the server runs every request. */
export interface StepCall {
  readonly caller: CallerRef;
  readonly action: string;
  readonly resource: string | null;
  readonly params: Record<string, ParamValue>;
  readonly region: string;
}

/**
 * The commands of a request's step: the clock moved to the wall clock (when it is ahead), the step
 * (`title`), and its Call, as the server builds them for STS and IAM.
 */
export function stepCommands(clock: string, now: Date, step: number, title: string, call: StepCall): CommandEnvelope[] {
  const commands = toWallClock(clock, now);
  const meta = { step };
  commands.push(
    { command: { type: 'StartStep', data: { index: step, title } }, meta },
    { command: { type: 'Call', data: { ...call, context: {} } }, meta },
  );
  return commands;
}

/** The world's clock moved to the wall clock, when the wall clock is later (docs/serve.md, "The wall clock"). */
function toWallClock(clock: string, now: Date): CommandEnvelope[] {
  const seconds = Math.floor((now.getTime() - Date.parse(clock)) / 1000);
  return seconds > 0 ? [{ command: { type: 'AdvanceClock', data: { seconds, text: 'until the wall clock' } }, meta: {} }] : [];
}

/** The step's call as the trace shows it (a call record also sits in the events of hops before it). */
export function stepCall(events: readonly LoggedEvent[]): CallRecord | null {
  const made = project(events).items.find((item) => item.kind === 'step');
  return made?.kind === 'step' ? (made.call ?? null) : null;
}

/**
 * The commands that record a request refused before the engine (RequestRefused): the clock moved to
 * the wall clock first, as for a step, so that the entry carries the time it was answered.
 */
export function refusalCommands(
  clock: string,
  now: Date,
  data: { method: string; path: string; service: string; code: string; message: string; from: string },
): CommandEnvelope[] {
  return [...toWallClock(clock, now), { command: { type: 'RefuseRequest', data }, meta: {} }];
}
