// The lexer: token types, decoding, positions, `json {…}` as one token, located errors.
import { describe, expect, it } from 'vitest';
import { createLexer, type Token } from '../../src/dsl/lexer.js';
import { ScenarioError } from '../../src/errors.js';

function lex(source: string): Token[] {
  const lexer = createLexer('lex.iam');
  lexer.reset(source);
  const out: Token[] = [];
  for (let t = lexer.next(); t !== undefined; t = lexer.next()) out.push(t);
  return out;
}
const brief = (source: string) => lex(source).map((t) => [t.type, t.value]);

function lexError(source: string): ScenarioError {
  try {
    lex(source);
  } catch (e) {
    expect(e).toBeInstanceOf(ScenarioError);
    return e as ScenarioError;
  }
  throw new Error('expected a lexer error');
}

describe('words and keys', () => {
  it('keeps ARNs, policy variables and wildcards in one word', () => {
    expect(brief('arn:aws:s3:::productionapp/${aws:username}/* s3:Get* ${aws:PrincipalTag/team} a?b@c+d=e$f')).toEqual([
      ['word', 'arn:aws:s3:::productionapp/${aws:username}/*'],
      ['word', 's3:Get*'],
      ['word', '${aws:PrincipalTag/team}'],
      ['word', 'a?b@c+d=e$f'],
    ]);
  });

  it('reads a word ending in ":" before whitespace as a key, and a quoted string followed by ":"', () => {
    expect(brief('RoleArn: aws:SourceIp:\teks.amazonaws.com/role-arn:\n"odd key": x:y "v"')).toEqual([
      ['key', 'RoleArn'],
      ['key', 'aws:SourceIp'],
      ['key', 'eks.amazonaws.com/role-arn'],
      ['key', 'odd key'],
      ['word', 'x:y'],
      ['string', 'v'],
    ]);
    expect(brief('arn:aws:iam::1:root')).toEqual([['word', 'arn:aws:iam::1:root']]);
    expect(brief('last:')).toEqual([['key', 'last']]);
  });

  it('reads a lone "=" as punctuation and "=" inside a word as a word character', () => {
    expect(brief('Arn = "x" a=b == =c')).toEqual([
      ['word', 'Arn'],
      ['punct', '='],
      ['string', 'x'],
      ['word', 'a=b'],
      ['word', '=='],
      ['word', '=c'],
    ]);
  });

  it('reads punctuation and skips comments and whitespace', () => {
    expect(brief('{ a, b; } [x] # a comment { "not a string"\r\n# another\n=')).toEqual([
      ['punct', '{'],
      ['word', 'a'],
      ['punct', ','],
      ['word', 'b'],
      ['punct', ';'],
      ['punct', '}'],
      ['punct', '['],
      ['word', 'x'],
      ['punct', ']'],
      ['punct', '='],
    ]);
  });
});

describe('strings', () => {
  it('decodes JSON escapes and keeps the source text', () => {
    const [t] = lex('"a\\"b\\\\c\\/d\\n\\t\\u00e9"');
    expect(t).toMatchObject({ type: 'string', value: 'a"b\\c/d\n\té', text: '"a\\"b\\\\c\\/d\\n\\t\\u00e9"' });
  });

  it('keeps a quoted keyword distinct from the keyword by its text', () => {
    const [quoted, plain] = lex('"allow" allow');
    expect([quoted?.type, quoted?.value, quoted?.text]).toEqual(['string', 'allow', '"allow"']);
    expect([plain?.type, plain?.text]).toEqual(['word', 'allow']);
  });

  it('reads triple-quoted strings across lines, without their common indentation', () => {
    const [, t] = lex('description """\n    First line.\n      Indented "quotes" # not a comment\n    """');
    expect(t).toMatchObject({ type: 'tstring', value: 'First line.\n  Indented "quotes" # not a comment', line: 1, col: 13 });
    expect(lex('"""one line"""')[0]?.value).toBe('one line');
  });

  it('reports unterminated strings and bad escapes where they are', () => {
    expect(lexError('x\n  "abc\ndef"')).toMatchObject({ pos: { line: 2, col: 3, offset: 4 }, file: 'lex.iam' });
    expect(lexError('x\n  "abc\ndef"').message).toMatch(/unterminated string/);
    expect(lexError('a """ never closed')).toMatchObject({
      pos: { line: 1, col: 3 },
      message: expect.stringMatching(/unterminated triple-quoted/),
    });
    expect(lexError('"ab\\qc"')).toMatchObject({ pos: { line: 1, col: 4 }, message: expect.stringMatching(/invalid escape \\q/) });
    expect(lexError('"\\u12"').message).toMatch(/invalid escape \\u12/);
  });
});

