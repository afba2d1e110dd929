// A generated scenario of the size issue 3 measures: 2,000 one-line calls with `context`, and
// JSON policies of realistic size (conditions, wildcards), about 500 KB in all. Deterministic.

const ACTIONS = ['s3:GetObject', 's3:PutObject', 's3:ListBucket', 's3:DeleteObject', 'sqs:SendMessage', 'dynamodb:GetItem'];

function policyJson(u: number, count: number): string {
  const statements = [];
  for (let s = 0; s < count; s++) {
    const effect = s % 7 === 6 ? 'Deny' : 'Allow';
    statements.push({
      Sid: `S${u}x${s}`,
      Effect: effect,
      Action: [ACTIONS[(u + s) % ACTIONS.length], `s3:Get*`],
      Resource: [`arn:aws:s3:::bucket-${s % 5}/team-${u % 10}/*`, `arn:aws:s3:::bucket-${s % 5}`],
      Condition: {
        StringEquals: { 'aws:PrincipalTag/team': [`team-${u % 10}`, 'platform'] },
        IpAddress: { 'aws:SourceIp': ['203.0.113.0/24', '2001:db8::/32'] },
        ...(s % 3 === 0 ? { DateLessThan: { 'aws:CurrentTime': '2027-01-01T00:00:00Z' } } : {}),
      },
    });
  }
  return JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2);
}

/**
 * `statements`: of each user's inline policy. The default 12 (the parse benchmarks' size) exceeds
 * IAM's 2,048-character quota of a user's inline policies, so such a scenario parses but does not
 * run (LimitExceeded); 3 keeps it under the quota, for runs.
 */
export function largeScenario(users = 50, calls = 2000, statements = 12): string {
  const out: string[] = ['scenario "A large generated scenario"', 'clock 2026-01-01T09:00:00Z', 'account Main 111111111111 {'];
  for (let b = 0; b < 5; b++) out.push(`  bucket bucket-${b}`);
  for (let u = 0; u < users; u++) {
    out.push(
      `  user u${u} {`,
      `    tags { team: team-${u % 10} }`,
      `    inline P${u} json ${policyJson(u, statements).replace(/\n/g, '\n    ')}`,
      '  }',
    );
  }
  out.push('}');
  for (let i = 0; i < calls; i++) {
    const u = i % users;
    const action = ACTIONS[i % 4]!;
    out.push(
      `step "call ${i}" { as user Main/u${u}; call ${action} resource arn:aws:s3:::bucket-${i % 5}/team-${u % 10}/k${i} context { aws:SourceIp: 203.0.113.${i % 250} } }`,
    );
  }
  return out.join('\n') + '\n';
}
