// The explainable form of a policy document: each statement split into its elements, each value of
// each element compiled on its own with the evaluator's own matchers, so that the explanation can
// say which value matched. Built once per document (the engine's documents are frozen objects).
import { compileConditions, conditionValues, type CompiledCondition } from './conditions/compile.js';
import { parseOperator } from './conditions/operators.js';
import { compileActions, type ActionMatcher } from './match-action.js';
import { compilePrincipal, type PrincipalMatcher } from './match-principal.js';
import { compileResource, type ResourceEntry } from './match-resource.js';
import { parseTemplate, staticTokens, type TemplatePart } from './variables.js';
import { isObject } from '../json/is-object.js';
import { documentParts, statementElements, strings } from './json-values.js';

export interface XAction {
  readonly value: string;
  readonly m: ActionMatcher;
}

export interface XResource {
  readonly value: string;
  readonly e: ResourceEntry;
  /** the template, when the value has policy variables */
  readonly template: readonly TemplatePart[] | null;
}

export interface XPrincipal {
  readonly type: string;
  readonly value: string;
  readonly m: PrincipalMatcher;
}

export interface XCondition {
  readonly operator: string;
  readonly key: string;
  readonly values: readonly string[];
  readonly c: CompiledCondition;
  readonly templates: readonly (readonly TemplatePart[] | null)[] | null;
}

export interface XStatement {
  readonly index: number;
  readonly sid: string | undefined;
  readonly effect: string;
  readonly never: string | null;
  readonly actionElement: 'Action' | 'NotAction';
  readonly actions: readonly XAction[];
  readonly resourceElement: 'Resource' | 'NotResource' | null;
  readonly resources: readonly XResource[];
  readonly principalElement: 'Principal' | 'NotPrincipal' | null;
  /** the whole element, for the statement's verdict (as the evaluator computes it) */
  readonly principal: PrincipalMatcher | null;
  readonly principals: readonly XPrincipal[];
  readonly conditions: readonly XCondition[];
}

const cache = new WeakMap<object, readonly XStatement[]>();

export function explainable(document: unknown): readonly XStatement[] {
  const parsed: unknown = typeof document === 'string' ? safeParse(document) : document;
  if (typeof parsed === 'object' && parsed !== null) {
    const hit = cache.get(parsed);
    if (hit !== undefined) return hit;
    const built = build(parsed);
    cache.set(parsed, built);
    return built;
  }
  return [];
}

function build(doc: object): readonly XStatement[] {
  const { variables, statements } = documentParts(doc);
  return statements.map((st, index) => statement(st, index, variables));
}

function statement(st: unknown, index: number, variables: boolean): XStatement {
  const s = isObject(st) ? st : {};
  const effect = typeof s['Effect'] === 'string' ? s['Effect'] : String(s['Effect'] ?? '');
  const {
    sid,
    notAction,
    actions: actionValues,
    notResource,
    resource: resourceEl,
    notPrincipal,
    principal: principalEl,
  } = statementElements(s);
  const compiledConditions = compileConditions(s['Condition'], variables);
  const never = !isObject(st)
    ? 'the statement is not a JSON object'
    : effect !== 'Allow' && effect !== 'Deny'
      ? `its Effect "${effect}" is neither Allow nor Deny`
      : actionValues.length === 0
        ? 'it has no Action or NotAction value'
        : compiledConditions === null
          ? 'its Condition block cannot be evaluated (an unknown operator or a malformed value)'
          : null;
  return {
    index,
    sid,
    effect,
    never,
    actionElement: notAction ? 'NotAction' : 'Action',
    actions: actionValues.map((value) => ({ value, m: compileActions([value]) })),
    resourceElement: resourceEl === undefined ? null : notResource ? 'NotResource' : 'Resource',
    resources: strings(resourceEl).map((value) => resource(value, variables)),
    principalElement: principalEl === undefined ? null : notPrincipal ? 'NotPrincipal' : 'Principal',
    principal: principalEl === undefined ? null : compilePrincipal(principalEl),
    principals: principalValues(principalEl),
    conditions: never === null ? conditions(s['Condition'], variables) : [],
  };
}

function resource(value: string, variables: boolean): XResource {
  const parts = parseTemplate(value, { variables, wildcards: true });
  return { value, e: compileResource(value, variables), template: staticTokens(parts) === null ? parts : null };
}

function principalValues(el: unknown): XPrincipal[] {
  if (el === '*') return [{ type: '*', value: '*', m: compilePrincipal('*') }];
  if (!isObject(el)) return [];
  const out: XPrincipal[] = [];
  for (const type of ['AWS', 'Service', 'Federated', 'CanonicalUser']) {
    for (const value of strings(el[type])) out.push({ type, value, m: compilePrincipal({ [type]: value }) });
  }
  return out;
}

function conditions(element: unknown, variables: boolean): XCondition[] {
  if (!isObject(element)) return [];
  const out: XCondition[] = [];
  for (const [operator, block] of Object.entries(element)) {
    if (!isObject(block)) continue;
    const op = parseOperator(operator);
    for (const [key, raw] of Object.entries(block)) {
      const values = conditionValues(raw) ?? [];
      const c = compileConditions({ [operator]: { [key]: raw } }, variables)?.[0];
      if (c === undefined || op === null) continue;
      const wildcards = op.family === 'stringLike' || op.family === 'arn';
      const parts = values.map((v) => parseTemplate(v, { variables, wildcards }));
      const templates = parts.some((p) => staticTokens(p) === null) ? parts.map((p) => (staticTokens(p) === null ? p : null)) : null;
      out.push({ operator, key, values, c, templates });
    }
  }
  return out;
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
