// The Query protocol of STS and IAM (src/server/query.ts) against the real AWS SDK for JavaScript
// v3: the requests its clients build are read into the parameters a scenario would give, and the
// XML rendered from the engine's call records is what its clients parse, errors included, into
// their own exception classes. No request leaves the process: the clients' request handler
// captures each request and answers it. Sources: IAM User Guide "Calling the IAM API using HTTP
// query requests"; AWS STS and IAM API References, "Common Parameters", "Common Errors"
// (https://docs.aws.amazon.com/STS/latest/APIReference/CommonErrors.html);
// botocore's STS and IAM service models (input shapes, resultWrapper, error.httpStatusCode).
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  AssumeRoleCommand,
  AssumeRoleWithWebIdentityCommand,
  ExpiredTokenException,
  GetFederationTokenCommand,
  GetCallerIdentityCommand,
  GetSessionTokenCommand,
  MalformedPolicyDocumentException,
  STSClient,
  STSServiceException,
} from '@aws-sdk/client-sts';
import {
  AttachRolePolicyCommand,
  CreateRoleCommand,
  DeleteRoleCommand,
  EntityAlreadyExistsException,
  GetRoleCommand,
  IAMClient,
  IAMServiceException,
  ListAccountAliasesCommand,
  ListRolesCommand,
  NoSuchEntityException,
  PutRolePolicyCommand,
  UntagRoleCommand,
} from '@aws-sdk/client-iam';
import { simulate } from '../../src/simulate.js';
import { parseScenario } from '../../src/dsl/parse.js';
import { resolveScenario } from '../../src/dsl/resolve/index.js';
import { run as runCommands } from '../../src/engine/run.js';
import type { CommandEnvelope } from '../../src/engine/events.js';
import type { ParamValue } from '../../src/engine/call/command.js';
import type { CallRecord } from '../../src/engine/call-record.js';
import {
  MAX_QUERY_BYTES,
  parseQueryRequest,
  renderCallRecord,
  renderQueryAnswer,
  renderQueryError,
  renderQueryResult,
  type QueryHttpRequest,
  type QueryHttpResponse,
  type QueryParse,
  type QueryService,
} from '../../src/server/query.js';
import { requestId } from '../../src/server/request-id.js';

// --- the SDK, with a request handler that never reaches the network ----------------------------

interface SdkRequest {
  readonly method: string;
  readonly headers: Record<string, string>;
  readonly query?: Record<string, string | string[] | null>;
  readonly body?: unknown;
}

/** Captures each request the client sends and answers it with `answer` (200 and an empty result by default). */
class Capture {
  readonly sent: QueryHttpRequest[] = [];
  constructor(private readonly answer: (request: QueryHttpRequest) => QueryHttpResponse = () => ({ status: 200, headers: {}, body: '' })) {}
  async handle(request: SdkRequest): Promise<{ response: unknown }> {
    const query = new URLSearchParams();
    for (const [k, v] of Object.entries(request.query ?? {})) for (const one of [v].flat()) query.append(k, one ?? '');
    const body = typeof request.body === 'string' ? new TextEncoder().encode(request.body) : new Uint8Array();
    const http: QueryHttpRequest = { method: request.method, query: query.toString(), contentType: request.headers['content-type'], body };
    this.sent.push(http);
    const r = this.answer(http);
    return { response: { statusCode: r.status, headers: r.headers, body: Readable.from([Buffer.from(r.body, 'utf8')]) } };
  }
}

const config = (handler: Capture) => ({
  region: 'us-east-1',
  endpoint: 'http://127.0.0.1:9',
  credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' },
  requestHandler: handler,
  maxAttempts: 1,
});

/** The request the client builds for `command`, read by parseQueryRequest. */
async function sentBy(client: 'sts' | 'iam', command: unknown): Promise<QueryParse> {
  const capture = new Capture();
  const c = client === 'sts' ? new STSClient(config(capture)) : new IAMClient(config(capture));
  await (c.send as (cmd: unknown) => Promise<unknown>)(command).catch(() => undefined);
  expect(capture.sent).toHaveLength(1);
  return parseQueryRequest(capture.sent[0]!, client);
}

function read(parse: QueryParse) {
  if (!parse.ok) throw new Error(`refused: ${parse.error.code} ${parse.error.message}`);
  return parse.request;
}

/** The parameters a scenario's `call ACTION { … }` gives (resolved, as the engine receives them). */
function scenarioParams(world: string, call: string): Record<string, ParamValue> {
  const text = `scenario "query"\n${world}\nstep "s" {\n  as user Development/alice\n  call ${call}\n}\n`;
  const { commands } = resolveScenario(parseScenario(text, 'query.iam'), { readFile: () => ({ text: '', file: '' }) });
  for (const c of commands) if (c.command.type === 'Call') return { ...c.command.data.params };
  throw new Error('no call');
}

const WORLD = `
account Production 111111111111 {
  policy ReadOnly { allow action s3:GetObject resource * }
  role UpdateApp { trust { allow principal account Development action sts:AssumeRole, sts:TagSession } }
}
account Development 222222222222 {
  user alice { inline all { allow action * resource * } }
  user bob
}`;

const POLICY = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}';
const TRUST =
  '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}';

// --- (a) the requests the SDK builds --------------------------------------------------------------

