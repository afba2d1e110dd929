// Words for what a log's schema expects at a field, and what the log holds there instead.
import { z } from 'zod';

type Path = readonly (string | number)[];

/** `data.call.evaluations[0].evaluation`: how a message names a field. */
export function fieldPath(path: Path): string {
  let out = '';
  for (const k of path) out += typeof k === 'number' ? `[${k}]` : out === '' ? k : `.${k}`;
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

/** The schema that decides the value at `path` (following unions by what the value is). */
export function schemaAt(schema: z.ZodType, root: unknown, path: Path): z.ZodType | null {
  let s: z.ZodType = schema;
  let v: unknown = root;
  for (const k of path) {
    s = unwrap(s, v);
    let next: z.ZodType | undefined;
    if (s instanceof z.ZodObject) next = (s.shape as Record<string, z.ZodType>)[String(k)];
    else if (s instanceof z.ZodRecord) next = s.valueType as z.ZodType;
    else if (s instanceof z.ZodArray) next = s.element as z.ZodType;
    if (next === undefined && s instanceof z.ZodDiscriminatedUnion && k === s.def.discriminator) next = z.literal(tagsOf(s));
    if (next === undefined) return null;
    s = next;
    v = v !== null && typeof v === 'object' ? (v as Record<string | number, unknown>)[k] : undefined;
  }
  return s;
}

/** Through optional and nullable, and into the member of a union that fits the value. */
function unwrap(s: z.ZodType, v: unknown): z.ZodType {
  for (;;) {
    if (s instanceof z.ZodOptional || s instanceof z.ZodNullable) s = s.unwrap() as z.ZodType;
    else if (s instanceof z.ZodDiscriminatedUnion) {
      const key = s.def.discriminator;
      const tag = v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined;
      const options = s.options as readonly z.ZodType[];
      const match = options.find((o) => o instanceof z.ZodObject && (literalValues(o.shape[key]) as unknown[]).includes(tag));
      if (match === undefined) return s;
      s = match;
    } else if (s instanceof z.ZodUnion) {
      const options = s.options as readonly z.ZodType[];
      const match = options.find((o) => (o instanceof z.ZodArray) === Array.isArray(v) && !(o instanceof z.ZodString));
      if (match === undefined) return s;
      s = match;
    } else return s;
  }
}

function tagsOf(s: z.ZodDiscriminatedUnion): z.core.util.Literal[] {
  const key = s.def.discriminator;
  return (s.options as readonly z.ZodType[]).flatMap((o) => (o instanceof z.ZodObject ? literalValues(o.shape[key]) : []));
}

function literalValues(s: unknown): z.core.util.Literal[] {
  return s instanceof z.ZodLiteral ? [...s.values] : [];
}

/** What a schema accepts, in words: "a string or null", "one of "allowed", "denied" or "error"". */
export function describeSchema(s: z.ZodType | null): string {
  if (s === null) return 'nothing here';
  if (s instanceof z.ZodOptional) return describeSchema(s.unwrap() as z.ZodType);
  if (s instanceof z.ZodNullable) return `${describeSchema(s.unwrap() as z.ZodType)} or null`;
  if (s instanceof z.ZodString) return 'a string';
  if (s instanceof z.ZodNumber) return 'a number';
  if (s instanceof z.ZodBoolean) return 'true or false';
  if (s instanceof z.ZodLiteral) return oneOf([...s.values]);
  if (s instanceof z.ZodEnum) return oneOf(s.options);
  if (s instanceof z.ZodArray) {
    const of = describeSchema(s.element as z.ZodType);
    return of.startsWith('a ') ? `a list of ${of.slice(2)}s` : 'a list';
  }
  if (s instanceof z.ZodDiscriminatedUnion) {
    return `an object whose ${s.def.discriminator} is ${oneOf(tagsOf(s))}`;
  }
  if (s instanceof z.ZodUnion) return (s.options as readonly z.ZodType[]).map((o) => describeSchema(o)).join(' or ');
  if (s instanceof z.ZodObject) {
    const keys = Object.keys(s.shape);
    return `an object { ${keys.slice(0, 6).join(', ')}${keys.length > 6 ? ', …' : ''} }`;
  }
  if (s instanceof z.ZodRecord) return 'an object';
  return 'any value';
}

function oneOf(values: readonly unknown[]): string {
  const words = values.map((v) => JSON.stringify(v));
  if (words.length === 1) return words[0]!;
  return `one of ${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}

/** A value from the log, briefly: strings and numbers as JSON, objects and lists by kind. */
export function describeFound(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (Array.isArray(v)) return v.length === 0 ? 'an empty list' : 'a list';
  if (v !== null && typeof v === 'object') return 'an object';
  const text = JSON.stringify(v);
  return text.length > 60 ? `${text.slice(0, 57)}…"` : text;
}
