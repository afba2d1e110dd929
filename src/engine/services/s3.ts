// S3's PutBucketPolicy and DeleteBucketPolicy, carried out (the other S3 calls are only
// authorized: objects are data, which the engine does not model). Authorized as any request on the
// bucket's ARN (resources/decide.ts, with S3's lock-out protection for the owner's root user:
// resources/owner-root.ts), then:
// - the policy is checked first, as IAM checks its documents before authorizing (iamsim's order; AWS
//   does not document S3's): not JSON → MalformedPolicy "Policies must be valid JSON and the first
//   byte must be '{'" / "This policy contains invalid Json"; over 20 KB → MalformedPolicy "Policy
//   exceeds the maximum allowed document size." (Amazon S3 User Guide "Bucket policies for Amazon S3":
//   "Bucket policies are limited to 20 KB in size"; AWS documents no code for it: iamsim answers
//   MalformedPolicy, as S3 answers the other problems of the document); a grammar problem →
//   MalformedPolicy with S3's wording for the element ("Invalid principal in policy", "Policy has
//   invalid resource", "Policy has invalid action", "Policy has an invalid condition key" — messages
//   S3 answers, as SDK users report them; aws/aws-cli#2779, hashicorp/terraform-provider-aws issues);
//   a Resource outside the bucket → "Policy has invalid resource".
// - a bucket the world does not declare → NoSuchBucket; a caller not of the bucket owner's account
//   → 405 MethodNotAllowed (Amazon S3 API Reference PutBucketPolicy, DeleteBucketPolicy: "If you
//   have the correct permissions, but you're not using an identity that belongs to the bucket
//   owner's account, Amazon S3 returns a 405 Method Not Allowed error.").
// - then the change: ResourcePolicyPut (the whole policy replaced) or ResourcePolicyDeleted (204,
//   also when the bucket has no policy: S3 answers DeleteBucketPolicy 204 either way).
import { freeze } from 'immer';
import { validatePolicy } from '../../policy/index.js';
import { compileGlob, matchGlob } from '../../policy/glob.js';
import type { PolicyDocument } from '../iam/state.js';
import type { ServiceApi, ServiceOutcome, ServiceRequest } from './types.js';

/** Amazon S3 User Guide "Bucket policies for Amazon S3": 20 KB. */
export const BUCKET_POLICY_LIMIT = 20 * 1024;

const BEFORE = 'S3 refuses the request before authorizing it (iamsim checks the policy first, as IAM does its documents)';

/** The bucket: `Bucket`, as the API names it, or a step's `resource arn:aws:s3:::BUCKET` (the resolver checks they agree). */
function bucketName(req: ServiceRequest): string | null {
  const b = req.params['Bucket'];
  if (typeof b === 'string' && b !== '') return b;
  const m = /^arn:aws:s3:::([^/]+)$/.exec(req.resource ?? '');
  return m === null ? null : m[1]!;
}

const bucketArn = (bucket: string): string => `arn:aws:s3:::${bucket}`;

function malformed(message: string, why: string) {
  return { code: 'MalformedPolicy' as const, message, note: `${why}: ${BEFORE}` };
}

/**
 * The element a validator problem is in, as S3 words its MalformedPolicy; the validator's own
 * "Missing required field …" is S3's wording too.
 */
function s3Wording(path: readonly (string | number)[], message: string): string {
  if (message.startsWith('Missing required field')) return message;
  const element = path.find((p) => typeof p === 'string' && p !== 'Statement');
  switch (element) {
    case 'Principal':
    case 'NotPrincipal':
      return 'Invalid principal in policy';
    case 'Resource':
    case 'NotResource':
      return 'Policy has invalid resource';
    case 'Action':
    case 'NotAction':
      return 'Policy has invalid action';
    case 'Condition':
      return 'Policy has an invalid condition key';
    default:
      return 'This policy contains invalid Json';
  }
}

/** Every Resource and NotResource of the policy, with where it is. */
function resourcesOf(document: PolicyDocument): { value: unknown; where: string }[] {
  const raw = (document as { Statement?: unknown }).Statement;
  const statements = Array.isArray(raw) ? raw : [raw];
  const out: { value: unknown; where: string }[] = [];
  statements.forEach((st, i) => {
    if (typeof st !== 'object' || st === null) return;
    for (const element of ['Resource', 'NotResource']) {
      const v = (st as Record<string, unknown>)[element];
      if (v === undefined) continue;
      for (const r of Array.isArray(v) ? v : [v]) out.push({ value: r, where: `Statement ${i + 1} ${element}` });
    }
  });
  return out;
}

/**
 * A bucket policy may name only its bucket and the objects in it (Amazon S3 User Guide, "Bucket
 * policies for Amazon S3"): a Resource of another bucket or service is S3's "Policy has invalid resource".
 */
function outsideBucket(document: PolicyDocument, bucket: string): string | null {
  for (const { value, where } of resourcesOf(document)) {
    if (typeof value !== 'string') continue;
    const m = /^arn:aws:s3:::([^/]*)(?:\/.*)?$/.exec(value);
    if (m === null || !matchGlob(compileGlob(m[1]!), bucket)) return `${where} ${value} is not bucket ${bucket} or an object in it`;
  }
  return null;
}

