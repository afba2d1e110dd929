// One input file of `simulate import`: its text, parsed, and located errors in it. An error names
// FILE:LINE:COLUMN of the element at fault (src/json/locate.ts finds it in the raw text only when
// an error is reported, so reading stays one JSON.parse per file).
import { ScenarioError } from '../errors.js';
import { findJsonError } from '../json/check.js';
import { lineIndex, locate, type JsonPath } from '../json/locate.js';

export interface SourceFile {
  readonly name: string;
  readonly text: string;
  readonly value: unknown;
}

/** Where a value is: its file and its JSON path in it. */
export interface Where {
  readonly file: SourceFile;
  readonly path: JsonPath;
}

export interface ErrorDetail {
  readonly expected?: string;
  readonly suggestion?: string;
  /** point at the member's key rather than its value */
  readonly key?: boolean;
}

/** A ScenarioError at the element `where` names (or its nearest ancestor present in the text). */
export function importError(where: Where, message: string, detail: ErrorDetail = {}): ScenarioError {
  return errorAt(where.file, offsetOf(where, detail.key === true), message, detail);
}

export function errorAt(file: { name: string; text: string }, offset: number, message: string, detail: ErrorDetail = {}): ScenarioError {
  const { line, col } = lineIndex(file.text)(offset);
  return new ScenarioError({
    file: file.name,
    pos: { line, col, offset },
    message,
    length: 1,
    ...(detail.expected !== undefined ? { expected: detail.expected } : {}),
    ...(detail.suggestion !== undefined ? { suggestion: detail.suggestion } : {}),
  });
}

function offsetOf(where: Where, key: boolean): number {
  const found = locate(where.file.text, where.path);
  return key && found.keyAt !== null ? found.keyAt : found.offset;
}

/** The file parsed as JSON, or a located error for the first syntax problem. */
export function readSource(name: string, text: string): SourceFile {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return { name, text: body, value: JSON.parse(body) as unknown };
  } catch {
    const problem = findJsonError(body);
    throw errorAt({ name, text: body }, problem?.index ?? 0, `not JSON: ${problem?.message ?? 'the file is not a JSON document'}`, {
      expected:
        problem?.expected ??
        'the JSON output of aws iam get-account-authorization-details, an organization bundle, or a bucket or key policy (docs/cli.md "simulate import")',
    });
  }
}

export const at = (where: Where, ...steps: (string | number)[]): Where => ({ file: where.file, path: [...where.path, ...steps] });
