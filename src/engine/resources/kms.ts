// KMS keys in a call: which key the call's `KeyId` names, and the KMS condition keys the request
// carries (AWS KMS Developer Guide "AWS KMS condition keys").
import type { ContextValue } from '../../policy/types.js';
import type { World } from '../world.js';

/**
 * The ARN of the key a KMS call's `KeyId` names — a key ID, a key ARN, an alias name (`alias/NAME`)
 * or an alias ARN (AWS KMS API Reference, e.g. "Decrypt", KeyId). A key ID or alias name is looked
 * up in the caller's account and the request's Region; an alias resolves to its key. A value that
 * names no declared key or alias is taken as written (as an ARN of that account and Region), like
 * any other undeclared resource. Null when the call has no KeyId.
 */
export function kmsKeyResource(
  action: string,
  params: Record<string, unknown>,
  world: World,
  callerAccount: string | null,
  region: string,
): string | null {
  if (!action.toLowerCase().startsWith('kms:')) return null;
  const keyId = params['KeyId'];
  if (typeof keyId !== 'string' || keyId === '') return null;
  if (!keyId.startsWith('arn:') && callerAccount === null) return null;
  const arn = keyId.startsWith('arn:')
    ? keyId
    : keyId.startsWith('alias/')
      ? `arn:aws:kms:${region}:${callerAccount}:${keyId}`
      : `arn:aws:kms:${region}:${callerAccount}:key/${keyId}`;
  return world.resources.kmsAliases[arn] ?? arn;
}

/**
 * The KMS condition keys the engine knows of a call: `kms:CallerAccount` (the caller's account),
 * and from the `EncryptionContext` parameter `kms:EncryptionContext:KEY` (one per pair) and
 * `kms:EncryptionContextKeys` (the keys, multivalued). A call without an encryption context has
 * neither. (AWS KMS Developer Guide "AWS KMS condition keys"; "Encryption context".)
 */
export function kmsContext(action: string, params: Record<string, unknown>, callerAccount: string | null): Record<string, ContextValue> {
  if (!action.toLowerCase().startsWith('kms:')) return {};
  const ctx: Record<string, ContextValue> = {};
  if (callerAccount !== null) ctx['kms:CallerAccount'] = callerAccount;
  const ec = params['EncryptionContext'];
  if (ec !== null && typeof ec === 'object' && !Array.isArray(ec)) {
    const pairs = Object.entries(ec as Record<string, unknown>);
    for (const [k, v] of pairs) ctx[`kms:EncryptionContext:${k}`] = typeof v === 'string' ? v : JSON.stringify(v);
    if (pairs.length > 0) ctx['kms:EncryptionContextKeys'] = pairs.map(([k]) => k);
  }
  return ctx;
}

/**
 * The KMS operations a principal may call on a key of another account: the operations whose AWS
 * KMS API Reference page says "Cross-account use: Yes" (ReEncrypt is authorized as kms:ReEncryptFrom
 * and kms:ReEncryptTo). For any other operation, "If you give a user in a different account
 * permission for other operations, those permissions have no effect" (AWS KMS Developer Guide,
 * "Allowing users in other accounts to use a KMS key").
 */
const CROSS_ACCOUNT = new Set(
  [
    'CreateGrant',
    'Decrypt',
    'DeriveSharedSecret',
    'DescribeKey',
    'Encrypt',
    'GenerateDataKey',
    'GenerateDataKeyPair',
    'GenerateDataKeyPairWithoutPlaintext',
    'GenerateDataKeyWithoutPlaintext',
    'GenerateMac',
    'GetKeyRotationStatus',
    'GetPublicKey',
    'ListGrants',
    'ReEncryptFrom',
    'ReEncryptTo',
    'RetireGrant',
    'RevokeGrant',
    'Sign',
    'Verify',
    'VerifyMac',
  ].map((a) => `kms:${a.toLowerCase()}`),
);

