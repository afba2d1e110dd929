// Server-side parameter validation of STS and IAM, with AWS's message format (AWS STS API Reference "Common
// Errors"): "1 validation error detected: Value '…' at 'member' failed to satisfy constraint: …".

export interface Constraint {
  readonly member: string; // camelCase, as AWS reports it
  /** the offending value; null when absent; undefined when AWS does not echo it (policy documents) */
  readonly value: string | null | undefined;
  readonly constraint: string;
  /** the whole message AWS answers instead of the list, for a violation it words on its own */
  readonly message?: string;
}

export function validationMessage(violations: readonly Constraint[]): string {
  const own = violations.find((v) => v.message !== undefined);
  if (own?.message !== undefined) return own.message;
  const n = violations.length;
  const items = violations.map((v) => {
    const value = v.value === undefined ? 'Value' : v.value === null ? 'Value null' : `Value '${v.value}'`;
    return `${value} at '${v.member}' failed to satisfy constraint: ${v.constraint}`;
  });
  return `${n} validation error${n === 1 ? '' : 's'} detected: ${items.join('; ')}`;
}

export function checkRequired(member: string, value: string | null, out: Constraint[]): void {
  if (value === null) out.push({ member, value: null, constraint: 'Member must not be null' });
}

export function checkLength(member: string, value: string | null, min: number, max: number, out: Constraint[]): void {
  if (value === null) return;
  const len = [...value].length;
  if (len < min) out.push({ member, value, constraint: `Member must have length greater than or equal to ${min}` });
  if (len > max) out.push({ member, value, constraint: `Member must have length less than or equal to ${max}` });
}

export function checkPattern(member: string, value: string | null, source: string, out: Constraint[]): void {
  if (value === null) return;
  if (!new RegExp(`^(?:${source})$`, 'u').test(value)) {
    out.push({ member, value, constraint: `Member must satisfy regular expression pattern: ${source}` });
  }
}

/** An integer parameter within [min, max]; returns the number, or null when absent or invalid. */
export function checkInteger(member: string, value: string | null, min: number, max: number, out: Constraint[]): number | null {
  if (value === null) return null;
  if (!/^-?\d+$/.test(value.trim())) {
    out.push({ member, value, constraint: 'Member must be an integer' });
    return null;
  }
  const n = Number(value.trim());
  if (n < min) out.push({ member, value: String(n), constraint: `Member must have value greater than or equal to ${min}` });
  if (n > max) out.push({ member, value: String(n), constraint: `Member must have value less than or equal to ${max}` });
  return n;
}

/** A list parameter with at most `max` members. */
export function checkCount(member: string, count: number, max: number, out: Constraint[]): void {
  if (count > max) out.push({ member, value: undefined, constraint: `Member must have length less than or equal to ${max}` });
}
