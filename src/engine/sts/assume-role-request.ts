// AssumeRole's parameters (reference sts-oidc-irsa §1.1), read from the step and checked against
// the STS model's constraints with AWS's ValidationError format (§1.0.4).
import { textParam } from '../call/params.js';
import { checkSessionPolicyParams, policyText, readPolicyArns, type SessionPolicyInput } from './session-policies.js';
import { checkTags, readKeys, readTags, type Tag } from './tags.js';
import { checkInteger, checkLength, checkPattern, checkRequired, validationMessage, type Constraint } from './validation.js';

export const NAME = '[\\w+=,.@-]*';
const EXTERNAL_ID = '[\\w+=,.@:\\/-]*';
export const SERIAL = '[\\w+=/:,.@-]*';
export const TOKEN_CODE = '[\\d]*';
// the shape STS checks before anything else: "arn:partition:service:region:account:resource"
const ARN_SHAPE = /^arn:[^:]+:[^:]+:[^:]*:[^:]*:[^:]+$/;

export interface AssumeRoleParams {
  readonly roleArn: string;
  readonly sessionName: string;
  readonly duration: number | null;
  readonly externalId: string | null;
  readonly serialNumber: string | null;
  readonly tokenCode: string | null;
  readonly sourceIdentity: string | null;
  readonly policy: SessionPolicyInput;
  readonly tags: readonly Tag[];
  readonly transitiveTagKeys: readonly string[];
}

export type ParamsCheck = { readonly ok: true; readonly params: AssumeRoleParams } | { readonly ok: false; readonly message: string };

export function readAssumeRole(params: Record<string, unknown>): ParamsCheck {
  const roleArn = textParam(params, 'RoleArn');
  const sessionName = textParam(params, 'RoleSessionName');
  const tags = readTags(params['Tags']);
  const keys = readKeys(params['TransitiveTagKeys']);
  const arns = readPolicyArns(params['PolicyArns']);
  if (typeof tags === 'string') return { ok: false, message: tags };
  if (typeof keys === 'string') return { ok: false, message: keys };
  if (typeof arns === 'string') return { ok: false, message: arns };
  const v: Constraint[] = [];
  checkRequired('roleArn', roleArn, v);
  checkLength('roleArn', roleArn, 20, 2048, v);
  checkRequired('roleSessionName', sessionName, v);
  checkLength('roleSessionName', sessionName, 2, 64, v);
  checkPattern('roleSessionName', sessionName, NAME, v);
  const duration = checkInteger('durationSeconds', textParam(params, 'DurationSeconds'), 900, 43200, v);
  const externalId = textParam(params, 'ExternalId');
  checkLength('externalId', externalId, 2, 1224, v);
  checkPattern('externalId', externalId, EXTERNAL_ID, v);
  const serialNumber = textParam(params, 'SerialNumber');
  checkLength('serialNumber', serialNumber, 9, 256, v);
  checkPattern('serialNumber', serialNumber, SERIAL, v);
  const tokenCode = textParam(params, 'TokenCode');
  checkLength('tokenCode', tokenCode, 6, 6, v);
  checkPattern('tokenCode', tokenCode, TOKEN_CODE, v);
  const sourceIdentity = textParam(params, 'SourceIdentity');
  checkLength('sourceIdentity', sourceIdentity, 2, 64, v);
  // the pattern leaves out ':', so it also refuses the reserved prefix aws: (STS API reference)
  checkPattern('sourceIdentity', sourceIdentity, NAME, v);
  const policy = { text: policyText(params['Policy']), arns };
  checkSessionPolicyParams(policy, v);
  checkTags(tags, keys, v);
  if (v.length > 0) return { ok: false, message: validationMessage(v) };
  if (!ARN_SHAPE.test(roleArn!)) return { ok: false, message: `${roleArn} is invalid` };
  return {
    ok: true,
    params: {
      roleArn: roleArn!,
      sessionName: sessionName!,
      duration,
      externalId,
      serialNumber,
      tokenCode,
      sourceIdentity,
      policy,
      tags,
      transitiveTagKeys: keys,
    },
  };
}
