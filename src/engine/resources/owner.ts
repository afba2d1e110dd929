// Which declared resource (and so which account and resource policy) an ARN belongs to.
// S3 ARNs carry no account: the bucket name decides (arn:aws:s3:::bucket and bucket/key).
import type { World } from '../world.js';
import type { PolicyResource } from './state.js';

export function findResource(arn: string, world: World): PolicyResource | null {
  const exact = world.resources.byArn[arn];
  if (exact) return exact;
  const s3 = /^arn:aws[\w-]*:s3:::([^/]+)(?:\/.*)?$/.exec(arn);
  if (s3) return world.resources.byArn[`arn:aws:s3:::${s3[1]}`] ?? null;
  return null;
}

/** The account field of an ARN, when it has a 12-digit one. */
export function arnAccount(arn: string): string | null {
  const account = arn.split(':')[4];
  return account !== undefined && /^\d{12}$/.test(account) ? account : null;
}

/** AWS's error code for an authorization failure differs by service. */
export function accessDeniedCode(action: string): string {
  const service = action.slice(0, action.indexOf(':')).toLowerCase();
  if (service === 'ec2') return 'UnauthorizedOperation';
  if (['s3', 'sts', 'iam', 'sqs', 'cloudfront', 'route53', 'elasticloadbalancing'].includes(service)) return 'AccessDenied';
  return 'AccessDeniedException';
}
