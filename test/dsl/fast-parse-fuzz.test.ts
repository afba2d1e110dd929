// Differential fuzzing of the fast parser against nearley on almost-valid input: generated
// scenarios with reserved words as names and empty lists, and fixtures, scenarios and generated
// scenarios with tokens inserted, deleted, replaced, swapped or cut out. Whenever the fast parser
// accepts, nearley must accept with a deep-equal tree.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import grammar from '../../src/dsl/grammar.generated.js';
import { tokenize, type Token } from '../../src/dsl/lexer.js';
import { looseScenario, scenario } from './generate/scenario.js';
import { expectAgreement } from './parsers.js';
import { sources } from './sources.js';

const keywords = [
  ...new Set(
    grammar.ParserRules.flatMap((r) => r.symbols).flatMap((s) =>
      typeof s === 'object' && 'literal' in s && typeof s.literal === 'string' ? [s.literal] : [],
    ),
  ),
];
const pieces = [...keywords, 'x', 'A/b', '"q"', 'Key:', '"k":', '*', 'json {"a": [1]}', 'json 5', '"""t"""', '123', ';', ','];

const edit = fc.record({
  at: fc.nat(),
  other: fc.nat(),
  piece: fc.constantFrom(...pieces),
  op: fc.constantFrom('insert', 'delete', 'replace', 'swap', 'cut'),
});
type Edit = typeof edit extends fc.Arbitrary<infer E> ? E : never;

/** `source` with the edits applied to its tokens (whitespace and comments kept). */
function mutate(source: string, tokens: readonly Token[], edits: readonly Edit[]): string {
  if (tokens.length === 0) return edits.map((e) => e.piece).join(' ');
  const texts = tokens.map((t) => t.text);
  for (const { at, other, piece, op } of edits) {
    const i = at % texts.length;
    const j = other % texts.length;
    if (op === 'insert') texts[i] = `${piece} ${texts[i]}`;
    else if (op === 'delete') texts[i] = '';
    else if (op === 'replace') texts[i] = piece;
    else if (op === 'cut') texts.fill('', i, i + 1 + (other % 5));
    else [texts[i], texts[j]] = [texts[j] ?? '', texts[i] ?? ''];
  }
  let out = '';
  let from = 0;
  tokens.forEach((t, k) => {
    out += source.slice(from, t.offset) + texts[k];
    from = t.offset + t.text.length;
  });
  return out + source.slice(from);
}

function lexable(source: string): Token[] {
  try {
    return tokenize(source, 'm.iam');
  } catch {
    return [];
  }
}

describe('the fast parser never accepts more than nearley, nor builds another tree', () => {
  it('almost-valid generated scenarios', () => {
    let accepted = 0;
    fc.assert(fc.property(looseScenario, (source) => void (expectAgreement(source, false) && accepted++)), {
      numRuns: 1000,
    });
    expect(accepted).toBeGreaterThan(0);
  });

  const corpus = sources.map(([, source]) => ({ source, tokens: lexable(source) }));

  it('mutated fixtures and scenarios', () => {
    let accepted = 0;
    fc.assert(
      fc.property(fc.nat(corpus.length - 1), fc.array(edit, { minLength: 1, maxLength: 3 }), (which, edits) => {
        const { source, tokens } = corpus[which]!;
        if (expectAgreement(mutate(source, tokens, edits), false)) accepted++;
      }),
      { numRuns: 1500 },
    );
    expect(accepted).toBeGreaterThan(0);
  });

  it('mutated generated scenarios', () => {
    let accepted = 0;
    fc.assert(
      fc.property(scenario, fc.array(edit, { minLength: 1, maxLength: 2 }), (source, edits) => {
        if (expectAgreement(mutate(source, lexable(source), edits), false)) accepted++;
      }),
      { numRuns: 1500 },
    );
    expect(accepted).toBeGreaterThan(0);
  });

  it('token soup from the grammar vocabulary', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces, '{', '}', '[', ']', '=', 'x: y'), { maxLength: 30 }), (words) => {
        expectAgreement(words.join(' '), false);
      }),
      { numRuns: 1500 },
    );
  });
});
