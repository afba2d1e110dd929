// Syntax errors: located at the offending token, saying what was found and what was expected.
import { describe, expect, it } from 'vitest';
import { parseError } from './helpers.js';

describe('unexpected tokens', () => {
  it('names the token, lists what could come next and suggests the nearest keyword', () => {
    const source = 'account A 111111111111 {\n  role R {\n    trust { alow principal * }\n  }\n}';
    const err = parseError(source, 'bad.iam');
    expect(err.file).toBe('bad.iam');
    expect(err.pos).toEqual({ line: 3, col: 13, offset: source.indexOf('alow') });
    expect(err.length).toBe(4);
    expect(err.message).toBe('unexpected "alow"');
    expect(err.expected).toBe('"allow", "deny" or "}"');
    expect(err.suggestion).toBe('allow');
  });

  it('lists the members a block accepts', () => {
    const err = parseError('account A 1 { usr bob }');
    expect(err.pos).toMatchObject({ line: 1, col: 15 });
    expect(err.message).toBe('unexpected "usr"');
    expect(err.expected).toBe(
      '"bucket", "cluster", "function", "group", "instance", "instance-profile", "key", "oidc-issuer", "oidc-provider", "policy", "resource", "role", "saml-provider", "tags", "user", "vpc-endpoint" or "}"',
    );
    expect(err.suggestion).toBe('user');
  });

  it('lists the members a key accepts', () => {
    const err = parseError('account A 1 { key k { polcy { } } }');
    expect(err.message).toBe('unexpected "polcy"');
    expect(err.expected).toBe('"alias", "policy", "tags" or "}"');
    expect(err.suggestion).toBe('policy');
  });

  it('lists the members a VPC endpoint accepts', () => {
    const err = parseError('account A 1 { vpc-endpoint e { servce s3 } }');
    expect(err.message).toBe('unexpected "servce"');
    expect(err.expected).toBe('"id", "policy", "service", "vpc" or "}"');
    expect(err.suggestion).toBe('service');
  });

  it('expects `vpc-endpoint`, the endpoint, `from` and an address after `via`', () => {
    expect(parseError('step s { via s3-gateway from 10.0.0.1 }').expected).toBe('"vpc-endpoint"');
    const noFrom = parseError('step s { via vpc-endpoint A/e 10.0.0.1 }');
    expect([noFrom.message, noFrom.expected]).toEqual(['unexpected "10.0.0.1"', '"from"']);
    const noIp = parseError('step s { via vpc-endpoint A/e from }');
    expect([noIp.message, noIp.expected]).toEqual(['unexpected "}"', 'a name or a quoted string']);
  });

  it('lists clause keywords, separators and the end of a statement', () => {
    const err = parseError('account A 1 { policy P { allow action a, b resorce c } }');
    expect(err.message).toBe('unexpected "resorce"');
    expect(err.expected).toContain('"resource"');
    expect(err.expected).toContain('","');
    expect(err.expected).toContain('"}"');
    expect(err.suggestion).toBe('resource');
  });

  it('`principal federated oidc-provider` needs the provider: a clause keyword is not one', () => {
    const source = 'account A 1 { role r { trust { allow principal federated oidc-provider action sts:AssumeRoleWithWebIdentity } } }';
    const err = parseError(source);
    expect(err.message).toBe('unexpected "sts:AssumeRoleWithWebIdentity"');
    expect(err.pos).toMatchObject({ line: 1, col: source.indexOf('sts:') + 1 });
  });

  it('mentions that the file may end where it may', () => {
    const err = parseError('scenario s\n}');
    expect(err.pos).toMatchObject({ line: 2, col: 1 });
    expect(err.message).toBe('unexpected "}"');
    expect(err.expected).toMatch(/"account", .*"step", "wait", ";" or the end of the file$/);
  });

  it('tells that a quoted keyword is not the keyword', () => {
    const err = parseError('step s { expect "allowed" }');
    expect(err.message).toBe('unexpected quoted string "allowed"');
    expect(err.suggestion).toBe('allowed (a keyword is written without quotes)');
  });

  it('describes keys, JSON values and triple-quoted strings found out of place', () => {
    expect(parseError('step s { RoleArn: x }').message).toBe('unexpected "RoleArn:"');
    expect(parseError('step s { call x json {"a": 1} }').message).toBe('unexpected "json"');
    const json = parseError('step s { call json {"a": 1} }');
    expect(json.message).toBe('unexpected JSON value');
    expect(json.pos).toMatchObject({ col: 20 });
    expect(json.expected).toContain('"resource"');
    expect(parseError('clock """x"""').message).toBe('unexpected triple-quoted string');
  });

  it('expects a value after a key', () => {
    const err = parseError('step s { call x { RoleArn: } }');
    expect(err.pos).toMatchObject({ col: 28 });
    expect(err.expected).toContain('"["');
    expect(err.expected).toContain('a name');
    expect(err.expected).toContain('a quoted string');
  });

  it('expects the message, or `contains` and a part of it, after `expect error CODE message`', () => {
    const none = parseError('step s { expect error AccessDenied message }');
    expect([none.message, none.expected, none.pos.col]).toEqual(['unexpected "}"', '"contains", a name or a quoted string', 44]);
    const part = parseError('step s { expect error AccessDenied message contains }');
    expect([part.message, part.expected]).toEqual(['unexpected "}"', 'a name or a quoted string']);
    expect(parseError('step s { expect error AccessDenied message [a] }').expected).toBe('"contains", a name or a quoted string');
  });

  it('suggests `message` for a misspelt one after an expected error code', () => {
    const err = parseError('step s { expect error AccessDenied mesage "x" }');
    expect(err.message).toBe('unexpected "mesage"');
    expect(err.expected).toContain('"message"');
    expect(err.suggestion).toBe('message');
  });

  it('reports "=" missing in expect response', () => {
    const err = parseError('step s { expect response Arn "x" }');
    expect([err.message, err.expected]).toEqual(['unexpected quoted string "x"', '"="']);
  });
});

