// AssumeRole's parameters (AWS STS API Reference "AssumeRole"), read from the step and checked
// against the STS model's constraints with AWS's ValidationError format (AWS STS API Reference
// "Common Errors").
import { textParam } from '../call/params.js';
import { readMfaParams } from './mfa.js';
import { checkSessionPolicyParams, policyText, readPolicyArns, type SessionPolicyInput } from './session-policies.js';
import { checkTags, readKeys, readTags, type Tag } from './tags.js';
import { checkInteger, checkLength, checkPattern, checkRequired, validationMessage, type Constraint } from '../call/validation.js';

export const NAME = '[\\w+=,.@-]*';
const EXTERNAL_ID = '[\\w+=,.@:\\/-]*';
// the shape STS checks once the request meets its model constraints (those errors come first):
// "arn:partition:service:region:account:resource"
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

export type Refused = { readonly ok: false; readonly message: string };
export type ParamsCheck = { readonly ok: true; readonly params: AssumeRoleParams } | Refused;

export function readAssumeRole(params: Record<string, unknown>): ParamsCheck {
  const tags = readTags(params['Tags']);
  const keys = readKeys(params['TransitiveTagKeys']);
  const arns = readPolicyArns(params['PolicyArns']);
  if (typeof tags === 'string') return { ok: false, message: tags };
  if (typeof keys === 'string') return { ok: false, message: keys };
  if (typeof arns === 'string') return { ok: false, message: arns };
  const read = readRoleRequest(params, (v) => {
    const duration = checkInteger('durationSeconds', textParam(params, 'DurationSeconds'), 900, 43200, v);
    const externalId = textParam(params, 'ExternalId');
    checkLength('externalId', externalId, 2, 1224, v);
    checkPattern('externalId', externalId, EXTERNAL_ID, v);
    const { serialNumber, tokenCode } = readMfaParams(params, v);
    const sourceIdentity = textParam(params, 'SourceIdentity');
    checkLength('sourceIdentity', sourceIdentity, 2, 64, v);
    // the pattern leaves out ':', so it also refuses the reserved prefix aws: (STS API reference)
    checkPattern('sourceIdentity', sourceIdentity, NAME, v);
    const policy = { text: policyText(params['Policy']), arns };
    checkSessionPolicyParams(policy, v);
    checkTags(tags, keys, v);
    return { duration, externalId, serialNumber, tokenCode, sourceIdentity, policy, tags, transitiveTagKeys: keys };
  });
  if (!read.ok) return read;
  return { ok: true, params: { roleArn: read.roleArn, sessionName: read.sessionName, ...read.rest } };
}

export type RoleRequest<T> = { readonly ok: true; readonly roleArn: string; readonly sessionName: string; readonly rest: T } | Refused;

/**
 * What AssumeRole and AssumeRoleWithWebIdentity check alike: RoleArn and RoleSessionName first,
 * then the call's own parameters (`more`, which adds its violations to the list), then one
 * ValidationError for all violations; only a request that passes them has its RoleArn's shape checked.
 */
export function readRoleRequest<T>(params: Record<string, unknown>, more: (v: Constraint[]) => T): RoleRequest<T> {
  const roleArn = textParam(params, 'RoleArn');
  const sessionName = textParam(params, 'RoleSessionName');
  const v: Constraint[] = [];
  checkRequired('roleArn', roleArn, v);
  checkLength('roleArn', roleArn, 20, 2048, v);
  checkRequired('roleSessionName', sessionName, v);
  checkLength('roleSessionName', sessionName, 2, 64, v);
  checkPattern('roleSessionName', sessionName, NAME, v);
  const rest = more(v);
  if (v.length > 0) return { ok: false, message: validationMessage(v) };
  if (!ARN_SHAPE.test(roleArn!)) return { ok: false, message: `${roleArn} is invalid` };
  return { ok: true, roleArn: roleArn!, sessionName: sessionName!, rest };
}