describe('reading the requests the AWS SDK builds (IAM User Guide, "Calling the IAM API using HTTP query requests")', () => {
  it('given STS AssumeRole with Tags, PolicyArns, TransitiveTagKeys and Policy, then the parameters are the ones a scenario gives', async () => {
    const parse = await sentBy(
      'sts',
      new AssumeRoleCommand({
        RoleArn: 'arn:aws:iam::111111111111:role/UpdateApp',
        RoleSessionName: 'alice',
        DurationSeconds: 900,
        Tags: [
          { Key: 'team', Value: 'blue' },
          { Key: 'project', Value: 'a b&c=d' },
        ],
        TransitiveTagKeys: ['team'],
        PolicyArns: [{ arn: 'arn:aws:iam::111111111111:policy/ReadOnly' }],
        Policy: POLICY,
        ExternalId: 'ext-1',
      }),
    );
    const request = read(parse);
    expect(request).toMatchObject({
      service: 'sts',
      version: '2011-06-15',
      operation: 'AssumeRole',
      action: 'sts:AssumeRole',
      carriedOut: true,
    });
    expect(request.ignored).toEqual([]);
    const scenario = scenarioParams(
      WORLD,
      `sts:AssumeRole {
        RoleArn: role Production/UpdateApp, RoleSessionName: alice, DurationSeconds: 900,
        Tags: json [{"Key": "team", "Value": "blue"}, {"Key": "project", "Value": "a b&c=d"}],
        TransitiveTagKeys: [team],
        PolicyArns: json [{"arn": "arn:aws:iam::111111111111:policy/ReadOnly"}],
        Policy: json ${POLICY},
        ExternalId: ext-1
      }`,
    );
    // the policy document arrives as the text the SDK sent; a scenario's `json` value is that text parsed
    const { Policy: sentPolicy, ...sent } = request.params;
    const { Policy: written, ...expected } = scenario;
    expect(sent).toEqual(expected);
    expect(sentPolicy).toEqual({ t: 'text', v: POLICY });
    expect(written).toEqual({ t: 'json', v: JSON.parse(POLICY) });
  });

  it('given STS GetSessionToken, then DurationSeconds is text and the service is found from Version alone', async () => {
    const capture = new Capture();
    await new STSClient(config(capture)).send(new GetSessionTokenCommand({ DurationSeconds: 3600 })).catch(() => undefined);
    const request = read(parseQueryRequest(capture.sent[0]!, null));
    expect(request).toMatchObject({ service: 'sts', action: 'sts:GetSessionToken', params: { DurationSeconds: { t: 'text', v: '3600' } } });
  });

  it('given STS GetFederationToken with PolicyArns and Tags, then the parameters are the ones a scenario gives', async () => {
    const request = read(
      await sentBy(
        'sts',
        new GetFederationTokenCommand({
          Name: 'carol',
          DurationSeconds: 3600,
          PolicyArns: [{ arn: 'arn:aws:iam::222222222222:policy/P' }, { arn: 'arn:aws:iam::222222222222:policy/Q' }],
          Tags: [{ Key: 'team', Value: 'blue' }],
        }),
      ),
    );
    expect(request).toMatchObject({ action: 'sts:GetFederationToken', carriedOut: true, ignored: [] });
    expect(request.params).toEqual(
      scenarioParams(
        WORLD.replace('user bob', 'user bob\n  policy P { allow action s3:* resource * }\n  policy Q { allow action s3:* resource * }'),
        `sts:GetFederationToken { Name: carol, DurationSeconds: 3600, Tags: json [{"Key": "team", "Value": "blue"}],
          PolicyArns: json [{"arn": "arn:aws:iam::222222222222:policy/P"}, {"arn": "arn:aws:iam::222222222222:policy/Q"}] }`,
      ),
    );
  });

  it('given STS AssumeRoleWithWebIdentity (sent unsigned), then Version alone names STS and the token is text', async () => {
    const capture = new Capture();
    const sts = new STSClient(config(capture));
    await sts
      .send(
        new AssumeRoleWithWebIdentityCommand({
          RoleArn: 'arn:aws:iam::111111111111:role/UpdateApp',
          RoleSessionName: 'ci',
          WebIdentityToken: 'eyJ.a.b',
        }),
      )
      .catch(() => undefined);
    const request = read(parseQueryRequest(capture.sent[0]!, null));
    expect(request).toMatchObject({ service: 'sts', action: 'sts:AssumeRoleWithWebIdentity', carriedOut: true, ignored: [] });
    expect(request.params).toEqual({
      RoleArn: { t: 'text', v: 'arn:aws:iam::111111111111:role/UpdateApp' },
      RoleSessionName: { t: 'text', v: 'ci' },
      WebIdentityToken: { t: 'text', v: 'eyJ.a.b' },
    });
  });

  it('given IAM CreateRole with Tags, then the parameters are the ones a scenario gives', async () => {
    const request = read(
      await sentBy(
        'iam',
        new CreateRoleCommand({
          RoleName: 'app',
          Path: '/svc/',
          AssumeRolePolicyDocument: TRUST,
          MaxSessionDuration: 7200,
          Tags: [{ Key: 'team', Value: 'blue' }],
        }),
      ),
    );
    expect(request).toMatchObject({ service: 'iam', version: '2010-05-08', action: 'iam:CreateRole', carriedOut: true, ignored: [] });
    const scenario = scenarioParams(
      WORLD,
      `iam:CreateRole { RoleName: app, Path: "/svc/", MaxSessionDuration: 7200, Tags: json [{"Key": "team", "Value": "blue"}], AssumeRolePolicyDocument: json ${TRUST} }`,
    );
    const { AssumeRolePolicyDocument: doc, ...sent } = request.params;
    const { AssumeRolePolicyDocument: written, ...expected } = scenario;
    expect(sent).toEqual(expected);
    expect(doc).toEqual({ t: 'text', v: TRUST });
    expect(written).toEqual({ t: 'json', v: JSON.parse(TRUST) });
  });

  it('given IAM PutRolePolicy, AttachRolePolicy, ListRoles with MaxItems and UntagRole, then each reads as its scalars and lists', async () => {
    expect(
      read(await sentBy('iam', new PutRolePolicyCommand({ RoleName: 'app', PolicyName: 'p', PolicyDocument: POLICY }))).params,
    ).toEqual({
      RoleName: { t: 'text', v: 'app' },
      PolicyName: { t: 'text', v: 'p' },
      PolicyDocument: { t: 'text', v: POLICY },
    });
    const attach = read(
      await sentBy('iam', new AttachRolePolicyCommand({ RoleName: 'app', PolicyArn: 'arn:aws:iam::111111111111:policy/ReadOnly' })),
    );
    expect(attach.params).toEqual(scenarioParams(WORLD, 'iam:AttachRolePolicy { RoleName: app, PolicyArn: policy Production/ReadOnly }'));
    const list = read(await sentBy('iam', new ListRolesCommand({ MaxItems: 1, PathPrefix: '/svc/' })));
    expect(list.params).toEqual(scenarioParams(WORLD, 'iam:ListRoles { MaxItems: 1, PathPrefix: "/svc/" }'));
    const untag = read(await sentBy('iam', new UntagRoleCommand({ RoleName: 'app', TagKeys: ['team', 'cost center'] })));
    expect(untag.params).toEqual(scenarioParams(WORLD, 'iam:UntagRole { RoleName: app, TagKeys: [team, "cost center"] }'));
  });

  it('given an empty list (Tags=, as the Query protocol sends one), then the parameter is an empty list', async () => {
    const request = read(
      await sentBy('sts', new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::111111111111:role/UpdateApp', RoleSessionName: 's', Tags: [] })),
    );
    expect(request.params['Tags']).toEqual({ t: 'json', v: [] });
  });

  it('given STS GetCallerIdentity, then it has no parameters', async () => {
    expect(read(await sentBy('sts', new GetCallerIdentityCommand({})))).toMatchObject({ action: 'sts:GetCallerIdentity', params: {} });
  });

  it('given any tags, keys and policy text the SDK sends, then they are read back exactly (any Unicode, &, =, +, %, spaces)', async () => {
    const text = fc.string({ unit: 'binary', maxLength: 20 });
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ Key: text, Value: text }), { maxLength: 4 }),
        fc.array(text, { maxLength: 3 }),
        text,
        async (tags, keys, policy) => {
          const request = read(
            await sentBy(
              'sts',
              new AssumeRoleCommand({ RoleArn: 'a', RoleSessionName: 's', Tags: tags, TransitiveTagKeys: keys, Policy: policy }),
            ),
          );
          expect(request.params['Tags']).toEqual({ t: 'json', v: tags });
          expect(request.params['TransitiveTagKeys']).toEqual({ t: 'list', items: keys.map((v) => ({ t: 'text', v })) });
          expect(request.params['Policy']).toEqual({ t: 'text', v: policy });
          expect(request.ignored).toEqual([]);
        },
      ),
      { numRuns: 100 },
    );
  });
});

