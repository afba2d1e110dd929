// One compiled test per (operator family, policy values): "does this request value match at least
// one policy value?" (IAM User Guide "IAM JSON policy elements: Condition": OR across values;
// negation is applied by the caller, giving NOR). null means the request value cannot be read as
// the family's type: the condition is then false for positive and negated operators alike (IAM User
// Guide "IAM JSON policy elements: Condition operators").
import { buildGlob, matchGlob, type Glob, type GlobToken } from '../glob.js';
import type { Probe } from '../probe.js';
import { parseTemplate, resolveTemplate, staticTokens, tokensText, type TemplatePart } from '../variables.js';
import { compileArnPattern, matchArn, splitArn, type ArnPattern } from './arn.js';
import { inCidr, parseCidr, type Cidr } from './ip.js';
import type { BaseOperator, Compare } from './operators.js';
import { decodeBase64, parseBool, parseDate, parseNumber, requestDate, requestIp, requestNumber } from './values.js';

export type ValueTest = (v: string, probe: Probe) => boolean | null;

const NEVER: ValueTest = () => false;

export function compileValueTest(op: BaseOperator, values: readonly string[], variables: boolean): ValueTest {
  switch (op.family) {
    case 'string':
      return stringTest(values, variables, false);
    case 'stringIgnoreCase':
      return stringTest(values, variables, true);
    case 'stringLike':
      return likeTest(values, variables);
    case 'numeric':
      return orderedTest(values.map(parseNumber), requestNumber, op.compare);
    case 'date':
      return orderedTest(values.map(parseDate), requestDate, op.compare);
    case 'bool':
      return boolTest(values, variables);
    case 'binary': {
      const want = values.map(decodeBase64).filter((v): v is string => v !== null);
      return (v) => {
        const got = decodeBase64(v);
        return got === null ? null : want.includes(got);
      };
    }
    case 'ip': {
      const ranges = values.map(parseCidr).filter((c): c is Cidr => c !== null);
      return (v) => {
        const ip = requestIp(v);
        if (ip === null) return null;
        for (let i = 0; i < ranges.length; i++) if (inCidr(ip, ranges[i]!)) return true;
        return false;
      };
    }
    case 'arn':
      return arnTest(values, variables);
    case 'null':
      return NEVER;
  }
}

/** Literal values (escapes resolved) and the templates that hold variables. */
function split(values: readonly string[], variables: boolean, wildcards: boolean) {
  const statics: GlobToken[][] = [];
  const dynamic: TemplatePart[][] = [];
  for (const v of values) {
    const parts = parseTemplate(v, { variables, wildcards });
    const tokens = staticTokens(parts);
    if (tokens === null) dynamic.push(parts);
    else statics.push(tokens);
  }
  return { statics, dynamic };
}

function stringTest(values: readonly string[], variables: boolean, fold: boolean): ValueTest {
  const { statics, dynamic } = split(values, variables, false);
  const norm = (s: string): string => (fold ? s.toLowerCase() : s);
  const set = new Set(statics.map((p) => norm(tokensText(p))));
  if (dynamic.length === 0) return fold ? (v) => set.has(v.toLowerCase()) : (v) => set.has(v);
  return (v, probe) => {
    const value = norm(v);
    if (set.has(value)) return true;
    for (const d of dynamic) {
      const r = resolveTemplate(d, probe);
      if (r !== null && norm(tokensText(r)) === value) return true;
    }
    return false;
  };
}

function likeTest(values: readonly string[], variables: boolean): ValueTest {
  const { statics, dynamic } = split(values, variables, true);
  const globs: Glob[] = statics.map((p) => buildGlob(p));
  return (v, probe) => {
    for (const g of globs) if (matchGlob(g, v)) return true;
    for (const d of dynamic) {
      const r = resolveTemplate(d, probe);
      if (r !== null && matchGlob(buildGlob(r), v)) return true;
    }
    return false;
  };
}

function orderedTest(want: readonly (number | null)[], read: (s: string) => number | null, compare: Compare): ValueTest {
  const nums = want.filter((n): n is number => n !== null);
  return (v) => {
    const got = read(v);
    if (got === null) return null;
    for (let i = 0; i < nums.length; i++) if (compareNumbers(got, nums[i]!, compare)) return true;
    return false;
  };
}

/**
 * The request value is on the left: `NumericLessThan` means request < policy (IAM User Guide "IAM
 * JSON policy elements: Condition operators").
 */
function compareNumbers(got: number, want: number, c: Compare): boolean {
  switch (c) {
    case 'eq':
      return got === want;
    case 'lt':
      return got < want;
    case 'lte':
      return got <= want;
    case 'gt':
      return got > want;
    case 'gte':
      return got >= want;
  }
}

function boolTest(values: readonly string[], variables: boolean): ValueTest {
  const { statics, dynamic } = split(values, variables, false);
  const want = statics.map((p) => parseBool(tokensText(p)));
  return (v, probe) => {
    const got = parseBool(v);
    if (got === null) return null;
    if (want.includes(got)) return true;
    for (const d of dynamic) {
      const r = resolveTemplate(d, probe);
      if (r !== null && parseBool(tokensText(r)) === got) return true;
    }
    return false;
  };
}

function arnTest(values: readonly string[], variables: boolean): ValueTest {
  const { statics, dynamic } = split(values, variables, true);
  const patterns: ArnPattern[] = statics.map((p) => compileArnPattern(p));
  return (v, probe) => {
    const parts = splitArn(v);
    if (parts === null) return null;
    for (const p of patterns) if (matchArn(p, parts)) return true;
    for (const d of dynamic) {
      const r = resolveTemplate(d, probe);
      if (r !== null && matchArn(compileArnPattern(r), parts)) return true;
    }
    return false;
  };
}
