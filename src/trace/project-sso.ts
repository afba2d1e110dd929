// IAM Identity Center in the trace: the instance, its users, groups and permission sets are shown
// in the management account where the instance lives; an assignment and a provisioning are details
// of the permission set (the role provisioned is an IAM role of its account, shown there).
import type { SsoEvent } from '../engine/sso/index.js';
import type { WorldAccount, WorldEntity } from './model.js';
import { formatSeconds } from './format.js';

type Add = (account: string, entity: WorldEntity) => void;

export function projectSso(event: SsoEvent, add: Add, entities: ReadonlyMap<string, WorldEntity>, accounts: readonly WorldAccount[]): void {
  const account = (id: string) => accounts.find((a) => a.id === id)?.name ?? id;
  switch (event.type) {
    case 'IdentityCenterEnabled': {
      const { instance, users, groups, permissionSets } = event.data;
      const details = [`region ${instance.region}`, `identity store ${instance.identityStoreId}`, `SAML provider ${instance.samlProvider}`];
      if (instance.accessControlAttributes.length)
        details.push(`attributes for access control ${instance.accessControlAttributes.join(', ')}`);
      const name = instance.arn.slice(instance.arn.lastIndexOf('/') + 1);
      add(instance.account, { kind: 'identity-center', name, arn: instance.arn, id: null, details });
      for (const g of groups)
        add(instance.account, { kind: 'sso-group', name: g.name, arn: `group in ${instance.identityStoreId}`, id: g.id, details: [] });
      for (const u of users) {
        const more = u.groups.map((g) => `in group ${g}`);
        const attributes = Object.entries(u.attributes).map(([k, v]) => `${k}=${v}`);
        if (attributes.length) more.push(`attributes ${attributes.join(', ')}`);
        add(instance.account, { kind: 'sso-user', name: u.userName, arn: `user in ${instance.identityStoreId}`, id: u.id, details: more });
      }
      for (const p of permissionSets) {
        const more = [`session ${formatSeconds(p.sessionDuration)}`];
        for (const m of p.managed) more.push(`AWS managed ${m}`);
        for (const r of p.customerManaged) more.push(`customer managed ${r.path === '/' ? '' : r.path}${r.name}`);
        if (p.inline !== null) more.push('inline policy');
        if (p.boundary !== null)
          more.push(
            `boundary ${'managed' in p.boundary ? p.boundary.managed : `${p.boundary.reference.path === '/' ? '' : p.boundary.reference.path}${p.boundary.reference.name}`}`,
          );
        add(instance.account, { kind: 'permission-set', name: p.name, arn: p.arn, id: null, details: more });
      }
      return;
    }
    case 'AccountAssignmentCreated': {
      const a = event.data.assignment;
      const set = [...entities.values()].find((e) => e.kind === 'permission-set' && e.name === a.permissionSet);
      set?.details.push(`assigned to ${a.principalType === 'USER' ? 'user' : 'group'} ${a.principal} in ${account(a.account)}`);
      return;
    }
    case 'PermissionSetProvisioned': {
      const r = event.data.role;
      const set = [...entities.values()].find((e) => e.kind === 'permission-set' && e.name === r.permissionSet);
      set?.details.push(`provisioned to ${account(r.account)} as ${r.name}`);
      return;
    }
    case 'PortalCallFailed':
    case 'PortalCallAnswered':
    case 'PortalSignInStarted': // a step's hop: project.ts
      return;
    default: {
      const unreachable: never = event;
      throw new Error(`bug: the trace does not know event ${JSON.stringify(unreachable)}`);
    }
  }
}
