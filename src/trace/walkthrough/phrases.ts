// Noun phrases for callers and resources: "IAM user alice of account Development", "session alice
// of role UpdateApp (account Production)", "object app.zip in bucket productionapp".
import type { CallerRecord } from '../../engine/call-record.js';
import type { Facts } from './facts.js';

type Code = (text: string) => string;

export function accountWords(id: string | null, facts: Facts): string {
  if (id === null) return 'no account';
  const name = facts.accounts.get(id);
  return name === undefined ? `account ${id}` : `account ${name}`;
}

/** `arn:aws:sts::ACCT:assumed-role/Role/Session` → [role, session] */
export function sessionParts(arn: string): { role: string; session: string } | null {
  const m = /:assumed-role\/([^/]+)\/(.+)$/.exec(arn);
  return m === null ? null : { role: m[1]!, session: m[2]! };
}

export function callerPhrase(c: CallerRecord, facts: Facts, code: Code): string {
  const kept = c.label.startsWith('credentials ') ? c.label.slice('credentials '.length) : null;
  const via = kept === null ? '' : `, using the credentials kept as ${code(kept)}`;
  const key = c.accessKeyId === null ? '' : ` ${code(c.accessKeyId)}`;
  const temporary = kept === null ? `with temporary credentials${key}` : `with the temporary credentials kept as ${code(kept)}`;
  switch (c.kind) {
    case 'iam-user': {
      const name = facts.entities.get(c.arn)?.name ?? c.arn;
      const how = c.credentials === 'temporary' ? temporary : `with a long-term access key${key}`;
      return `IAM user ${code(name)} of ${accountWords(c.account, facts)}, ${how},`;
    }
    case 'root':
      return `the root user of ${accountWords(c.account, facts)}${c.credentials === 'temporary' ? `, ${temporary},` : ''}`;
    case 'role-session': {
      const parts = sessionParts(c.arn);
      const who = parts === null ? code(c.arn) : `session ${code(parts.session)} of role ${code(parts.role)}`;
      const by = via !== '' ? `${via},` : c.label !== '' ? `, used by ${c.label},` : '';
      return `${who} (${accountWords(c.account, facts)})${by}`;
    }
    case 'federated-user':
      return `federated user ${code(c.arn.slice(c.arn.lastIndexOf('/') + 1))} (${accountWords(c.account, facts)})${via === '' ? '' : `${via},`}`;
    case 'anonymous':
      return 'an anonymous caller, with an unsigned request,';
    case 'service':
      return `the AWS service ${code(c.arn)}`;
    default:
      return c.arn.startsWith('arn:') ? `${c.label} (${code(c.arn)})` : c.label;
  }
}

export function resourcePhrase(arn: string, facts: Facts, code: Code): string {
  if (arn === '*') return `every resource (${code('*')})`;
  const e = facts.entities.get(arn);
  if (e !== undefined) return `${e.kind} ${code(e.name)} in ${accountWords(e.account, facts)}`;
  const s3 = /^arn:aws:s3:::([^/]+)\/(.+)$/.exec(arn);
  if (s3 !== null) return `object ${code(s3[2]!)} in bucket ${code(s3[1]!)}`;
  return code(arn);
}
