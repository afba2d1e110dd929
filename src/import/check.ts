// Shape checks of the input (an unknown member, a value of the wrong type) and policy documents:
// decoded as IAM returns them (URL-encoded JSON text, RFC 3986) or taken as the CLI prints them
// (a JSON object), then validated as IAM validates a document when it is stored — the same checks,
// in AWS's words, that the written world's `json` blocks get when it runs.
import { policyCatalogueProblems } from '../catalogue/index.js';
import { nearest } from '../errors.js';
import { findJsonError } from '../json/check.js';
import { isObject } from '../json/is-object.js';
import { validatePolicy } from '../policy/index.js';
import type { PolicyKind } from '../policy/types.js';
import type { PolicyDocument } from '../engine/iam/state.js';
import { ALL_STRUCTURES, type Shape } from './shapes.js';
import { at, errorAt, importError, type Where } from './source.js';
import { locate } from '../json/locate.js';

const describe = (shape: Shape): string =>
  typeof shape === 'string'
    ? shape === 'document'
      ? 'a policy document (URL-encoded JSON text or a JSON object)'
      : shape === 'date'
        ? 'a timestamp'
        : `a ${shape}`
    : 'list' in shape
      ? 'a JSON array'
      : 'a JSON object';

/** Checks `value` against `shape`, recursively; throws a located error for the first mismatch. */
export function checkShape(value: unknown, shape: Shape, where: Where, structName = ''): void {
  if (value === null) return; // an absent member, as some tools print it
  if (typeof shape === 'string') {
    const ok =
      shape === 'string'
        ? typeof value === 'string'
        : shape === 'boolean'
          ? typeof value === 'boolean'
          : shape === 'number'
            ? typeof value === 'number'
            : shape === 'date'
              ? typeof value === 'string' || typeof value === 'number'
              : typeof value === 'string' || isObject(value);
    if (!ok)
      throw importError(where, `${structName ? structName + ': ' : ''}${JSON.stringify(value).slice(0, 40)} is not ${describe(shape)}`, {
        expected: describe(shape),
      });
    return;
  }
  if ('list' in shape) {
    if (!Array.isArray(value)) throw importError(where, `${structName}: a JSON array was expected`, { expected: describe(shape) });
    value.forEach((v, i) => checkShape(v, shape.list, at(where, i), structName));
    return;
  }
  if (!isObject(value)) throw importError(where, `a JSON object was expected`, { expected: describe(shape) });
  if ('map' in shape) {
    for (const [k, v] of Object.entries(value)) checkShape(v, shape.map, at(where, k), structName);
    return;
  }
  const members = ALL_STRUCTURES[shape.struct]!;
  for (const [k, v] of Object.entries(value)) {
    const m = members[k];
    if (m === undefined) {
      const suggestion = nearest(k, Object.keys(members));
      throw importError(at(where, k), `unknown field ${k} in ${shape.struct}`, {
        key: true,
        expected: `a member of ${shape.struct}: ${Object.keys(members).join(', ')}`,
        ...(suggestion !== undefined ? { suggestion } : {}),
      });
    }
    checkShape(v, m, at(where, k), shape.struct);
  }
}

/** A required string member, or a located error. */
export function required(obj: Record<string, unknown>, member: string, where: Where, struct: string): string {
  const v = obj[member];
  if (typeof v !== 'string' || v === '') throw importError(where, `${struct} has no ${member}`, { expected: `"${member}": "…"` });
  return v;
}

/** A policy document read from the input, with where it was. */
export interface InputDocument {
  readonly document: PolicyDocument;
  readonly where: Where;
  /** true when it came as text (URL-encoded or not): the error points at the text, the path inside is said in words */
  readonly fromText: boolean;
}

/** The document at `where`: a JSON object as it is, or text URL-decoded when it is encoded, then parsed. */
export function readDocument(value: unknown, where: Where, label: string): InputDocument {
  if (isObject(value)) return { document: value as PolicyDocument, where, fromText: false };
  if (typeof value !== 'string') throw importError(where, `${label}: not a policy document`, { expected: describe('document') });
  let text = value;
  if (!/^\s*[{[]/.test(text)) {
    try {
      text = decodeURIComponent(text);
    } catch {
      throw importError(where, `${label}: the policy document is neither JSON nor URL-encoded JSON`, {
        expected: 'the document as IAM returns it (URL-encoded, "%7B%22Version%22…") or as a JSON object',
      });
    }
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    const problem = findJsonError(text);
    throw importError(
      where,
      `${label}: the policy document is not JSON: ${problem?.message ?? 'invalid'} (at character ${(problem?.index ?? 0) + 1} of the decoded text)`,
      {
        expected: problem?.expected ?? 'an IAM policy document',
      },
    );
  }
  if (!isObject(parsed))
    throw importError(where, `${label}: a policy document must be a JSON object`, {
      expected: '{ "Version": "2012-10-17", "Statement": [ … ] }',
    });
  return { document: parsed as PolicyDocument, where, fromText: true };
}

/**
 * Validates a document as IAM does when it stores it (the same checks the written `json` block gets
 * when the world runs), and that the action catalogue knows its actions and condition keys (else the
 * written world would not run). A problem is located at the element, or at the text it was decoded from.
 */
export function validateDocument(input: InputDocument, kind: PolicyKind, label: string): void {
  const problem = validatePolicy(input.document, kind)[0];
  if (problem) throw located(input, problem.path, `${label}: ${problem.code}: ${problem.message}`, {});
  const unknown = policyCatalogueProblems(input.document)[0];
  if (unknown) {
    throw located(
      input,
      unknown.path,
      `${label}: ${unknown.message} (iamsim's action catalogue does not know it, so the world would not run)`,
      {
        expected:
          unknown.expected ??
          'an action and condition keys of the AWS service catalogue (src/catalogue/supplement.ts adds a real one it lacks)',
        ...(unknown.suggestion !== undefined ? { suggestion: unknown.suggestion } : {}),
      },
    );
  }
}

function located(
  input: InputDocument,
  path: readonly (string | number)[],
  message: string,
  detail: { expected?: string; suggestion?: string },
) {
  if (input.fromText) {
    const inside =
      path.length > 0
        ? ` (at ${path
            .map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`))
            .join('')
            .replace(/^\./, '')} of the decoded document)`
        : '';
    return importError(input.where, message + inside, detail);
  }
  const found = locate(input.where.file.text, [...input.where.path, ...path]);
  return errorAt(input.where.file, found.offset, message, detail);
}