// --- reading by hand: GET, errors ----------------------------------------------------------------

const form = (body: string, query = ''): QueryHttpRequest => ({
  method: 'POST',
  query,
  contentType: 'application/x-www-form-urlencoded; charset=utf-8',
  body: new TextEncoder().encode(body),
});
const get = (query: string): QueryHttpRequest => ({ method: 'GET', query, body: new Uint8Array() });
const refusal = (parse: QueryParse) => (parse.ok ? null : parse.error);

describe('reading Query requests by hand', () => {
  it('given a GET with the parameters in the query string (a presigned URL), then the X-Amz- parameters are not the action’s', () => {
    const request = read(
      parseQueryRequest(
        get('Action=GetCallerIdentity&Version=2011-06-15&X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=a%2Fb&X-Amz-Signature=00'),
        null,
      ),
    );
    expect(request).toMatchObject({ action: 'sts:GetCallerIdentity', params: {}, ignored: [] });
  });

  it('given list items out of order and with a gap, then they are read in the order of their indexes', () => {
    const body =
      'Action=TagRole&Version=2010-05-08&RoleName=r&Tags.member.3.Key=c&Tags.member.3.Value=3&Tags.member.1.Value=1&Tags.member.1.Key=a';
    expect(read(parseQueryRequest(form(body), 'iam')).params['Tags']).toEqual({
      t: 'json',
      v: [
        { Key: 'a', Value: '1' },
        { Key: 'c', Value: '3' },
      ],
    });
  });

  it('given parameters the action does not have, then they are ignored and named (AWS does not refuse them)', () => {
    const body =
      'Action=CreateRole&Version=2010-05-08&RoleName=r&Colour=red&roleName=x&RoleName.member.1=y&Tags.member.1.Key=k&Tags.member.1.Value=v&Tags.member.1.Colour=red&Tags.member.x.Key=z&RoleName=again';
    const request = read(parseQueryRequest(form(body), 'iam'));
    expect(request.params).toEqual({ RoleName: { t: 'text', v: 'r' }, Tags: { t: 'json', v: [{ Key: 'k', Value: 'v' }] } });
    expect([...request.ignored].sort()).toEqual([
      'Colour',
      'RoleName',
      'RoleName.member.1',
      'Tags.member.1.Colour',
      'Tags.member.x.Key',
      'roleName',
    ]);
  });

  it.each([
    ['a list sent as text', 'Action=UntagRole&Version=2010-05-08&RoleName=r&TagKeys=x', {}, ['TagKeys']],
    [
      'a list sent both as text and as members',
      'Action=TagRole&Version=2010-05-08&RoleName=r&Tags=x&Tags.member.1.Key=k&Tags.member.1.Value=v',
      { Tags: { t: 'json', v: [{ Key: 'k', Value: 'v' }] } },
      ['Tags'],
    ],
    ['a list with a value on `member`', 'Action=UntagRole&Version=2010-05-08&RoleName=r&TagKeys.member=x', {}, ['TagKeys.member']],
    [
      'a list sent as text and as something else',
      'Action=UntagRole&Version=2010-05-08&RoleName=r&TagKeys=x&TagKeys.y=z',
      {},
      ['TagKeys', 'TagKeys.y'],
    ],
    [
      'a list of text with a structure item',
      'Action=UntagRole&Version=2010-05-08&RoleName=r&TagKeys.member.1.Foo=x&TagKeys.member.2=b',
      { TagKeys: { t: 'list', items: [{ t: 'text', v: 'b' }] } },
      ['TagKeys.member.1.Foo'],
    ],
    [
      'index 0',
      'Action=UntagRole&Version=2010-05-08&RoleName=r&TagKeys.member.0=a',
      { TagKeys: { t: 'list', items: [] } },
      ['TagKeys.member.0'],
    ],
  ] as const)('given %s, then the keys that do not fit the shape are ignored', (_what, body, expected, ignored) => {
    const request = read(parseQueryRequest(form(body), 'iam'));
    expect(request.params).toEqual({ RoleName: { t: 'text', v: 'r' }, ...expected });
    expect(request.ignored).toEqual(ignored);
  });

  it('given a structure member (AssumeRoot TaskPolicyArn), then it is read as the structure; sent as text, it is ignored', () => {
    const body =
      'Action=AssumeRoot&Version=2011-06-15&TargetPrincipal=111111111111&TaskPolicyArn.arn=arn%3Aaws%3Aiam%3A%3Aaws%3Apolicy%2Froot-task%2FIAMAuditRootUserCredentials';
    const request = read(parseQueryRequest(form(body), 'sts'));
    expect(request).toMatchObject({ carriedOut: false, ignored: [] });
    expect(request.params['TaskPolicyArn']).toEqual({
      t: 'json',
      v: { arn: 'arn:aws:iam::aws:policy/root-task/IAMAuditRootUserCredentials' },
    });
    const asText = read(parseQueryRequest(form('Action=AssumeRoot&Version=2011-06-15&TaskPolicyArn=x'), 'sts'));
    expect(asText).toMatchObject({ params: {}, ignored: ['TaskPolicyArn'] });
  });

  it('given an IAM action iamsim does not carry out, then it is read by its keys, to be authorized and answered NotImplemented', () => {
    const body =
      'Action=SimulateCustomPolicy&Version=2010-05-08&ActionNames.member.1=s3%3AGetObject&PolicyInputList.member.1=%7B%7D&ContextEntries.member.1.ContextKeyName=aws%3ASourceIp&ContextEntries.member.1.ContextKeyValues.member.1=10.0.0.1';
    const request = read(parseQueryRequest(form(body), 'iam'));
    expect(request).toMatchObject({ action: 'iam:SimulateCustomPolicy', carriedOut: false, ignored: [] });
    expect(request.params).toEqual({
      ActionNames: { t: 'list', items: [{ t: 'text', v: 's3:GetObject' }] },
      PolicyInputList: { t: 'list', items: [{ t: 'text', v: '{}' }] },
      ContextEntries: { t: 'json', v: [{ ContextKeyName: 'aws:SourceIp', ContextKeyValues: ['10.0.0.1'] }] },
    });
  });

  it('given a name that is no member name (__proto__), then it is ignored, even for an operation read by its keys alone', () => {
    const request = read(parseQueryRequest(form('Action=ListAccountAliases&Version=2010-05-08&__proto__.x=1&MaxItems=5'), 'iam'));
    expect(request.params).toEqual({ MaxItems: { t: 'text', v: '5' } });
    expect(Object.getPrototypeOf(request.params)).toBe(Object.prototype);
    expect(request.ignored).toEqual(['__proto__.x']);
  });

  it('given an STS action iamsim does not run yet (AssumeRoot), then the request is not carried out', () => {
    const request = read(parseQueryRequest(form('Action=AssumeRoot&Version=2011-06-15&TargetPrincipal=111111111111'), 'sts'));
    expect(request.carriedOut).toBe(false);
    expect(request.refusal).toBeUndefined();
  });

  it('given DecodeAuthorizationMessage, then the engine carries it out with its EncodedMessage', () => {
    const request = read(parseQueryRequest(form('Action=DecodeAuthorizationMessage&Version=2011-06-15&EncodedMessage=abc'), 'sts'));
    expect(request.carriedOut).toBe(true);
    expect(request.params).toEqual({ EncodedMessage: { t: 'text', v: 'abc' } });
  });

  it('given a parameter iamsim does not support yet (ProvidedContexts), then NotImplemented names it', () => {
    const body = 'Action=AssumeRole&Version=2011-06-15&RoleArn=a&RoleSessionName=s&ProvidedContexts.member.1.ProviderArn=p';
    expect(refusal(parseQueryRequest(form(body), 'sts'))).toEqual({
      code: 'NotImplemented',
      message: 'iamsim does not support the parameter ProvidedContexts of AssumeRole yet.',
    });
  });

  // STS/IAM Common Errors: MissingAction, InvalidAction; "Could not find operation X for version Y"
  // is AWS's wording as its clients report it (aws/aws-cli#37, fog/fog-aws#368)
  it.each([
    ['no Action', form('Version=2011-06-15'), 'sts', 'MissingAction', 'The request is missing an action or a required parameter.'],
    ['no Version', form('Action=GetCallerIdentity'), 'sts', 'MissingParameter', 'The request must contain the parameter Version.'],
    [
      'an unknown action',
      form('Action=AssumeRoleNow&Version=2011-06-15'),
      'sts',
      'InvalidAction',
      'Could not find operation AssumeRoleNow for version 2011-06-15',
    ],
    [
      'a wrong version',
      form('Action=AssumeRole&Version=2011-06-16'),
      'sts',
      'InvalidAction',
      'Could not find operation AssumeRole for version 2011-06-16',
    ],
    [
      "STS's version to IAM",
      form('Action=CreateRole&Version=2011-06-15'),
      'iam',
      'InvalidAction',
      'Could not find operation CreateRole for version 2011-06-15',
    ],
    [
      'an unknown version, unsigned',
      form('Action=GetCallerIdentity&Version=1999-01-01'),
      null,
      'InvalidAction',
      'Could not find operation GetCallerIdentity for version 1999-01-01',
    ],
    [
      'a bad percent sign',
      form('Action=GetCallerIdentity&Version=2011-06-15&RoleArn=%ZZ'),
      'sts',
      'MalformedQueryString',
      'The parameter "RoleArn" is not correctly percent-encoded UTF-8.',
    ],
    [
      'percent-encoded bytes that are not UTF-8',
      get('Action=GetCallerIdentity&Version=2011-06-15&X=%FF'),
      'sts',
      'MalformedQueryString',
      'The parameter "X" is not correctly percent-encoded UTF-8.',
    ],
  ] as const)('given %s, then the error of that case', (_what, http, service, code, message) => {
    expect(refusal(parseQueryRequest(http, service as QueryService | null))).toEqual({ code, message });
  });

  it('given a body that is not UTF-8, then MalformedQueryString', () => {
    const http = {
      ...form(''),
      body: new Uint8Array([...new TextEncoder().encode('Action=GetCallerIdentity&Version=2011-06-15&X='), 0xc3, 0x28]),
    };
    expect(refusal(parseQueryRequest(http, 'sts'))).toEqual({ code: 'MalformedQueryString', message: 'The request body is not UTF-8.' });
  });

  it('given a body over 1 MiB, then RequestEntityTooLarge (413) before anything is read', () => {
    const http = { ...form(''), body: new Uint8Array(MAX_QUERY_BYTES + 1) };
    const parse = parseQueryRequest(http, 'iam');
    expect(parse).toMatchObject({ ok: false, service: 'iam', error: { code: 'RequestEntityTooLarge' } });
    expect(renderQueryError('iam', refusal(parse)!, 'r').status).toBe(413);
  });

  it('given a POST whose body is not the form encoding, then its body is not read (and the action is missing)', () => {
    const http = { ...form('Action=GetCallerIdentity&Version=2011-06-15'), contentType: 'application/json' };
    expect(refusal(parseQueryRequest(http, 'sts'))?.code).toBe('MissingAction');
  });
});

