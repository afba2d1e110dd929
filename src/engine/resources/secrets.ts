// Secrets Manager's KMS requests for the caller (AWS Secrets Manager User Guide "Secret encryption and
// decryption in AWS Secrets Manager", https://docs.aws.amazon.com/secretsmanager/latest/userguide/security-encryption.html):
// "Whenever the secret value in a secret changes, Secrets Manager requests a new data key from AWS KMS
// to protect it" (kms:GenerateDataKey: CreateSecret with a value, PutSecretValue); "To decrypt the
// secret, Secrets Manager first decrypts the encrypted data key" (kms:Decrypt: GetSecretValue). The
// encryption context holds SecretARN (and SecretVersionId, which iamsim does not model). iamsim
// remembers the key of a secret created by a step under a customer managed key (`KmsKeyId`); a
// secret under the AWS managed key aws/secretsmanager, or one the scenario only declares, asks KMS
// for nothing.
import type { World } from '../world.js';
import type { KmsOnBehalf } from './kms.js';
import type { Secret } from './state.js';

const REFUSES = "Secrets Manager refuses the request with AccessDeniedException (iamsim gives KMS's access-denied wording)";

/** The secret a SecretId names (its ARN, its ARN without the random suffix, or its name), if a step created it. */
export function knownSecret(secretId: unknown, world: World, account: string | null, region: string): Secret | null {
  if (typeof secretId !== 'string' || secretId === '') return null;
  const exact = world.resources.secrets[secretId];
  if (exact) return exact;
  for (const s of Object.values(world.resources.secrets)) {
    if (
      secretId.startsWith('arn:') ? s.arn.startsWith(`${secretId}-`) : s.name === secretId && s.account === account && s.region === region
    )
      return s;
  }
  return null;
}

/** The secret a CreateSecret makes, when it names a customer managed key and a value; null otherwise. */
export function createdSecret(
  params: Readonly<Record<string, unknown>>,
  resource: string,
  account: string | null,
  region: string,
): Secret | null {
  const keyId = params['KmsKeyId'];
  const name = params['Name'];
  if (typeof keyId !== 'string' || keyId === '' || typeof name !== 'string' || account === null) return null;
  if (params['SecretString'] === undefined && params['SecretBinary'] === undefined) return null;
  // the step's `resource` is the secret's ARN (AWS adds a random six-character suffix iamsim does not make up)
  const arn = resource.startsWith('arn:aws:secretsmanager:') ? resource : `arn:aws:secretsmanager:${region}:${account}:secret:${name}`;
  return { arn, name, account, region, kmsKeyId: keyId };
}

/** The KMS request Secrets Manager makes for the caller's request, or null. */
export function secretKmsOnBehalf(
  action: string,
  params: Readonly<Record<string, unknown>>,
  resource: string,
  world: World,
  account: string | null,
  region: string,
): KmsOnBehalf | null {
  const lower = action.toLowerCase();
  const secret =
    lower === 'secretsmanager:createsecret'
      ? createdSecret(params, resource, account, region)
      : lower === 'secretsmanager:getsecretvalue' || lower === 'secretsmanager:putsecretvalue'
        ? knownSecret(params['SecretId'], world, account, region)
        : null;
  if (secret === null) return null;
  return {
    action: lower === 'secretsmanager:getsecretvalue' ? 'kms:Decrypt' : 'kms:GenerateDataKey',
    keyId: secret.kmsKeyId,
    encryptionContext: { SecretARN: secret.arn },
    service: 'secretsmanager.amazonaws.com',
    refuses: REFUSES,
    message: null,
  };
}
