// AssumeRoleWithWebIdentity's parameters (AWS STS API Reference "AssumeRoleWithWebIdentity"),
// checked against the STS model's constraints with AWS's ValidationError format (AWS STS API
// Reference "Common Errors"). The token arrives prepared by the token service (src/engine/tokens):
// its length is what the model limits (4–20,000 characters).
import type { PreparedToken } from '../oidc/token.js';
import { textParam } from '../call/params.js';
import { readRoleRequest, type Refused } from './assume-role-request.js';
import { checkSessionPolicyParams, policyText, readPolicyArns, type SessionPolicyInput } from './session-policies.js';
import { checkInteger } from '../call/validation.js';

export interface WebIdentityParams {
  readonly roleArn: string;
  readonly sessionName: string;
  readonly token: PreparedToken;
  /** ProviderId: the provider of an OAuth 2.0 access token, or null for an OpenID Connect ID token */
  readonly providerId: string | null;
  readonly duration: number | null;
  readonly policy: SessionPolicyInput;
}

export type WebIdentityRead = { readonly ok: true; readonly params: WebIdentityParams } | Refused;

export function readWebIdentity(params: Record<string, unknown>, token: PreparedToken | null): WebIdentityRead {
  const arns = readPolicyArns(params['PolicyArns']);
  if (typeof arns === 'string') return { ok: false, message: arns };
  const read = readRoleRequest(params, (v) => {
    // the token is sensitive: AWS does not echo it in the message
    if (token === null) v.push({ member: 'webIdentityToken', value: null, constraint: 'Member must not be null' });
    else if (token.length < 4)
      v.push({ member: 'webIdentityToken', value: undefined, constraint: 'Member must have length greater than or equal to 4' });
    else if (token.length > 20000)
      v.push({ member: 'webIdentityToken', value: undefined, constraint: 'Member must have length less than or equal to 20000' });
    const providerId = textParam(params, 'ProviderId');
    if (providerId !== null && providerId.length < 4)
      v.push({ member: 'providerId', value: providerId, constraint: 'Member must have length greater than or equal to 4' });
    else if (providerId !== null && providerId.length > 2048)
      v.push({ member: 'providerId', value: providerId, constraint: 'Member must have length less than or equal to 2048' });
    const duration = checkInteger('durationSeconds', textParam(params, 'DurationSeconds'), 900, 43200, v);
    const policy = { text: policyText(params['Policy']), arns };
    checkSessionPolicyParams(policy, v);
    return { duration, policy, providerId };
  });
  if (!read.ok) return read;
  return { ok: true, params: { roleArn: read.roleArn, sessionName: read.sessionName, token: token!, ...read.rest } };
}
