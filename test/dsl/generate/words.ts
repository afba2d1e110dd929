// The words of generated scenarios, and the small combinators the generators share. A name
// position takes any word, so keywords are drawn as names too, except where the grammar reserves
// them (the sets of RESERVED in src/dsl/build.ts) and `json`, which before a bracket lexes as JSON.
// A loose vocabulary ignores those exceptions and lets lists be empty: almost-valid scenarios.
import fc from 'fast-check';
import { REF_WORDS } from '../../../src/dsl/build.js';
import { grammarLiterals } from '../helpers.js';

export type Arb = fc.Arbitrary<string>;

const KEYWORDS = grammarLiterals.filter((l) => /^[a-z]/.test(l));

const PLAIN = [
  'alice',
  'A/b',
  'Production/UpdateApp',
  'arn:aws:s3:::bucket/*',
  's3:GetObject',
  '123456789012',
  '${aws:username}',
  'a=b',
  'x.y-z_1',
  '1h',
  'us-east-1',
  '*',
  'arn:aws:iam::1:root',
];
const QUOTED = ['"two words"', '"allow"', '"a\\"b"', '"caf\\u00e9"', '""', '"json"', '"for"'];

export const STATEMENT = ['allow', 'deny', 'sid', 'principal', 'not-principal', 'action', 'not-action', 'resource', 'not-resource', 'when'];
export { REF_WORDS };

export interface Vocabulary {
  /** a word or a quoted string, no word of `reserved` (unless loose) */
  readonly nameExcept: (...reserved: readonly string[]) => Arb;
  readonly name: Arb;
  /** SName: statement keywords are not names inside statements */
  readonly sname: Arb;
  /** one to three items separated by commas (zero to three if loose) */
  readonly commas: (item: Arb) => Arb;
  readonly atLeastOne: number;
}

export function vocabulary(loose: boolean): Vocabulary {
  const nameExcept = (...reserved: readonly string[]): Arb => {
    const keep = (w: string) => loose || (w !== 'json' && !reserved.includes(w));
    return fc.oneof(fc.constantFrom(...PLAIN.filter(keep)), fc.constantFrom(...KEYWORDS.filter(keep)), fc.constantFrom(...QUOTED));
  };
  const atLeastOne = loose ? 0 : 1;
  const commas = (item: Arb): Arb =>
    fc
      .array(fc.tuple(item, fc.constantFrom(', ', ',', ' ,\n  ')), { minLength: atLeastOne, maxLength: 3 })
      .map((xs) => xs.map(([x, sep], i) => (i === xs.length - 1 ? x : x + sep)).join(''));
  return { nameExcept, name: nameExcept(), sname: nameExcept(...STATEMENT), commas, atLeastOne };
}

const space = fc.constantFrom(' ', '\n', '\n    ', '\t', '  # a comment {"\n');

/** The parts in order, each followed by whitespace (an empty part only adds whitespace). */
export function seq(...parts: readonly (Arb | string)[]): Arb {
  const arbs = parts.map((p) => (typeof p === 'string' ? fc.constant(p) : p));
  return fc
    .tuple(fc.tuple(...arbs), fc.array(space, { minLength: arbs.length, maxLength: arbs.length }))
    .map(([ps, ss]) => ps.map((p, i) => p + (ss[i] ?? ' ')).join(''));
}

export const opt = (a: Arb): Arb => fc.option(a, { nil: '' });

/** `{ members }`, each member optionally followed by ";". */
export function braces(member: Arb, maxLength = 3): Arb {
  const item = fc.tuple(member, fc.constantFrom('', ';', ' ;')).map(([m, semi]) => m + semi);
  return fc.array(item, { maxLength }).map((ms) => `{ ${ms.join(' ')} }`);
}

export const JSON_TEXTS = [
  '{"Version": "2012-10-17", "Statement": []}',
  '[1, {"a": "b}]"}]',
  '{\n  "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]\n}',
  '{}',
];
