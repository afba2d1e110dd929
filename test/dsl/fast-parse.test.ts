// The fast parser (src/dsl/fast-parse.ts) is an optimisation checked against the grammar: on
// every scenario we have, and on generated ones, it builds nearley's tree (locations included)
// wherever nearley accepts, and gives up wherever nearley rejects.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fastParse } from '../../src/dsl/fast-parse.js';
import { parseScenario } from '../../src/dsl/parse.js';
import { scenario } from './generate/scenario.js';
import { parseError } from './helpers.js';
import { expectAgreement } from './parsers.js';
import { large, sources } from './sources.js';

describe('fixtures and scenarios', () => {
  it.each(sources)('%s: same tree, or both reject', (_, source) => {
    expectAgreement(source, true);
  });

  it('the large generated scenario', () => {
    expect(expectAgreement(large, true)).toBe(true);
  });
});

describe('generated scenarios', () => {
  it('are accepted by both parsers, with the same tree', () => {
    fc.assert(fc.property(scenario, (source) => void expectAgreement(source, true)), { numRuns: 400 });
  });
});

describe('where the fast parser gives up, nearley decides', () => {
  it.each([
    ['a keyword that prefixes a name, used as a plain value before a step member', 'step s { expect response P = role keep credentials as k }'],
    ['the same with env', 'step s { expect response P = env region eu-west-1 }'],
    ['nesting deeper than the stack allows', `organization { ${'ou a { '.repeat(20000)}${'}'.repeat(20000)} }`],
  ])('%s', (_, source) => {
    expect(fastParse(source, 'x.iam')).toBeNull();
    expect(expectAgreement(source, false)).toBe(false);
    expect(parseScenario(source, 'x.iam').items).toHaveLength(1);
  });

  it('reports errors as nearley does, even for `json WORD` that another reading would accept', () => {
    const source = 'step s { expect response P = json keep credentials as k }';
    expect(fastParse(source, 'x.iam')).toBeNull();
    expect(parseError(source).message).toBe('json keep: not a JSON value');
  });
});
