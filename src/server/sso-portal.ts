// The AWS access portal's API (`portal.sso.REGION.amazonaws.com`; AWS IAM Identity Center Portal API
// Reference, and botocore's `sso` service model: protocol rest-json, no SigV4 — the bearer token of
// the user's sign-in, in the header x-amz-sso_bearer_token, says who asks):
//   GET /federation/credentials?role_name=R&account_id=A  → GetRoleCredentials { roleCredentials }
//   GET /assignment/accounts[?max_result=&next_token=]    → ListAccounts { accountList }
//   GET /assignment/roles?account_id=A[&max_result=…]     → ListAccountRoles { roleList }
// Each is read into the call the engine decides (src/engine/sso/portal.ts, the portal's one
// decider), run as a step; its call record is the answer. Errors are rest-json's: the code in the
// x-amzn-errortype header, `{"message": …}` in the body, and the status the model gives it
// (InvalidRequestException 400, UnauthorizedException 401, ResourceNotFoundException 404,
// TooManyRequestsException 429; ForbiddenException, which the AWS CLI reports for an unassigned
// role and the model does not list, 403). Paging is not modelled: every item comes in one page.
import type { ParamValue } from '../engine/call/command.js';
import type { CallRecord } from '../engine/call-record.js';
import type { StepCall } from './other-services.js';
import type { QueryHttpResponse } from './query.js';

const ROUTES: Readonly<Record<string, { readonly action: string; readonly query: Readonly<Record<string, string>> }>> = {
  '/federation/credentials': { action: 'sso:GetRoleCredentials', query: { role_name: 'roleName', account_id: 'accountId' } },
  '/assignment/accounts': { action: 'sso:ListAccounts', query: {} },
  '/assignment/roles': { action: 'sso:ListAccountRoles', query: { account_id: 'accountId' } },
};

export const BEARER_HEADER = 'x-amz-sso_bearer_token';

const STATUS: Readonly<Record<string, number>> = {
  InvalidRequestException: 400,
  UnauthorizedException: 401,
  ForbiddenException: 403,
  ResourceNotFoundException: 404,
  TooManyRequestsException: 429,
};

export interface PortalRequest {
  readonly method: string;
  readonly path: string;
  readonly query: string;
  readonly headers: readonly (readonly [string, string])[];
}

/** Whether a request is the access portal's: a GET of one of its paths, with the bearer token header. */
export function isPortalRequest(r: PortalRequest): boolean {
  return r.method === 'GET' && ROUTES[r.path] !== undefined && r.headers.some(([k]) => k.toLowerCase() === BEARER_HEADER);
}

/** The call a portal request asks for, by the engine's parameter names (query parameters it does not use are ignored). */
export function portalCall(r: PortalRequest, region: string): StepCall {
  const route = ROUTES[r.path]!;
  const params: Record<string, ParamValue> = {};
  const query = new URLSearchParams(r.query);
  for (const [wire, name] of Object.entries(route.query)) {
    const v = query.get(wire);
    if (v !== null) params[name] = { t: 'text', v };
  }
  const token = r.headers.find(([k]) => k.toLowerCase() === BEARER_HEADER)?.[1];
  if (token !== undefined) params['accessToken'] = { t: 'text', v: token };
  return { caller: { kind: 'anonymous' }, action: route.action, resource: null, params, region };
}

/** The portal's answer: the call's response as JSON, or its error as rest-json writes one. */
export function renderPortalAnswer(call: CallRecord, requestId: string): QueryHttpResponse {
  const headers = { 'content-type': 'application/json', 'x-amzn-requestid': requestId };
  if (call.error !== null) return portalError(call.error.code, call.error.message, requestId);
  return { status: 200, headers, body: JSON.stringify(call.response ?? {}) };
}

export function portalError(code: string, message: string, requestId: string): QueryHttpResponse {
  return {
    status: STATUS[code] ?? 400,
    headers: { 'content-type': 'application/json', 'x-amzn-requestid': requestId, 'x-amzn-errortype': code },
    body: JSON.stringify({ message }),
  };
}
