// Actions of the AWS service catalogue: lookups, suggestions, wildcard patterns.
import { describe, expect, it } from 'vitest';
import { isKnownService, lookupAction, matchActions, serviceActions, suggestAction } from '../../src/catalogue/index.js';
import { globMatch } from '../../src/catalogue/actions.js';

describe('lookupAction', () => {
  it('knows real actions and gives their catalogue spelling', () => {
    expect(lookupAction('s3:PutObject')).toEqual({ service: 's3', action: 'PutObject', known: true });
    expect(lookupAction('sts:AssumeRoleWithWebIdentity')).toEqual({ service: 'sts', action: 'AssumeRoleWithWebIdentity', known: true });
    expect(lookupAction('iam:PassRole').known).toBe(true);
    expect(lookupAction('ec2:RunInstances').known).toBe(true);
  });

  it('is case-insensitive in the prefix and the name, as IAM is', () => {
    expect(lookupAction('s3:putobject')).toEqual({ service: 's3', action: 'PutObject', known: true });
    expect(lookupAction('S3:PUTOBJECT')).toEqual({ service: 's3', action: 'PutObject', known: true });
    expect(lookupAction('IAM:passrole')).toEqual({ service: 'iam', action: 'PassRole', known: true });
  });

  it('an unknown action in a known service suggests the nearest action of that service', () => {
    expect(lookupAction('s3:PutObjet')).toEqual({ service: 's3', action: 'PutObjet', known: false, suggestion: 's3:PutObject' });
    expect(lookupAction('ec2:DescribeInstance').suggestion).toBe('ec2:DescribeInstances');
    expect(lookupAction('s3:GetObjcet').suggestion).toBe('s3:GetObject'); // a swap is one edit
  });

  it('looks across services when the prefix is wrong or the action belongs elsewhere', () => {
    expect(lookupAction('s33:PutObjet')).toMatchObject({ service: 's33', known: false, suggestion: 's3:PutObject' });
    expect(lookupAction('s3:AssumeRole')).toMatchObject({ known: false, suggestion: 'sts:AssumeRole' });
  });

  it('gives no suggestion when nothing is close', () => {
    const found = lookupAction('zzzz:Qwertyuiop');
    expect(found).toEqual({ service: 'zzzz', action: 'Qwertyuiop', known: false });
    expect(lookupAction('s3:EntirelyDifferentThing').suggestion).toBeUndefined();
  });

  it('a name without exactly one colon is not an action', () => {
    expect(lookupAction('PutObject').known).toBe(false);
    expect(lookupAction('s3:a:b').known).toBe(false);
  });
});

describe('services', () => {
  it('isKnownService is case-insensitive and knows the catalogue prefixes', () => {
    for (const p of ['s3', 'S3', 'iam', 'sts', 'ec2', 'kms', 'organizations', 'eks', 's3-object-lambda'])
      expect(isKnownService(p), p).toBe(true);
    for (const p of ['s33', 'aws', '', 'amazon']) expect(isKnownService(p), p).toBe(false);
  });

  it('serviceActions lists a service in catalogue spelling', () => {
    const sts = serviceActions('STS');
    expect(sts?.prefix).toBe('sts');
    expect(sts?.names).toEqual(expect.arrayContaining(['AssumeRole', 'GetCallerIdentity', 'TagSession', 'SetSourceIdentity']));
    expect(serviceActions('nope')).toBeNull();
  });

  it('suggestAction answers undefined for a known action', () => {
    expect(suggestAction('s3:GetObject')).toBeUndefined();
    expect(suggestAction('s3:getobject')).toBe('s3:GetObject'); // only the case differs
  });
});

describe('wildcard patterns', () => {
  it('match case-insensitively with * and ?', () => {
    expect(matchActions('s3:Get*')).toEqual(expect.arrayContaining(['s3:GetObject', 's3:GetBucketPolicy']));
    expect(matchActions('s3:get*')).toEqual(matchActions('s3:Get*'));
    expect(matchActions('s3:Get?bject')).toEqual(['s3:GetObject']);
    expect(matchActions('sts:Assume*')).toEqual(
      expect.arrayContaining(['sts:AssumeRole', 'sts:AssumeRoleWithSAML', 'sts:AssumeRoleWithWebIdentity', 'sts:AssumeRoot']),
    );
    expect(matchActions('s3:*')?.length).toBe(serviceActions('s3')?.names.length);
  });

  it('an unknown prefix gives null; a pattern that matches nothing, an empty list', () => {
    expect(matchActions('s33:Get*')).toBeNull();
    expect(matchActions('s3:Gte*')).toEqual([]);
  });

  it('globMatch', () => {
    expect(globMatch('*', '')).toBe(true);
    expect(globMatch('a*b*c', 'axxbyyc')).toBe(true);
    expect(globMatch('a*b*c', 'axxbyy')).toBe(false);
    expect(globMatch('?', '')).toBe(false);
    expect(globMatch('a?c', 'abc')).toBe(true);
    expect(globMatch('*object', 'getobject')).toBe(true);
    expect(globMatch('get*', 'put')).toBe(false);
  });
});
