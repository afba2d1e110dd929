// STS calls in scenarios: the parameter forms the language accepts, and what is refused before a
// run starts (with its position), as opposed to what STS itself refuses during the run.
import { describe, expect, it } from 'vitest';
import { failure, sim } from '../resolve/run.js';

const WORLD = `
account A 111111111111 {
  policy ReadOnly { allow action s3:GetObject resource * }
  role R {
    trust { allow principal account A action sts:AssumeRole, sts:TagSession }
    inline Read { allow action s3:GetObject, s3:PutObject resource * }
  }
  user u { inline Assume { allow action sts:AssumeRole, sts:TagSession, sts:GetFederationToken resource * } }
}
`;

const run = (step: string) => sim(`${WORLD}\nstep "s" { ${step} }`);
const refused = (step: string) => failure(`${WORLD}\nstep "s" { ${step} }`);
const lastCall = (step: string) => {
  const events = run(step).events;
  const call = [...events].reverse().find((e) => 'call' in (e.data as object));
  return (call?.data as { call: { params: Record<string, unknown>; error: unknown; response: Record<string, unknown> | null } }).call;
};

describe('STS parameters in a scenario', () => {
  it('takes tags as k=v words, a JSON object or the API list, and transitive keys as a list', () => {
    for (const tags of ['[team=blue]', 'json {"team": "blue"}', 'json [{"Key": "team", "Value": "blue"}]']) {
      const c = lastCall(
        `as user A/u; call sts:AssumeRole { RoleArn: role A/R, RoleSessionName: s1, Tags: ${tags}, TransitiveTagKeys: [team] }; expect allowed`,
      );
      expect(c.error).toBeNull();
    }
  });

  it('takes policy ARNs as references, ARNs or the API list, and a policy as JSON', () => {
    for (const arns of ['[policy A/ReadOnly]', 'policy A/ReadOnly', 'json [{"arn": "arn:aws:iam::111111111111:policy/ReadOnly"}]']) {
      expect(lastCall(`as user A/u; call sts:AssumeRole { RoleArn: role A/R, RoleSessionName: s1, PolicyArns: ${arns} }`).error).toBeNull();
    }
    const c = lastCall(
      'as user A/u; call sts:AssumeRole { RoleArn: role A/R, RoleSessionName: s1, Policy: json {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]} }',
    );
    expect(c.response?.['PackedPolicySize']).toBeGreaterThan(0);
  });

  it('takes a single value as a word, a quoted string or a JSON scalar', () => {
    expect(
      lastCall('as user A/u; call sts:AssumeRole { RoleArn: role A/R, RoleSessionName: json "s1", DurationSeconds: json 900 }').error,
    ).toBeNull();
  });

  it('runs every STS action of this issue', () => {
    const events = run(
      'as user A/u; call sts:GetFederationToken { Name: guest, Policy: json {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]} }; expect allowed; keep credentials as g',
    ).events;
    expect(events.map((e) => e.type)).toContain('FederationTokenIssued');
    expect(run('as user A/u; call sts:GetSessionToken { DurationSeconds: 900 }; expect allowed').events.map((e) => e.type)).toContain(
      'SessionTokenIssued',
    );
  });
});

describe('what the resolver refuses', () => {
  const cases: [string, string][] = [
    [
      'call sts:AssumeRole { RoleArn: role A/R, RoleSessionName: s1, Tags: [team] }',
      'Tags: a tag is {"Key": "k", "Value": "v"} or k=v, not "team"',
    ],
    ['call sts:AssumeRole { RoleArn: role A/R, RoleSessionName: s1, Tags: json "team" }', 'Tags: Tags is a list'],
    [
      'call sts:AssumeRole { RoleArn: role A/R, RoleSessionName: s1, PolicyArns: json [{"name": "x"}] }',
      'PolicyArns: a policy ARN is text or {"arn": "…"}',
    ],
    ['call sts:AssumeRole { RoleArn: role A/R, RoleSessionName: [a, b] }', 'RoleSessionName is a single value'],
    [
      'call sts:AssumeRole { RoleArn: role A/R, RoleSessionName: s1, DurationSeconds: 1h }',
      'DurationSeconds is a number of seconds, not "1h"',
    ],
    ['call sts:GetSessionToken { Name: x }', 'sts:GetSessionToken has no parameter Name'],
    ['call sts:GetFederationToken { Name: x, TransitiveTagKeys: [a] }', 'sts:GetFederationToken has no parameter TransitiveTagKeys'],
    ['call sts:AssumeRoot', 'sts:AssumeRoot is not supported yet'],
    ['call sts:GetWebIdentityToken', 'sts:GetWebIdentityToken is not supported yet'],
    ['call sts:GetDelegatedAccessToken', 'sts:GetDelegatedAccessToken is not supported yet'],
  ];
  for (const [call, message] of cases) {
    it(message, () => {
      const e = refused(`as user A/u; ${call}`);
      expect(e.message.startsWith(message), e.message).toBe(true);
      expect(e.pos.line).toBe(11);
    });
  }
});
