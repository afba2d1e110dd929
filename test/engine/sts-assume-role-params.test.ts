// AssumeRole's parameters: AWS's model constraints and messages, ExternalId in the trust policy,
// and who may call it at all.
import { describe, expect, it } from 'vitest';
import {
  account,
  asKept,
  asRoot,
  assumeRoleAs,
  asUser,
  DEV,
  keep,
  outcome,
  production,
  PROD,
  role,
  roleArn,
  rootArn,
  sts,
  trustWith,
  userWith,
  type Param,
} from './sts-helpers.js';

const ROLE = roleArn(PROD, 'Audit');

const world = () =>
  production(
    account(DEV, 'Development'),
    role(
      PROD,
      'Audit',
      trustWith([
        {
          Effect: 'Allow',
          Principal: { AWS: rootArn(DEV) },
          Action: 'sts:AssumeRole',
          Condition: { StringEquals: { 'sts:ExternalId': 'ext-123' } },
        },
      ]),
    ),
    ...userWith(DEV, 'vendor', 'Assume', [{ Effect: 'Allow', Action: ['sts:AssumeRole', 'sts:GetFederationToken'], Resource: '*' }]),
  );

const assume = assumeRoleAs(asUser(DEV, 'vendor'), ROLE, 'vendor-run');
const message = (params: Record<string, Param>) => outcome(world(), assume(params)).error?.message;

describe('sts:AssumeRole parameters', () => {
  describe('given a role that demands an external id', () => {
    it('passes the external id as sts:ExternalId to the trust policy', () => {
      const ok = outcome(world(), assume({ ExternalId: 'ext-123' }));
      expect(ok.error).toBeNull();
      expect(ok.context['sts:ExternalId']).toBe('ext-123');
      expect(ok.context['sts:RoleSessionName']).toBe('vendor-run');
    });

    it('refuses a wrong external id, and a missing one, as a trust denial', () => {
      const wrong = outcome(world(), assume({ ExternalId: 'ext-999' }));
      expect(wrong.error?.code).toBe('AccessDenied');
      expect(wrong.evaluations[0]?.evaluation.decidedBy?.type).toBe('trust');
      const missing = outcome(world(), assume({}));
      expect(missing.error?.code).toBe('AccessDenied');
      expect(missing.context['sts:ExternalId']).toBeUndefined();
      expect(missing.evaluations[0]?.evaluation.missingContextKeys).toContain('sts:ExternalId');
    });
  });

  describe('validates every parameter with the AWS message format', () => {
    const cases: [string, Record<string, Param>, string][] = [
      ['a RoleArn that is not an ARN', { RoleArn: 'nothing-valid-in-here' }, 'nothing-valid-in-here is invalid'],
      [
        'an ExternalId of one character',
        { ExternalId: 'x' },
        "1 validation error detected: Value 'x' at 'externalId' failed to satisfy constraint: Member must have length greater than or equal to 2",
      ],
      [
        'an ExternalId with a space',
        { ExternalId: 'a b' },
        "1 validation error detected: Value 'a b' at 'externalId' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@:\\/-]*",
      ],
      [
        'a short SerialNumber',
        { SerialNumber: 'GAHT1', TokenCode: '123456' },
        "1 validation error detected: Value 'GAHT1' at 'serialNumber' failed to satisfy constraint: Member must have length greater than or equal to 9",
      ],
      [
        'a TokenCode of letters',
        { SerialNumber: 'GAHT12345678', TokenCode: 'abcdef' },
        "1 validation error detected: Value 'abcdef' at 'tokenCode' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\d]*",
      ],
      [
        'a SourceIdentity with the reserved aws: prefix',
        { SourceIdentity: 'aws:me' },
        "1 validation error detected: Value 'aws:me' at 'sourceIdentity' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*",
      ],
      [
        'a SourceIdentity of one character',
        { SourceIdentity: 'a' },
        "1 validation error detected: Value 'a' at 'sourceIdentity' failed to satisfy constraint: Member must have length greater than or equal to 2",
      ],
      [
        'a DurationSeconds above 12 hours',
        { DurationSeconds: '43201' },
        "1 validation error detected: Value '43201' at 'durationSeconds' failed to satisfy constraint: Member must have value less than or equal to 43200",
      ],
      [
        'more than 10 policy ARNs',
        { PolicyArns: Array.from({ length: 11 }, (_, i) => `arn:aws:iam::${PROD}:policy/P${i}`) },
        "1 validation error detected: Value at 'policyArns' failed to satisfy constraint: Member must have length less than or equal to 10",
      ],
      [
        'a policy ARN shorter than 20 characters',
        { PolicyArns: ['arn:aws:iam::1:p'] },
        "1 validation error detected: Value 'arn:aws:iam::1:p' at 'policyArns.1.member.arn' failed to satisfy constraint: Member must have length greater than or equal to 20",
      ],
      [
        'a session policy over 2048 characters',
        { Policy: 'x'.repeat(2049) },
        "1 validation error detected: Value at 'policy' failed to satisfy constraint: Member must have length less than or equal to 2048",
      ],
      [
        'a session policy with characters beyond U+00FF',
        { Policy: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"☃"}]}' },
        "1 validation error detected: Value at 'policy' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\u0009\\u000A\\u000D\\u0020-\\u00FF]+",
      ],
    ];
    for (const [what, params, expected] of cases) {
      it(`refuses ${what}`, () => {
        const c = outcome(world(), assume(params));
        expect(c.error).toEqual({ code: 'ValidationError', message: expected });
        expect(c.evaluations).toEqual([]);
      });
    }

    it('refuses a missing RoleSessionName', () => {
      const c = outcome(world(), sts(asUser(DEV, 'vendor'), 'AssumeRole', { RoleArn: ROLE }));
      expect(c.error?.message).toBe(
        "1 validation error detected: Value null at 'roleSessionName' failed to satisfy constraint: Member must not be null",
      );
    });

    it('lists every violation, joined by "; "', () => {
      expect(message({ ExternalId: 'x', TokenCode: '12', SerialNumber: 'GAHT12345678' })).toBe(
        "2 validation errors detected: Value 'x' at 'externalId' failed to satisfy constraint: Member must have length greater than or equal to 2; Value '12' at 'tokenCode' failed to satisfy constraint: Member must have length greater than or equal to 6",
      );
    });
  });

  describe('given callers that may not assume roles', () => {
    it('refuses the root user with AWS words', () => {
      const c = outcome(world(), sts(asRoot(DEV), 'AssumeRole', { RoleArn: ROLE, RoleSessionName: 'root-run' }));
      expect(c.error).toEqual({ code: 'AccessDenied', message: 'Roles may not be assumed by root accounts.' });
    });

    it('refuses a federated user of GetFederationToken', () => {
      const w = keep(world(), sts(asUser(DEV, 'vendor'), 'GetFederationToken', { Name: 'fed' }), 'fed');
      const c = outcome(w, sts(asKept('fed'), 'AssumeRole', { RoleArn: ROLE, RoleSessionName: 'fed-run', ExternalId: 'ext-123' }));
      expect(c.error?.code).toBe('AccessDenied');
      expect(c.error?.message).toBe(
        `User: arn:aws:sts::${DEV}:federated-user/fed is not authorized to perform: sts:AssumeRole on resource: ${ROLE}`,
      );
    });
  });
});