/** The KMS operation may be called on a key of another account ("Cross-account use: Yes"). */
function kmsCrossAccountUse(action: string): boolean {
  return CROSS_ACCOUNT.has(action.toLowerCase());
}

/**
 * Why a KMS call on a declared key of another account cannot be made at all, or null. AWS does not
 * document the error such a call gets; iamsim answers AccessDeniedException.
 */
export function kmsCrossAccountRefusal(action: string, keyAccount: string, callerAccount: string | null): string | null {
  if (callerAccount === null || keyAccount === callerAccount || kmsCrossAccountUse(action)) return null;
  return `KMS does not allow ${action} on a key of another account (AWS KMS API Reference: "Cross-account use: No"), whatever the key policy and IAM policies say; AWS does not document the error it answers, iamsim answers AccessDeniedException`;
}

/** A KMS request a service makes on the caller's behalf, with the caller's credentials. */
export interface KmsOnBehalf {
  /** the KMS action the service calls */
  readonly action: string;
  /** the key as the request names it (SSEKMSKeyId, KmsKeyId: a key ID, key ARN, alias name or alias ARN) */
  readonly keyId: string;
  /** the encryption context the service sends */
  readonly encryptionContext: Readonly<Record<string, string>>;
  /** the service's principal, `s3.amazonaws.com`: kms:ViaService is its endpoint in the request's Region */
  readonly service: string;
  /** what the service answers when KMS denies, in words */
  readonly refuses: string;
  /** the message the service answers with when KMS denies; null: KMS's access-denied wording */
  readonly message: string | null;
}

/**
 * The KMS request a service makes for the caller before it answers, or null. `addressed`: the
 * step's request named its resource by its parameters (S3's bucket and key), and `resource` is it.
 */
export function kmsOnBehalf(
  action: string,
  params: Readonly<Record<string, unknown>>,
  addressed: boolean,
  resource: string,
): KmsOnBehalf | null {
  switch (action.toLowerCase()) {
    case 's3:putobject':
      return addressed ? s3KmsOnBehalf(params, resource) : null;
    default:
      return null;
  }
}

/**
 * The KMS request S3 makes for the caller when an s3:PutObject asks for SSE-KMS with a key of its
 * own choosing (`ServerSideEncryption: aws:kms`, `SSEKMSKeyId`): kms:GenerateDataKey on that key
 * ("To upload an object encrypted with an AWS KMS key … you need kms:GenerateDataKey", Amazon S3
 * User Guide "Using server-side encryption with AWS KMS keys (SSE-KMS)"), with the object's ARN as
 * the encryption context `aws:s3:arn`, or the bucket's when the request enables an S3 Bucket Key
 * (the same page, "Encryption context"). Null for any other request; `objectArn` is the ARN the
 * request addresses. Without SSEKMSKeyId S3 uses the AWS managed key aws/s3, which iamsim does not
 * model. S3 is not among the services that fill aws:CalledVia (called-via.ts).
 */
function s3KmsOnBehalf(params: Readonly<Record<string, unknown>>, objectArn: string): KmsOnBehalf | null {
  if (params['ServerSideEncryption'] !== 'aws:kms') return null;
  const keyId = params['SSEKMSKeyId'];
  if (typeof keyId !== 'string' || keyId === '') return null;
  const bucket = objectArn.slice('arn:aws:s3:::'.length).split('/')[0]!;
  const bucketKey = params['BucketKeyEnabled'] === true || params['BucketKeyEnabled'] === 'true';
  return {
    action: 'kms:GenerateDataKey',
    keyId,
    encryptionContext: { 'aws:s3:arn': bucketKey ? `arn:aws:s3:::${bucket}` : objectArn },
    service: 's3.amazonaws.com',
    refuses: "S3 refuses the upload with AccessDenied (AWS documents the code, not the message; iamsim gives KMS's access-denied wording)",
    message: null,
  };
}
