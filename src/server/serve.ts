// `simulate serve`: the world as AWS's STS and IAM endpoints (docs/serve.md). Each request, in the
// order it arrived, is read (1 MiB at most), its Signature Version 4 checked with the world's keys
// (sigv4.ts), its parameters read by the Query protocol (query.ts), then run by the engine as a step
// of the scenario: the clock moved to the wall clock, a StepStarted naming the request, and the Call
// signed by the request's access key. The step's call record is the answer (renderQueryAnswer).
// There is one engine loop: each request's commands are run from the world the last one left.
// A request signed for S3 is read by its REST protocol and carried out on objects in memory (s3.ts).
// The access portal's API (sso:GetRoleCredentials and its lists) is answered by sso-portal.ts.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CallerRef } from '../engine/call/command.js';
import type { CallRecord } from '../engine/call-record.js';
import type { CommandEnvelope, LoggedEvent } from '../engine/events.js';
import { secretAccessKey, sessionToken } from '../engine/ids.js';
import { runScenario, type TokenSource } from '../engine/run-scenario.js';
import { createKeyring, type Keyring } from '../engine/tokens/keyring.js';
import type { RunResult } from '../engine/run.js';
import type { World } from '../engine/world.js';
import {
  MAX_QUERY_BYTES,
  parseQueryRequest,
  renderQueryAnswer,
  renderQueryError,
  type QueryHttpResponse,
  type QueryService,
} from './query.js';
import {
  answerOtherService,
  otherProtocol,
  signedService,
  refusalCommands,
  stepCall,
  stepCommands,
  type StepCall,
} from './other-services.js';
import {
  answersBySimulation,
  answerSimulateCustomPolicy,
  answerSimulatePrincipalPolicy,
  simulationInvalid,
  simulationResource,
} from './simulate-policy.js';
import { requestId } from './request-id.js';
import { verifySigV4, type KeyRecord } from './sigv4.js';
import { workloadEndpoints } from './workloads.js';
import { answerS3, isS3Request, MAX_OBJECT_BYTES, objectStore, type S3HttpResponse } from './s3.js';
import { writeCredentials } from './credentials-file.js';
import { isPortalRequest, portalCall, portalError, renderPortalAnswer } from './sso-portal.js';

export interface ServeOptions {
  /** 0: the system picks a free port */
  readonly port: number;
  /** 127.0.0.1 unless another address is asked for */
  readonly host?: string;
  /** where to write an AWS shared credentials file with a profile per IAM user that has an access key */
  readonly credentials?: string | null;
  /** called with the events of each request (and of the keys serve gives), before it is answered */
  readonly onEvents?: (events: readonly LoggedEvent[]) => void;
  /** a line for the person running the server (a refused request, a request not run) */
  readonly onNotice?: (line: string) => void;
  /** the EC2 instance (ACCOUNT/NAME) whose instance metadata service answers at /latest/ (workloads.ts) */
  readonly instance?: string | null;
  /** the wall clock (tests may set it) */
  readonly now?: () => Date;
}

export interface RunningServer {
  /** http://HOST:PORT */
  readonly url: string;
  /** every event so far: the loaded run's, then each request's */
  readonly events: () => readonly LoggedEvent[];
  /** the world as the last request left it */
  readonly world: () => World;
  /**
   * the keys of the world's token issuers and SAML identity providers, made once for the server:
   * every request is checked with them, and the token and assertion files it writes are signed
   * with them (keyring.ts gives each issuer a pair of its own)
   */
  readonly keys: Keyring;
  /** stops listening, lets the requests already received finish, and ends */
  readonly close: () => Promise<void>;
}

/** The title of the step in which serve gives keyless users the key `as user` stands for. */
export const KEYS_STEP_TITLE = 'simulate serve gives each IAM user declared without an access key the key it signs with';

/**
 * Starts serving the world a run left (`loaded`: the file's declarations and steps, run with
 * detail). Users the world declares without an access key, and that never had one, first get one,
 * as iam:CreateAccessKey would mint it, in a step of its own.
 */
