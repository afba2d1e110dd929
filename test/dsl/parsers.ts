// Both parsers on one input: nearley's result (a tree or an error) and the fast parser's.
import { expect } from 'vitest';
import type { ScenarioFile } from '../../src/dsl/ast.js';
import { fastParse } from '../../src/dsl/fast-parse.js';
import { parseWithNearley } from '../../src/dsl/parse.js';
import { ScenarioError } from '../../src/errors.js';

/** The tree nearley builds, or its ScenarioError. */
export function nearleyResult(source: string, file = 'x.iam'): ScenarioFile | ScenarioError {
  try {
    return parseWithNearley(source, file);
  } catch (e) {
    if (e instanceof ScenarioError) return e;
    throw e;
  }
}

/**
 * The fast parser may only ever give nearley's tree: when it accepts, nearley accepts with a
 * deep-equal tree. With `complete`, it must also accept whatever nearley accepts.
 * Returns whether the fast parser accepted.
 */
export function expectAgreement(source: string, complete: boolean): boolean {
  const fast = fastParse(source, 'x.iam');
  const slow = nearleyResult(source);
  if (fast !== null) {
    expect(slow, `the fast parser accepted what nearley rejects:\n${source}`).not.toBeInstanceOf(ScenarioError);
    expect(fast, `the trees differ for:\n${source}`).toStrictEqual(slow);
  } else if (complete) {
    expect(slow, `the fast parser gave up on valid input:\n${source}`).toBeInstanceOf(ScenarioError);
  }
  return fast !== null;
}
