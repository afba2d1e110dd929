// IAM Identity Center's decide: enabling the instance (IDs minted), account assignments, and the
// provisioning of a permission set to an account the first time it is assigned there (IAM Identity
// Center User Guide "Assign user or group access to AWS accounts": the assignment provisions the
// permission set, creating its IAM role in the account).
import { freeze } from 'immer';
import type { PolicyDocument } from '../iam/state.js';
import type { World } from '../world.js';
import type { SsoCommand } from './commands.js';
import type { SsoEvent } from './events.js';
import { identityStoreId, instanceId, permissionSetArn, principalId, reservedRoleName, reservedRolePath, samlProviderName } from './ids.js';
import { roleKey, type PermissionSet, type ProvisionedRole, type SsoInstance } from './state.js';

export function decideSso(command: Exclude<SsoCommand, { type: 'SignInToPortal' | 'FinishPortalSignIn' }>, world: World): SsoEvent[] {
  const seed = world.scenario.seed;
  switch (command.type) {
    case 'EnableIdentityCenter': {
      const d = command.data;
      const id = instanceId(seed, d.account);
      const instance: SsoInstance = {
        arn: `arn:aws:sso:::instance/${id}`,
        identityStoreId: identityStoreId(seed, d.account),
        account: d.account,
        region: d.region,
        samlProvider: samlProviderName(seed, id),
        accessControlAttributes: [...d.accessControlAttributes],
      };
      return [
        {
          type: 'IdentityCenterEnabled',
          data: {
            instance,
            users: d.users.map((u) => ({
              userName: u.userName,
              id: principalId(seed, 'user', u.userName),
              groups: [...u.groups],
              attributes: { ...u.attributes },
            })),
            groups: d.groups.map((name) => ({ name, id: principalId(seed, 'group', name) })),
            permissionSets: d.permissionSets.map((p) => ({
              ...p,
              arn: permissionSetArn(seed, id, p.name),
              managed: [...p.managed],
              customerManaged: p.customerManaged.map((r) => ({ ...r })),
              inline: p.inline === null ? null : freeze(p.inline),
              boundary:
                p.boundary === null
                  ? null
                  : 'managed' in p.boundary
                    ? { managed: p.boundary.managed }
                    : { reference: { ...p.boundary.reference } },
            })),
          },
        },
      ];
    }
    case 'CreateAccountAssignment': {
      const d = command.data;
      const sso = world.sso;
      const instance = sso.instance;
      const permissionSet = sso.permissionSets[d.permissionSet];
      if (instance === null || permissionSet === undefined) throw new Error(`bug: assignment of unknown permission set ${d.permissionSet}`);
      const id = d.principalType === 'USER' ? sso.users[d.principal]?.id : sso.groups[d.principal]?.id;
      if (id === undefined) throw new Error(`bug: assignment to unknown ${d.principalType} ${d.principal}`);
      const events: SsoEvent[] = [{ type: 'AccountAssignmentCreated', data: { assignment: { ...d, principalId: id } } }];
      if (sso.roles[roleKey(d.account, d.permissionSet)] === undefined) {
        events.push({ type: 'PermissionSetProvisioned', data: { role: provisionedRole(seed, instance, permissionSet, d.account) } });
      }
      return events;
    }
    default: {
      const unreachable: never = command;
      throw new Error(`bug: unknown IAM Identity Center command ${JSON.stringify(unreachable)}`);
    }
  }
}

/**
 * The role a permission set becomes in an account: its name and path, the trust policy Identity
 * Center writes (the account's SAML provider for the instance, sts:AssumeRoleWithSAML and
 * sts:TagSession, SAML:aud the AWS sign-in endpoint), the permission set's policies (customer
 * managed references resolved by name and path in that account: IAM Identity Center User Guide
 * "Customer managed policies"), its boundary and its session duration as the role's maximum.
 */
export function provisionedRole(seed: string, instance: SsoInstance, set: PermissionSet, account: string): ProvisionedRole {
  const name = reservedRoleName(seed, account, set.name);
  const path = reservedRolePath(instance.region);
  const customer = (r: { name: string; path: string }) => `arn:aws:iam::${account}:policy${r.path}${r.name}`;
  const trust: PolicyDocument = {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { Federated: `arn:aws:iam::${account}:saml-provider/${instance.samlProvider}` },
        Action: ['sts:AssumeRoleWithSAML', 'sts:TagSession'],
        Condition: { StringEquals: { 'SAML:aud': 'https://signin.aws.amazon.com/saml' } },
      },
    ],
  };
  return {
    account,
    permissionSet: set.name,
    arn: `arn:aws:iam::${account}:role${path}${name}`,
    name,
    path,
    trust,
    maxSessionDuration: set.sessionDuration,
    attached: [...set.managed, ...set.customerManaged.map(customer)],
    inline: set.inline,
    boundary: set.boundary === null ? null : 'managed' in set.boundary ? set.boundary.managed : customer(set.boundary.reference),
  };
}
