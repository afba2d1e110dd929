// UpdateAssumeRolePolicy: a role's trust policy replaced (IAM API Reference, UpdateAssumeRolePolicy).
// The trust policy is read only when the role is assumed, so sessions issued before the change keep
// working until they expire (IAM User Guide: temporary credentials "are valid through the expiration
// period and cannot be revoked"; AWS does not say it of trust policies in words — an inference).
import { freeze } from 'immer';
import type { World } from '../../world.js';
import type { PolicyDocument } from '../state.js';
import { documentParam, readDocument } from './documents.js';
import { nameParam, text } from './names.js';
import { findPrincipal, isFailure, onPrincipal, protectedRole } from './policy-refs.js';
import type { IamApi, IamOutcome } from './types.js';

/**
 * A trust policy naming a user or role of an account the scenario declares that does not exist:
 * IAM turns principal ARNs into unique IDs when it stores the policy, so it refuses one it cannot
 * map — `MalformedPolicyDocument: Invalid principal in policy: "AWS":"ARN"` (AWS-observed,
 * databrickslabs/ucx#2269; IAM User Guide "AWS JSON policy elements: Principal").
 */
export function unknownPrincipal(document: PolicyDocument, world: World): IamOutcome | null {
  const statements = (document as { Statement?: unknown }).Statement;
  for (const statement of Array.isArray(statements) ? statements : [statements]) {
    const principal = (statement as { Principal?: unknown } | null)?.Principal;
    if (principal === null || typeof principal !== 'object') continue;
    const aws = (principal as { AWS?: unknown }).AWS;
    for (const arn of Array.isArray(aws) ? aws : [aws]) {
      if (typeof arn !== 'string') continue;
      const m = /^arn:aws:iam::(\d{12}):(user|role)\//.exec(arn);
      if (m === null || world.iam.accounts[m[1]!] === undefined) continue;
      const table = m[2] === 'user' ? world.iam.users : world.iam.roles;
      if (table[arn] !== undefined) continue;
      return {
        ok: false,
        code: 'MalformedPolicyDocument',
        message: `Invalid principal in policy: "AWS":"${arn}"`,
        note: `account ${m[1]} has no ${m[2]} ${arn}: IAM stores a principal as its unique ID, and this one has none`,
      };
    }
  }
  return null;
}

const updateAssumeRolePolicy: IamApi = {
  params: ['RoleName', 'PolicyDocument'],
  address({ params, account, world }, out) {
    const name = nameParam(params, 'RoleName', 'role', out);
    documentParam(params, 'PolicyDocument', out);
    return onPrincipal(world, 'role', account, name);
  },
  apply({ params, account, world }) {
    const role = findPrincipal(world, 'role', account, text(params, 'RoleName')!);
    if (isFailure(role)) return role;
    const denied = protectedRole(role, 'role');
    if (denied !== null) return denied;
    const read = readDocument(text(params, 'PolicyDocument')!, 'trust', `the trust policy of role ${role.name} (PolicyDocument)`);
    if (!read.ok) return read;
    const unknown = unknownPrincipal(read.document, world);
    if (unknown !== null) return unknown;
    return {
      ok: true,
      events: [{ type: 'TrustPolicyUpdated', data: { role: role.arn, document: freeze(read.document) } }],
      response: {},
      notes: [
        `the new trust policy decides who may assume role ${role.name} from now on; sessions already issued are not ended by it and keep working until they expire (AWS reads the trust policy only when the role is assumed)`,
      ],
    };
  },
};

export const TRUST_APIS: Readonly<Record<string, IamApi>> = { UpdateAssumeRolePolicy: updateAssumeRolePolicy };
