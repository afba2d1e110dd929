// Inline policies of users, groups and roles: Put/Get/Delete/List User/Group/RolePolicy (IAM API
// Reference, each action's page). An inline policy is an identity policy: Version may be 2008-10-17,
// and the quota is on all the entity's inline policies together — 2,048 characters for a user,
// 5,120 for a group, 10,240 for a role, white space not counted (IAM User Guide "IAM and AWS STS
// quotas"): a policy put under an existing name replaces it, so only the OTHER policies count.
import { freeze } from 'immer';
import { checkLength, checkPattern, checkRequired, type Constraint } from '../../call/validation.js';
import { INLINE_LIMIT, policySize } from '../../../policy/index.js';
import { documentParam, encodedDocument, readDocument } from './documents.js';
import { nameParam, NAME_PATTERN, resourceOf, text } from './names.js';
import { findPrincipal, isFailure, nameParamOf, protectedRole, title, type PrincipalKind, onPrincipal } from './policy-refs.js';
import { pageParams } from './paging.js';
import type { IamApi, IamOutcome } from './types.js';

/**
 * The entity's name parameter: existingUserNameType (1–128) for a user's inline policies, the
 * group's and role's own name types otherwise (IAM API Reference, data types).
 */
function entityName(params: Readonly<Record<string, unknown>>, kind: PrincipalKind, out: Constraint[]): string {
  if (kind !== 'user') return nameParam(params, nameParamOf(kind), kind, out);
  const value = text(params, 'UserName');
  checkRequired('userName', value, out);
  checkLength('userName', value, 1, 128, out);
  checkPattern('userName', value, NAME_PATTERN, out);
  return value ?? '';
}

/** IAM's NoSuchEntity for an inline policy: `The role policy with name X cannot be found.` */
function noSuchInline(kind: PrincipalKind, entity: string, name: string): IamOutcome {
  const note =
    kind === 'role' || kind === 'group'
      ? `${kind} ${entity} has no inline policy named ${name}`
      : `user ${entity} has no inline policy named ${name} (AWS's text for a user is not documented; iamsim words it as for roles and groups)`;
  return { ok: false, code: 'NoSuchEntity', message: `The ${kind} policy with name ${name} cannot be found.`, note };
}

function putPolicy(kind: PrincipalKind): IamApi {
  const nameKey = nameParamOf(kind);
  return {
    params: [nameKey, 'PolicyName', 'PolicyDocument'],
    address({ params, account, world }, out) {
      const name = entityName(params, kind, out);
      nameParam(params, 'PolicyName', 'policy', out);
      documentParam(params, 'PolicyDocument', out);
      return onPrincipal(world, kind, account, name);
    },
    apply({ params, account, world }) {
      const found = findPrincipal(world, kind, account, text(params, nameKey)!);
      if (isFailure(found)) return found;
      const denied = protectedRole(found, kind);
      if (denied !== null) return denied;
      const policyName = text(params, 'PolicyName')!;
      const others = found.inline.filter((p) => p.name !== policyName);
      const otherPoliciesSize = others.reduce((n, p) => n + policySize(p.document), 0);
      const read = readDocument(text(params, 'PolicyDocument')!, 'identity', `inline policy ${policyName} (PolicyDocument)`, {
        inline: { owner: kind, name: found.name, otherPoliciesSize },
      });
      if (!read.ok) {
        if (read.code !== 'LimitExceeded') return read;
        const used = others.length === 0 ? '' : `; its other inline policies use ${otherPoliciesSize} of them`;
        return {
          ...read,
          note: `the inline policies of ${kind} ${found.name} may hold ${INLINE_LIMIT[kind]} characters together, white space not counted${used}`,
        };
      }
      const replaced = found.inline.some((p) => p.name === policyName);
      const notes = [
        `${replaced ? 'replaces' : 'adds'} inline policy ${policyName} of ${kind} ${found.name}; IAM evaluates policies at each request, so it applies from the next one${kind === 'role' ? ", in the role's sessions already issued too" : ''}`,
      ];
      return {
        ok: true,
        events: [{ type: 'InlinePolicyPut', data: { entity: found.arn, name: policyName, document: freeze(read.document) } }],
        response: {},
        notes,
      };
    },
  };
}

function deletePolicy(kind: PrincipalKind): IamApi {
  const nameKey = nameParamOf(kind);
  return {
    params: [nameKey, 'PolicyName'],
    address({ params, account, world }, out) {
      const name = entityName(params, kind, out);
      nameParam(params, 'PolicyName', 'policy', out);
      return onPrincipal(world, kind, account, name);
    },
    apply({ params, account, world }) {
      const found = findPrincipal(world, kind, account, text(params, nameKey)!);
      if (isFailure(found)) return found;
      const denied = protectedRole(found, kind);
      if (denied !== null) return denied;
      const policyName = text(params, 'PolicyName')!;
      if (!found.inline.some((p) => p.name === policyName)) return noSuchInline(kind, found.name, policyName);
      return { ok: true, events: [{ type: 'InlinePolicyDeleted', data: { entity: found.arn, name: policyName } }], response: {} };
    },
  };
}

function getPolicy(kind: PrincipalKind): IamApi {
  const nameKey = nameParamOf(kind);
  return {
    params: [nameKey, 'PolicyName'],
    address({ params, account, world }, out) {
      const name = entityName(params, kind, out);
      nameParam(params, 'PolicyName', 'policy', out);
      return { resource: resourceOf(world, kind, account, name) };
    },
    apply({ params, account, world }) {
      const found = findPrincipal(world, kind, account, text(params, nameKey)!);
      if (isFailure(found)) return found;
      const policyName = text(params, 'PolicyName')!;
      const policy = found.inline.find((p) => p.name === policyName);
      if (policy === undefined) return noSuchInline(kind, found.name, policyName);
      const response = { [nameKey]: found.name, PolicyName: policy.name, PolicyDocument: encodedDocument(policy.document) };
      return { ok: true, events: [], response };
    },
  };
}

function listPolicies(kind: PrincipalKind): IamApi {
  const nameKey = nameParamOf(kind);
  return {
    params: [nameKey, 'Marker', 'MaxItems'],
    address({ params, account, world }, out) {
      const name = entityName(params, kind, out);
      pageParams(params, out);
      return { resource: resourceOf(world, kind, account, name) };
    },
    apply({ params, account, world }) {
      const found = findPrincipal(world, kind, account, text(params, nameKey)!);
      if (isFailure(found)) return found;
      const names = found.inline.map((p) => p.name).sort();
      return { ok: true, events: [], response: { PolicyNames: names, IsTruncated: false } };
    },
  };
}

const KINDS: readonly PrincipalKind[] = ['user', 'group', 'role'];

export const INLINE_POLICY_APIS: Readonly<Record<string, IamApi>> = Object.fromEntries(
  KINDS.flatMap((kind) => [
    [`Put${title(kind)}Policy`, putPolicy(kind)],
    [`Delete${title(kind)}Policy`, deletePolicy(kind)],
    [`Get${title(kind)}Policy`, getPolicy(kind)],
    [`List${title(kind)}Policies`, listPolicies(kind)],
  ]),
);