// --- (b) the answers the SDK reads ----------------------------------------------------------------

/** A client whose every request is answered with `answer`. */
function answering<C>(make: (c: ReturnType<typeof config>) => C, answer: QueryHttpResponse): C {
  return make(config(new Capture(() => answer)));
}

/** The call records of a small scenario run by the engine, by action. */
function records(steps: string): CallRecord[] {
  const text = `scenario "query answers"\nclock 2026-01-01T09:00:00Z\n${WORLD}\n${steps}\n`;
  const { events } = simulate(text, 'query.iam', { readFile: () => ({ text: '', file: '' }), detail: false });
  return events.flatMap((e) => ('call' in e.data ? [(e.data as { call: CallRecord }).call] : []));
}

const run = records(`
step "assume" {
  as user Development/alice
  call sts:AssumeRole { RoleArn: role Production/UpdateApp, RoleSessionName: alice, Tags: json [{"Key": "team", "Value": "blue"}] }
  keep credentials as s
}
step "bob is refused" {
  as user Development/bob
  call sts:AssumeRole { RoleArn: role Production/UpdateApp, RoleSessionName: bob }
}
step "create" { as user Development/alice
  call iam:CreateRole { RoleName: app, AssumeRolePolicyDocument: json ${TRUST}, Description: "<a> & 'b'", Tags: json [{"Key": "a", "Value": "b"}] } }
step "create again" { as user Development/alice
  call iam:CreateRole { RoleName: app, AssumeRolePolicyDocument: json ${TRUST} } }
step "list" { as user Development/alice
  call iam:ListRoles { MaxItems: 1 } }
step "get a role that is not there" { as user Development/alice
  call iam:GetRole { RoleName: nope } }
step "delete" { as user Development/alice
  call iam:DeleteRole { RoleName: app } }
wait 2h
step "the session has expired" { as s
  call sts:GetCallerIdentity }
`);
const [assumed, refused, created, again, listed, missing, deleted, expired] = run;
const RID = requestId('query answers', 1);

