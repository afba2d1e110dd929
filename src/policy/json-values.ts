// How the policy library reads parsed JSON it has not validated (compiling and explaining never
// trust a document's shape): an element is a string or a list whose strings count (an object is
// src/json/is-object.ts's).

/** The strings of a string-or-list element (anything else contributes none). */
export function strings(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string');
  return [];
}
