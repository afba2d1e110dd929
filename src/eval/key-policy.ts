// When the ResourcePolicy of the input is a KMS key's key policy. A key policy is the key's primary
// control (AWS KMS Developer Guide "Key policies in AWS KMS": "Unless the key policy explicitly
// allows it, you cannot use IAM policies to allow access to a KMS key"), so when ResourceArns names
// a KMS key (arn:aws:kms:REGION:ACCOUNT:key/ID) and the action is a KMS one, the ResourcePolicy is
// that key's key policy and must allow the caller itself, as the scenario engine decides every call
// on a declared key (src/policy's `keyPolicy` mode; docs/aws-rules.md "KMS key policies"): naming
// the caller it allows alone, naming only the account it needs an identity-based Allow too, across
// accounts both must allow. An operation KMS does not allow across accounts ("Cross-account use:
// No" in the AWS KMS API Reference) is refused on another account's key whatever the policies say
// (src/engine/resources/kms.ts, the list the engine uses).
import { kmsCrossAccountRefusal } from '../engine/resources/kms.js';
import { parseArn } from './principal.js';

/** `arn:aws:kms:us-east-1:111122223333:key/1234abcd-…` (not an alias) */
export function isKmsKeyArn(resource: string): boolean {
  const a = parseArn(resource);
  return a !== null && a.service === 'kms' && /^key\/./.test(a.resource);
}

/** This request is one the key's key policy decides. */
export function governedByKeyPolicy(action: string, resource: string): boolean {
  return action.toLowerCase().startsWith('kms:') && isKmsKeyArn(resource);
}

/** KMS refuses this operation on a key of another account, whatever the policies allow. */
export function kmsRefusesAcrossAccounts(action: string, keyAccount: string | undefined, callerAccount: string | undefined): boolean {
  return keyAccount !== undefined && kmsCrossAccountRefusal(action, keyAccount, callerAccount ?? null) !== null;
}
