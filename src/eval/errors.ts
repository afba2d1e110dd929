// An input file `simulate eval` cannot run: the message and where in the file it is.
import type { JsonPath } from '../json/locate.js';

/**
 * Where the problem is: a raw offset into the file, or a JSON path into it (at the member's key
 * when `key` is set; at character `inString` of the string value there when that is set).
 */
export type InputLoc = { readonly offset: number } | { readonly path: JsonPath; readonly key?: boolean; readonly inString?: number };

export class EvalInputError extends Error {
  constructor(
    message: string,
    readonly loc: InputLoc,
    readonly suggestion?: string,
    /** what was expected there, printed as `expected: …` */
    readonly expected?: string,
  ) {
    super(message);
    this.name = 'EvalInputError';
  }
}

/** `PolicyInputList[0].Statement` — how botocore names a parameter inside the input. */
export function paramName(path: JsonPath): string {
  let out = '';
  for (const step of path) out += typeof step === 'number' ? `[${step}]` : out === '' ? step : `.${step}`;
  return out;
}

/** botocore's wording for a value of the wrong type. */
export function invalidType(path: JsonPath, value: unknown, valid: string): EvalInputError {
  const shown = typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value)?.slice(0, 60);
  const type = value === null ? 'null' : Array.isArray(value) ? 'list' : typeof value;
  return new EvalInputError(`Invalid type for parameter ${paramName(path)}, value: ${shown}, type: ${type}, valid types: ${valid}`, {
    path,
  });
}
