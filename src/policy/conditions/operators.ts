// Condition operator names (IAM User Guide "IAM JSON policy elements: Condition", "IAM JSON policy
// elements: Condition operators"): an optional `ForAllValues:`/`ForAnyValue:` prefix, a base
// operator, and an optional `IfExists` suffix (not on Null). Names are case-sensitive.

export type Family = 'string' | 'stringIgnoreCase' | 'stringLike' | 'numeric' | 'date' | 'bool' | 'binary' | 'ip' | 'arn' | 'null';

export type Compare = 'eq' | 'lt' | 'lte' | 'gt' | 'gte';

export interface BaseOperator {
  readonly family: Family;
  readonly negated: boolean;
  readonly compare: Compare;
}

export type SetOperator = 'none' | 'all' | 'any';

export interface ParsedOperator extends BaseOperator {
  readonly name: string;
  readonly base: string;
  readonly set: SetOperator;
  readonly ifExists: boolean;
}

const op = (family: Family, negated = false, compare: Compare = 'eq'): BaseOperator => ({
  family,
  negated,
  compare,
});

const ordered = (family: 'numeric' | 'date'): Record<string, BaseOperator> => {
  const prefix = family === 'numeric' ? 'Numeric' : 'Date';
  return {
    [`${prefix}Equals`]: op(family),
    [`${prefix}NotEquals`]: op(family, true),
    [`${prefix}LessThan`]: op(family, false, 'lt'),
    [`${prefix}LessThanEquals`]: op(family, false, 'lte'),
    [`${prefix}GreaterThan`]: op(family, false, 'gt'),
    [`${prefix}GreaterThanEquals`]: op(family, false, 'gte'),
  };
};

export const BASE_OPERATORS: Readonly<Record<string, BaseOperator>> = {
  StringEquals: op('string'),
  StringNotEquals: op('string', true),
  StringEqualsIgnoreCase: op('stringIgnoreCase'),
  StringNotEqualsIgnoreCase: op('stringIgnoreCase', true),
  StringLike: op('stringLike'),
  StringNotLike: op('stringLike', true),
  ...ordered('numeric'),
  ...ordered('date'),
  Bool: op('bool'),
  BinaryEquals: op('binary'),
  IpAddress: op('ip'),
  NotIpAddress: op('ip', true),
  ArnEquals: op('arn'),
  ArnLike: op('arn'),
  ArnNotEquals: op('arn', true),
  ArnNotLike: op('arn', true),
  Null: op('null'),
};

const cache = new Map<string, ParsedOperator | null>();

/** The parsed operator, or null when the name is not a valid IAM condition operator. */
export function parseOperator(name: string): ParsedOperator | null {
  const hit = cache.get(name);
  if (hit !== undefined) return hit;
  const parsed = parse(name);
  cache.set(name, parsed);
  return parsed;
}

function parse(name: string): ParsedOperator | null {
  let rest = name;
  let set: SetOperator = 'none';
  if (rest.startsWith('ForAllValues:')) {
    set = 'all';
    rest = rest.slice('ForAllValues:'.length);
  } else if (rest.startsWith('ForAnyValue:')) {
    set = 'any';
    rest = rest.slice('ForAnyValue:'.length);
  }
  let ifExists = false;
  if (rest.endsWith('IfExists')) {
    ifExists = true;
    rest = rest.slice(0, -'IfExists'.length);
  }
  const base = Object.hasOwn(BASE_OPERATORS, rest) ? BASE_OPERATORS[rest] : undefined;
  if (base === undefined || (ifExists && base.family === 'null')) return null;
  return { ...base, name, base: rest, set, ifExists };
}
