// Compiles a Condition element into a flat list of (operator, key) checks, all of which must hold
// (IAM User Guide "IAM JSON policy elements: Condition": AND across operators and keys). Key names
// are matched case-insensitively (IAM User Guide "IAM JSON policy elements: Condition").
import { memo } from '../memo.js';
import { parseOperator, type SetOperator } from './operators.js';
import { compileValueTest, type ValueTest } from './value-tests.js';
import { isObject } from '../../json/is-object.js';

export interface CompiledCondition {
  readonly operator: string;
  readonly keyName: string; // as written
  readonly key: string; // lower-case
  readonly set: SetOperator;
  readonly ifExists: boolean;
  readonly negated: boolean;
  /** Null operator: which presence states satisfy it (null for every other operator) */
  readonly nullWant: { readonly absent: boolean; readonly present: boolean } | null;
  readonly test: ValueTest;
}

/** The checks of a Condition element; null when the statement can never match. */
export function compileConditions(element: unknown, variables: boolean): CompiledCondition[] | null {
  if (element === undefined) return [];
  if (!isObject(element)) return null;
  const out: CompiledCondition[] = [];
  for (const [operator, block] of Object.entries(element)) {
    if (!isObject(block)) return null;
    const entries = Object.entries(block);
    if (entries.length === 0) continue;
    const op = parseOperator(operator);
    if (op === null) return null;
    for (const [keyName, raw] of entries) {
      const values = conditionValues(raw);
      if (values === null) return null;
      out.push(
        compiled(JSON.stringify([variables, operator, keyName, values]), () => {
          const lower = values.map((v) => v.toLowerCase());
          return {
            operator,
            keyName,
            key: keyName.toLowerCase(),
            set: op.set,
            ifExists: op.ifExists,
            negated: op.negated,
            nullWant: op.family === 'null' ? { absent: lower.includes('true'), present: lower.includes('false') } : null,
            test: compileValueTest(op, values, variables),
          };
        }),
      );
    }
  }
  return out;
}

const compiled = memo<CompiledCondition>();

/**
 * Condition values may be strings, numbers or booleans, alone or in a list (IAM User Guide "Grammar
 * of the IAM JSON policy language").
 */
export function conditionValues(raw: unknown): string[] | null {
  const list = Array.isArray(raw) ? (raw as unknown[]) : [raw];
  const out: string[] = [];
  for (const v of list) {
    if (typeof v === 'string') out.push(v);
    else if (typeof v === 'number' || typeof v === 'boolean') out.push(String(v));
    else return null;
  }
  return out;
}
