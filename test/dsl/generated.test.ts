// Generated scenarios (test/dsl/generate): every one the grammar should accept parses exactly once,
// keywords used as names included; the almost-valid ones (reserved words as names, empty lists)
// give one tree or one ScenarioError, never two parses nor another exception.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseResults } from '../../src/dsl/parse.js';
import { ScenarioError } from '../../src/errors.js';
import { looseScenario, scenario } from './generate/scenario.js';

function parses(source: string): number {
  try {
    return parseResults(source, 'g.iam').length;
  } catch (e) {
    if (e instanceof ScenarioError) return 0;
    throw e;
  }
}

describe('generated scenarios', () => {
  it('parse exactly once', () => {
    fc.assert(
      fc.property(scenario, (source) => {
        expect(parses(source), source).toBe(1);
      }),
      { numRuns: 400 },
    );
  });

  it('almost-valid ones parse at most once, or fail with a ScenarioError', () => {
    let accepted = 0;
    let rejected = 0;
    fc.assert(
      fc.property(looseScenario, (source) => {
        const n = parses(source);
        expect(n, source).toBeLessThanOrEqual(1);
        if (n === 1) accepted++;
        else rejected++;
      }),
      { numRuns: 1000 },
    );
    expect(accepted).toBeGreaterThan(0);
    expect(rejected).toBeGreaterThan(0);
  });
});
