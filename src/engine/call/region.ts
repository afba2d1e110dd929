// The Region a request goes to, which is its aws:RequestedRegion. Most services have an endpoint in
// each Region and the request goes to the caller's. Global services have one endpoint, in one Region,
// whatever Region the caller is configured for: "Actions in the CloudFront, IAM, Route 53, and Support
// services … are popular AWS global services with a single endpoint that is physically located in the
// us-east-1 Region. Because all requests to these services are made to the us-east-1 Region, the
// requests would be denied without the NotAction element" (IAM User Guide "AWS: Denies access to AWS
// based on the requested Region"; AWS Organizations User Guide "General examples": "global services
// have endpoints that are physically hosted by the us-east-1 Region").
//
// The table is the commercial partition's services whose endpoint the AWS SDKs do not regionalize
// (botocore's endpoints.json: `isRegionalized: false`, or a single `aws-global` endpoint), with the
// Region that endpoint signs for. STS is not in it: it has regional endpoints, and the engine already
// chooses which one a caller uses (a step: its Region's; a pod: src/engine/eks/sdk-chain.ts). Services
// that exist in one Region only (Device Farm, Amazon Q Developer in chat applications) are left out:
// the SDK would not reach them from another Region at all.

export interface GlobalEndpoint {
  readonly host: string;
  readonly region: string;
}

const US_EAST_1 = 'us-east-1';

const GLOBAL: Readonly<Record<string, GlobalEndpoint>> = {
  account: { host: 'account.us-east-1.amazonaws.com', region: US_EAST_1 },
  billingconductor: { host: 'billingconductor.us-east-1.amazonaws.com', region: US_EAST_1 },
  budgets: { host: 'budgets.amazonaws.com', region: US_EAST_1 },
  ce: { host: 'ce.us-east-1.amazonaws.com', region: US_EAST_1 },
  chime: { host: 'chime.us-east-1.amazonaws.com', region: US_EAST_1 },
  cloudfront: { host: 'cloudfront.amazonaws.com', region: US_EAST_1 },
  health: { host: 'global.health.amazonaws.com', region: US_EAST_1 },
  iam: { host: 'iam.amazonaws.com', region: US_EAST_1 },
  importexport: { host: 'importexport.amazonaws.com', region: US_EAST_1 },
  networkmanager: { host: 'networkmanager.us-west-2.amazonaws.com', region: 'us-west-2' },
  'notifications-contacts': { host: 'notifications-contacts.us-east-1.api.aws', region: US_EAST_1 },
  organizations: { host: 'organizations.us-east-1.amazonaws.com', region: US_EAST_1 },
  route53: { host: 'route53.amazonaws.com', region: US_EAST_1 },
  savingsplans: { host: 'savingsplans.amazonaws.com', region: US_EAST_1 },
  shield: { host: 'shield.us-east-1.amazonaws.com', region: US_EAST_1 },
  support: { host: 'support.us-east-1.amazonaws.com', region: US_EAST_1 },
  tax: { host: 'tax.us-east-1.amazonaws.com', region: US_EAST_1 },
  waf: { host: 'waf.amazonaws.com', region: US_EAST_1 },
};

/** The single endpoint of a global service, by the action's service prefix; null for the others. */
export function globalEndpoint(action: string): GlobalEndpoint | null {
  const service = action.slice(0, action.indexOf(':')).toLowerCase();
  return Object.hasOwn(GLOBAL, service) ? GLOBAL[service]! : null;
}

export interface RequestRegion {
  /** the Region the request goes to: aws:RequestedRegion, and the Region CloudTrail records */
  readonly region: string;
  /** why it is not the step's Region, for the trace; null when it is */
  readonly note: string | null;
}

/** Where a call of `action`, made by a client configured for `stepRegion`, is sent. */
export function requestRegion(action: string, stepRegion: string): RequestRegion {
  const global = globalEndpoint(action);
  if (global === null) return { region: stepRegion, note: null };
  const service = action.slice(0, action.indexOf(':'));
  const note =
    global.region === stepRegion
      ? null
      : `${service} is a global service: its single endpoint ${global.host} is in ${global.region}, so the request carries aws:RequestedRegion ${global.region}, not the client's Region ${stepRegion}`;
  return { region: global.region, note };
}
