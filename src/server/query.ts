// The AWS Query protocol of STS and IAM, as pure functions: an HTTP request (a POST with an
// application/x-www-form-urlencoded body, or a GET with a query string) becomes the action and the
// parameters the engine takes, and the engine's answer (a call record) becomes AWS's XML. The
// server (src/server) checks the signature and runs the call; nothing here does I/O.
//
// Sources: IAM User Guide "Calling the IAM API using HTTP query requests" (GET and POST for every
// action of IAM and STS, an `Action` parameter, an XML answer); AWS STS API Reference "Common
// Parameters" and "Common Errors" (https://docs.aws.amazon.com/STS/latest/APIReference/CommonErrors.html),
// IAM API Reference "Common Errors"; botocore's service models of STS and IAM (request members,
// result wrappers, error codes and statuses: query-model.ts). Where AWS is silent, the
// choice is written in docs/aws-rules.md ("The Query protocol of STS and IAM").
import type { ParamValue } from '../engine/call/command.js';
import type { CallRecord } from '../engine/call-record.js';
import { iamApiParams } from '../engine/iam/api/index.js';
import { STS_PARAMS, type StsAction } from '../engine/sts/catalogue.js';
import { errorStatus, isQueryOperation, memberShape, QUERY_SERVICES, queryServiceOfVersion, type QueryService } from './query-model.js';
import { xmlDocument } from './xml.js';

export { QUERY_SERVICES, queryServiceOfVersion, type QueryService } from './query-model.js';

/**
 * The largest request iamsim reads, in bytes of the body (and of the query string): 1 MiB. AWS
 * documents no limit for its Query APIs; the largest parameters of STS and IAM (a role's trust
 * policy, a web identity token, a policy version) are far below it.
 */
export const MAX_QUERY_BYTES = 1024 * 1024;

/** What the server received, as far as the Query protocol reads it. */
export interface QueryHttpRequest {
  readonly method: string;
  /** the URL's query string, without the `?` (empty when there is none) */
  readonly query: string;
  /** the Content-Type header, when there is one */
  readonly contentType?: string | undefined;
  /** the body as received (empty for a GET) */
  readonly body: Uint8Array;
}

/** An error as the Query protocol answers it: AWS's code and message. */
export interface QueryError {
  readonly code: string;
  readonly message: string;
}

/** A request read: what the engine is asked. */
export interface QueryRequest {
  readonly service: QueryService;
  readonly version: string;
  /** the operation as the request names it: `AssumeRole` */
  readonly operation: string;
  /** the action the engine runs and policies name: `sts:AssumeRole` */
  readonly action: string;
  /** the parameters, by the API's (and the engine's) names */
  readonly params: Readonly<Record<string, ParamValue>>;
  /**
   * whether the engine carries the action out; when not, the action is still authorized as any
   * request is, and an allowed one is answered NotImplemented (`refusal` says why, when iamsim
   * says more than "not yet")
   */
  readonly carriedOut: boolean;
  readonly refusal?: string;
  /**
   * the request's parameters that were not read, each as sent (`Foo`, `Tags.member.1.Colour`): a
   * name the action does not have, a list member of a scalar, a repeated name. AWS's Query services
   * do not refuse them; the trace can say they were ignored.
   */
  readonly ignored: readonly string[];
}

export type QueryParse =
  | { readonly ok: true; readonly request: QueryRequest }
  /** `service`: whose ErrorResponse to answer with (STS's when the request names neither) */
  | { readonly ok: false; readonly service: QueryService; readonly error: QueryError };

/** The request parameters of the Query protocol and Signature Version 4 that are no operation's. */
const COMMON = new Set([
  'Action',
  'Version',
  'X-Amz-Algorithm',
  'X-Amz-Credential',
  'X-Amz-Date',
  'X-Amz-Expires',
  'X-Amz-SignedHeaders',
  'X-Amz-Signature',
  'X-Amz-Security-Token',
]);

const NAME = /^[A-Za-z][A-Za-z0-9]*$/;

/**
 * Reads a Query request. `service` is the service the request is addressed to, when the server
 * knows it (the signature's credential scope); null when it does not (an unsigned request), and
 * then `Version` says which.
 */
/**
 * The name/value pairs of a Query-protocol request, in the order sent: the query string's, then a
 * form-encoded POST body's; the text of MalformedQueryString when they cannot be decoded.
 */
