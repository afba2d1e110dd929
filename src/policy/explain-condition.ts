// One condition (operator, key) against the request, with the evaluator's own verdict and, when a
// special rule decided rather than a comparison, the rule in words (IAM User Guide "IAM JSON policy
// elements: Condition operators", "Single-valued vs. multivalued context keys").
import { conditionsHold } from './conditions/evaluate.js';
import { parseOperator, type Family } from './conditions/operators.js';
import type { XCondition } from './explain-compile.js';
import type { ConditionDetail } from './explain-types.js';
import { lookup, type Probe } from './probe.js';
import type { ContextValue } from './types.js';
import { resolveTemplate, tokensText } from './variables.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * The cases AWS's documentation leaves open, said where they arise (docs/aws-rules.md "Where AWS is
 * silent"; the evaluator's choices are in conditions/evaluate.ts).
 */
const ASSUMED = {
  anyIfExists:
    'AWS does not document this case: IfExists makes an absent key true, ForAnyValue makes it false; ' +
    'iamsim assumes false, as a user observed on AWS',
  oneOfList:
    'AWS does not document this case: a multivalued key needs ForAnyValue or ForAllValues; ' +
    'iamsim assumes that its one value compares as a single value',
  several:
    'AWS does not document this case: a multivalued key needs ForAnyValue or ForAllValues; ' +
    'iamsim assumes that several values are no single value, so no bare operator matches them, negated or not',
} as const;

export function explainCondition(x: XCondition, probe: Probe): ConditionDetail {
  const c = x.c;
  const value = lookup(probe, c.key, c.keyName, false);
  const holds = conditionsHold([c], probe);
  const out: Mutable<ConditionDetail> = {
    operator: x.operator,
    key: x.key,
    values: x.values,
    holds,
  };
  if (x.templates !== null) {
    out.resolved = x.templates.map((t, i) => {
      if (t === null) return x.values[i] ?? null;
      const tokens = resolveTemplate(t, probe);
      return tokens === null ? null : tokensText(tokens);
    });
  }
  const rule = ruleOf(x, value, probe);
  if (rule !== null) out.rule = rule;
  return out;
}

function ruleOf(x: XCondition, value: ContextValue | undefined, probe: Probe): string | null {
  const c = x.c;
  const absent = value === undefined || (typeof value !== 'string' && value.length === 0);
  if (c.nullWant !== null) {
    return `Null tests presence: the key is ${absent ? 'absent' : 'present'}`;
  }
  if (c.set === 'all' && absent) return 'ForAllValues is true when the key is absent or empty';
  if (c.set === 'any' && absent) return c.ifExists ? ASSUMED.anyIfExists : 'ForAnyValue is false when the key is absent or empty';
  if (c.set === 'none') {
    if (absent) {
      if (c.ifExists) return 'the key is absent and IfExists makes the condition true';
      return c.negated ? 'the key is absent, which a negated operator accepts' : 'the key is absent, so the condition is false';
    }
    if (typeof value !== 'string' && value !== undefined) {
      if (value.length > 1) return ASSUMED.several;
      if (value.length === 1 && c.test(value[0]!, probe) !== null) return ASSUMED.oneOfList;
    }
  }
  const values = typeof value === 'string' ? [value] : (value ?? []);
  if (values.some((v) => c.test(v, probe) === null)) {
    return `the request value is not a valid ${typeWord(parseOperator(c.operator)?.family)}, which fails the condition`;
  }
  return null;
}

function typeWord(family: Family | undefined): string {
  switch (family) {
    case 'numeric':
      return 'number';
    case 'date':
      return 'date';
    case 'bool':
      return 'boolean';
    case 'binary':
      return 'base-64 value';
    case 'ip':
      return 'IP address';
    case 'arn':
      return 'ARN';
    default:
      return 'value';
  }
}
