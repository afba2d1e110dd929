// Words for what a log's schema expects at a field, and what the log holds there instead.
import * as z from 'zod/mini';
import { joinOr } from '../errors.js';

type Path = readonly (string | number)[];

/** `data.call.evaluations[0].evaluation`: how a message names a field. */
export function fieldPath(path: Path): string {
  let out = '';
  for (const k of path) {
    if (typeof k === 'number') out += `[${k}]`;
    else if (!/^[A-Za-z_$][\w$]*$/.test(k)) out += `[${JSON.stringify(k)}]`;
    else out += out === '' ? k : `.${k}`;
  }
  return out === '' ? 'the event' : out;
}

/** The value at `path`, or `missing` when the path ends at an absent field. */
export function valueAt(root: unknown, path: Path): { readonly value: unknown; readonly missing: boolean } {
  let v: unknown = root;
  for (const k of path) {
    if (v === null || typeof v !== 'object') return { value: undefined, missing: true };
    const next = (v as Record<string | number, unknown>)[k];
    if (next === undefined) return { value: undefined, missing: true };
    v = next;
  }
  return { value: v, missing: false };
}

type Schema = z.core.$ZodType;
type Def = z.core.$ZodTypes['_zod']['def'];

const defOf = (s: Schema): Def => (s as z.core.$ZodTypes)._zod.def;

/** The schema that decides the value at `path` (following unions by what the value is). */
export function schemaAt(schema: Schema, root: unknown, path: Path): Schema | null {
  let s: Schema = schema;
  let v: unknown = root;
  for (const k of path) {
    s = unwrap(s, v);
    const def = defOf(s);
    let next: Schema | undefined;
    if (def.type === 'object') next = def.shape[String(k)];
    else if (def.type === 'record') next = def.valueType;
    else if (def.type === 'array') next = def.element;
    else if (def.type === 'union' && 'discriminator' in def && k === def.discriminator) next = z.literal(tagsOf(s));
    if (next === undefined) return null;
    s = next;
    v = v !== null && typeof v === 'object' ? (v as Record<string | number, unknown>)[k] : undefined;
  }
  return s;
}

/** Through optional and nullable, and into the member of a union that fits the value. */
function unwrap(s: Schema, v: unknown): Schema {
  for (;;) {
    const def = defOf(s);
    if (def.type === 'optional' || def.type === 'nullable') s = def.innerType;
    else if (def.type === 'union') {
      const key = 'discriminator' in def && typeof def.discriminator === 'string' ? def.discriminator : null;
      const tag = key !== null && v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined;
      const match =
        key !== null
          ? def.options.find((o) => (literalValues(fieldOf(o, key)) as unknown[]).includes(tag))
          : def.options.find((o) => (defOf(o).type === 'array') === Array.isArray(v) && defOf(o).type !== 'string');
      if (match === undefined) return s;
      s = match;
    } else return s;
  }
}

function fieldOf(s: Schema, key: string): Schema | undefined {
  const def = defOf(s);
  return def.type === 'object' ? def.shape[key] : undefined;
}

/** The values of a discriminated union's tag, one per member. */
function tagsOf(s: Schema): z.core.util.Literal[] {
  const def = defOf(s);
  if (def.type !== 'union' || !('discriminator' in def) || typeof def.discriminator !== 'string') return [];
  const key = def.discriminator;
  return def.options.flatMap((o) => literalValues(fieldOf(o, key)));
}

function literalValues(s: Schema | undefined): z.core.util.Literal[] {
  if (s === undefined) return [];
  const def = defOf(s);
  return def.type === 'literal' ? [...def.values] : [];
}

/** What a schema accepts, in words: "a string or null", "one of "allowed", "denied" or "error"". */
export function describeSchema(s: Schema | null): string {
  if (s === null) return 'nothing here';
  const def = defOf(s);
  switch (def.type) {
    case 'optional':
      return describeSchema(def.innerType);
    case 'nullable':
      return `${describeSchema(def.innerType)} or null`;
    case 'string':
      return 'a string';
    case 'number':
      return 'a number';
    case 'boolean':
      return 'true or false';
    case 'literal':
      return oneOf([...def.values]);
    case 'enum':
      return oneOf(Object.values(def.entries));
    case 'array': {
      const of = describeSchema(def.element);
      return of.startsWith('a ') ? `a list of ${of.slice(2)}s` : 'a list';
    }
    case 'union':
      if ('discriminator' in def && typeof def.discriminator === 'string')
        return `an object whose ${def.discriminator} is ${oneOf(tagsOf(s))}`;
      return def.options.map((o) => describeSchema(o)).join(' or ');
    case 'object': {
      const keys = Object.keys(def.shape);
      return `an object { ${keys.slice(0, 6).join(', ')}${keys.length > 6 ? ', …' : ''} }`;
    }
    case 'record':
      return 'an object';
    default:
      return 'any value';
  }
}

/** The fields an object schema knows, for suggestions. */
export function fieldsOf(s: Schema | null): string[] {
  if (s === null) return [];
  const def = defOf(s);
  return def.type === 'object' ? Object.keys(def.shape) : [];
}

function oneOf(values: readonly unknown[]): string {
  const words = values.map((v) => JSON.stringify(v));
  return words.length === 1 ? words[0]! : `one of ${joinOr(words)}`;
}

/** A value from the log, briefly: strings and numbers as JSON, objects and lists by kind. */
export function describeFound(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (Array.isArray(v)) return v.length === 0 ? 'an empty list' : 'a list';
  if (v !== null && typeof v === 'object') return 'an object';
  const text = JSON.stringify(v);
  return text.length > 60 ? `${text.slice(0, 57)}…"` : text;
}
