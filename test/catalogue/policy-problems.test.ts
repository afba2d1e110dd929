// The catalogue problems of an IAM JSON document, each with the JSON path of what is wrong.
import { describe, expect, it } from 'vitest';
import { policyActionProblem, policyCatalogueProblems } from '../../src/catalogue/index.js';

describe('policyCatalogueProblems', () => {
  it('finds every unknown action and key, with its path', () => {
    const doc = {
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: ['s3:GetObject', 's3:GetObjet'], Resource: '*' },
        {
          Effect: 'Deny',
          NotAction: 'iam:ListUser',
          Resource: '*',
          Condition: { Bool: { 'aws:SecureTransprt': 'false', 'aws:MultiFactorAuthPresent': 'true' } },
        },
      ],
    };
    expect(policyCatalogueProblems(doc).map(({ path, what, text, suggestion }) => ({ path, what, text, suggestion }))).toEqual([
      { path: ['Statement', 0, 'Action', 1], what: 'action', text: 's3:GetObjet', suggestion: 's3:GetObject' },
      { path: ['Statement', 1, 'NotAction'], what: 'action', text: 'iam:ListUser', suggestion: 'iam:ListUsers' },
      {
        path: ['Statement', 1, 'Condition', 'Bool', 'aws:SecureTransprt'],
        what: 'condition-key',
        text: 'aws:SecureTransprt',
        suggestion: 'aws:SecureTransport',
      },
    ]);
  });

  it('reads a lone statement object, and leaves malformed shapes to the validator', () => {
    expect(policyCatalogueProblems({ Statement: { Effect: 'Allow', Action: 's3:PutObjet', Resource: '*' } })[0]?.path).toEqual([
      'Statement',
      'Action',
    ]);
    expect(policyCatalogueProblems({ Statement: [1, null, { Action: 7, Condition: [] }] })).toEqual([]);
    expect(policyCatalogueProblems(null)).toEqual([]);
  });
});

describe('policyActionProblem', () => {
  it('accepts *, actions in any case and patterns that match', () => {
    for (const a of ['*', 's3:GetObject', 'S3:getobject', 's3:*', 's3:Get*', 'iam:?etUser', 'ec2:Describe*', 'sts:Assume*'])
      expect(policyActionProblem(a), a).toBeNull();
  });

  it('leaves to the validator what IAM itself refuses', () => {
    for (const a of ['GetObject', 's3:a:b', 's 3:GetObject', 's3*:Get*']) expect(policyActionProblem(a), a).toBeNull();
  });

  it('refuses unknown actions, unknown prefixes and patterns that match nothing', () => {
    expect(policyActionProblem('s3:PutObjet')).toEqual({ message: 'unknown action s3:PutObjet', suggestion: 's3:PutObject' });
    expect(policyActionProblem('s3:Gte*')).toEqual({ message: 'action pattern s3:Gte* matches no s3 action', suggestion: 's3:Get*' });
    expect(policyActionProblem('s33:Get*')).toEqual({
      message: 'action pattern s33:Get*: no AWS service has the prefix s33',
      suggestion: 's3:Get*',
    });
    expect(policyActionProblem('s3:*Zebra')).toMatchObject({
      message: 'action pattern s3:*Zebra matches no s3 action',
      expected: 'a pattern that matches actions of s3, such as s3:Get*',
    });
  });
});