export async function startServer(loaded: RunResult, options: ServeOptions): Promise<RunningServer> {
  const log: LoggedEvent[] = [...loaded.events];
  let world = loaded.world;
  let step = Math.max(0, ...log.filter((e) => e.type === 'StepStarted').map((e) => (e.data as { index: number }).index));
  const now = options.now ?? (() => new Date());
  const notice = options.onNotice ?? (() => {});
  const seed = world.scenario.seed;
  let credentialsReady = false;
  // one keyring for the server's life: a keyring hands out its pairs in the order issuers ask, so a
  // keyring per request could give IdP B the pair IdP A signed with in another (and jose's keys
  // would be made again for each request)
  const keys = createKeyring();
  let tokenService: ReturnType<TokenSource> | undefined;
  const tokens: TokenSource = () => (tokenService ??= import('../engine/tokens/prepare.js').then((m) => m.createTokenService(keys)));

  const append = async (commands: CommandEnvelope[]): Promise<readonly LoggedEvent[]> => {
    const result = await runScenario(commands, world, undefined, tokens);
    const keysChanged = result.world.iam.accessKeys !== world.iam.accessKeys;
    world = result.world;
    // a key created, deleted, activated or deactivated by a request: the credentials file follows it
    if (keysChanged && credentialsReady && options.credentials) writeCredentials(options.credentials, world);
    log.push(...result.events);
    options.onEvents?.(result.events);
    return result.events;
  };

  const keyless = Object.values(world.iam.users).filter((u) => u.accessKeys.length === 0 && (world.iam.keysMinted[u.arn] ?? 0) === 0);
  if (keyless.length > 0) {
    const meta = { step: ++step };
    await append([
      { command: { type: 'StartStep', data: { index: step, title: KEYS_STEP_TITLE } }, meta },
      ...keyless.map((u): CommandEnvelope => ({ command: { type: 'CreateAccessKey', data: { user: u.arn } }, meta })),
    ]);
  }
  if (options.credentials) writeCredentials(options.credentials, world);
  credentialsReady = true;

  const lookup = (keyId: string): KeyRecord | null => {
    const key = world.iam.accessKeys[keyId];
    if (key !== undefined)
      return { secretAccessKey: secretAccessKey(seed, keyId), sessionToken: null, kind: 'long-term', status: key.status };
    const session = world.sts.sessions[keyId];
    if (session === undefined) return null;
    return {
      secretAccessKey: secretAccessKey(seed, keyId),
      sessionToken: sessionToken(seed, keyId),
      kind: 'temporary',
      expiration: session.expiration,
    };
  };

  // a request run as a step of its own, on the wall clock (other-services.ts stepCommands)
  const runStep = async (title: string, call: StepCall): Promise<CallRecord | null> =>
    stepCall(await append(stepCommands(world.scenario.clock, now(), ++step, title, call)));
  // a request refused before the engine is said on stderr and recorded in the log (RequestRefused)
  const refuseRequest = async (r: { method: string; path: string; from: string }, service: string, code: string, message: string) => {
    notice(`${r.method} ${r.path} from ${r.from}: ${code}: ${message}`);
    await append(refusalCommands(world.scenario.clock, now(), { method: r.method, path: r.path, service, code, message, from: r.from }));
  };
  const workloads = workloadEndpoints(options.instance ?? null, {
    world: () => world,
    now,
    runStep,
    notice,
    refused: refuseRequest,
    keys,
  });

  const objects = objectStore();
  let answered = 0;
  const handle = async (req: IncomingMessage, received: Body): Promise<QueryHttpResponse | S3HttpResponse> => {
    const id = requestId(seed, ++answered);
    const target = req.url ?? '/';
    const q = target.indexOf('?');
    const path = q < 0 ? target : target.slice(0, q);
    const query = q < 0 ? '' : target.slice(q + 1);
    const from = req.socket.remoteAddress ?? 'unknown';
    const workload = await workloads({ method: req.method ?? 'GET', path, headers: req.headers, from });
    if (workload !== null) return workload;
    const refused = (service: string, code: string, message: string): Promise<void> =>
      refuseRequest({ method: req.method ?? 'GET', path, from }, service, code, message);
    const refuse = async (service: QueryService, code: string, message: string, status?: number): Promise<QueryHttpResponse> => {
      await refused(service, code, message);
      const answer = renderQueryError(service, { code, message }, id);
      return status === undefined ? answer : { ...answer, status };
    };
    // the AWS access portal's API, which a bearer token authorizes, not SigV4 (sso-portal.ts)
    const portal = { method: req.method ?? 'GET', path, query, headers: pairs(req.rawHeaders) };
    if (isPortalRequest(portal)) {
      const call = portalCall(portal, world.sso.instance?.region ?? world.scenario.region);
      const made = await runStep(`GET ${call.action} from ${from}`, call);
      if (made === null) return { ...portalError('InternalFailure', `iamsim made no call for ${call.action}`, id), status: 500 };
      return renderPortalAnswer(made, id);
    }
    // S3: objects kept in memory beside the world (s3.ts); an unsigned request in S3's shape is anonymous
    const s3Request = { method: req.method ?? 'GET', path, query, host: req.headers.host ?? '', headers: pairs(req.rawHeaders) };
    if (isS3Request(signedService(req.headers.authorization, query), s3Request)) {
      const run = (call: StepCall) => runStep(`${req.method} ${call.action} from ${from}`, call);
      const { method, host, headers } = s3Request;
      const s3 = { method, path, query, host, headers, body: received.bytes, tooLarge: received.tooLarge, lookup, now: now() };
      return answerS3({ ...s3, requestId: id, world, store: objects, run, refused });
    }
    // a service other than STS, IAM and S3: authorized as service:Action, never carried out (other-services.ts)
    const protocol = otherProtocol(req.headers, signedService(req.headers.authorization, query));
    if (protocol !== null) {
      const run = (call: StepCall) => runStep(`${req.method} ${call.action} from ${from}`, call);
      const http = { method: req.method ?? 'GET', path, query, headers: pairs(req.rawHeaders), contentType: req.headers['content-type'] };
      const target = req.headers['x-amz-target'];
      return answerOtherService({
        ...http,
        protocol,
        target: typeof target === 'string' ? target : undefined,
        body: received.bytes,
        tooLarge: received.tooLarge,
        lookup,
        now: now(),
        requestId: id,
        run,
        refused,
      });
    }
    if (received.tooLarge) {
      return refuse('sts', 'RequestEntityTooLarge', `The request is larger than iamsim reads (${MAX_QUERY_BYTES} bytes).`);
    }
    const method = req.method ?? 'GET';
    const http = { method, query, contentType: req.headers['content-type'], body: received.bytes };
    const headers = pairs(req.rawHeaders);
    const scoped = scopeService(req, query);
    let caller: CallerRef = { kind: 'anonymous' };
    let region = world.scenario.region;
    let service: QueryService = scoped ?? 'sts';
    const unsigned = scoped === null && !hasAuth(req, query);
    const unsignedRequest = unsigned ? parseQueryRequest(http, null) : null;
    const unsignedAction = unsignedRequest?.ok ? unsignedRequest.request.action : null;
    if (unsignedAction !== 'sts:AssumeRoleWithWebIdentity' && unsignedAction !== 'sts:AssumeRoleWithSAML') {
      // every request but AssumeRoleWithWebIdentity and AssumeRoleWithSAML is signed (STS API Reference)
      const verified = await verifySigV4(
        { method, path, query, headers, body: received.bytes },
        { lookup, now: now(), service, ...(service === 'iam' ? { regions: ['us-east-1'] } : {}) },
      );
      if (!verified.ok) return refuse(service, verified.code, verified.message, verified.status);
      caller = { kind: 'key', accessKeyId: verified.accessKeyId };
      region = verified.region;
    }
    const parsed = unsignedRequest ?? parseQueryRequest(http, service);
    if (!parsed.ok) return refuse(parsed.service, parsed.error.code, parsed.error.message);
    const request = parsed.request;
    service = request.service;
    if (request.ignored.length > 0)
      notice(`${request.action}: parameters ignored (the action has none of these names): ${request.ignored.join(', ')}`);
    if (!request.carriedOut && request.service === 'sts') {
      // the STS component runs only the STS actions it carries out (query.ts)
      return refuse(
        'sts',
        'NotImplemented',
        `iamsim does not carry out ${request.action}${request.refusal ? `: ${request.refusal}` : ' yet'}.`,
      );
    }
    const invalid = simulationInvalid(request);
    if (invalid !== null) return refuse('iam', invalid.code, invalid.message);
    const call = await runStep(`${method} ${request.action} from ${from}`, {
      caller,
      action: request.action,
      resource: simulationResource(request),
      params: request.params,
      region,
    });
    if (call === null)
      return refuse(service, 'InternalFailure', `iamsim made no call for ${request.action}: see the trace of step ${step}`, 500);
    // an allowed SimulateCustomPolicy / SimulatePrincipalPolicy is answered by the evaluator, as simulate eval answers it
    if (call.outcome === 'allowed' && answersBySimulation(request))
      return request.operation === 'SimulatePrincipalPolicy'
        ? answerSimulatePrincipalPolicy(request, world, id)
        : answerSimulateCustomPolicy(request, id);
    return renderQueryAnswer(request, call, id);
  };

  // one request at a time, in the order they arrived: the log is the same for the same arrivals
  let queue: Promise<unknown> = Promise.resolve();
  const server = createServer((req, res) => {
    // a body over the limit is read no further: the answer closes the connection
    const body = readBody(req, bodyLimit(req)).then((b) => (b.tooLarge ? (res.setHeader('connection', 'close'), b) : b));
    const turn = queue.then(async () => {
      let answer: QueryHttpResponse | S3HttpResponse;
      try {
        answer = await handle(req, await body);
      } catch (e) {
        notice(`internal error (please report it with the scenario): ${String((e as Error).stack ?? e)}`);
        answer = renderQueryError(
          'sts',
          { code: 'InternalFailure', message: 'iamsim failed to answer the request' },
          requestId(seed, answered),
        );
        answer = { ...answer, status: 500 };
      }
      send(res, answer);
    });
    queue = turn.catch(() => {});
  });
  server.keepAliveTimeout = 5000;
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  let closing: Promise<void> | null = null;
  return {
    url,
    events: () => log,
    world: () => world,
    keys,
    close: () =>
      (closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      }).then(() => queue.then(() => {}))),
  };
}

