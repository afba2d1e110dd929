// Size: a generated scenario with 2,000 steps (about 500 KB) parses into 2,000 steps.
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/dsl/parse.js';
import { as, fixture, steps } from './helpers.js';

function bigScenario(count: number): string {
  const out = [fixture('valid/cross-account.iam')];
  for (let i = 0; i < count; i++) {
    out.push(`
step "Step ${i}: alice assumes the role again" {
  as user Development/alice
  call sts:AssumeRole {
    RoleArn: role Production/UpdateApp, RoleSessionName: alice-${i}
    Policy: json {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}]}
  } context { aws:SourceIp: 203.0.113.${i % 256}, aws:TagKeys: [team, env] }   # a comment
  expect response AssumedRoleUser.Arn = "arn:aws:sts::111111111111:assumed-role/UpdateApp/alice-${i}"
  keep credentials as creds-${i}
}
wait 1m
`);
  }
  return out.join('');
}

describe('large scenarios', () => {
  it('parses 2,000 generated steps', () => {
    const source = bigScenario(2000 - 6); // the example already has 6 steps
    expect(source.length).toBeGreaterThan(500_000);
    const file = parseScenario(source, 'big.iam');
    const all = steps(file);
    expect(all).toHaveLength(2000);
    const last = all[all.length - 1];
    expect(last?.title.text).toBe('Step 1993: alice assumes the role again');
    expect(as(last?.members[3], 'Keep').name.text).toBe('creds-1993');
    expect(last?.loc.line).toBe(source.slice(0, last?.loc.offset).split('\n').length);
  });
});
