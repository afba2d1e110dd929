// What AWS services run with a role, declared in an account: `instance-profile NAME { role R;
// path P }` (IAM's instance profile, holding at most one role), `function NAME { role R }` (a Lambda
// function and its execution role, in the scenario's Region) and `instance NAME { instance-profile
// P }` (a running EC2 instance, its Name tag NAME); and the step subjects `as function A/NAME`,
// `as instance A/NAME` (src/engine/services/workload.ts).
import type { CallerRef } from '../../engine/call/command.js';
import type { CommandEnvelope } from '../../engine/events.js';
import { nearest } from '../../errors.js';
import type { Loc, ResourceItem, Subject, Text, WorkloadDecl, WorkloadField } from '../ast.js';
import type { AccountSym } from './account-sym.js';
import type { Resolver } from './symbols.js';

type Emit = (command: CommandEnvelope['command'], loc: Loc) => void;

const FIELDS: Readonly<Record<WorkloadDecl['of'], readonly string[]>> = {
  'instance-profile': ['role', 'path'],
  function: ['role'],
  instance: ['instance-profile'],
};

export function workloadCommands(accounts: readonly AccountSym[], resolver: Resolver, region: string, emit: Emit): void {
  const at = resolver.at;
  const decls = accounts.flatMap((sym) =>
    sym.decl.members.filter((m): m is WorkloadDecl => m.kind === 'Workload').map((m) => ({ sym, m })),
  );
  const seen = new Set<string>();
  for (const { sym, m } of decls) {
    const key = `${m.of} ${sym.id} ${m.name.text}`;
    if (seen.has(key))
      throw at.error(m.name.loc, `account ${sym.name} declares ${m.of} ${m.name.text} twice`, { length: m.name.text.length });
    seen.add(key);
    for (const member of m.members) {
      const field = member.kind === 'Path' ? 'path' : member.field;
      if (!FIELDS[m.of].includes(field)) {
        throw at.error(member.loc, `${m.of} ${m.name.text} has no ${field}`, {
          length: field.length,
          expected: `in a ${m.of} block: ${FIELDS[m.of].map((f) => `\`${f} …\``).join(', ')}`,
        });
      }
      if (m.members.filter((x) => (x.kind === 'Path' ? 'path' : x.field) === field).length > 1) {
        throw at.error(member.loc, `${m.of} ${m.name.text} gives its ${field} twice`, { length: field.length });
      }
    }
  }
  const field = (m: WorkloadDecl, name: 'role' | 'instance-profile') =>
    m.members.find((x): x is WorkloadField => x.kind === 'WorkloadField' && x.field === name);
  const profiles = new Map<string, string>(); // `${account id} ${name}` → ARN
  for (const { sym, m } of decls) {
    if (m.of !== 'instance-profile') continue;
    const pathDecl = m.members.find((x) => x.kind === 'Path');
    const path = pathDecl?.kind === 'Path' ? pathDecl.path.text : '/';
    if (!/^\/([\x21-\x7e]+\/)?$/.test(path) || path.length > 512) {
      throw at.error(pathDecl!.loc, `"${path}" is not an IAM path`, { expected: 'a path that starts and ends with /, such as /apps/' });
    }
    const arn = `arn:aws:iam::${sym.id}:instance-profile${path}${m.name.text}`;
    profiles.set(`${sym.id} ${m.name.text}`, arn);
    const role = field(m, 'role');
    const roleArn = role === undefined ? null : roleOf(role.value, sym, resolver, `instance profile ${m.name.text}`);
    emit({ type: 'DeclareInstanceProfile', data: { arn, name: m.name.text, path, account: sym.id, role: roleArn } }, m.loc);
  }
  for (const { sym, m } of decls) {
    if (m.of === 'function') {
      const role = field(m, 'role');
      if (role === undefined) {
        throw at.error(m.name.loc, `function ${m.name.text} does not say its execution role`, {
          length: m.name.text.length,
          expected: '`role ROLE` in its block: the role Lambda assumes to run it',
        });
      }
      const roleArn = roleOf(role.value, sym, resolver, `function ${m.name.text}`);
      emit({ type: 'DeclareFunction', data: { name: m.name.text, account: sym.id, region, role: roleArn } }, m.loc);
    } else if (m.of === 'instance') {
      const p = field(m, 'instance-profile');
      const profile = p === undefined ? null : profileOf(p.value, sym, profiles, resolver);
      emit({ type: 'DeclareInstance', data: { name: m.name.text, account: sym.id, region, profile } }, m.loc);
    }
  }
}

/** A role of the same account: a service is handed only roles of the account it runs in. */
function roleOf(item: ResourceItem, sym: AccountSym, resolver: Resolver, what: string): string {
  const at = resolver.at;
  if (item.kind === 'Ref' && item.entity !== 'role') {
    throw at.error(item.loc, `${what} names a role, not ${item.entity} ${item.target.text}`, { expected: 'role NAME' });
  }
  const text = item.kind === 'Text' ? item : item.target;
  const arn = text.text.startsWith('arn:') ? text.text : resolver.entity('role', text, sym).arn;
  if (arn.split(':')[4] !== sym.id) {
    throw at.error(text.loc, `${what} needs a role of account ${sym.name} (${sym.id})`, {
      length: text.text.length,
      expected: 'a role of the same account: a role cannot be passed across accounts (IAM User Guide, id_roles_use_passrole)',
    });
  }
  return arn;
}

function profileOf(item: ResourceItem, sym: AccountSym, profiles: ReadonlyMap<string, string>, resolver: Resolver): string {
  const text = item.kind === 'Text' ? item : item.target;
  if (text.text.startsWith('arn:')) return text.text;
  const slash = text.text.indexOf('/');
  const account = slash > 0 ? resolver.account({ ...text, text: text.text.slice(0, slash) }) : sym;
  const name = slash > 0 ? text.text.slice(slash + 1) : text.text;
  const arn = profiles.get(`${account.id} ${name}`);
  if (arn !== undefined) return arn;
  const mine = [...profiles.keys()].filter((k) => k.startsWith(`${account.id} `)).map((k) => k.slice(k.indexOf(' ') + 1));
  const suggestion = nearest(name, mine);
  throw resolver.at.error(text.loc, `account ${account.name} declares no instance profile ${name}`, {
    length: text.text.length,
    expected: mine.length ? `one of ${mine.join(', ')}` : '`instance-profile NAME { role ROLE }` declared in the account',
    ...(suggestion ? { suggestion } : {}),
  });
}

/** `as function ACCOUNT/NAME`, `as instance ACCOUNT/NAME` (the instance's Name tag or its ID), `as task ACCOUNT/FAMILY` (or the task's ID). */
const EXAMPLE = { function: 'reporter', instance: 'web', task: 'worker' } as const;

export function workloadCaller(subject: Extract<Subject, { kind: 'WorkloadSubject' }>, resolver: Resolver): CallerRef {
  const text: Text = subject.path;
  const slash = text.text.indexOf('/');
  if (slash <= 0 || slash === text.text.length - 1) {
    throw resolver.at.error(text.loc, `${subject.of} ${text.text} does not say its account`, {
      length: text.text.length,
      expected: `${subject.of} ACCOUNT/${subject.of === 'task' ? 'FAMILY' : 'NAME'}, such as ${subject.of} dev/${EXAMPLE[subject.of]}`,
    });
  }
  const account = resolver.account({ ...text, text: text.text.slice(0, slash) });
  return { kind: 'workload', of: subject.of, account: account.id, name: text.text.slice(slash + 1) };
}