export function queryPairs(http: QueryHttpRequest): [string, string][] | string {
  const pairs: [string, string][] = [];
  const fromUrl = decodeForm(http.query);
  if (typeof fromUrl === 'string') return fromUrl;
  pairs.push(...fromUrl);
  if (http.method.toUpperCase() === 'POST' && isForm(http.contentType) && http.body.byteLength > 0) {
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(http.body);
    } catch {
      return 'The request body is not UTF-8.';
    }
    const fromBody = decodeForm(text);
    if (typeof fromBody === 'string') return fromBody;
    pairs.push(...fromBody);
  }
  return pairs;
}

export function parseQueryRequest(http: QueryHttpRequest, service: QueryService | null): QueryParse {
  const fail = (code: string, message: string, to: QueryService | null = service): QueryParse => ({
    ok: false,
    service: to ?? 'sts',
    error: { code, message },
  });
  if (http.body.byteLength > MAX_QUERY_BYTES || http.query.length > MAX_QUERY_BYTES) {
    return fail('RequestEntityTooLarge', `The request is larger than iamsim reads (${MAX_QUERY_BYTES} bytes).`);
  }
  const pairs = queryPairs(http);
  if (typeof pairs === 'string') return fail('MalformedQueryString', pairs);

  const first = new Map<string, string>();
  const ignored: string[] = [];
  for (const [name, value] of pairs) {
    if (first.has(name)) ignored.push(name);
    else first.set(name, value);
  }
  const operation = first.get('Action');
  const version = first.get('Version');
  if (operation === undefined || operation === '')
    return fail('MissingAction', 'The request is missing an action or a required parameter.');
  if (version === undefined || version === '') return fail('MissingParameter', 'The request must contain the parameter Version.');
  const to = service ?? queryServiceOfVersion(version);
  if (to === null || QUERY_SERVICES[to].version !== version || !isQueryOperation(to, operation)) {
    return fail('InvalidAction', `Could not find operation ${operation} for version ${version}`, to);
  }

  const members = new Map<string, [string, string][]>();
  for (const [name, value] of first) {
    if (COMMON.has(name)) continue;
    const top = name.split('.', 1)[0]!;
    let list = members.get(top);
    if (list === undefined) members.set(top, (list = []));
    list.push([name, value]);
  }

  const known = knownParams(to, operation);
  const params: Record<string, ParamValue> = {};
  for (const [top, sent] of members) {
    // AWS's member names are letters and digits; anything else (`__proto__`) names no parameter
    if (!NAME.test(top) || (known !== null && !known.names.includes(top))) {
      ignored.push(...sent.map(([k]) => k));
      continue;
    }
    if (known !== null && known.later.includes(top)) {
      return fail('NotImplemented', `iamsim does not support the parameter ${top} of ${operation} yet.`, to);
    }
    const value = readMember(to, top, sent, known !== null, ignored);
    if (value !== null) params[top] = value;
  }

  const request: QueryRequest = {
    service: to,
    version,
    operation,
    action: `${to}:${operation}`,
    params,
    carriedOut: known?.carriedOut ?? false,
    ...(known?.refusal === undefined ? {} : { refusal: known.refusal }),
    ignored,
  };
  return { ok: true, request };
}

/** Whether a Content-Type is the form encoding (parameters such as `; charset=utf-8` allowed). */
function isForm(contentType: string | undefined): boolean {
  return contentType !== undefined && contentType.split(';', 1)[0]!.trim().toLowerCase() === 'application/x-www-form-urlencoded';
}

/**
 * `a=1&b=x%20y` as its name–value pairs, decoded as the form encoding is (`+` is a space, `%XX`
 * a byte of UTF-8); an error text for a percent sign not followed by two hex digits or bytes that
 * are not UTF-8.
 */
export function decodeForm(text: string): [string, string][] | string {
  const out: [string, string][] = [];
  for (const part of text.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const rawName = eq < 0 ? part : part.slice(0, eq);
    const rawValue = eq < 0 ? '' : part.slice(eq + 1);
    try {
      out.push([decodeURIComponent(rawName.replace(/\+/g, ' ')), decodeURIComponent(rawValue.replace(/\+/g, ' '))]);
    } catch {
      return `The parameter ${JSON.stringify(rawName.slice(0, 100))} is not correctly percent-encoded UTF-8.`;
    }
  }
  return out;
}

interface KnownParams {
  readonly names: readonly string[];
  /** parameters AWS has that iamsim refuses as not supported yet */
  readonly later: readonly string[];
  readonly carriedOut: boolean;
  readonly refusal?: string;
}

