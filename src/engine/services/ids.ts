// EC2 instance IDs: `i-` and 17 hexadecimal digits (as AWS's: hallowauth/hallow#12 shows one in a
// session ARN), a hash of the scenario's seed, the account and how many instances it launched before.
import { createHash } from 'node:crypto';

export function instanceId(seed: string, account: string, ordinal: number): string {
  const hex = createHash('sha256').update(seed).update('\u0000').update(`instance|${account}|${ordinal}`).digest('hex');
  return `i-${hex.slice(0, 17)}`;
}

// ECS task IDs: 32 hexadecimal digits, the last part of a task ARN in ECS's long ARN format
// (arn:aws:ecs:REGION:ACCOUNT:task/CLUSTER/ID; the digit count is AWS-observed, not documented),
// from the seed, the account and how many tasks it ran before.
export function taskId(seed: string, account: string, ordinal: number): string {
  return createHash('sha256').update(seed).update('\u0000').update(`task|${account}|${ordinal}`).digest('hex').slice(0, 32);
}
