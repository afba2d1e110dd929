// How the policy library reads parsed JSON it has not validated (compiling and explaining never
// trust a document's shape): an object is a non-array object, and an element is a string or a list
// whose strings count.

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The strings of a string-or-list element (anything else contributes none). */
export function strings(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string');
  return [];
}
