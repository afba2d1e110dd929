// How the policy library reads parsed JSON it has not validated (compiling and explaining never
// trust a document's shape): a document's statements, a statement's elements, and an element as a
// string or a list whose strings count.
import { isObject } from '../json/is-object.js';

/** The strings of a string-or-list element (anything else contributes none). */
export function strings(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string');
  return [];
}

export interface DocumentParts {
  readonly version: string | undefined;
  /** policy variables are interpreted only under Version 2012-10-17 (IAM User Guide "IAM JSON policy elements: Version") */
  readonly variables: boolean;
  /** Statement as a list, whether the document gives a list or a single statement */
  readonly statements: readonly unknown[];
}

export function documentParts(doc: unknown): DocumentParts {
  const root = isObject(doc) ? doc : {};
  const version = typeof root['Version'] === 'string' ? root['Version'] : undefined;
  const raw = root['Statement'];
  return { version, variables: version === '2012-10-17', statements: Array.isArray(raw) ? raw : raw === undefined ? [] : [raw] };
}

export interface StatementElements {
  readonly sid: string | undefined;
  /** NotAction, when the statement has it and no Action */
  readonly notAction: boolean;
  /** the strings of Action or NotAction */
  readonly actions: string[];
  readonly notResource: boolean;
  /** the Resource or NotResource element as written; undefined when it has neither */
  readonly resource: unknown;
  readonly notPrincipal: boolean;
  /** the Principal or NotPrincipal element as written; undefined when it has neither */
  readonly principal: unknown;
}

/** A statement's elements; a Not form counts only where the plain one is absent. */
export function statementElements(st: Record<string, unknown>): StatementElements {
  const notAction = st['Action'] === undefined && st['NotAction'] !== undefined;
  const notResource = st['Resource'] === undefined && st['NotResource'] !== undefined;
  const notPrincipal = st['Principal'] === undefined && st['NotPrincipal'] !== undefined;
  return {
    sid: typeof st['Sid'] === 'string' && st['Sid'] !== '' ? st['Sid'] : undefined,
    notAction,
    actions: strings(notAction ? st['NotAction'] : st['Action']),
    notResource,
    resource: notResource ? st['NotResource'] : st['Resource'],
    notPrincipal,
    principal: notPrincipal ? st['NotPrincipal'] : st['Principal'],
  };
}
