// The rules AWS Organizations enforces on an organization's shape, checked on the declared block:
// ID formats (Organizations API reference), names, and the attachment rules of AttachPolicy and
// DetachPolicy — no duplicate attachment, RCPFullAWSAccess stays, every root, OU and account keeps at
// least one SCP, at most five SCPs and five RCPs per target (Organizations quotas).
import { nearest } from '../../errors.js';
import type { OrgPolicyType, OrgTarget } from '../../engine/organizations/index.js';
import type { Loc, OrgPolicyDecl, Text } from '../ast.js';
import type { Located } from './located.js';

export interface PolicyUse {
  readonly kind: 'attach' | 'detach';
  readonly type?: OrgPolicyType; // `scp NAME` or `rcp NAME`; absent for detach
  readonly name: Text;
  readonly target: OrgTarget;
  readonly where: string; // "the root", "ou Workloads", "account Production"
  readonly loc: Loc;
}

const AWS_MANAGED: Readonly<Record<string, OrgPolicyType>> = { FullAWSAccess: 'scp', RCPFullAWSAccess: 'rcp' };
const MAX_ATTACHED = 5;
const LABEL: Readonly<Record<OrgPolicyType, string>> = { scp: 'SCP', rcp: 'RCP' };

export function orgChecks(at: Located) {
  let rootPart: string | null = null;
  const len = (t: Text) => t.text.length + (t.quoted ? 2 : 0);

  return {
    orgId(text: Text): string {
      if (!/^o-[a-z0-9]{10,32}$/.test(text.text)) {
        throw at.error(text.loc, `"${text.text}" is not an organization ID`, {
          length: len(text),
          expected: 'o- followed by 10 to 32 lower-case letters or digits, such as o-a1b2c3d4e5',
        });
      }
      return text.text;
    },

    /** OU ids carry the root's id (ou-ab12-… sits under r-ab12), so all given OU ids must agree. */
    ouId(text: Text, units: readonly { readonly id: string | null }[]): string {
      const m = /^ou-([0-9a-z]{4,32})-[a-z0-9]{8,32}$/.exec(text.text);
      if (!m) {
        throw at.error(text.loc, `"${text.text}" is not an OU ID`, {
          length: len(text),
          expected: 'ou- then the root ID without r- (4 to 32 lower-case letters or digits), - and 8 to 32 more, such as ou-ab12-11111111',
        });
      }
      if (rootPart !== null && m[1] !== rootPart) {
        throw at.error(text.loc, `OU ID ${text.text} names root r-${m[1]}, but another OU of this organization names root r-${rootPart}`, {
          length: len(text),
          expected: `an OU ID starting with ou-${rootPart}-`,
        });
      }
      if (units.some((u) => u.id === text.text)) throw at.error(text.loc, `OU ID ${text.text} is used twice`, { length: len(text) });
      rootPart = m[1]!;
      return text.text;
    },

    rootId: (): string | null => (rootPart === null ? null : `r-${rootPart}`),

    ouName(name: Text, parent: readonly string[], units: readonly { readonly name: string; readonly parent: readonly string[] }[]): void {
      if (name.text.length < 1 || name.text.length > 128)
        throw at.error(name.loc, 'an OU name has 1 to 128 characters', { length: len(name) });
      const same = (a: readonly string[]) => a.length === parent.length && a.every((x, i) => x === parent[i]);
      if (units.some((u) => u.name === name.text && same(u.parent))) {
        throw at.error(name.loc, `DuplicateOrganizationalUnitException: an OU named ${name.text} already exists under the same parent`, {
          length: len(name),
          expected: 'OU names unique within their parent',
        });
      }
    },

    policyName(name: Text, type: OrgPolicyType, definitions: ReadonlyMap<string, OrgPolicyDecl>): void {
      if (name.text.length < 1 || name.text.length > 128)
        throw at.error(name.loc, 'a policy name has 1 to 128 characters', { length: len(name) });
      if (AWS_MANAGED[name.text] !== undefined) {
        throw at.error(name.loc, `${name.text} is the AWS managed ${LABEL[AWS_MANAGED[name.text]!]}; it cannot be redefined`, {
          length: len(name),
          expected: `another name for this ${LABEL[type]}, or \`${AWS_MANAGED[name.text]} ${name.text}\` without a body to attach the AWS one`,
        });
      }
      const earlier = definitions.get(name.text);
      if (earlier) {
        throw at.error(name.loc, `DuplicatePolicyException: a policy named ${name.text} is already defined (line ${earlier.loc.line})`, {
          length: len(name),
          expected: `\`${type} ${name.text}\` without a body to attach the policy defined there`,
        });
      }
    },

    attachments(uses: readonly PolicyUse[], definitions: ReadonlyMap<string, OrgPolicyDecl>): void {
      const typeOf = (name: string): OrgPolicyType | undefined => {
        const d = definitions.get(name);
        return d ? (d.kind === 'Scp' ? 'scp' : 'rcp') : AWS_MANAGED[name];
      };
      const unknown = (u: PolicyUse, type: OrgPolicyType | undefined) => {
        const names = [...Object.keys(AWS_MANAGED), ...definitions.keys()].filter((n) => type === undefined || typeOf(n) === type);
        const suggestion = nearest(u.name.text, names);
        const what = type === undefined ? 'policy' : LABEL[type];
        return at.error(u.name.loc, `${what} ${u.name.text} is not defined in the organization block`, {
          length: len(u.name),
          expected: `a policy defined with \`${type ?? 'scp'} NAME { … }\` in this block, or the AWS managed ${type === 'rcp' ? 'RCPFullAWSAccess' : type === 'scp' ? 'FullAWSAccess' : 'FullAWSAccess or RCPFullAWSAccess'}`,
          ...(suggestion ? { suggestion } : {}),
        });
      };
      const targets = new Map<string, { readonly where: string; attached: string[]; readonly last: Map<OrgPolicyType, PolicyUse> }>();
      const entry = (u: PolicyUse) => {
        const key = JSON.stringify(u.target);
        let e = targets.get(key);
        if (!e) targets.set(key, (e = { where: u.where, attached: ['FullAWSAccess', 'RCPFullAWSAccess'], last: new Map() }));
        return e;
      };
      for (const u of uses) {
        if (u.kind !== 'attach') continue;
        const type = typeOf(u.name.text);
        if (type === undefined) throw unknown(u, u.type);
        if (type !== u.type) {
          throw at.error(u.name.loc, `${u.name.text} is an ${LABEL[type]}, not an ${LABEL[u.type!]}`, {
            length: len(u.name),
            expected: `\`${type} ${u.name.text}\``,
          });
        }
        const e = entry(u);
        if (e.attached.includes(u.name.text)) {
          const dflt = AWS_MANAGED[u.name.text] !== undefined ? ' (AWS attaches it to every root, OU and account)' : '';
          throw at.error(
            u.loc,
            `DuplicatePolicyAttachmentException: ${LABEL[type]} ${u.name.text} is already attached to ${u.where}${dflt}`,
            { length: 3 },
          );
        }
        e.attached.push(u.name.text);
        e.last.set(type, u);
      }
      for (const u of uses) {
        if (u.kind !== 'detach') continue;
        const type = typeOf(u.name.text);
        if (type === undefined) throw unknown(u, undefined);
        if (u.name.text === 'RCPFullAWSAccess') {
          throw at.error(
            u.name.loc,
            'RCPFullAWSAccess cannot be detached: AWS keeps it attached to the root, every OU and every account while RCPs are enabled',
            {
              length: len(u.name),
              expected: 'RCPs with Deny statements beside it (customer RCPs can only deny)',
            },
          );
        }
        const e = entry(u);
        if (!e.attached.includes(u.name.text)) {
          throw at.error(u.name.loc, `PolicyNotAttachedException: ${LABEL[type]} ${u.name.text} is not attached to ${u.where}`, {
            length: len(u.name),
            expected: `a policy attached directly to ${u.where} (a policy attached above is inherited, and is detached where it is attached)`,
          });
        }
        e.attached = e.attached.filter((n) => n !== u.name.text);
        if (type === 'scp' && !e.attached.some((n) => typeOf(n) === 'scp')) {
          throw at.error(
            u.loc,
            `ConstraintViolationException (MIN_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED): detaching ${u.name.text} would leave ${u.where} without any SCP`,
            {
              length: 6,
              expected: `another SCP attached to ${u.where} first (an allow list): every root, OU and account must have at least one SCP`,
            },
          );
        }
      }
      for (const e of targets.values()) {
        for (const type of ['scp', 'rcp'] as const) {
          const count = e.attached.filter((n) => typeOf(n) === type).length;
          const last = e.last.get(type);
          if (count > MAX_ATTACHED && last) {
            throw at.error(
              last.loc,
              `ConstraintViolationException (POLICY_NUMBER_LIMIT_EXCEEDED): ${e.where} would have ${count} ${LABEL[type]}s attached`,
              {
                length: 3,
                expected: `at most ${MAX_ATTACHED} ${LABEL[type]}s attached to each root, OU and account (the AWS managed one counts)`,
              },
            );
          }
        }
      }
    },
  };
}
