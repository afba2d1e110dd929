// An `organization` block becomes Organizations commands: the organization, its SCPs and RCPs, its
// OUs (pre-order), the accounts in their places, then every attachment and, last, every detach — the
// order AWS requires to replace FullAWSAccess by an allow list. The structure is checked here and
// every problem is reported where it is written.
import type { CommandEnvelope } from '../../engine/events.js';
import type { OrgPolicyType, OrgTarget } from '../../engine/organizations/index.js';
import type { Loc, OrganizationDecl, OrgPolicyDecl, OuMember, Text } from '../ast.js';
import { orgChecks, type PolicyUse } from './org-rules.js';
import type { AccountSym } from './account-sym.js';
import type { BodyContext } from './context.js';
import { policyDocument } from './policy-body.js';

type Emit = (command: CommandEnvelope['command'], loc: Loc) => void;

/** AWS nests OUs at most five levels below the root (Organizations quotas). */
const MAX_DEPTH = 5;

interface Placement {
  readonly account: AccountSym;
  readonly parent: readonly string[];
  readonly where: string;
  readonly loc: Loc;
}

export function organizationCommands(decl: OrganizationDecl, ctx0: Omit<BodyContext, 'here'>, emit: Emit): void {
  const ctx: BodyContext = { ...ctx0, here: null };
  const { resolver } = ctx;
  const at = resolver.at;
  const rules = orgChecks(at);
  const orgId = decl.id === null ? null : rules.orgId(decl.id);

  const managements = decl.members.filter((m) => m.kind === 'Management');
  if (managements.length > 1) {
    throw at.error(managements[1]!.loc, 'an organization has one management account', {
      length: 10,
      expected: 'one `management ACCOUNT` line',
    });
  }
  const managementDecl = managements[0];
  if (!managementDecl) {
    throw at.error(decl.loc, 'the organization does not name its management account', {
      length: 12,
      expected: '`management ACCOUNT` inside the block: the account that owns the organization',
    });
  }
  const management = resolver.account(managementDecl.account);

  const units: { readonly name: string; readonly id: string | null; readonly parent: readonly string[]; readonly loc: Loc }[] = [];
  const placements: Placement[] = [];
  const definitions = new Map<string, OrgPolicyDecl>();
  const uses: PolicyUse[] = [];

  const place = (text: Text, parent: readonly string[], where: string, loc: Loc): AccountSym => {
    const account = resolver.account(text);
    const earlier = placements.find((p) => p.account.id === account.id);
    if (earlier) {
      throw at.error(
        text.loc,
        `account ${account.name} is placed twice in the organization: it is already in ${earlier.where} (line ${earlier.loc.line})`,
        {
          length: text.text.length,
          expected: 'each account in one place: the root or one OU (put its SCPs and RCPs in that one `account … { }` block)',
        },
      );
    }
    placements.push({ account, parent, where, loc });
    return account;
  };

  const policyMember = (m: OrgPolicyDecl | Extract<OuMember, { kind: 'Detach' }>, target: OrgTarget, where: string) => {
    if (m.kind === 'Detach') {
      uses.push({ kind: 'detach', name: m.name, target, where, loc: m.loc });
      return;
    }
    const type: OrgPolicyType = m.kind === 'Scp' ? 'scp' : 'rcp';
    if (m.body !== null) {
      rules.policyName(m.name, type, definitions);
      definitions.set(m.name.text, m);
    }
    uses.push({ kind: 'attach', type, name: m.name, target, where, loc: m.loc });
  };

  const walk = (members: readonly OuMember[], parent: readonly string[], target: OrgTarget, where: string) => {
    for (const m of members) {
      switch (m.kind) {
        case 'OrgAccounts':
          for (const text of m.accounts) place(text, parent, where, text.loc);
          break;
        case 'OrgAccount': {
          const account = place(m.account, parent, where, m.account.loc);
          for (const p of m.members) policyMember(p, { kind: 'account', account: account.id }, `account ${account.name}`);
          break;
        }
        case 'Ou': {
          const path = [...parent, m.name.text];
          rules.ouName(m.name, parent, units);
          if (path.length > MAX_DEPTH) {
            throw at.error(
              m.name.loc,
              `ConstraintViolationException (OU_DEPTH_LIMIT_EXCEEDED): ou ${m.name.text} would be nested ${path.length} levels below the root`,
              {
                length: m.name.text.length,
                expected: `OUs nested at most ${MAX_DEPTH} levels below the root`,
              },
            );
          }
          units.push({ name: m.name.text, id: m.id === null ? null : rules.ouId(m.id, units), parent, loc: m.loc });
          walk(m.members, path, { kind: 'ou', path }, `ou ${m.name.text}`);
          break;
        }
        case 'Scp':
        case 'Rcp':
        case 'Detach':
          policyMember(m, target, where);
          break;
        default: {
          const unreachable: never = m;
          throw new Error(`bug: unknown organization member ${JSON.stringify(unreachable)}`);
        }
      }
    }
  };
  walk(
    decl.members.filter((m): m is OuMember => m.kind !== 'Management'),
    [],
    { kind: 'root' },
    'the root',
  );
  if (!placements.some((p) => p.account.id === management.id)) {
    placements.unshift({ account: management, parent: [], where: 'the root', loc: managementDecl.loc });
  }
  rules.attachments(uses, definitions);

  emit({ type: 'CreateOrganization', data: { id: orgId, rootId: rules.rootId(), managementAccount: management.id } }, decl.loc);
  for (const [name, d] of definitions) {
    const policyType: OrgPolicyType = d.kind === 'Scp' ? 'scp' : 'rcp';
    const document = policyDocument(d.body!, policyType, `${policyType === 'scp' ? 'SCP' : 'RCP'} ${name}`, ctx);
    emit({ type: 'CreateOrganizationPolicy', data: { name, policyType, document } }, d.loc);
  }
  for (const u of units) emit({ type: 'CreateOrganizationalUnit', data: { id: u.id, name: u.name, parent: u.parent } }, u.loc);
  const ordered = [
    ...placements.filter((p) => p.account.id === management.id),
    ...placements.filter((p) => p.account.id !== management.id),
  ];
  for (const p of ordered) emit({ type: 'AddAccountToOrganization', data: { account: p.account.id, parent: p.parent } }, p.loc);
  for (const u of uses)
    if (u.kind === 'attach') emit({ type: 'AttachOrganizationPolicy', data: { policy: u.name.text, target: u.target } }, u.loc);
  for (const u of uses)
    if (u.kind === 'detach') emit({ type: 'DetachOrganizationPolicy', data: { policy: u.name.text, target: u.target } }, u.loc);
}
