// Evaluates compiled conditions against the request context (IAM User Guide "IAM JSON policy
// elements: Condition operators", "Single-valued vs. multivalued context keys").
import { lookup, type Probe } from '../probe.js';
import type { ContextValue } from '../types.js';
import type { CompiledCondition } from './compile.js';

export function conditionsHold(conds: readonly CompiledCondition[], probe: Probe): boolean {
  for (let i = 0; i < conds.length; i++) if (!holds(conds[i]!, probe)) return false;
  return true;
}

function holds(c: CompiledCondition, probe: Probe): boolean {
  const isNull = c.nullWant !== null;
  const value = lookup(probe, c.key, c.keyName, !isNull);
  const absent = value === undefined || (typeof value !== 'string' && value.length === 0);
  // Null tests presence: "true" wants the key absent, "false" wants it present (IAM User Guide "IAM
  // JSON policy elements: Condition operators")
  if (c.nullWant !== null) return absent ? c.nullWant.absent : c.nullWant.present;
  if (c.set === 'none') return single(c, value, absent, probe);
  // ForAllValues is true on an absent/empty key, ForAnyValue false (IAM User Guide "Single-valued
  // vs. multivalued context keys"). ForAnyValue…IfExists on an absent key: the IfExists rule ("IAM
  // JSON policy elements: Condition operators") says true, the ForAnyValue rule false, and AWS does
  // not say which wins; iamsim assumes false, as a user observed on AWS (AWS re:Post
  // "ForAnyValue:StringEqualsIfExists behaving unexpectedly"). docs/aws-rules.md "Where AWS is silent".
  if (absent) return c.set === 'all';
  if (typeof value === 'string') return one(c, value, probe);
  const values = value as readonly string[];
  if (c.set === 'all') {
    for (let i = 0; i < values.length; i++) if (!one(c, values[i]!, probe)) return false;
    return true;
  }
  for (let i = 0; i < values.length; i++) if (one(c, values[i]!, probe)) return true;
  return false;
}

/**
 * No set operator. Missing key (IAM User Guide "IAM JSON policy elements: Condition operators"):
 * positive false, negated true, IfExists true. A multi-valued key needs a set operator (IAM User
 * Guide "Single-valued vs. multivalued context keys"); AWS does not say what a bare operator does
 * with one. iamsim assumes: one value compares as a single value (AWS's ABAC tutorial denies
 * removing one tag with a bare StringLike on aws:TagKeys); two or more values are no single value,
 * and no bare operator matches them, positive (as observed on AWS) or negated alike — the reading
 * iamsim has always had, which the evaluator of the differential run shares.
 */
function single(c: CompiledCondition, value: ContextValue | undefined, absent: boolean, probe: Probe): boolean {
  if (absent || value === undefined) return c.ifExists || c.negated;
  if (typeof value === 'string') return one(c, value, probe);
  return value.length === 1 ? one(c, value[0]!, probe) : false;
}

/**
 * One request value: positive operators need a match, negated ones need none (NOR, IAM User Guide
 * "IAM JSON policy elements: Condition").
 */
function one(c: CompiledCondition, v: string, probe: Probe): boolean {
  const r = c.test(v, probe);
  if (r === null) return false;
  return c.negated ? !r : r;
}