/** The parameters of an operation iamsim knows (STS's, and IAM's it carries out); null for the others. */
function knownParams(service: QueryService, operation: string): KnownParams | null {
  if (service === 'sts') {
    const spec = STS_PARAMS[operation as StsAction];
    return {
      names: [...spec.ready, ...spec.later],
      later: spec.supported ? spec.later : [],
      carriedOut: spec.supported,
      ...(spec.refusal === undefined ? {} : { refusal: spec.refusal }),
    };
  }
  const names = iamApiParams(`iam:${operation}`);
  return names === null ? null : { names, later: [], carriedOut: true };
}

// --- one member, from its keys: `Tags.member.1.Key` … -------------------------------------------

/** The keys of one top-level member as a tree: `member` and an index make list items. */
interface Tree {
  value?: string;
  /** the key as sent, for the list of ignored parameters */
  readonly key: string;
  readonly children: Map<string, Tree>;
}

function treeOf(top: string, sent: readonly [string, string][]): Tree {
  const root: Tree = { key: top, children: new Map() };
  for (const [key, value] of sent) {
    let at = root;
    const path = key.split('.').slice(1);
    path.forEach((segment, i) => {
      let next = at.children.get(segment);
      if (next === undefined) at.children.set(segment, (next = { key: [top, ...path.slice(0, i + 1)].join('.'), children: new Map() }));
      at = next;
    });
    at.value = value;
  }
  return root;
}

function keysOf(tree: Tree): string[] {
  return [...(tree.value === undefined ? [] : [tree.key]), ...[...tree.children.values()].flatMap(keysOf)];
}

const INDEX = /^[1-9][0-9]{0,5}$/;

/** A list's items in the order of their indexes (1, 2, …; gaps are closed), or null when the tree is no list. */
function itemsOf(tree: Tree, ignored: string[]): Tree[] | null {
  const member = tree.children.get('member');
  if (member === undefined || tree.children.size !== 1 || member.value !== undefined) return null;
  const items: [number, Tree][] = [];
  for (const [index, item] of member.children) {
    if (INDEX.test(index)) items.push([Number(index), item]);
    else ignored.push(...keysOf(item));
  }
  return items.sort((a, b) => a[0] - b[0]).map(([, item]) => item);
}

/** A scalar's text, or null (its keys ignored) when the tree has children. */
function scalarOf(tree: Tree, ignored: string[]): string | null {
  if (tree.children.size > 0) {
    ignored.push(...[...tree.children.values()].flatMap(keysOf));
    return tree.value ?? null;
  }
  return tree.value ?? null;
}

/** A structure's members as the engine reads them (`{Key, Value}`), unknown members ignored. */
function structureOf(tree: Tree, members: readonly string[], ignored: string[]): Record<string, string> {
  if (tree.value !== undefined) ignored.push(tree.key);
  const out: Record<string, string> = {};
  for (const [name, child] of tree.children) {
    if (!members.includes(name)) {
      ignored.push(...keysOf(child));
      continue;
    }
    const text = scalarOf(child, ignored);
    if (text !== null) out[name] = text;
  }
  return out;
}

/**
 * One member as the engine's parameter: a scalar as text, a list of scalars as a list of text, a
 * list of structures or a structure as the JSON the API's shape has (`[{"Key": "k", "Value": "v"}]`,
 * `[{"arn": "…"}]`), which is what a scenario writes with `json`. An empty list is sent as the bare
 * name with no value (`Tags=`). For an operation whose parameters iamsim does not know, the shape
 * is read from the keys.
 */
function readMember(
  service: QueryService,
  top: string,
  sent: readonly [string, string][],
  known: boolean,
  ignored: string[],
): ParamValue | null {
  const tree = treeOf(top, sent);
  if (!known) return generic(tree);
  const shape = memberShape(service, top);
  if (shape === null) {
    const text = scalarOf(tree, ignored);
    return text === null ? null : { t: 'text', v: text };
  }
  if (shape.kind === 'structure') {
    if (tree.children.size === 0) return tree.value === undefined ? null : ignore(tree, ignored);
    return { t: 'json', v: structureOf(tree, shape.members, ignored) };
  }
  if (tree.children.size === 0) {
    // `Tags=`: the Query protocol's empty list
    if (tree.value === '') return shape.kind === 'list' ? { t: 'list', items: [] } : { t: 'json', v: [] };
    return ignore(tree, ignored);
  }
  const items = itemsOf(tree, ignored);
  if (items === null) return ignore(tree, ignored);
  if (tree.value !== undefined) ignored.push(tree.key);
  if (shape.kind === 'list') {
    const texts = items.map((item) => scalarOf(item, ignored)).filter((t): t is string => t !== null);
    return { t: 'list', items: texts.map((v) => ({ t: 'text', v })) };
  }
  return { t: 'json', v: items.map((item) => structureOf(item, shape.members, ignored)) };
}

