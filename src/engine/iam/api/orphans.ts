// A deleted principal in the policies that name it. IAM stores a role or user ARN in a policy's
// Principal as the principal's unique ID and shows the ARN while the principal exists; once it is
// deleted the policy shows the unique ID, and a principal created again with the same name (a new
// unique ID) does not match it (IAM User Guide "AWS JSON policy elements: Principal", IAM roles:
// "If your Principal element in a role trust policy contains an ARN that points to a specific IAM
// role, then that ARN transforms to the role unique principal ID when you save the policy … if you
// delete the role, then you break the relationship"; IAM User Guide "IAM identifiers", unique IDs).
// Condition keys such as aws:PrincipalArn are not converted, so they keep matching the new one.
import { isObject } from '../../../json/is-object.js';
import type { ResourcesEvent } from '../../resources/events.js';
import type { World } from '../../world.js';
import type { IamEvent } from '../events.js';
import type { PolicyDocument } from '../state.js';

/** The document with `arn` replaced by `id` wherever a Principal or NotPrincipal names it; null when it does not. */
function replacePrincipal(document: PolicyDocument, arn: string, id: string): PolicyDocument | null {
  const statements = document['Statement'];
  const list = Array.isArray(statements) ? statements : [statements];
  let changed = false;
  const swap = (value: unknown): unknown => {
    if (value === arn) {
      changed = true;
      return id;
    }
    return Array.isArray(value) ? value.map(swap) : value;
  };
  const rewritten = list.map((statement: unknown) => {
    if (!isObject(statement)) return statement;
    const out: Record<string, unknown> = { ...statement };
    for (const element of ['Principal', 'NotPrincipal']) {
      const principal = statement[element];
      if (isObject(principal) && principal['AWS'] !== undefined) out[element] = { ...principal, AWS: swap(principal['AWS']) };
    }
    return out;
  });
  if (!changed) return null;
  return { ...document, Statement: Array.isArray(statements) ? rewritten : rewritten[0] };
}

/** The trust and resource-based policies that named the deleted principal, rewritten; and what the trace says of them. */
export function orphanPrincipal(world: World, arn: string, id: string): { events: (IamEvent | ResourcesEvent)[]; notes: string[] } {
  const events: (IamEvent | ResourcesEvent)[] = [];
  const named: string[] = [];
  for (const role of Object.values(world.iam.roles)) {
    if (role.arn === arn) continue;
    const document = replacePrincipal(role.trust, arn, id);
    if (document === null) continue;
    events.push({ type: 'TrustPolicyUpdated', data: { role: role.arn, document } });
    named.push(`the trust policy of role ${role.name}`);
  }
  for (const resource of Object.values(world.resources.byArn)) {
    const document = resource.policy === null ? null : replacePrincipal(resource.policy, arn, id);
    if (document === null) continue;
    events.push({ type: 'ResourcePolicyPut', data: { arn: resource.arn, document } });
    named.push(`the ${resource.kind === 'key' ? 'key' : resource.kind === 'bucket' ? 'bucket' : 'resource'} policy of ${resource.name}`);
  }
  if (named.length === 0) return { events, notes: [] };
  const note =
    `${named.join(', ')} named ${arn}: IAM now shows its unique ID ${id} there instead, ` +
    'so a principal created again with this name does not match it';
  return { events, notes: [note] };
}
