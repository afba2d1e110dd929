// Which declared resource (and so which account and resource policy) an ARN belongs to.
// S3 ARNs carry no account: the bucket name decides (arn:aws:s3:::bucket and bucket/key).
import type { World } from '../world.js';
import type { PolicyResource } from './state.js';
import type { ErrorCode } from '../error-codes.js';

export function findResource(arn: string, world: World): PolicyResource | null {
  const byArn = world.resources.byArn;
  const exact = byArn[arn];
  if (exact) return exact;
  const bucket = s3Bucket(arn);
  return bucket === null ? null : (byArn[`arn:aws:s3:::${bucket}`] ?? null);
}

/**
 * The bucket of an S3 ARN, as /^arn:aws[\w-]*:s3:::([^/]+)(?:\/.*)?$/ reads it (without a regular
 * expression: this runs for every call).
 */
export function s3Bucket(arn: string): string | null {
  if (!arn.startsWith('arn:aws')) return null;
  const at = arn.indexOf(':s3:::', 7);
  if (at < 0) return null;
  for (let i = 7; i < at; i++) if (!WORD.test(arn[i]!)) return null;
  const start = at + 6;
  const slash = arn.indexOf('/', start);
  if (slash === start || start === arn.length) return null;
  if (slash < 0) return arn.slice(start);
  return LINE_BREAK.test(arn.slice(slash)) ? null : arn.slice(start, slash);
}

const WORD = /^[\w-]$/;
const LINE_BREAK = /[\n\r\u2028\u2029]/;

/** The account field of an ARN, when it has a 12-digit one. */
export function arnAccount(arn: string): string | null {
  let from = 0;
  for (let field = 0; field < 4; field++) {
    const colon = arn.indexOf(':', from);
    if (colon < 0) return null;
    from = colon + 1;
  }
  const end = arn.indexOf(':', from);
  const account = end < 0 ? arn.slice(from) : arn.slice(from, end);
  return TWELVE_DIGITS.test(account) ? account : null;
}

const TWELVE_DIGITS = /^\d{12}$/;

/** AWS's error code for an authorization failure differs by service. */
export function accessDeniedCode(action: string): ErrorCode {
  const service = action.slice(0, action.indexOf(':')).toLowerCase();
  if (service === 'ec2') return 'UnauthorizedOperation';
  if (['s3', 'sts', 'iam', 'sqs', 'cloudfront', 'route53', 'elasticloadbalancing'].includes(service)) return 'AccessDenied';
  return 'AccessDeniedException';
}