describe('json', () => {
  it('emits `json` then the balanced JSON value as one token with its parsed value', () => {
    const tokens = lex('x json {"a": "}]\\"", "b": [1, {"c": null}]} y');
    expect(tokens.map((t) => t.type)).toEqual(['word', 'word', 'jsontext', 'word']);
    const json = tokens[2];
    expect(json).toMatchObject({ text: '{"a": "}]\\"", "b": [1, {"c": null}]}', line: 1, col: 8, offset: 7 });
    expect(json?.json).toEqual({ a: '}]"', b: [1, { c: null }] });
  });

  it('positions a JSON value that starts on a later line', () => {
    const tokens = lex('json\n\n  [\n 1,\n 2\n]');
    expect(tokens[1]).toMatchObject({ type: 'jsontext', line: 3, col: 3, offset: 8, json: [1, 2] });
  });

  it('leaves `json` alone when no bracket follows', () => {
    expect(brief('json 5 json "s" jsonx {')).toEqual([
      ['word', 'json'],
      ['word', '5'],
      ['word', 'json'],
      ['string', 's'],
      ['word', 'jsonx'],
      ['punct', '{'],
    ]);
  });

  it('reports JSON syntax errors at their line and column in the scenario', () => {
    const err = lexError('policy P json {\n  "Version": "2012-10-17"\n  "Statement": []\n}');
    expect(err.pos).toEqual({ line: 3, col: 3, offset: 44 });
    expect(err.message).toBe(`invalid JSON: expected "," or "}", found '"'`);
    expect(err.expected).toBe('"," or "}"');

    expect(lexError('json {"a": tru}')).toMatchObject({ pos: { col: 12 }, expected: 'a JSON value' });
    expect(lexError('json [1, 2,]')).toMatchObject({ pos: { col: 12 }, message: 'invalid JSON: a trailing comma is not allowed in JSON' });
    expect(lexError('json {a: 1}')).toMatchObject({ pos: { col: 7 }, expected: 'a property name in double quotes or "}"' });
    expect(lexError('json {"a" 1}')).toMatchObject({ pos: { col: 11 }, expected: '":" after the property name' });
    expect(lexError('json ["a\tb"]')).toMatchObject({ pos: { col: 9 }, message: expect.stringMatching(/control character/) });
    expect(lexError('json ["\\x"]')).toMatchObject({ pos: { col: 8 }, message: expect.stringMatching(/invalid escape/) });
    expect(lexError('json [01]')).toMatchObject({ pos: { col: 8 } });
  });

  it('reports mismatched brackets, unterminated values and strings', () => {
    expect(lexError('json {"a": [1, 2}')).toMatchObject({
      pos: { line: 1, col: 17 },
      message: '"}" does not close the "[" at 1:12',
      expected: '"]"',
    });
    expect(lexError('x\njson {"a": [1, 2]')).toMatchObject({
      pos: { line: 2, col: 6 },
      message: expect.stringMatching(/unterminated JSON/),
    });
    expect(lexError('json {"a": "b\n"}')).toMatchObject({
      pos: { line: 1, col: 12 },
      message: expect.stringMatching(/unterminated string in JSON/),
    });
  });
});

describe('positions and bad input', () => {
  it('gives 1-based lines and columns and 0-based offsets', () => {
    const tokens = lex('a\n  bb\r\n\tc');
    expect(tokens.map((t) => [t.value, t.line, t.col, t.offset])).toEqual([
      ['a', 1, 1, 0],
      ['bb', 2, 3, 4],
      ['c', 3, 2, 9],
    ]);
  });

  it('reports a character no token can start with', () => {
    expect(lexError('user bob\n  ~')).toMatchObject({ pos: { line: 2, col: 3, offset: 11 }, message: 'unexpected character "~"' });
    expect(lexError('a\u0000').message).toBe('unexpected character "\\u0000"');
    expect(lexError('caf\u00e9').pos.col).toBe(4);
  });
});