interface Body {
  readonly bytes: Uint8Array;
  readonly tooLarge: boolean;
}

/** How much of a request's body is read: an S3 object up to MAX_OBJECT_BYTES (s3.ts), anything else MAX_QUERY_BYTES. */
function bodyLimit(req: IncomingMessage): number {
  const target = req.url ?? '/';
  const q = target.indexOf('?');
  const [path, query] = q < 0 ? [target, ''] : [target.slice(0, q), target.slice(q + 1)];
  const request = { method: req.method ?? 'GET', path, query, host: req.headers.host ?? '', headers: pairs(req.rawHeaders) };
  return isS3Request(signedService(req.headers.authorization, query), request) ? MAX_OBJECT_BYTES : MAX_QUERY_BYTES;
}

/**
 * The body, up to `limit`. A larger one (announced by its Content-Length, or seen as it arrives) is
 * read no further: the request is answered at once and the connection closed.
 */
function readBody(req: IncomingMessage, limit: number): Promise<Body> {
  return new Promise((resolve) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) {
      req.pause();
      resolve({ bytes: new Uint8Array(0), tooLarge: true });
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size <= limit) {
        chunks.push(chunk);
        return;
      }
      req.off('data', onData);
      req.pause();
      resolve({ bytes: new Uint8Array(0), tooLarge: true });
    };
    req.on('data', onData);
    req.on('end', () => resolve({ bytes: Buffer.concat(chunks), tooLarge: false }));
    req.on('error', () => resolve({ bytes: Buffer.concat(chunks), tooLarge: size > limit }));
  });
}