/** The Policy parameter: its text (a scenario's `json {…}` is the text an SDK would send). */
function policyText(params: Readonly<Record<string, unknown>>): string | null {
  const raw = params['Policy'];
  return raw === undefined || raw === null ? null : typeof raw === 'string' ? raw : JSON.stringify(raw);
}

function readPolicy(text: string, bucket: string): { document: PolicyDocument } | ReturnType<typeof malformed> {
  if (!text.trimStart().startsWith('{'))
    return malformed("Policies must be valid JSON and the first byte must be '{'", 'the policy is not a JSON object');
  if (Buffer.byteLength(text, 'utf8') > BUCKET_POLICY_LIMIT)
    return malformed(
      'Policy exceeds the maximum allowed document size.',
      `the policy is ${Buffer.byteLength(text, 'utf8')} bytes, over S3's ${BUCKET_POLICY_LIMIT} (20 KB)`,
    );
  const problems = validatePolicy(text, 'resource');
  const first = problems[0];
  if (first !== undefined) {
    const where = first.path.length > 0 ? ` at ${first.path.join('.')}` : '';
    return malformed(s3Wording(first.path, first.message), `the policy is not valid${where} (${first.message})`);
  }
  const document = JSON.parse(text) as PolicyDocument;
  const outside = outsideBucket(document, bucket);
  if (outside !== null) return malformed('Policy has invalid resource', outside);
  return { document };
}

/** No Bucket: an SDK does not send the request; a step that names the bucket only by `resource` is told to write Bucket. */
const NO_BUCKET = {
  code: 'InvalidRequest' as const,
  message: 'Missing required parameter Bucket',
  note: "the call names no Bucket (the API's parameter: an SDK does not send the request without it), so S3 has no bucket to change",
};

/** No Policy: the request has no body (Amazon S3 API Reference "Error responses": MissingRequestBodyError). */
const NO_POLICY = { code: 'MissingRequestBodyError' as const, message: 'Request Body is empty', note: BEFORE };

/** S3's own refusals once the request is authorized: the bucket must be declared and the caller its owner's. */
function ownBucket(req: ServiceRequest, bucket: string): { ok: false; outcome: ServiceOutcome } | { ok: true; arn: string } {
  const arn = bucketArn(bucket);
  const target = req.world.resources.byArn[arn];
  if (target?.kind !== 'bucket')
    return {
      ok: false,
      outcome: {
        ok: false,
        code: 'NoSuchBucket',
        message: 'The specified bucket does not exist',
        notes: [`no account of the scenario declares bucket ${bucket}`],
      },
    };
  if (target.account !== req.account)
    return {
      ok: false,
      outcome: {
        ok: false,
        code: 'MethodNotAllowed',
        message: 'The specified method is not allowed against this resource.',
        notes: [
          `the caller is of account ${req.account}, bucket ${bucket} is account ${target.account}'s: only an identity of the bucket owner's account ` +
            'may change its bucket policy, whatever the policies allow (S3 answers 405 Method Not Allowed)',
        ],
      },
    };
  return { ok: true, arn };
}

const putBucketPolicy: ServiceApi = {
  address(req) {
    const bucket = bucketName(req);
    if (bucket === null) return NO_BUCKET;
    const text = policyText(req.params);
    if (text === null) return NO_POLICY;
    const read = readPolicy(text, bucket);
    if ('code' in read) return read;
    return { resource: bucketArn(bucket) };
  },
  apply(req) {
    const bucket = bucketName(req)!;
    const own = ownBucket(req, bucket);
    if (!own.ok) return own.outcome;
    const read = readPolicy(policyText(req.params)!, bucket);
    if ('code' in read) throw new Error('bug: the policy was checked before the request was authorized');
    const had = req.world.resources.byArn[own.arn]?.policy != null;
    return {
      ok: true,
      // frozen: immer does not walk it into the state (src/engine/iam/decide.ts)
      events: [{ type: 'ResourcePolicyPut', data: { arn: own.arn, document: freeze(read.document) } }],
      response: {},
      notes: [
        `S3 ${had ? 'replaces the bucket policy of' : 'puts a bucket policy on'} ${bucket}: every later request is decided with it (S3 answers 204 No Content)`,
      ],
      evaluations: [],
    };
  },
};

const deleteBucketPolicy: ServiceApi = {
  address(req) {
    const bucket = bucketName(req);
    if (bucket === null) return NO_BUCKET;
    return { resource: bucketArn(bucket) };
  },
  apply(req) {
    const bucket = bucketName(req)!;
    const own = ownBucket(req, bucket);
    if (!own.ok) return own.outcome;
    const had = req.world.resources.byArn[own.arn]?.policy != null;
    return {
      ok: true,
      events: had ? [{ type: 'ResourcePolicyDeleted', data: { arn: own.arn } }] : [],
      response: {},
      notes: [
        had
          ? `S3 deletes the bucket policy of ${bucket}: later requests are decided without it (S3 answers 204 No Content)`
          : `bucket ${bucket} has no bucket policy: nothing changes, and S3 answers 204 No Content all the same`,
      ],
      evaluations: [],
    };
  },
};

/** The S3 calls the engine carries out, by action name. */
export const S3_APIS: Readonly<Record<string, ServiceApi>> = {
  's3:PutBucketPolicy': putBucketPolicy,
  's3:DeleteBucketPolicy': deleteBucketPolicy,
};