describe('answers the AWS SDK reads (botocore output shapes and resultWrapper; ErrorResponse of the Query protocol)', () => {
  it('given AssumeRole allowed, then the SDK reads Credentials (Expiration a Date), AssumedRoleUser and the request ID', async () => {
    const reply = renderCallRecord('sts', 'AssumeRole', assumed!, RID);
    expect(reply.status).toBe(200);
    expect(reply.body).toMatch(
      /^<AssumeRoleResponse xmlns="https:\/\/sts\.amazonaws\.com\/doc\/2011-06-15\/"><AssumeRoleResult><Credentials>/,
    );
    const out = await answering((c) => new STSClient(c), reply).send(
      new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::111111111111:role/UpdateApp', RoleSessionName: 'alice' }),
    );
    const response = assumed!.response as {
      Credentials: { AccessKeyId: string; SessionToken: string; Expiration: string };
      PackedPolicySize: number;
    };
    expect(out.Credentials?.Expiration).toEqual(new Date(response.Credentials.Expiration));
    expect(out.Credentials?.AccessKeyId).toBe(response.Credentials.AccessKeyId);
    expect(out.Credentials?.SessionToken).toBe(response.Credentials.SessionToken);
    expect(out.AssumedRoleUser?.Arn).toBe('arn:aws:sts::111111111111:assumed-role/UpdateApp/alice');
    expect(out.PackedPolicySize).toBe(response.PackedPolicySize);
    expect(out.$metadata).toMatchObject({ httpStatusCode: 200, requestId: RID });
  });

  it('given CreateRole allowed, then the SDK reads the Role, its RoleId, CreateDate, Tags and Description (escaped text intact)', async () => {
    const out = await answering((c) => new IAMClient(c), renderCallRecord('iam', 'CreateRole', created!, RID)).send(
      new CreateRoleCommand({ RoleName: 'app', AssumeRolePolicyDocument: TRUST }),
    );
    const role = (created!.response as { Role: { RoleId: string } }).Role;
    expect(out.Role?.RoleId).toBe(role.RoleId);
    expect(out.Role?.CreateDate).toEqual(new Date('2026-01-01T09:00:00Z'));
    expect(out.Role?.Tags).toEqual([{ Key: 'a', Value: 'b' }]);
    expect(out.Role?.Description).toBe("<a> & 'b'");
    expect(decodeURIComponent(out.Role!.AssumeRolePolicyDocument!)).toBe(TRUST);
    expect(out.Role?.MaxSessionDuration).toBe(3600);
  });

  it('given ListRoles with MaxItems, then the SDK reads Roles as a list and IsTruncated as a boolean', async () => {
    const out = await answering((c) => new IAMClient(c), renderCallRecord('iam', 'ListRoles', listed!, RID)).send(
      new ListRolesCommand({ MaxItems: 1 }),
    );
    expect(out.Roles?.[0]?.RoleName).toBeDefined();
    expect(out.Roles).toHaveLength(1);
    expect(typeof out.IsTruncated).toBe('boolean');
    expect(out.IsTruncated).toBe((listed!.response as { IsTruncated: boolean }).IsTruncated);
  });

  it('given an empty list in a result, then the SDK reads an empty list', async () => {
    const out = await answering(
      (c) => new IAMClient(c),
      renderQueryResult('iam', 'ListRoles', { Roles: [], IsTruncated: false }, RID),
    ).send(new ListRolesCommand({}));
    expect(out).toMatchObject({ Roles: [], IsTruncated: false });
  });

  it('given DeleteRole (an operation with no output), then no Result element and the SDK reads only the metadata', async () => {
    const reply = renderCallRecord('iam', 'DeleteRole', deleted!, RID);
    expect(reply.body).toBe(
      `<DeleteRoleResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><ResponseMetadata><RequestId>${RID}</RequestId></ResponseMetadata></DeleteRoleResponse>`,
    );
    const out = await answering((c) => new IAMClient(c), reply).send(new DeleteRoleCommand({ RoleName: 'app' }));
    expect(out.$metadata.requestId).toBe(RID);
  });

  it('given AssumeRole denied, then AccessDenied with status 403 and AWS’s message', async () => {
    const reply = renderCallRecord('sts', 'AssumeRole', refused!, RID);
    expect(reply.body).toMatch(
      /^<ErrorResponse xmlns="https:\/\/sts\.amazonaws\.com\/doc\/2011-06-15\/"><Error><Type>Sender<\/Type><Code>AccessDenied<\/Code>/,
    );
    const error = await answering((c) => new STSClient(c), reply)
      .send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::111111111111:role/UpdateApp', RoleSessionName: 'bob' }))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(STSServiceException);
    expect(error).toMatchObject({
      name: 'AccessDenied',
      message: refused!.error!.message,
      $metadata: { httpStatusCode: 403, requestId: RID },
    });
  });

  it('given GetRole of a role that is not there, then the SDK throws NoSuchEntityException (404)', async () => {
    const error = await answering((c) => new IAMClient(c), renderCallRecord('iam', 'GetRole', missing!, RID))
      .send(new GetRoleCommand({ RoleName: 'nope' }))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NoSuchEntityException);
    expect(error).toMatchObject({
      name: 'NoSuchEntityException',
      message: 'The role with name nope cannot be found.',
      $metadata: { httpStatusCode: 404 },
    });
  });

  it('given CreateRole of a role that exists, then the SDK throws EntityAlreadyExistsException (409)', async () => {
    const error = await answering((c) => new IAMClient(c), renderCallRecord('iam', 'CreateRole', again!, RID))
      .send(new CreateRoleCommand({ RoleName: 'app', AssumeRolePolicyDocument: TRUST }))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EntityAlreadyExistsException);
    expect(error).toMatchObject({ $metadata: { httpStatusCode: 409 } });
  });

  it('given a call with an expired session, then ExpiredToken (403, as STS answers it: aws/aws-sdk-java-v2#1649)', async () => {
    expect(expired!.error?.code).toBe('ExpiredToken');
    const error = await answering((c) => new STSClient(c), renderCallRecord('sts', 'GetCallerIdentity', expired!, RID))
      .send(new GetCallerIdentityCommand({}))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(STSServiceException);
    expect(error).toMatchObject({
      name: 'ExpiredToken',
      message: 'The security token included in the request is expired',
      $metadata: { httpStatusCode: 403 },
    });
  });

  it.each([
    ['ExpiredTokenException', ExpiredTokenException, 400],
    ['MalformedPolicyDocument', MalformedPolicyDocumentException, 400],
  ] as const)('given STS’s %s, then the SDK throws its own class with botocore’s status', async (code, cls, status) => {
    const error = await answering((c) => new STSClient(c), renderQueryError('sts', { code, message: 'm' }, RID))
      .send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::111111111111:role/UpdateApp', RoleSessionName: 'x' }))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(cls);
    expect(error).toMatchObject({ message: 'm', $metadata: { httpStatusCode: status, requestId: RID } });
  });

  it('given an error of the protocol (InvalidAction), then the SDK reads its code and message', async () => {
    const error = await answering(
      (c) => new IAMClient(c),
      renderQueryError('iam', { code: 'InvalidAction', message: 'Could not find operation X for version Y' }, RID),
    )
      .send(new ListRolesCommand({}))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IAMServiceException);
    expect(error).toMatchObject({
      name: 'InvalidAction',
      message: 'Could not find operation X for version Y',
      $metadata: { httpStatusCode: 400 },
    });
  });

  it('given any text XML can carry in a result, then the SDK reads it back exactly', async () => {
    const client = (body: QueryHttpResponse) => answering((c) => new IAMClient(c), body);
    // XML readers turn \r and \r\n into \n (XML 1.0, "End-of-Line Handling"), and the SDK reads text
    // of white space alone with a line break as empty: both are so of AWS's own XML, and left out here
    const text = fc.string({ unit: 'binary', maxLength: 30 }).filter((t) => !t.includes('\r') && !(t.trim() === '' && t.includes('\n')));
    await fc.assert(
      fc.asyncProperty(text, async (description) => {
        const carried = description.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '\uFFFD');
        const reply = renderQueryResult(
          'iam',
          'GetRole',
          { Role: { RoleName: 'r', Description: description, Tags: [{ Key: 'k', Value: description }] } },
          RID,
        );
        const out = await client(reply).send(new GetRoleCommand({ RoleName: 'r' }));
        expect(out.Role?.Description ?? '').toBe(carried);
        expect(out.Role?.Tags?.[0]?.Value ?? '').toBe(carried);
      }),
      { numRuns: 200 },
    );
  });

  it('given text XML cannot carry (a control character) or must escape, then it is replaced or escaped, never breaking the document', () => {
    const reply = renderQueryError('sts', { code: 'ValidationError', message: 'bad \u0001 <x> & "y"' }, RID);
    expect(reply.body).toContain('<Message>bad \uFFFD &lt;x&gt; &amp; &quot;y&quot;</Message>');
  });

  it.each([
    ['LimitExceeded', 409],
    ['DeleteConflict', 409],
    ['InvalidClientTokenId', 403],
    ['ValidationError', 400],
    ['ServiceFailure', 500],
    ['SomethingElse', 400],
  ])('given the code %s, then the status is %i (botocore error.httpStatusCode; Common Errors)', (code, status) => {
    const reply = renderQueryError('iam', { code, message: '' }, RID);
    expect(reply.status).toBe(status);
    expect(reply.body).toContain(`<Type>${status >= 500 ? 'Receiver' : 'Sender'}</Type>`);
  });
});

