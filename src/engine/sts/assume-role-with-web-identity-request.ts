// AssumeRoleWithWebIdentity's parameters (reference sts-oidc-irsa §1.2), checked against the STS
// model's constraints with AWS's ValidationError format (§1.0.4). The token arrives prepared by the
// token service (src/engine/tokens): its length is what the model limits (4–20,000 characters).
import type { PreparedToken } from '../oidc/token.js';
import { textParam } from '../call/params.js';
import { NAME } from './assume-role-request.js';
import { checkSessionPolicyParams, policyText, readPolicyArns, type SessionPolicyInput } from './session-policies.js';
import { checkInteger, checkLength, checkPattern, checkRequired, validationMessage, type Constraint } from './validation.js';

const ARN_SHAPE = /^arn:[^:]+:[^:]+:[^:]*:[^:]*:[^:]+$/;

export interface WebIdentityParams {
  readonly roleArn: string;
  readonly sessionName: string;
  readonly token: PreparedToken;
  readonly duration: number | null;
  readonly policy: SessionPolicyInput;
}

export type WebIdentityRead = { readonly ok: true; readonly params: WebIdentityParams } | { readonly ok: false; readonly message: string };

export function readWebIdentity(params: Record<string, unknown>, token: PreparedToken | null): WebIdentityRead {
  const roleArn = textParam(params, 'RoleArn');
  const sessionName = textParam(params, 'RoleSessionName');
  const arns = readPolicyArns(params['PolicyArns']);
  if (typeof arns === 'string') return { ok: false, message: arns };
  const v: Constraint[] = [];
  checkRequired('roleArn', roleArn, v);
  checkLength('roleArn', roleArn, 20, 2048, v);
  checkRequired('roleSessionName', sessionName, v);
  checkLength('roleSessionName', sessionName, 2, 64, v);
  checkPattern('roleSessionName', sessionName, NAME, v);
  // the token is sensitive: AWS does not echo it in the message
  if (token === null) v.push({ member: 'webIdentityToken', value: null, constraint: 'Member must not be null' });
  else if (token.length < 4) v.push({ member: 'webIdentityToken', value: undefined, constraint: 'Member must have length greater than or equal to 4' });
  else if (token.length > 20000) v.push({ member: 'webIdentityToken', value: undefined, constraint: 'Member must have length less than or equal to 20000' });
  const duration = checkInteger('durationSeconds', textParam(params, 'DurationSeconds'), 900, 43200, v);
  const policy = { text: policyText(params['Policy']), arns };
  checkSessionPolicyParams(policy, v);
  if (v.length > 0) return { ok: false, message: validationMessage(v) };
  if (!ARN_SHAPE.test(roleArn!)) return { ok: false, message: `${roleArn} is invalid` };
  return { ok: true, params: { roleArn: roleArn!, sessionName: sessionName!, token: token!, duration, policy } };
}
