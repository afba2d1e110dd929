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

/**
 * AWS's error code for an authorization failure differs by service: each service answers a denial with
 * its own code, as its API reference lists it (and an SDK reports it).
 *
 * - IAM, STS: `AccessDenied` (IAM API Reference, Common Error Types; AWS STS API Reference, AssumeRole,
 *   Errors). S3: `AccessDenied` (Amazon S3 API Reference, Error responses). CloudFront: `AccessDenied`
 *   (Amazon CloudFront API Reference, e.g. ListDistributions, Errors).
 * - SQS: `AccessDenied`. Its JSON protocol is query-compatible, so SDKs report the query code (AWS
 *   Knowledge Center, "How do I troubleshoot AccessDenied or AccessDeniedException errors on Amazon SQS
 *   API calls?"); the API Reference's generic Common Errors list only `AccessDeniedException`.
 * - SNS: `AuthorizationError`, HTTP 403 (Amazon SNS API Reference, Publish and Subscribe, Errors;
 *   AWS Knowledge Center, "How do I resolve authorization errors when trying to add subscribers to an
 *   Amazon SNS topic?").
 * - EC2: `UnauthorizedOperation` (Amazon EC2 API Reference, Error codes).
 * - Route 53 and Elastic Load Balancing: `AccessDenied`, as before; no scenario calls them and their
 *   codes were not checked again against their API references.
 * - Everything else, among them KMS, Secrets Manager, DynamoDB, Lambda, CloudTrail and Organizations:
 *   `AccessDeniedException` (each API reference's Common Errors, or the action's Errors for KMS and
 *   Organizations). CloudWatch gets this default too, although reports of its query protocol show
 *   `AccessDenied`: no AWS page found settles it (docs/aws-rules.md).
 */
export function accessDeniedCode(action: string): ErrorCode {
  const service = action.slice(0, action.indexOf(':')).toLowerCase();
  return DENIAL_CODES[service] ?? 'AccessDeniedException';
}

const DENIAL_CODES: Readonly<Record<string, ErrorCode>> = {
  iam: 'AccessDenied',
  sts: 'AccessDenied',
  s3: 'AccessDenied',
  sqs: 'AccessDenied',
  cloudformation: 'AccessDenied',
  cloudfront: 'AccessDenied',
  route53: 'AccessDenied',
  elasticloadbalancing: 'AccessDenied',
  sns: 'AuthorizationError',
  ec2: 'UnauthorizedOperation',
};
