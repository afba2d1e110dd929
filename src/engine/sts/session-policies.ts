// Session policies passed to AssumeRole and GetFederationToken (IAM User Guide "Session policies"):
// the inline Policy and the managed PolicyArns, checked as STS checks them. A `json {…}` value
// arrives parsed; its size is counted on its compact serialisation, as an SDK would send it.
import { validatePolicy } from '../../policy/index.js';
import type { PolicyDocument } from '../iam/state.js';
import type { World } from '../world.js';
import type { SessionPolicies } from './state.js';
import { AWS_POLICY_ACCOUNT, isAwsManagedPolicy, managedKind } from '../iam/aws-managed.js';
import { checkCount, checkLength, type Constraint } from '../call/validation.js';
import type { ErrorCode } from '../error-codes.js';

const POLICY_CHARS = /^[\t\n\r\u0020-\u00ff]+$/;
const PLAINTEXT_LIMIT = 2048;

export interface SessionPolicyInput {
  /** the inline policy as sent: its text, and the document it parses to (null when absent) */
  readonly text: string | null;
  readonly arns: readonly string[];
}

/**
 * PolicyArns as a scenario writes them: one ARN or reference, a list of them, or the API's shape
 * `json [{"arn": "…"}]`. Returns an error text for any other shape.
 */
export function readPolicyArns(raw: unknown): string[] | string {
  if (raw === undefined || raw === null) return [];
  if (typeof raw === 'string') return [raw];
  if (!Array.isArray(raw)) return 'PolicyArns is a list: [policy A/P, …] or json [{"arn": "…"}]';
  const out: string[] = [];
  for (const item of raw as unknown[]) {
    if (typeof item === 'string') out.push(item);
    else if (typeof item === 'object' && item !== null && typeof (item as Record<string, unknown>)['arn'] === 'string') {
      out.push((item as Record<string, string>)['arn']!);
    } else return `a policy ARN is text or {"arn": "…"}, not ${JSON.stringify(item)}`;
  }
  return out;
}

/** The inline policy as the text STS receives: strings as written, JSON values serialised. */
export function policyText(raw: unknown): string | null {
  if (raw === undefined || raw === null) return null;
  return typeof raw === 'string' ? raw : JSON.stringify(raw);
}

/** Model constraints: the policy's characters and length, at most 10 ARNs of 20–2048 characters. */
export function checkSessionPolicyParams(input: SessionPolicyInput, out: Constraint[]): void {
  const text = input.text;
  if (text !== null) {
    if (text.length < 1) out.push({ member: 'policy', value: undefined, constraint: 'Member must have length greater than or equal to 1' });
    else if (!POLICY_CHARS.test(text)) {
      out.push({
        member: 'policy',
        value: undefined,
        constraint: 'Member must satisfy regular expression pattern: [\\u0009\\u000A\\u000D\\u0020-\\u00FF]+',
      });
    }
    if (text.length > PLAINTEXT_LIMIT) {
      out.push({ member: 'policy', value: undefined, constraint: `Member must have length less than or equal to ${PLAINTEXT_LIMIT}` });
    }
  }
  checkCount('policyArns', input.arns.length, 10, out);
  input.arns.forEach((arn, i) => checkLength(`policyArns.${i + 1}.member.arn`, arn, 20, 2048, out));
}

export type PolicyCheck =
  | { readonly ok: true; readonly policies: SessionPolicies; readonly notes: string[] }
  | { readonly ok: false; readonly code: ErrorCode; readonly message: string; readonly note: string };

/**
 * The grammar of the inline policy (validated as a session policy: no Principal, …) and the managed
 * policies, which must be customer managed policies of `account` (the role's account, or the
 * calling user's for GetFederationToken) or AWS managed policies (AWS CLI Command Reference,
 * `aws sts get-federation-token`: its example passes arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess). `owner` names whose policies the session is cut from.
 */
export function checkSessionPolicies(input: SessionPolicyInput, account: string, owner: string, world: World): PolicyCheck {
  let inline: PolicyDocument | null = null;
  const notes: string[] = [];
  if (input.text !== null) {
    const problems = validatePolicy(input.text, 'session');
    const first = problems[0];
    if (first) {
      const where = first.path.length ? ` (at ${first.path.join('.')})` : '';
      return { ok: false, code: 'MalformedPolicyDocument', message: first.message, note: `the inline session policy is not valid${where}` };
    }
    inline = JSON.parse(input.text) as PolicyDocument;
    notes.push(`inline session policy: the session may do only what both ${owner} and this policy allow`);
  }
  for (const arn of input.arns) {
    const policy = world.iam.policies[arn];
    if (!policy || (policy.account !== account && policy.account !== AWS_POLICY_ACCOUNT)) {
      const why = policy
        ? `it belongs to account ${policy.account}, and managed session policies must be in account ${account}`
        : isAwsManagedPolicy(arn)
          ? 'the scenario declares no such AWS managed policy (`aws-managed-policy`)'
          : 'no such managed policy exists';
      // wording observed from STS for an ARN that matches no managed policy (not in the API reference)
      const message = 'At least one Policy ARN in the PolicyArns parameter does not match an existing IAM Managed Policy ARN.';
      return { ok: false, code: 'InvalidParameterValue', message, note: `${arn}: ${why}` };
    }
    notes.push(`${managedKind(policy)} session policy ${policy.name}: the session may do only what both ${owner} and ${policy.name} allow`);
  }
  return { ok: true, policies: { inline, managed: [...input.arns] }, notes };
}

export function hasSessionPolicies(p: SessionPolicies): boolean {
  return p.inline !== null || p.managed.length > 0;
}
