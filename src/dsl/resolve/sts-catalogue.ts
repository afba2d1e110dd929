// STS's actions and their request parameters (botocore's sts service model), and which of them
// this version runs. The rest are refused with "not supported yet" rather than ignored.

export const STS_ACTIONS = [
  'AssumeRole',
  'AssumeRoleWithSAML',
  'AssumeRoleWithWebIdentity',
  'AssumeRoot',
  'DecodeAuthorizationMessage',
  'GetAccessKeyInfo',
  'GetCallerIdentity',
  'GetDelegatedAccessToken',
  'GetFederationToken',
  'GetSessionToken',
  'GetWebIdentityToken',
] as const;

export type StsAction = (typeof STS_ACTIONS)[number];

interface ParamSpec {
  readonly supported: boolean;
  readonly ready: readonly string[];
  readonly later: readonly string[];
}

const later = (...names: string[]): ParamSpec => ({ supported: false, ready: [], later: names });

export const STS_PARAMS: Record<StsAction, ParamSpec> = {
  AssumeRole: {
    supported: true,
    ready: ['RoleArn', 'RoleSessionName', 'DurationSeconds'],
    later: ['PolicyArns', 'Policy', 'Tags', 'TransitiveTagKeys', 'ExternalId', 'SerialNumber', 'TokenCode', 'SourceIdentity', 'ProvidedContexts'],
  },
  GetCallerIdentity: { supported: true, ready: [], later: [] },
  AssumeRoleWithSAML: later('RoleArn', 'PrincipalArn', 'SAMLAssertion', 'PolicyArns', 'Policy', 'DurationSeconds'),
  AssumeRoleWithWebIdentity: later('RoleArn', 'RoleSessionName', 'WebIdentityToken', 'ProviderId', 'PolicyArns', 'Policy', 'DurationSeconds'),
  AssumeRoot: later('TargetPrincipal', 'TaskPolicyArn', 'DurationSeconds'),
  DecodeAuthorizationMessage: later('EncodedMessage'),
  GetAccessKeyInfo: later('AccessKeyId'),
  GetDelegatedAccessToken: later('TradeInToken'),
  GetFederationToken: later('Name', 'Policy', 'PolicyArns', 'DurationSeconds', 'Tags'),
  GetSessionToken: later('DurationSeconds', 'SerialNumber', 'TokenCode'),
  GetWebIdentityToken: later('Audience', 'DurationSeconds', 'SigningAlgorithm', 'Tags'),
};
