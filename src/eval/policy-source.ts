// iam:SimulatePrincipalPolicy: the policies of the user, group or role PolicySourceArn names, looked
// up in a world, added to the input as IAM's simulator adds them (IAM API Reference,
// "SimulatePrincipalPolicy"): the entity's inline and attached managed policies, for a user also those
// of its groups; its permissions boundary unless PermissionsBoundaryPolicyInputList gives one ("if a
// permissions boundary is attached to an entity and you pass in a different permissions boundary
// policy using this parameter, then the new permissions boundary policy is used"); and the SCPs of the
// organization its account belongs to ("If there are SCPs associated with the simulated user's
// account, their effect on the result is captured in the OrganizationsDecisionDetail element", IAM
// API changes of 2017-02-27). PolicyInputList's policies are simulated with them.
//
// SourcePolicyId: AWS documents no format; its responses name an attached managed policy by its
// name (`AdministratorAccess`) and an inline policy by its owner's kind and name and its own name
// (`user_alice_S3Read`, `group_Developers_AssumeUpdateApp`, `role_UpdateApp_Access`). The documents
// are the JSON text IAM's Get*Policy calls return (decoded), and the statements' positions are in it.
import { orgPath } from '../engine/organizations/index.js';
import type { InlinePolicy, PolicyDocument } from '../engine/iam/state.js';
import type { World } from '../engine/world.js';
import type { EvalInput, PolicyEntry } from './input.js';

/** The input with the source's policies, or the NoSuchEntity message when the world has no such entity. */
export function withPolicySource(input: EvalInput, world: World): EvalInput | { readonly noSuchEntity: string } {
  const arn = input.policySourceArn;
  if (arn === null) return input;
  const { users, groups, roles } = world.iam;
  const user = users[arn];
  const group = groups[arn];
  const role = roles[arn];
  const entity = user ?? group ?? role;
  // an ARN of no user, group or role of the world; one that names none at all is the evaluator's InvalidInput
  if (entity === undefined) {
    return /^arn:[^:]+:iam::\d{12}:(user|group|role)\/./.test(arn) ? { noSuchEntity: `The entity ${arn} cannot be found.` } : input;
  }
  const identity: PolicyEntry[] = [];
  const ids = new Set<string>();
  const seen = new Set<string>();
  const entry = (id: string, document: PolicyDocument, kind: 'identity' | 'boundary' | 'scp'): PolicyEntry => {
    const unique = ids.has(id) ? `${id} (${identity.length + 1})` : id;
    ids.add(unique);
    const type = kind === 'identity' ? 'IAM Policy' : kind === 'boundary' ? 'Permissions Boundary Policy' : 'Service Control Policy';
    return { id: unique, kind, type, path: ['PolicySourceArn'], value: JSON.stringify(document) };
  };
  const inline = (owner: string, list: readonly InlinePolicy[]) => {
    for (const p of list) identity.push(entry(`${owner}_${p.name}`, p.document, 'identity'));
  };
  const managed = (arns: readonly string[]) => {
    for (const policyArn of arns) {
      const policy = world.iam.policies[policyArn];
      if (policy === undefined || seen.has(policyArn)) continue;
      seen.add(policyArn);
      identity.push(entry(policy.name, policy.document, 'identity'));
    }
  };
  let boundaryArn: string | null = null;
  if (user !== undefined) {
    inline(`user_${user.name}`, user.inline);
    managed(user.attached);
    for (const groupArn of user.groups) {
      const g = groups[groupArn];
      if (g === undefined) continue;
      inline(`group_${g.name}`, g.inline);
      managed(g.attached);
    }
    boundaryArn = user.boundary;
  } else if (group !== undefined) {
    inline(`group_${group.name}`, group.inline);
    managed(group.attached);
  } else if (role !== undefined) {
    inline(`role_${role.name}`, role.inline);
    managed(role.attached);
    boundaryArn = role.boundary;
  }
  const attachedBoundary = boundaryArn === null ? undefined : world.iam.policies[boundaryArn];
  const boundary =
    input.boundary ?? (attachedBoundary === undefined ? null : entry(attachedBoundary.name, attachedBoundary.document, 'boundary'));
  const scpLevels = input.scpLevels ?? organizationLevels(entity.account, world, (name, document) => entry(name, document, 'scp'));
  return {
    ...input,
    identity: [...identity, ...input.identity],
    boundary,
    scpLevels,
    sourceAccount: entity.account,
  };
}

/**
 * The SCPs of each level from the root down to the account, when the account is a member of the
 * world's organization other than its management account (which SCPs do not filter); null otherwise.
 */
function organizationLevels(
  account: string,
  world: World,
  entry: (name: string, document: PolicyDocument) => PolicyEntry,
): PolicyEntry[][] | null {
  const org = world.organizations.organization;
  if (org === null || account === org.managementAccount) return null;
  const path = orgPath(org, account);
  if (path === null) return null;
  return path.map((target) =>
    (org.attached[target] ?? [])
      .map((id) => org.policies[id])
      .filter((p) => p !== undefined && p.type === 'scp')
      .map((p) => entry(p!.name, p!.document)),
  );
}
