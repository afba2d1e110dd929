// The hand-written scanner against the moo lexer it replaced (test/dsl/oracle): the same tokens
// (types, values, texts, positions, JSON values) and the same errors, on every scenario we have,
// on edge cases, and on generated input.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tokenize } from '../../src/dsl/lexer.js';
import { ScenarioError } from '../../src/errors.js';
import { mooTokens } from './oracle/moo-lexer.js';
import { large, sources } from './sources.js';

/** Tokens as plain data, or the error as plain data. */
function outcome(lex: () => readonly object[]): unknown {
  try {
    return lex().map((t) => ({ json: undefined, ...t }));
  } catch (e) {
    if (!(e instanceof ScenarioError)) throw e;
    const { line, col, offset } = e.pos;
    return { error: e.message, pos: { line, col, offset }, length: e.length, expected: e.expected, file: e.file };
  }
}

function same(source: string): void {
  expect(outcome(() => tokenize(source, 's.iam'))).toStrictEqual(outcome(() => mooTokens(source, 's.iam')));
}

const EDGE_CASES = [
  '',
  'json',
  'json {',
  'json [',
  'json\n\n[1,\n2]\nx',
  'json{} jsonx {',
  'json 5',
  'a json{"a":1}}',
  'a:',
  'a: b',
  '::',
  ': ',
  'a:\u00a0',
  'a:\ufeff',
  'a:\n',
  'a::b',
  '"a":x',
  '"a" :',
  'x${a}: y',
  'a$b:',
  '${a}:',
  '=',
  '= x',
  '=$',
  '==',
  '=:',
  'a=b == =c',
  '={',
  '$',
  '${',
  '${}',
  '${a b}',
  '${a"}',
  '${a{b}c',
  '$$',
  '$${x}',
  '"""',
  '""""""',
  '"""a""""',
  '"""\n  a\n"""',
  '"a\\',
  '"a\\\nb"',
  '"\\u12"',
  '"ab\\qc"',
  '"\\u00e9\\n"',
  '"a\r"',
  'json {"a": "b\n"}',
  'json {"a": [1, 2}',
  'json [1,]',
  'json {"a" 1}',
  'json ["\\"]"]',
  'json {"a":1} }',
  'json [[[[[[[[[[[[[[1]]]]]]]]]]]]]]',
  'json [[[[[[[[[[[[[[1]]]]]]]]]]]]]',
  'json ["a\\x"]',
  'json [01]',
  'x\u00a0',
  'caf\u00e9',
  '\ud83d\ude00',
  '\ufeffa',
  '#c',
  'a#b',
  'x\r\ny',
  'a\n  bb\r\n\tc',
  '~',
  'a\u0000',
];

describe('the scanner reads exactly as the moo lexer did', () => {
  it.each(sources)('%s', (_, source) => same(source));

  it('the large generated scenario', () => same(large));

  it.each(EDGE_CASES)('%j', (source) => same(source));

  const alphabet = [...'ajson{}[],;:="\\$#*/.-_ \n\t\r\u00a0\ufeff~é1'];
  it('arbitrary strings over the characters that matter', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 60 }), (chars) => same(chars.join(''))),
      { numRuns: 3000 },
    );
  });

  const pieces = ['json', ' ', '\n', '{', '}', '[', ']', '"a"', '"""', 'x:', 'x', '${y}', '=', ',', '#', '"', '\\', '1'];
  it('strings of scanner pieces', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }), (parts) => same(parts.join(''))),
      { numRuns: 3000 },
    );
  });

  it('arbitrary unicode strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (s) => same(s)),
      { numRuns: 1000 },
    );
  });
});