describe('request IDs', () => {
  it('given a seed and a counter, then the ID is a UUID v4, the same every time and different for the next request', () => {
    expect(requestId('s', 1)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(requestId('s', 1)).toBe(requestId('s', 1));
    expect(requestId('s', 2)).not.toBe(requestId('s', 1));
  });
});

// --- the whole exchange, without HTTP and signatures ----------------------------------------------

/**
 * What the server will do for each request, minus HTTP and Signature Version 4: read it, run it as
 * a step of alice's (the world's commands and every earlier request's, run again), and answer the
 * SDK with the call record of the request.
 */
class Exchange {
  private readonly commands: CommandEnvelope[];
  private step = 0;
  constructor() {
    const text = `scenario "query exchange"\nclock 2026-01-01T09:00:00Z\n${WORLD}\n`;
    this.commands = [...resolveScenario(parseScenario(text, 'query.iam'), { readFile: () => ({ text: '', file: '' }) }).commands];
  }
  readonly answer = (http: QueryHttpRequest): QueryHttpResponse => {
    const rid = requestId('query exchange', ++this.step);
    const parse = parseQueryRequest(http, null);
    if (!parse.ok) return renderQueryError(parse.service, parse.error, rid);
    const { action, params } = parse.request;
    const caller = { kind: 'user' as const, arn: 'arn:aws:iam::222222222222:user/alice' };
    this.commands.push(
      { command: { type: 'StartStep', data: { index: this.step, title: `request ${rid}` } }, meta: { step: this.step } },
      {
        command: { type: 'Call', data: { caller, action, resource: null, params, context: {}, region: 'us-east-1' } },
        meta: { step: this.step },
      },
    );
    const { events } = runCommands(this.commands);
    const calls = events.filter((e) => e.meta.step === this.step && 'call' in e.data).map((e) => (e.data as { call: CallRecord }).call);
    return renderQueryAnswer(
      parse.request,
      calls.find((c) => c.action === action && c.onBehalf === undefined)!,
      rid,
    );
  };
}

describe('requests read, run by the engine and answered, as the server will (no HTTP, no signature)', () => {
  it('given CreateRole then GetRole, AssumeRole of it with tags, DeleteRole and GetRole again, then the SDK sees each answer', async () => {
    const world = new Exchange();
    const iam = new IAMClient(config(new Capture(world.answer)));
    const sts = new STSClient(config(new Capture(world.answer)));
    const trust = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::222222222222:user/alice' }, Action: ['sts:AssumeRole', 'sts:TagSession'] },
      ],
    });
    const created = await iam.send(
      new CreateRoleCommand({ RoleName: 'app', AssumeRolePolicyDocument: trust, Tags: [{ Key: 'team', Value: 'blue' }] }),
    );
    expect(created.Role?.Arn).toBe('arn:aws:iam::222222222222:role/app');
    expect(created.$metadata.requestId).toBe(requestId('query exchange', 1));
    const got = await iam.send(new GetRoleCommand({ RoleName: 'app' }));
    expect(got.Role).toMatchObject({ RoleId: created.Role?.RoleId, Tags: [{ Key: 'team', Value: 'blue' }] });
    const assumed = await sts.send(
      new AssumeRoleCommand({
        RoleArn: created.Role!.Arn!,
        RoleSessionName: 'alice',
        Tags: [{ Key: 'project', Value: 'x' }],
        TransitiveTagKeys: ['project'],
      }),
    );
    expect(assumed.AssumedRoleUser?.Arn).toBe('arn:aws:sts::222222222222:assumed-role/app/alice');
    expect(assumed.Credentials?.Expiration).toEqual(new Date('2026-01-01T10:00:00Z'));
    await iam.send(new DeleteRoleCommand({ RoleName: 'app' }));
    const error = await iam.send(new GetRoleCommand({ RoleName: 'app' })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NoSuchEntityException);
  });

  it('given an allowed request of an IAM action the engine does not carry out, then NotImplemented (501) names the decision, never a made-up success', async () => {
    const world = new Exchange();
    const error = await new IAMClient(config(new Capture(world.answer))).send(new ListAccountAliasesCommand({})).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IAMServiceException);
    expect(error).toMatchObject({
      name: 'NotImplemented',
      message: 'The request is allowed (decision Allow), but iamsim does not carry out iam:ListAccountAliases yet.',
      $metadata: { httpStatusCode: 501 },
    });
  });

  it('given a request the protocol refuses, then the SDK sees AWS’s error and the world goes on', async () => {
    const world = new Exchange();
    const answer = world.answer(form('Action=GetCallerIdentity&Version=2011-06-16'));
    expect(answer.status).toBe(400);
    expect(answer.body).toContain(
      '<Code>InvalidAction</Code><Message>Could not find operation GetCallerIdentity for version 2011-06-16</Message>',
    );
    const out = await new STSClient(config(new Capture(world.answer))).send(new GetCallerIdentityCommand({}));
    expect(out.Arn).toBe('arn:aws:iam::222222222222:user/alice');
  });
});
