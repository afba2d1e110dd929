// Policy documents sent to IAM (PolicyDocument, AssumeRolePolicyDocument): as a JSON string, or as
// `json {…}` in a scenario, which is the string an SDK would send. IAM checks them with the same
// validator as the scenario's own policies, so its errors are IAM's: MalformedPolicyDocument and the
// size quotas' LimitExceeded (IAM User Guide "IAM and AWS STS quotas").
import { validatePolicy, type PolicyKind, type ValidateOptions } from '../../../policy/index.js';
import { checkLength, checkRequired, type Constraint } from '../../call/validation.js';
import type { PolicyDocument } from '../state.js';
import type { IamOutcome } from './types.js';

/** policyDocumentType: 1–131072 characters of TAB, LF, CR and U+0020–U+00FF. */
export function documentParam(params: Readonly<Record<string, unknown>>, param: string, out: Constraint[], required = true): string | null {
  const raw = params[param];
  const text = raw === undefined || raw === null ? null : typeof raw === 'string' ? raw : JSON.stringify(raw);
  const member = param[0]!.toLowerCase() + param.slice(1);
  if (required) checkRequired(member, text, out);
  checkLength(member, text, 1, 131072, out);
  return text;
}

export type DocumentRead = { readonly ok: true; readonly document: PolicyDocument } | Extract<IamOutcome, { ok: false }>;

/** The document IAM would store, or its MalformedPolicyDocument / LimitExceeded with where the problem is. */
export function readDocument(text: string, kind: PolicyKind, what: string, options: ValidateOptions = {}): DocumentRead {
  const problems = validatePolicy(text, kind, options);
  const first = problems[0];
  if (first !== undefined) {
    const where = first.path.length > 0 ? ` at ${first.path.join('.')}` : '';
    return { ok: false, code: first.code, message: first.message, note: `${what} is not valid${where}` };
  }
  return { ok: true, document: JSON.parse(text) as PolicyDocument };
}

/** A policy document in a response: URL-encoded JSON, as IAM returns it (RFC 3986). */
export function encodedDocument(document: PolicyDocument): string {
  return encodeURIComponent(JSON.stringify(document));
}
