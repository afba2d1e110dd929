// Condition keys of the AWS service catalogue: global, service and identity-provider keys.
import { describe, expect, it } from 'vitest';
import { lookupConditionKey } from '../../src/catalogue/index.js';

describe('lookupConditionKey', () => {
  it('knows the global keys the engine fills in, in any case', () => {
    for (const key of [
      'aws:PrincipalArn',
      'aws:PrincipalAccount',
      'aws:PrincipalOrgID',
      'aws:PrincipalOrgPaths',
      'aws:PrincipalIsAWSService',
      'aws:PrincipalType',
      'aws:userid',
      'aws:username',
      'aws:TokenIssueTime',
      'aws:MultiFactorAuthPresent',
      'aws:MultiFactorAuthAge',
      'aws:SourceIdentity',
      'aws:SourceIp',
      'aws:SourceVpc',
      'aws:SourceVpce',
      'aws:RequestedRegion',
      'aws:SecureTransport',
      'aws:CurrentTime',
      'aws:EpochTime',
      'aws:ResourceAccount',
      'aws:ResourceOrgID',
      'aws:TagKeys',
      'aws:CalledVia',
      'aws:ViaAWSService',
      'aws:SourceArn',
      'aws:SourceAccount',
      'aws:referer',
      'aws:UserAgent',
      'aws:FederatedProvider',
    ]) {
      expect(lookupConditionKey(key), key).toEqual({ key, known: true, kind: 'global' });
    }
    expect(lookupConditionKey('AWS:sourceip')).toEqual({ key: 'aws:SourceIp', known: true, kind: 'global' });
  });

  it('tag-style keys take any tag key after the slash, even one with colons', () => {
    expect(lookupConditionKey('aws:PrincipalTag/team')).toEqual({
      key: 'aws:PrincipalTag/team',
      known: true,
      kind: 'global',
      pattern: 'aws:PrincipalTag/${TagKey}',
    });
    expect(lookupConditionKey('aws:principaltag/Team').key).toBe('aws:PrincipalTag/Team');
    expect(lookupConditionKey('aws:ResourceTag/aws:cloudformation:stack-name').known).toBe(true);
    expect(lookupConditionKey('aws:RequestTag/cost-center').known).toBe(true);
    expect(lookupConditionKey('s3:ExistingObjectTag/classification')).toMatchObject({ known: true, kind: 'service' });
    expect(lookupConditionKey('iam:ResourceTag/x').known).toBe(true);
  });

  it('an empty tag key is not a key; the suggestion shows the form', () => {
    expect(lookupConditionKey('aws:PrincipalTag/')).toEqual({
      key: 'aws:PrincipalTag/',
      known: false,
      suggestion: 'aws:PrincipalTag/${TagKey}',
    });
    expect(lookupConditionKey('aws:PrincipalTag').suggestion).toBe('aws:PrincipalTag/${TagKey}');
  });

  it('knows service keys', () => {
    expect(lookupConditionKey('s3:prefix')).toEqual({ key: 's3:prefix', known: true, kind: 'service' });
    expect(lookupConditionKey('sts:ExternalID')).toEqual({ key: 'sts:ExternalId', known: true, kind: 'service' });
    for (const key of [
      'sts:RoleSessionName',
      'sts:SourceIdentity',
      'sts:TransitiveTagKeys',
      'iam:PassedToService',
      'iam:PermissionsBoundary',
      'ec2:Region',
      'kms:ViaService',
    ]) {
      expect(lookupConditionKey(key).known, key).toBe(true);
    }
  });

  it('knows identity-provider keys: named providers and the claims of any OIDC provider', () => {
    for (const key of [
      'accounts.google.com:aud',
      'accounts.google.com:oaud',
      'cognito-identity.amazonaws.com:amr',
      'graph.facebook.com:app_id',
      'www.amazon.com:user_id',
      'saml:sub',
      'SAML:aud',
      'token.actions.githubusercontent.com:repository',
    ]) {
      expect(lookupConditionKey(key).known, key).toBe(true);
    }
    expect(lookupConditionKey('oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE:sub')).toEqual({
      key: 'oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE:sub',
      known: true,
      kind: 'web-identity',
    });
    expect(lookupConditionKey('token.actions.githubusercontent.com:aud').known).toBe(true);
    expect(lookupConditionKey('auth.example.com:AZP')).toMatchObject({ key: 'auth.example.com:azp', known: true });
    expect(lookupConditionKey('token.actions.octo.ghe.com:actor')).toMatchObject({
      known: true,
      pattern: 'token.actions.${Domain}.ghe.com:actor',
    });
  });

  it('refuses custom claims of an OIDC provider: only aud, sub, azp and amr become keys', () => {
    expect(lookupConditionKey('oidc.eks.us-east-1.amazonaws.com/id/X:scope').known).toBe(false);
    expect(lookupConditionKey('oidc.eks.us-east-1.amazonaws.com/id/X:su').suggestion).toBe('oidc.eks.us-east-1.amazonaws.com/id/X:sub');
  });

  it('suggests the nearest key, keeping a tag key as written', () => {
    expect(lookupConditionKey('aws:SorceIp')).toEqual({ key: 'aws:SorceIp', known: false, suggestion: 'aws:SourceIp' });
    expect(lookupConditionKey('aws:PrincipalTags/team').suggestion).toBe('aws:PrincipalTag/team');
    expect(lookupConditionKey('aws:MultiFactorAuthPresnet').suggestion).toBe('aws:MultiFactorAuthPresent');
    expect(lookupConditionKey('sts:ExternalIdd').suggestion).toBe('sts:ExternalId');
    expect(lookupConditionKey('aws3:SourceIp').suggestion).toBe('aws:SourceIp');
    expect(lookupConditionKey('aws:fdsasf')).toEqual({ key: 'aws:fdsasf', known: false });
  });

  it('a key without a prefix is never known; it is tried as a global key and a key of the service', () => {
    expect(lookupConditionKey('SourceIp')).toEqual({ key: 'SourceIp', known: false, suggestion: 'aws:SourceIp' });
    expect(lookupConditionKey('prefix', 's3').suggestion).toBe('s3:prefix');
    expect(lookupConditionKey('ExternalId', 'sts').suggestion).toBe('sts:ExternalId');
  });
});
