// `identity-center { … }` becomes IAM Identity Center's commands: the instance (in the
// organization's management account: IAM Identity Center User Guide "Organization and account
// instances of IAM Identity Center"), then one CreateAccountAssignment per account of each `assign`,
// which the engine provisions (src/engine/sso/). Checked here: the names (users, groups, permission
// sets, accounts of the organization), the permission set's session duration (1 to 12 hours: AWS
// IAM Identity Center API Reference, "CreatePermissionSet": SessionDuration), and that each customer
// managed policy a permission set references exists, by name and path, in every account it is
// assigned to (IAM Identity Center User Guide "Customer managed policies": provisioning fails in
// an account that lacks it).
import { nearest } from '../../errors.js';
import type { CommandEnvelope } from '../../engine/events.js';
import type { PermissionSetSpec } from '../../engine/sso/commands.js';
import { instanceId as instanceIdOf, portalAccessToken } from '../../engine/sso/ids.js';
import type { IdentityCenterDecl, OrganizationDecl, OuMember, PermissionSetMember, Text } from '../ast.js';
import type { Loc } from '../ast.js';
import type { AccountSym } from './account-sym.js';
import type { BodyContext } from './context.js';
import { policyDocument } from './policy-body.js';
import { awsPolicyRef } from './world.js';
import { checkRegion, durationSeconds } from './values.js';

type Emit = (command: CommandEnvelope['command'], loc: Loc) => void;

/** What the steps need to know of the instance: whose sign-in an `access-token USER` value is. */
export interface IdentityCenterScope {
  readonly users: ReadonlySet<string>;
  token(user: string): string;
}

const PERMISSION_SET_NAME = /^[\w+=,.@-]{1,32}$/;

export function identityCenterCommands(
  decl: IdentityCenterDecl,
  organization: OrganizationDecl | undefined,
  seed: string,
  defaultRegion: string,
  ctx: Omit<BodyContext, 'here'>,
  emit: Emit,
): IdentityCenterScope {
  const { resolver } = ctx;
  const at = resolver.at;
  const managementText = organization?.members.find((m) => m.kind === 'Management');
  if (organization === undefined || managementText === undefined || managementText.kind !== 'Management') {
    throw at.error(decl.loc, 'IAM Identity Center needs an organization: its instance lives in the management account', {
      length: 'identity-center'.length,
      expected: 'an `organization { management ACCOUNT … }` that places the accounts the permission sets are assigned to',
    });
  }
  const management = resolver.account(managementText.account);
  const members = orgAccounts(organization, resolver.account.bind(resolver));
  members.add(management.id);

  const regions = decl.members.filter((m) => m.kind === 'IcRegion');
  if (regions.length > 1) throw at.error(regions[1]!.loc, 'an IAM Identity Center instance has one Region', { length: 6 });
  const region = regions[0] ? checkRegion(regions[0].name, at) : defaultRegion;
  const attributeKeys = decl.members.flatMap((m) => (m.kind === 'IcAttributeKeys' ? m.keys.map((k) => k.text) : []));

  const unique = <T extends { name: Text }>(items: T[], what: string): Map<string, T> => {
    const out = new Map<string, T>();
    for (const item of items) {
      if (out.has(item.name.text))
        throw at.error(item.name.loc, `${what} ${item.name.text} is declared twice`, { length: item.name.text.length });
      out.set(item.name.text, item);
    }
    return out;
  };
  const groups = unique(
    decl.members.filter((m) => m.kind === 'IcGroup'),
    'group',
  );
  const users = unique(
    decl.members.filter((m) => m.kind === 'IcUser'),
    'user',
  );
  const sets = unique(
    decl.members.filter((m) => m.kind === 'PermissionSet'),
    'permission set',
  );
  const known = (name: Text, names: Map<string, unknown>, what: string): void => {
    if (names.has(name.text)) return;
    const suggestion = nearest(name.text, names.keys());
    throw at.error(name.loc, `${what} ${name.text} is not declared in identity-center`, {
      length: name.text.length,
      expected: names.size ? `one of ${[...names.keys()].join(', ')}` : `a \`${what.replace(' ', '-')} ${name.text}\` in the block`,
      ...(suggestion ? { suggestion } : {}),
    });
  };

  const userSpecs = [...users.values()].map((u) => {
    const memberOf: string[] = [];
    const attributes: Record<string, string> = {};
    for (const m of u.members) {
      if (m.kind === 'IcUserGroups') {
        for (const g of m.groups) {
          known(g, groups, 'group');
          memberOf.push(g.text);
        }
      } else {
        for (const e of m.entries) {
          if (e.value.kind !== 'Text')
            throw at.error(e.value.loc, `attribute ${e.key.text} of user ${u.name.text} is not text`, {
              expected: 'a word or a quoted string',
            });
          attributes[e.key.text] = e.value.text;
        }
      }
    }
    return { userName: u.name.text, groups: memberOf, attributes };
  });

  const assigns = decl.members.filter((m) => m.kind === 'Assign');
  const setSpecs: PermissionSetSpec[] = [...sets.values()].map((p) => {
    if (!PERMISSION_SET_NAME.test(p.name.text))
      throw at.error(p.name.loc, `permission set name ${p.name.text} is not valid`, {
        length: p.name.text.length,
        expected: '1 to 32 letters, digits or +=,.@_- (AWS IAM Identity Center API Reference, CreatePermissionSet: Name)',
      });
    const accounts = assigns.filter((a) => a.permissionSet.text === p.name.text).flatMap((a) => a.accounts.map((t) => resolver.account(t)));
    return permissionSetSpec(p.name.text, p.members, accounts, ctx);
  });

  emit(
    {
      type: 'EnableIdentityCenter',
      data: {
        account: management.id,
        region,
        accessControlAttributes: attributeKeys,
        users: userSpecs,
        groups: [...groups.keys()],
        permissionSets: setSpecs,
      },
    },
    decl.loc,
  );
  for (const a of assigns) {
    known(a.principal, a.principalType === 'USER' ? users : groups, a.principalType === 'USER' ? 'user' : 'group');
    known(a.permissionSet, sets, 'permission-set');
    for (const t of a.accounts) {
      const account = resolver.account(t);
      if (!members.has(account.id))
        throw at.error(t.loc, `account ${account.name} is not in the organization`, {
          length: t.text.length,
          expected: "an account the organization places: IAM Identity Center assigns permission sets in its organization's accounts",
        });
      emit(
        {
          type: 'CreateAccountAssignment',
          data: { principalType: a.principalType, principal: a.principal.text, permissionSet: a.permissionSet.text, account: account.id },
        },
        a.loc,
      );
    }
  }
  return { users: new Set(users.keys()), token: (user) => portalAccessToken(seed, instanceArnOf(seed, management.id), user) };
}