function ignore(tree: Tree, ignored: string[]): null {
  ignored.push(...keysOf(tree));
  return null;
}

/** A member of an operation iamsim does not know, read by its keys alone. */
function generic(tree: Tree): ParamValue {
  const v = jsonOf(tree);
  if (typeof v === 'string') return { t: 'text', v };
  if (Array.isArray(v) && v.every((x): x is string => typeof x === 'string'))
    return { t: 'list', items: v.map((x) => ({ t: 'text', v: x })) };
  return { t: 'json', v };
}

function jsonOf(tree: Tree): unknown {
  if (tree.children.size === 0) return tree.value ?? '';
  const items = itemsOf(tree, []);
  if (items !== null) return items.map(jsonOf);
  return Object.fromEntries([...tree.children].map(([name, child]) => [name, jsonOf(child)]));
}

// --- answers ------------------------------------------------------------------------------------

/** An answer: its HTTP status, headers (Content-Length is the server's) and XML body. */
export interface QueryHttpResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

function headers(requestId: string): Record<string, string> {
  return { 'content-type': 'text/xml', 'x-amzn-requestid': requestId };
}

/**
 * A successful call: `<OperationResponse xmlns=…><OperationResult>…</OperationResult>
 * <ResponseMetadata><RequestId>…</RequestId></ResponseMetadata></OperationResponse>`. The result is
 * the call record's response, whose members are the API's; an operation with no output (botocore:
 * no `output`, such as DeleteRole) has an empty response and no Result element.
 */
export function renderQueryResult(
  service: QueryService,
  operation: string,
  response: Readonly<Record<string, unknown>> | null,
  requestId: string,
): QueryHttpResponse {
  const result = response !== null && Object.keys(response).length > 0 ? { [`${operation}Result`]: response } : {};
  const body = xmlDocument(`${operation}Response`, QUERY_SERVICES[service].xmlns, {
    ...result,
    ResponseMetadata: { RequestId: requestId },
  });
  return { status: 200, headers: headers(requestId), body };
}

/**
 * An error: `<ErrorResponse xmlns=…><Error><Type>Sender|Receiver</Type><Code>…</Code>
 * <Message>…</Message></Error><RequestId>…</RequestId></ErrorResponse>`, with the HTTP status AWS
 * answers the code with (a 5xx is the Receiver's fault, any other the Sender's).
 */
export function renderQueryError(service: QueryService, error: QueryError, requestId: string): QueryHttpResponse {
  const status = errorStatus(error.code);
  const body = xmlDocument('ErrorResponse', QUERY_SERVICES[service].xmlns, {
    Error: { Type: status >= 500 ? 'Receiver' : 'Sender', Code: error.code, Message: error.message },
    RequestId: requestId,
  });
  return { status, headers: headers(requestId), body };
}

/** The answer to a request the engine decided: its call record's response, or its error. */
export function renderCallRecord(service: QueryService, operation: string, call: CallRecord, requestId: string): QueryHttpResponse {
  if (call.outcome === 'allowed') return renderQueryResult(service, operation, call.response, requestId);
  const error = call.error ?? { code: 'InternalFailure', message: `iamsim recorded the call as ${call.outcome} without an error` };
  return renderQueryError(service, error, requestId);
}

/**
 * The answer to a request read by parseQueryRequest once the engine has decided it: the call
 * record's (renderCallRecord), except that an allowed request of an action the engine does not
 * carry out is answered NotImplemented, naming the decision, never with a made-up success.
 */
export function renderQueryAnswer(request: QueryRequest, call: CallRecord, requestId: string): QueryHttpResponse {
  if (!request.carriedOut && call.outcome === 'allowed') {
    const why = request.refusal === undefined ? ' yet' : `: ${request.refusal}`;
    const message = `The request is allowed (decision ${call.decision ?? 'Allow'}), but iamsim does not carry out ${request.action}${why}.`;
    return renderQueryError(request.service, { code: 'NotImplemented', message }, requestId);
  }
  return renderCallRecord(request.service, request.operation, call, requestId);
}
