// Robustness: whatever the input, parsing yields one tree or one ScenarioError, never another
// exception, and never more than one parse.
import { readdirSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createLexer, type Token } from '../../src/dsl/lexer.js';
import { parseResults, parseScenario } from '../../src/dsl/parse.js';
import { ScenarioError } from '../../src/errors.js';
import { fixture, fixturesDir, grammarLiterals } from './helpers.js';

/** Parses; returns the number of parses, or 0 for a ScenarioError. Any other exception escapes. */
function parses(source: string): number {
  try {
    const n = parseResults(source, 'fuzz.iam').length;
    if (n === 1) expect(parseScenario(source, 'fuzz.iam').kind).toBe('ScenarioFile');
    return n;
  } catch (e) {
    if (e instanceof ScenarioError) return 0;
    throw e;
  }
}

const pieces = [...grammarLiterals, 'x', 'A/b', '"q"', 'Key:', '"k":', '*', 'json {"a": [1]}', '"""t"""', '#c\n', '123'];

describe('any input gives a tree or a ScenarioError', () => {
  it('arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => void parses(s)),
      { numRuns: 500 },
    );
  });

  it('arbitrary bytes read as UTF-8 and as Latin-1', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        parses(Buffer.from(bytes).toString('utf8'));
        parses(Buffer.from(bytes).toString('latin1'));
      }),
      { numRuns: 300 },
    );
  });

  it('token soup from the grammar vocabulary never parses more than once', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), (words) => {
        expect(parses(words.join(' '))).toBeLessThanOrEqual(1);
      }),
      { numRuns: 1000 },
    );
  });

  it('mutated fixtures (keywords put where names were) never parse more than once', () => {
    const sources = readdirSync(`${fixturesDir}valid`)
      .filter((f) => f.endsWith('.iam'))
      .map((f) => fixture(`valid/${f}`));
    const tokenized = sources.map((source) => {
      const lexer = createLexer('m.iam');
      lexer.reset(source);
      const tokens: Token[] = [];
      for (let t = lexer.next(); t; t = lexer.next()) if (t.type !== 'jsontext') tokens.push(t);
      return { source, tokens };
    });
    const edit = fc.record({
      at: fc.nat(),
      word: fc.constantFrom(...pieces),
      op: fc.constantFrom('replace', 'insert', 'delete'),
    });
    fc.assert(
      fc.property(fc.nat(tokenized.length - 1), fc.array(edit, { minLength: 1, maxLength: 2 }), (which, edits) => {
        const { source, tokens } = tokenized[which]!;
        let out = source;
        // edit from the end, so earlier offsets stay valid
        const sorted = edits.map((e) => ({ ...e, token: tokens[e.at % tokens.length]! })).sort((a, b) => b.token.offset - a.token.offset);
        for (const { token, word, op } of sorted) {
          const before = out.slice(0, token.offset);
          const after = out.slice(token.offset + token.text.length);
          if (op === 'replace') out = `${before}${word}${after}`;
          else if (op === 'insert') out = `${before}${word} ${token.text}${after}`;
          else out = before + after;
        }
        expect(parses(out)).toBeLessThanOrEqual(1);
      }),
      { numRuns: 1500 },
    );
  });
});

describe('deep nesting', () => {
  const n = 5000;
  it.each([
    ['nested OUs', `organization { ${'ou a { '.repeat(n)}${'}'.repeat(n)} }`, 1],
    ['nested lists', `step s { call x { A: ${'['.repeat(n)}${']'.repeat(n)} } }`, 1],
    ['nested JSON', `step s { call x { A: json ${'['.repeat(n)}${']'.repeat(n)} } }`, 1],
    ['unclosed OUs', `organization { ${'ou a { '.repeat(n)}`, 0],
    ['unclosed lists', `step s { call x { A: ${'['.repeat(n)} } }`, 0],
    ['unclosed JSON', `step s { call x { A: json ${'['.repeat(n)}`, 0],
    ['only braces', '{'.repeat(n), 0],
  ])('%s', (_, source, expected) => {
    expect(parses(source)).toBe(expected);
  });
});
