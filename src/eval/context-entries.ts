// ContextEntries (IAM API ContextEntry): each key's values are checked against its ContextKeyType and
// become the request context. Single-valued types hold one value, the *List types a list; values
// stay text (the evaluator parses them per condition operator), booleans are lower-cased.
import type { ContextValue } from '../policy/index.js';
import { EvalInputError, invalidType } from './errors.js';
import { isObject } from '../json/is-object.js';
import { checkLength } from './params.js';
import type { JsonPath } from '../json/locate.js';

type Base = 'string' | 'numeric' | 'boolean' | 'ip' | 'binary' | 'date';
export type ContextKeyType = Base | `${Base}List`;

export const CONTEXT_KEY_TYPES: readonly ContextKeyType[] = [
  'string',
  'stringList',
  'numeric',
  'numericList',
  'boolean',
  'booleanList',
  'ip',
  'ipList',
  'binary',
  'binaryList',
  'date',
  'dateList',
];

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
// W3C ISO-8601 (date, optional time, optional fraction and zone) or epoch seconds
const DATE = /^(\d{4}(-\d{2}(-\d{2}([Tt ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?([Zz]|[+-]\d{2}(:?\d{2})?)?)?)?)?|\d+(\.\d+)?)$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** The normalised value, or null when `v` is not a value of that type. */
const PARSE: Readonly<Record<Base, (v: string) => string | null>> = {
  string: (v) => v,
  numeric: (v) => (NUMBER.test(v) ? v : null),
  boolean: (v) => (/^(true|false)$/i.test(v) ? v.toLowerCase() : null),
  ip: (v) => (isIP(v) !== 0 ? v : null),
  binary: (v) => (BASE64.test(v) ? v : null),
  date: (v) => (DATE.test(v) && validDate(v) ? v : null),
};

function validDate(v: string): boolean {
  if (!v.includes('-')) return true; // epoch seconds
  const [month, day, hour, minute, second] = [5, 8, 11, 14, 17].map((at) => Number(v.slice(at, at + 2) || '0'));
  return (
    (v.length < 7 || (month! >= 1 && month! <= 12)) &&
    (v.length < 10 || (day! >= 1 && day! <= 31)) &&
    hour! <= 23 &&
    minute! <= 59 &&
    second! <= 60
  );
}

export function contextFromEntries(entries: unknown): Record<string, ContextValue> {
  const out: Record<string, ContextValue> = {};
  if (entries === undefined) return out;
  if (!Array.isArray(entries)) throw invalidType(['ContextEntries'], entries, 'list');
  const seen = new Map<string, number>();
  entries.forEach((entry: unknown, i) => {
    const at = (...rest: (string | number)[]): JsonPath => ['ContextEntries', i, ...rest];
    if (!isObject(entry)) throw invalidType(at(), entry, 'object');
    for (const key of Object.keys(entry)) {
      if (key !== 'ContextKeyName' && key !== 'ContextKeyValues' && key !== 'ContextKeyType') {
        const msg = `Unknown parameter in input: "${key}", must be one of: ContextKeyName, ContextKeyValues, ContextKeyType`;
        throw new EvalInputError(msg, { path: at(key), key: true });
      }
    }
    const name = entry['ContextKeyName'];
    if (name === undefined) throw new EvalInputError(`ContextEntries[${i}] has no ContextKeyName`, { path: at() });
    if (typeof name !== 'string') throw invalidType(at('ContextKeyName'), name, 'string');
    checkLength(name, at('ContextKeyName'), 5, 256);
    const first = seen.get(name.toLowerCase());
    if (first !== undefined) {
      const msg = `context key ${name} is given twice (ContextEntries[${first}] and ContextEntries[${i}]); key names ignore case`;
      throw new EvalInputError(msg, { path: at('ContextKeyName') });
    }
    seen.set(name.toLowerCase(), i);
    const value = entryValue(entry, at);
    if (value !== null) out[name] = value;
  });
  return out;
}

function entryValue(entry: Record<string, unknown>, at: (...rest: (string | number)[]) => JsonPath): ContextValue | null {
  const raw = entry['ContextKeyValues'] ?? [];
  if (!Array.isArray(raw)) throw invalidType(at('ContextKeyValues'), raw, 'list');
  raw.forEach((v: unknown, j) => {
    if (typeof v !== 'string') throw invalidType(at('ContextKeyValues', j), v, 'string');
  });
  const values = raw as string[];
  const declared = entry['ContextKeyType'];
  if (declared !== undefined && typeof declared !== 'string') throw invalidType(at('ContextKeyType'), declared, 'string');
  // ContextKeyType is optional in the API: one value is a string, several a stringList
  const type = declared ?? (values.length > 1 ? 'stringList' : 'string');
  if (!(CONTEXT_KEY_TYPES as readonly string[]).includes(type)) {
    const member = `contextEntries.${Number(at()[1]) + 1}.member.contextKeyType`;
    const msg = `1 validation error detected: Value '${type}' at '${member}' failed to satisfy constraint: Member must satisfy enum value set: [${CONTEXT_KEY_TYPES.join(', ')}]`;
    throw new EvalInputError(msg, { path: at('ContextKeyType') });
  }
  const list = type.endsWith('List');
  const base = (list ? type.slice(0, -4) : type) as Base;
  if (!list && values.length > 1) {
    const msg = `ContextKeyType ${type} takes one value, not ${values.length}: use ${type}List for a multivalued key`;
    throw new EvalInputError(msg, { path: at('ContextKeyValues', 1) });
  }
  const parsed = values.map((v, j) => {
    const p = PARSE[base](v);
    if (p === null) {
      throw new EvalInputError(`"${v}" is not a ${base} value (ContextKeyType ${type})`, { path: at('ContextKeyValues', j) });
    }
    return p;
  });
  if (list) return parsed;
  return parsed[0] ?? null;
}

/** node:net, loaded only when an eval input has an IP value (the bundle would otherwise load it at start). */
function isIP(value: string): number {
  return process.getBuiltinModule('node:net').isIP(value);
}