function instanceArnOf(seed: string, account: string): string {
  return `arn:aws:sso:::instance/${instanceIdOf(seed, account)}`;
}

function permissionSetSpec(
  name: string,
  members: readonly PermissionSetMember[],
  accounts: readonly AccountSym[],
  ctx: Omit<BodyContext, 'here'>,
): PermissionSetSpec {
  const at = ctx.resolver.at;
  let sessionDuration = 3600;
  let inline: PermissionSetSpec['inline'] = null;
  let boundary: PermissionSetSpec['boundary'] = null;
  const customerManaged: { name: string; path: string }[] = [];
  const managed: string[] = [];
  /** a customer managed policy reference, `NAME` or `/PATH/NAME`, that each assigned account must have */
  const reference = (text: Text): { name: string; path: string } => {
    const slash = text.text.lastIndexOf('/');
    const ref = slash < 0 ? { name: text.text, path: '/' } : { name: text.text.slice(slash + 1), path: text.text.slice(0, slash + 1) };
    for (const account of accounts) {
      const arn = `arn:aws:iam::${account.id}:policy${ref.path}${ref.name}`;
      if (![...account.entities.values()].some((e) => e.kind === 'policy' && e.arn === arn))
        throw at.error(
          text.loc,
          `permission set ${name} references customer managed policy ${text.text}, which account ${account.name} does not have`,
          {
            length: text.text.length,
            expected: `a \`policy ${ref.name}\`${ref.path === '/' ? '' : ` with path ${ref.path}`} in account ${account.name}: Identity Center resolves the reference by name and path in each account, and provisioning fails where it is missing`,
          },
        );
    }
    return ref;
  };
  for (const m of members) {
    switch (m.kind) {
      case 'PsManaged':
        for (const arn of m.arns) managed.push(awsPolicyRef(arn, ctx));
        break;
      case 'PsCustomerManaged':
        for (const n of m.names) customerManaged.push(reference(n));
        break;
      case 'PsInline':
        inline = policyDocument(m.body, 'identity', `inline policy of permission set ${name}`, { ...ctx, here: null });
        break;
      case 'PsBoundary':
        boundary = m.policy.text.startsWith('arn:') ? { managed: awsPolicyRef(m.policy, ctx) } : { reference: reference(m.policy) };
        break;
      case 'PsSessionDuration': {
        const seconds = durationSeconds(m.duration, at);
        if (seconds < 3600 || seconds > 43200)
          throw at.error(m.duration.loc, `session duration ${m.duration.text} is out of range`, {
            length: m.duration.text.length,
            expected: 'from 1h to 12h (AWS IAM Identity Center API Reference, CreatePermissionSet: SessionDuration)',
          });
        sessionDuration = seconds;
        break;
      }
      default: {
        const unreachable: never = m;
        throw new Error(`bug: unknown permission set member ${JSON.stringify(unreachable)}`);
      }
    }
  }
  return { name, managed, customerManaged, inline, boundary, sessionDuration };
}

/** Every account the organization places (at the root, in OUs, or in an account block). */
function orgAccounts(decl: OrganizationDecl, account: (t: Text) => AccountSym): Set<string> {
  const out = new Set<string>();
  const walk = (members: readonly OuMember[]) => {
    for (const m of members) {
      if (m.kind === 'OrgAccounts') for (const t of m.accounts) out.add(account(t).id);
      else if (m.kind === 'OrgAccount') out.add(account(m.account).id);
      else if (m.kind === 'Ou') walk(m.members);
    }
  };
  walk(decl.members.filter((m): m is OuMember => m.kind !== 'Management'));
  return out;
}
