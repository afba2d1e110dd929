// Policy variables in Resource and condition values (IAM User Guide "IAM policy elements: Variables
// and tags").
import { describe, expect, it } from 'vitest';
import type { ContextValue } from '../../src/policy/index.js';
import { A, allow, decide, obj, policy, request, roleSession, user } from './helpers.js';

const alice = user('alice');

function grant(stmt: Record<string, unknown>, resource: string, ctx: Record<string, ContextValue> = {}, version?: string | null) {
  const id = policy('identity', stmt, version === undefined ? {} : { version });
  return decide(request(alice, 's3:GetObject', resource, A, ctx), { identity: [id] });
}

describe('Resource variables', () => {
  it('substitutes single-valued keys, names ignore case', () => {
    expect(grant(allow('s3:GetObject', 'arn:aws:s3:::home/${AWS:UserName}/*'), obj('home', 'alice/f')).decision).toBe('Allow');
    expect(grant(allow('s3:GetObject', 'arn:aws:s3:::home/${aws:username}/*'), obj('home', 'bob/f')).decision).toBe('ImplicitDeny');
  });
  it('uses principal tags', () => {
    const st = allow('s3:GetObject', 'arn:aws:s3:::team-${aws:PrincipalTag/team}/*');
    expect(grant(st, obj('team-blue', 'f'), { 'aws:PrincipalTag/Team': 'blue' }).decision).toBe('Allow');
  });
  it('substituted text is literal, not a wildcard', () => {
    const st = allow('s3:GetObject', 'arn:aws:s3:::home/${aws:PrincipalTag/dir}/f');
    expect(grant(st, obj('home', 'x/f'), { 'aws:PrincipalTag/dir': '*' }).decision).toBe('ImplicitDeny');
    expect(grant(st, obj('home', '*/f'), { 'aws:PrincipalTag/dir': '*' }).decision).toBe('Allow');
  });
  it('escapes ${*} ${?} ${$} are literal characters', () => {
    expect(grant(allow('s3:GetObject', 'arn:aws:s3:::b/a${*}b'), obj('b', 'a*b')).decision).toBe('Allow');
    expect(grant(allow('s3:GetObject', 'arn:aws:s3:::b/a${*}b'), obj('b', 'aXb')).decision).toBe('ImplicitDeny');
    expect(grant(allow('s3:GetObject', 'arn:aws:s3:::b/${?}${$}'), obj('b', '?$')).decision).toBe('Allow');
  });
  // "IAM policy elements: Variables and tags": "If a variable that has no value in the authorization
  // context is used as part of the Resource or NotResource element of a policy, the resource that
  // includes a policy variable with no value will not match any resource." What that does to the
  // NotResource statement is not said: iamsim assumes the entry excludes nothing.
  it('an unresolvable variable makes the entry match nothing, also in NotResource', () => {
    const st = { Effect: 'Allow', Action: 's3:GetObject', NotResource: 'arn:aws:s3:::b/${aws:PrincipalTag/none}/*' };
    expect(grant(st, obj('b', '/x')).decision).toBe('Allow');
    expect(grant(st, obj('other', 'anything')).decision).toBe('Allow');
    // with the key present, the entry excludes what it names
    expect(grant(st, obj('b', 'blue/x'), { 'aws:PrincipalTag/none': 'blue' }).decision).toBe('ImplicitDeny');
    // another entry still excludes what it lists
    const two = { ...st, NotResource: ['arn:aws:s3:::b/${aws:PrincipalTag/none}/*', 'arn:aws:s3:::secret/*'] };
    expect(grant(two, obj('secret', 'x')).decision).toBe('ImplicitDeny');
  });
  it('multi-valued keys cannot be used as variables', () => {
    const st = allow('s3:GetObject', 'arn:aws:s3:::b/${aws:TagKeys}');
    expect(grant(st, obj('b', 'x'), { 'aws:TagKeys': ['x'] }).decision).toBe('ImplicitDeny');
  });
  it('missing Version keeps variables literal (like 2008-10-17)', () => {
    const st = allow('s3:GetObject', 'arn:aws:s3:::home/${aws:username}/*');
    expect(grant(st, obj('home', 'alice/f'), {}, null).decision).toBe('ImplicitDeny');
    expect(grant(st, obj('home', '${aws:username}/f'), {}, null).decision).toBe('Allow');
  });
  it('variables are not interpreted in the ARN head', () => {
    const st = allow('s3:GetObject', 'arn:aws:s3:${aws:RequestedRegion}::b/*');
    expect(grant(st, 'arn:aws:s3:us-east-1::b/k').decision).toBe('ImplicitDeny');
  });
});

