// S3's lock-out protection: "To ensure that bucket owners don't inadvertently lock themselves out of
// their own buckets, the root principal in a bucket owner's AWS account can perform the
// GetBucketPolicy, PutBucketPolicy, and DeleteBucketPolicy API actions, even if their bucket policy
// explicitly denies the root principal's access. Bucket owner root principals can only be blocked
// from performing these API actions by VPC endpoint policies and AWS Organizations policies."
// (Amazon S3 API Reference "PutBucketPolicy", "DeleteBucketPolicy", "GetBucketPolicy").
//
// So for those three actions, called by the root user of the account that owns the bucket, the
// bucket policy is set aside; SCPs and RCPs (AWS Organizations policies) still apply. The root user
// needs no identity policy in its own account, so what remains decides.
import type { Evaluation } from '../../policy/types.js';
import type { Caller } from '../call/caller.js';
import type { PolicyResource } from './state.js';

const BUCKET_POLICY_ACTIONS: ReadonlySet<string> = new Set(['s3:getbucketpolicy', 's3:putbucketpolicy', 's3:deletebucketpolicy']);

/** Whether the call is one the bucket owner's root user can always make, whatever the bucket policy says. */
export function ownerRootMayManagePolicy(who: Caller, target: PolicyResource | null, action: string): target is PolicyResource {
  return (
    target !== null &&
    target.kind === 'bucket' &&
    who.principal.kind === 'root' &&
    who.principal.accountId === target.account &&
    BUCKET_POLICY_ACTIONS.has(action.toLowerCase())
  );
}

/** The Deny statements of the bucket policy that matched, as `#N` or `#N Sid`; empty when it did not deny. */
export function bucketPolicyDenies(evaluation: Evaluation, policyName: string): string[] {
  const verdict = evaluation.policies.find((v) => v.type === 'resource' && v.name === policyName);
  if (verdict?.verdict !== 'Deny') return [];
  return verdict.matched.filter((m) => m.effect === 'Deny').map((m) => `#${m.index + 1}${m.sid ? ` ${m.sid}` : ''}`);
}

export function lockOutNote(bucket: PolicyResource, action: string, statements: readonly string[]): string {
  const which = statements.length === 1 ? `statement ${statements[0]}` : `statements ${statements.join(', ')}`;
  return (
    `the bucket policy of ${bucket.name} explicitly denies ${action} (${which}), but the root user of the account that owns the bucket ` +
    `can always get, put and delete its bucket policy (S3's lock-out protection); only AWS Organizations policies (SCPs, RCPs) and ` +
    `VPC endpoint policies can block it, so the bucket policy is set aside`
  );
}
