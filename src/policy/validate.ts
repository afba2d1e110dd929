// Write-time validation with IAM's own messages (IAM User Guide "IAM JSON policy element
// reference", "IAM and AWS STS quotas"). Returns every problem found, each with the JSON path of
// the offending element; an empty list means IAM would accept it.
import type { PolicyKind, PolicyProblem } from './types.js';
import { parseJsonText } from './validate/json-text.js';
import { malformed, MSG } from './validate/messages.js';
import { isObject } from '../json/is-object.js';
import { checkSize, type SizeOptions } from './validate/size.js';
import { checkStatement } from './validate/statement.js';

export type ValidateOptions = SizeOptions;

const VERSION_2012_ONLY: ReadonlySet<PolicyKind> = new Set(['managed', 'boundary', 'scp', 'rcp']);
const IAM_KINDS: ReadonlySet<PolicyKind> = new Set(['identity', 'managed', 'boundary', 'trust', 'session']);
// policy documents may hold TAB, LF, CR and U+0020–U+00FF (IAM User Guide "Grammar of the IAM JSON
// policy language")
const BAD_CHAR = /[^\t\n\r\u0020-\u00ff]/;

/** `doc` is the parsed JSON, or its text (then repeated keys are reported too). */
export function validatePolicy(doc: unknown, kind: PolicyKind, options: ValidateOptions = {}): PolicyProblem[] {
  const out: PolicyProblem[] = [];
  let value = doc;
  let text: string | null = null;
  if (typeof doc === 'string') {
    const parsed = parseJsonText(doc);
    if (parsed === null) return [malformed(MSG.syntax, [])];
    text = doc;
    value = parsed.value;
    for (const path of parsed.duplicates) out.push(malformed(MSG.syntax, path));
  }
  if (!isObject(value)) return [malformed(MSG.syntax, [])];
  for (const key of Object.keys(value)) {
    if (key !== 'Version' && key !== 'Id' && key !== 'Statement') out.push(malformed(MSG.syntax, [key]));
  }
  const version = value['Version'];
  if (version !== undefined && version !== '2012-10-17' && version !== '2008-10-17') {
    out.push(malformed(MSG.syntax, ['Version']));
  } else if (VERSION_2012_ONLY.has(kind) && version !== '2012-10-17') {
    out.push(malformed(MSG.version, ['Version']));
  }
  if (value['Id'] !== undefined && typeof value['Id'] !== 'string') out.push(malformed(MSG.syntax, ['Id']));

  const statement = value['Statement'];
  const sids = new Set<string>();
  if (isObject(statement)) checkStatement(statement, ['Statement'], kind, sids, out);
  else if (Array.isArray(statement) && statement.length > 0) {
    statement.forEach((st: unknown, i) => checkStatement(st, ['Statement', i], kind, sids, out));
  } else out.push(malformed(MSG.syntax, ['Statement']));

  if (IAM_KINDS.has(kind) && hasBadCharacter(value)) checkCharacters(value, [], out);
  checkSize(value, text, kind, options, out);
  return out;
}

/** The quick test first: a valid document builds no paths. */
function hasBadCharacter(v: unknown): boolean {
  if (typeof v === 'string') return BAD_CHAR.test(v);
  if (Array.isArray(v)) return v.some(hasBadCharacter);
  if (isObject(v)) {
    for (const k in v) if (BAD_CHAR.test(k) || hasBadCharacter(v[k])) return true;
  }
  return false;
}

function checkCharacters(v: unknown, path: (string | number)[], out: PolicyProblem[]): void {
  if (typeof v === 'string') {
    if (BAD_CHAR.test(v)) out.push(malformed(MSG.syntax, path));
  } else if (Array.isArray(v)) v.forEach((x: unknown, i) => checkCharacters(x, [...path, i], out));
  else if (isObject(v)) {
    for (const [k, x] of Object.entries(v)) {
      if (BAD_CHAR.test(k)) out.push(malformed(MSG.syntax, [...path, k]));
      else checkCharacters(x, [...path, k], out);
    }
  }
}
