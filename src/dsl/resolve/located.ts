// Located errors raised while resolving a parsed scenario.
import { ScenarioError } from '../../errors.js';
import type { Loc } from '../ast.js';

export interface ErrorOptions {
  readonly length?: number;
  readonly expected?: string;
  readonly suggestion?: string;
}

export interface Located {
  readonly file: string;
  error(loc: Loc, message: string, options?: ErrorOptions): ScenarioError;
  /** Features of the language that later work will run; refusing them is better than ignoring. */
  unsupported(loc: Loc, what: string, length?: number): ScenarioError;
}

export function located(file: string): Located {
  return {
    file,
    error: (loc, message, options = {}) => new ScenarioError({ file, pos: loc, message, ...options }),
    unsupported: (loc, what, length = 1) =>
      new ScenarioError({
        file,
        pos: loc,
        length,
        message: `${what} is not supported yet: this version of iamsim parses it but cannot run it`,
      }),
  };
}
