// Size quotas (IAM User Guide "IAM and AWS STS quotas"). IAM counts characters without white space
// (outside strings); Organizations counts every character of SCPs and RCPs; session policies are
// limited as an API parameter (plain text length).
import type { PolicyKind, PolicyProblem } from '../types.js';
import { limitExceeded } from './messages.js';

export interface SizeOptions {
  /** inline identity policies: the quota is per owner and covers all its inline policies */
  readonly inline?: {
    readonly owner: 'user' | 'group' | 'role';
    readonly name: string;
    /** characters already used by the owner's other inline policies */
    readonly otherPoliciesSize?: number;
  };
  /** the account's ACLSizePerRole quota (default 2048, raisable) */
  readonly trustPolicyMaxSize?: number;
}

/** IAM User Guide "IAM and AWS STS quotas": the characters all inline policies of one user, group or role may hold together. */
export const INLINE_LIMIT = { user: 2048, group: 5120, role: 10240 } as const;
const MANAGED_LIMIT = 6144;
const ORG_LIMIT = 5120;
const SESSION_LIMIT = 2048;

/** The size IAM counts: the document without white space outside strings. */
export function policySize(doc: unknown): number {
  return JSON.stringify(doc)?.length ?? 0;
}

export function checkSize(doc: unknown, text: string | null, kind: PolicyKind, options: SizeOptions, out: PolicyProblem[]): void {
  const size = policySize(doc);
  switch (kind) {
    case 'identity': {
      const inline = options.inline;
      if (inline === undefined) return;
      const limit = INLINE_LIMIT[inline.owner];
      if (size + (inline.otherPoliciesSize ?? 0) > limit) {
        out.push(limitExceeded(`Maximum policy size of ${limit} bytes exceeded for ${inline.owner} ${inline.name}`));
      }
      return;
    }
    case 'managed':
    case 'boundary':
      if (size > MANAGED_LIMIT) out.push(limitExceeded(`Cannot exceed quota for PolicySize: ${MANAGED_LIMIT}`));
      return;
    case 'trust': {
      const max = options.trustPolicyMaxSize ?? 2048;
      if (size > max) out.push(limitExceeded(`Cannot exceed quota for ACLSizePerRole: ${max}`));
      return;
    }
    case 'session': {
      const length = text?.length ?? size;
      if (length > SESSION_LIMIT) {
        out.push(
          limitExceeded(
            `1 validation error detected: Value at 'policy' failed to satisfy constraint: Member must have length less than or equal to ${SESSION_LIMIT}`,
          ),
        );
      }
      return;
    }
    case 'scp':
    case 'rcp': {
      const length = text?.length ?? size;
      if (length > ORG_LIMIT) {
        out.push(limitExceeded(`Policy document exceeds the maximum size of ${ORG_LIMIT} characters`));
      }
      return;
    }
    case 'resource':
      return;
  }
}