describe('keywords that must be quoted where they would be ambiguous', () => {
  it('rejects a reference keyword as a plain name in attach lists', () => {
    const err = parseError('account A 1 { user u { attach policy } }');
    expect(err.message).toBe('unexpected "}"');
    expect(err.expected).toBe('a name or a quoted string');
  });

  it('rejects a subject keyword as a kept credentials name', () => {
    expect(parseError('step s { as user; call x }').message).toBe('unexpected ";"');
  });

  it('rejects a statement keyword as an action', () => {
    expect(parseError('account A 1 { policy P { allow action resource } }').message).toBe('unexpected "}"');
  });
});

describe('end of file', () => {
  it('points just after the last token and says what is missing', () => {
    const source = 'account A 1 {\n  user bob {\n    groups Developers\n\n';
    const err = parseError(source);
    expect(err.pos).toEqual({ line: 3, col: 22, offset: source.indexOf('Developers') + 10 });
    expect(err.message).toBe('unexpected end of file');
    expect(err.expected).toBe('"access-key", "attach", "boundary", "groups", "inline", "mfa-device", "path", "tags", ",", ";" or "}"');
  });

  it('reports an unclosed step', () => {
    const err = parseError('step "s" {\n  as user A/b\n  expect');
    expect(err.pos).toMatchObject({ line: 3, col: 9 });
    expect(err.expected).toBe('"allowed", "denied", "error", "explicit-deny", "implicit-deny", "no", "path", "response" or "who-can"');
  });

  it('reports an empty file as fine and a lone keyword as incomplete', () => {
    expect(parseError('scenario').message).toBe('unexpected end of file');
    expect(parseError('scenario').expected).toBe('a name or a quoted string');
  });
});

describe('errors from the lexer and the builders', () => {
  it('keeps the lexer error (with its file) when it happens mid-parse', () => {
    const err = parseError('account A 1 {\n  user "bob\n}', 'lexed.iam');
    expect(err).toMatchObject({ file: 'lexed.iam', pos: { line: 2, col: 8 } });
    expect(err.message).toMatch(/unterminated string/);
  });

  it('reports a json scalar that is not JSON, in the right file', () => {
    const err = parseError('step s { call x { A: json nope } }', 'scalar.iam');
    expect(err).toMatchObject({ file: 'scalar.iam', pos: { line: 1, col: 27 }, message: 'json nope: not a JSON value' });
  });

  it('reports JSON errors inside policies at their position in the file', () => {
    const source = 'account A 1 {\n  policy P json {\n    "Version": "2012-10-17",\n    "Statement": [,]\n  }\n}';
    const err = parseError(source);
    expect(err.pos).toEqual({ line: 4, col: 19, offset: source.indexOf('[,]') + 1 });
    expect(err.message).toBe('invalid JSON: expected a JSON value or "]", found ","');
  });
});
