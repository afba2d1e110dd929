// Checks of single parameters of the input, with botocore's and IAM's wording (botocore parameter
// validation; IAM's `1 validation error detected: Value … failed to satisfy constraint` errors).
import { EvalInputError, invalidType, paramName } from './errors.js';
import type { JsonPath } from '../json/locate.js';

export function optString(doc: Record<string, unknown>, key: string): string | null {
  const v = doc[key];
  if (v === undefined) return null;
  if (typeof v !== 'string') throw invalidType([key], v, 'string');
  return v;
}

export function stringList(doc: Record<string, unknown>, key: string): string[] | null {
  const v = doc[key];
  if (v === undefined) return null;
  if (!Array.isArray(v)) throw invalidType([key], v, 'list');
  v.forEach((x: unknown, i) => {
    if (typeof x !== 'string') throw invalidType([key, i], x, 'string');
  });
  return v as string[];
}

export function checkAction(a: string, path: JsonPath): void {
  checkLength(a, path, 3, 128);
  if (a.includes('*') || a.includes('?')) {
    throw new EvalInputError(`${paramName(path)}: "${a}": this operation does not support using wildcards (*) in an action name`, {
      path,
    });
  }
  if (!/^[A-Za-z0-9.-]+:[^:\s]+$/.test(a)) {
    throw new EvalInputError(
      `${paramName(path)}: "${a}" is not an action name: each operation must include the service identifier, such as iam:CreateUser`,
      { path },
    );
  }
}

/** IAM's constraint error: `Value 'x' at 'actionNames.1.member' failed to satisfy constraint: …`. */
export function checkLength(s: string, path: JsonPath, min: number, max: number): void {
  if (s.length >= min && s.length <= max) return;
  const member = path.map((p) => (typeof p === 'number' ? `${p + 1}.member` : p.charAt(0).toLowerCase() + p.slice(1))).join('.');
  const rule = s.length < min ? `greater than or equal to ${min}` : `less than or equal to ${max}`;
  throw new EvalInputError(
    `1 validation error detected: Value '${s}' at '${member}' failed to satisfy constraint: Member must have length ${rule}`,
    { path },
  );
}

export function maxItems(v: unknown): number | null {
  if (v === undefined) return null;
  if (typeof v !== 'number' || !Number.isInteger(v)) throw invalidType(['MaxItems'], v, 'integer');
  if (v < 1) throw new EvalInputError(`Invalid value for parameter MaxItems, value: ${v}, valid min value: 1`, { path: ['MaxItems'] });
  if (v > 1000) {
    throw new EvalInputError(
      `1 validation error detected: Value '${v}' at 'maxItems' failed to satisfy constraint: Member must have value less than or equal to 1000`,
      { path: ['MaxItems'] },
    );
  }
  return v;
}
