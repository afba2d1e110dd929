// STS's actions and their request parameters (botocore's sts service model), and which of them
// this version runs. The rest are refused before a run starts rather than ignored: "not supported
// yet" for what later work will run, or a reason when iamsim does not model the action.

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

export interface ParamSpec {
  readonly supported: boolean;
  /** parameters the engine runs */
  readonly ready: readonly string[];
  /** parameters AWS has that this version refuses as "not supported yet" */
  readonly later: readonly string[];
  /** why iamsim does not run the action at all (instead of "not supported yet") */
  readonly refusal?: string;
}

const later = (...names: string[]): ParamSpec => ({ supported: false, ready: [], later: names });

export const STS_PARAMS: Record<StsAction, ParamSpec> = {
  AssumeRole: {
    supported: true,
    ready: [
      'RoleArn',
      'RoleSessionName',
      'DurationSeconds',
      'PolicyArns',
      'Policy',
      'Tags',
      'TransitiveTagKeys',
      'ExternalId',
      'SerialNumber',
      'TokenCode',
      'SourceIdentity',
    ],
    later: ['ProvidedContexts'],
  },
  GetCallerIdentity: { supported: true, ready: [], later: [] },
  GetSessionToken: { supported: true, ready: ['DurationSeconds', 'SerialNumber', 'TokenCode'], later: [] },
  GetFederationToken: { supported: true, ready: ['Name', 'Policy', 'PolicyArns', 'DurationSeconds', 'Tags'], later: [] },
  GetAccessKeyInfo: { supported: true, ready: ['AccessKeyId'], later: [] },
  DecodeAuthorizationMessage: { supported: true, ready: ['EncodedMessage'], later: [] },
  AssumeRoleWithSAML: {
    supported: true,
    ready: ['RoleArn', 'PrincipalArn', 'SAMLAssertion', 'PolicyArns', 'Policy', 'DurationSeconds'],
    later: [],
  },
  AssumeRoleWithWebIdentity: {
    supported: true,
    ready: ['RoleArn', 'RoleSessionName', 'WebIdentityToken', 'ProviderId', 'PolicyArns', 'Policy', 'DurationSeconds'],
    later: [],
  },
  AssumeRoot: later('TargetPrincipal', 'TaskPolicyArn', 'DurationSeconds'),
  GetDelegatedAccessToken: later('TradeInToken'),
  GetWebIdentityToken: later('Audience', 'DurationSeconds', 'SigningAlgorithm', 'Tags'),
};