function send(res: ServerResponse, answer: QueryHttpResponse | S3HttpResponse): void {
  if (res.headersSent || res.destroyed) return;
  const body = typeof answer.body === 'string' ? Buffer.from(answer.body, 'utf8') : Buffer.from(answer.body);
  // a HEAD answer names the object's length without sending it
  res.writeHead(answer.status, { 'content-length': String(body.length), ...answer.headers });
  res.end(body);
}

function pairs(raw: readonly string[]): [string, string][] {
  const out: [string, string][] = [];
  for (let i = 0; i + 1 < raw.length; i += 2) out.push([raw[i]!, raw[i + 1]!]);
  return out;
}

/** Whether the request carries any Signature Version 4 authentication (a header, or presigned parameters). */
function hasAuth(req: IncomingMessage, query: string): boolean {
  return req.headers.authorization !== undefined || /(^|&)X-Amz-(Credential|Signature|Algorithm)=/i.test(query);
}

/**
 * The service the request's credential scope names (KEY/DATE/REGION/SERVICE/aws4_request): STS and
 * IAM share the endpoint, and the scope says which the client signed for. null: none is named; any
 * other service is checked as STS (the verifier then answers that the scope names the wrong service).
 */
function scopeService(req: IncomingMessage, query: string): QueryService | null {
  const service = signedService(req.headers.authorization, query);
  if (service === null) return null;
  return service === 'iam' ? 'iam' : 'sts';
}
