// parseItems (one nearley parser per top-level item, src/dsl/parse.ts) against the parse of the
// whole file at once: the same items, or the same located error (message, position, what was
// expected, the suggestion), on every fixture and scenario, on prefixes of them cut anywhere (errors
// at and between items), on generated scenarios; and an item parsed again from its start is the same.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { WorldItem } from '../../src/dsl/ast.js';
import { type Cons, toArray } from '../../src/dsl/build.js';
import { parseItems, parseResults } from '../../src/dsl/parse.js';
import { ScenarioError } from '../../src/errors.js';
import { looseScenario, scenario } from './generate/scenario.js';
import { large, sources } from './sources.js';

type Outcome =
  { items: WorldItem[] } | { error: { message: string; pos: unknown; expected?: string; suggestion?: string; length?: number } };

function outcome(parse: () => WorldItem[]): Outcome {
  try {
    return { items: parse() };
  } catch (e) {
    if (!(e instanceof ScenarioError)) throw e;
    return { error: { message: e.message, pos: e.pos, expected: e.expected, suggestion: e.suggestion, length: e.length } };
  }
}

const whole = (source: string): Outcome =>
  outcome(() => {
    const results = parseResults(source, 'f.iam');
    expect(results).toHaveLength(1);
    return toArray(results[0] as Cons<WorldItem> | null);
  });
const byItem = (source: string): Outcome => outcome(() => [...parseItems(source, 'f.iam')].map((p) => p.item));

describe('parseItems', () => {
  it.each(sources)('%s: the items or the error of the whole-file parse', (_name, source) => {
    expect(byItem(source)).toEqual(whole(source));
  });

  it.each(sources)('%s: every prefix cut at a line end, and at every 97th character', (_name, source) => {
    const cuts = new Set<number>();
    for (let i = source.indexOf('\n'); i !== -1; i = source.indexOf('\n', i + 1)) cuts.add(i);
    for (let i = 0; i < source.length; i += 97) cuts.add(i);
    for (const cut of cuts) {
      const prefix = source.slice(0, cut);
      expect(byItem(prefix), prefix).toEqual(whole(prefix));
    }
  });

  it('an item parsed again from its start is the same item', () => {
    for (const [, source] of [...sources, ['large', large] as const]) {
      let all;
      try {
        all = [...parseItems(source, 'f.iam')];
      } catch {
        continue;
      }
      for (const p of all) expect([...parseItems(source, 'f.iam', p.start, 1)].map((q) => q.item)).toEqual([p.item]);
    }
  });

  it('generated scenarios, valid and almost valid', () => {
    fc.assert(
      fc.property(fc.oneof(scenario, looseScenario), (source) => {
        expect(byItem(source), source).toEqual(whole(source));
      }),
      { numRuns: 600 },
    );
  });
});