describe('condition variables', () => {
  const withCond = (cond: Record<string, unknown>) => allow('s3:GetObject', '*', { Condition: cond });
  it('StringEquals against another key', () => {
    const st = withCond({ StringEquals: { 's3:prefix': '${aws:username}/' } });
    expect(grant(st, obj('b', 'k'), { 's3:prefix': 'alice/' }).decision).toBe('Allow');
    expect(grant(st, obj('b', 'k'), { 's3:prefix': 'bob/' }).decision).toBe('ImplicitDeny');
  });
  it('StringLike keeps its wildcards around a variable', () => {
    const st = withCond({ StringLike: { 's3:prefix': ['home/${aws:username}/*'] } });
    expect(grant(st, obj('b', 'k'), { 's3:prefix': 'home/alice/docs/x' }).decision).toBe('Allow');
  });
  it('ArnLike with a variable', () => {
    const st = withCond({ ArnLike: { 'aws:SourceArn': 'arn:aws:sns:*:${aws:PrincipalAccount}:*' } });
    expect(grant(st, obj('b', 'k'), { 'aws:SourceArn': `arn:aws:sns:us-east-1:${A}:t` }).decision).toBe('Allow');
  });
  it('unresolvable: positive false, negated true', () => {
    expect(grant(withCond({ StringEquals: { 'k:x': '${aws:PrincipalTag/none}' } }), obj('b', 'k'), { 'k:x': 'v' }).decision).toBe(
      'ImplicitDeny',
    );
    expect(grant(withCond({ StringNotEquals: { 'k:x': '${aws:PrincipalTag/none}' } }), obj('b', 'k'), { 'k:x': 'v' }).decision).toBe(
      'Allow',
    );
  });
  it('default values', () => {
    const st = withCond({ StringEquals: { 'k:x': "${aws:PrincipalTag/team, 'everyone'}" } });
    expect(grant(st, obj('b', 'k'), { 'k:x': 'everyone' }).decision).toBe('Allow');
    expect(grant(st, obj('b', 'k'), { 'k:x': 'everyone', 'aws:PrincipalTag/team': 'red' }).decision).toBe('ImplicitDeny');
  });

  it('escapes ${*} ${?} ${$} are literal characters in StringEquals values too', () => {
    const st = withCond({ StringEquals: { 'aws:PrincipalTag/team': 'bl${?}e${*}${$}' } });
    expect(grant(st, obj('b', 'k'), { 'aws:PrincipalTag/team': 'bl?e*$' }).decision).toBe('Allow');
    expect(grant(st, obj('b', 'k'), { 'aws:PrincipalTag/team': 'blue*$' }).decision).toBe('ImplicitDeny');
    expect(grant(st, obj('b', 'k'), { 'aws:PrincipalTag/team': 'bl${?}e${*}${$}' }).decision).toBe('ImplicitDeny');
  });
  it('Numeric values take no variables', () => {
    const st = withCond({ NumericEquals: { 'k:n': '${k:m}' } });
    expect(grant(st, obj('b', 'k'), { 'k:n': '1', 'k:m': '1' }).decision).toBe('ImplicitDeny');
  });
  it('Version 2008-10-17 compares condition values literally', () => {
    const st = withCond({ StringEquals: { 'k:x': '${aws:username}' } });
    expect(grant(st, obj('b', 'k'), { 'k:x': 'alice' }, '2008-10-17').decision).toBe('ImplicitDeny');
    expect(grant(st, obj('b', 'k'), { 'k:x': '${aws:username}' }, '2008-10-17').decision).toBe('Allow');
  });
  it('aws:userid works for role sessions', () => {
    const s = roleSession('app', 's1');
    const id = policy('identity', allow('s3:GetObject', 'arn:aws:s3:::b/${aws:userid}/*'));
    const r = decide(request(s, 's3:GetObject', obj('b', 'AROAAPP:s1/f'), A), { identity: [id] });
    expect(r.decision).toBe('Allow');
  });
});
