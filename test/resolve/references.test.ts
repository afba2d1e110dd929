import { describe, expect, it } from 'vitest';
import { failure, sim } from './run.js';

const world = `
scenario "refs"
account Production 111111111111 {
  bucket productionapp
  role UpdateApp {
    path /deploy/
    trust { allow principal account Development, user Development/alice action sts:AssumeRole }
    inline Access { allow action s3:GetObject resource bucket productionapp }
  }
  policy ReadOnly { allow action s3:Get* resource * }
  user carol { attach ReadOnly }
}
account Development 222222222222 {
  user alice { inline Switch { allow action sts:AssumeRole resource role Production/UpdateApp } }
}
`;

describe('references expand to the ARNs AWS stores', () => {
  it('account, user and role references in policies', () => {
    const { world: w } = sim(world);
    const role = w.iam.roles['arn:aws:iam::111111111111:role/deploy/UpdateApp']!;
    expect(role.path).toBe('/deploy/');
    expect(role.trust).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { AWS: ['arn:aws:iam::222222222222:root', 'arn:aws:iam::222222222222:user/alice'] },
          Action: 'sts:AssumeRole',
        },
      ],
    });
    expect(role.inline[0]!.document).toEqual({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::productionapp' }],
    });
    expect(w.iam.users['arn:aws:iam::111111111111:user/carol']!.attached).toEqual(['arn:aws:iam::111111111111:policy/ReadOnly']);
  });

  it('a session ARN drops the role path; the role ARN keeps it', () => {
    const { trace } = sim(`${world}
step "switch" {
  as user Development/alice
  call sts:AssumeRole { RoleArn: role Production/UpdateApp, RoleSessionName: s1 }
  expect response AssumedRoleUser.Arn = "arn:aws:sts::111111111111:assumed-role/UpdateApp/s1"
}`);
    const step = trace.items[0];
    expect(step?.kind === 'step' && step.call?.params.RoleArn).toBe('arn:aws:iam::111111111111:role/deploy/UpdateApp');
    expect(trace.summary).toEqual({ steps: 1, expectations: 1, passed: 1, failed: 0 });
  });

  it('a bare name resolves when only one account has it, and is refused when ambiguous', () => {
    expect(() => sim(`${world} step "s" { as user alice; call sts:GetCallerIdentity }`)).not.toThrow();
    const e = failure(`account A 111111111111 { user x }
account B 222222222222 { user x }
step "s" { as user x; call sts:GetCallerIdentity }`);
    expect(e.message).toBe('user x is ambiguous: A/x and B/x both exist');
    expect(e.expected).toBe('Account/x');
    expect([e.pos.line, e.pos.col]).toEqual([3, 20]);
  });

  it('suggests the nearest name for an unknown reference', () => {
    const e = failure(`${world} step "s" { as user Development/alcie; call sts:GetCallerIdentity }`);
    expect(e.message).toBe('user Development/alcie is not defined');
    expect(e.suggestion).toBe('Development/alice');
    const b = failure(`${world} step "s" { as user alice; call s3:GetObject resource bucket productionap }`);
    expect(b.message).toBe('bucket productionap is not defined');
    expect(b.suggestion).toBe('productionapp');
    const a = failure(`${world} step "s" { as root Developmnt; call sts:GetCallerIdentity }`);
    expect(a.suggestion).toBe('Development');
  });
});

describe('declarations are checked as IAM checks them', () => {
  it('a role needs a trust policy', () => {
    expect(failure('account A 111111111111 { role R }').message).toBe('role R has no trust policy');
  });

  it('max-session-duration must be 1h to 12h, with the IAM message', () => {
    const e = failure(
      'account A 111111111111 { role R { max-session-duration 13h; trust { allow principal account A action sts:AssumeRole } } }',
    );
    expect(e.message).toBe(
      "1 validation error detected: Value '46800' at 'maxSessionDuration' failed to satisfy constraint: Member must have value less than or equal to 43200",
    );
  });

  it('paths begin and end with a slash', () => {
    expect(failure('account A 111111111111 { user u { path app } }').message).toBe('path "app" is not a valid IAM path');
  });

  it('names are unique and account IDs have 12 digits', () => {
    expect(failure('account A 111111111111 { user u; user u }').message).toBe('user A/u is declared twice');
    expect(failure('account A 1234').message).toBe('account ID "1234" is not 12 digits');
  });

  it('validates policies with AWS messages, located in the source', () => {
    const e = failure(`account A 111111111111 {
  user u {
    inline P json { "Version": "2012-10-17", "Statement": { "Effect": "allow", "Action": "s3:*", "Resource": "*" } }
  }
}`);
    expect(e.message).toMatch(/^inline policy P of user u: MalformedPolicyDocument: /);
    expect(e.pos.line).toBe(3);
  });

  it('locates a problem under a repeated key at the value JSON.parse keeps, the last', () => {
    const e = failure(`account A 111111111111 {
  user u {
    inline P json { "Version": "2012-10-17", "Statement": { "Effect": "Allow", "Effect": "allow", "Action": "s3:*", "Resource": "*" } }
  }
}`);
    expect(e.message).toMatch(/^inline policy P of user u: MalformedPolicyDocument: /);
    expect([e.pos.line, e.pos.col]).toEqual([3, 90]);
  });

  it('reads policy files relative to the scenario and locates their problems in the file', () => {
    const ok = sim('account A 111111111111 { user u { inline P file "p.json" } }', {
      'p.json': '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}',
    });
    expect(ok.world.iam.users['arn:aws:iam::111111111111:user/u']!.inline[0]!.name).toBe('P');
    const bad = failure('account A 111111111111 { user u { inline P file "p.json" } }', {
      'p.json': '{\n  "Version": "2012-10-17",\n  "Statement": [ }',
    });
    expect(bad.file).toBe('p.json');
    expect(bad.pos.line).toBe(3);
    expect(bad.message).toBe('inline policy P of user u: invalid JSON: expected a JSON value or "]", found "}"');
    const missing = failure('account A 111111111111 { user u { inline P file "nope.json" } }');
    expect(missing.message).toBe('cannot read policy file nope.json');
  });
});

describe('what this version does not run yet is refused, never ignored', () => {
  const cases: [string, string][] = [
    ['step "s" { as user A/u; call sts:AssumeRoot }', 'sts:AssumeRoot is not supported yet'],
    [
      'step "s" { as user A/u; call sts:AssumeRole { RoleArn: role A/R, RoleSessionName: s, ProvidedContexts: x } }',
      'the ProvidedContexts parameter of sts:AssumeRole is not supported yet',
    ],
  ];
  for (const [text, message] of cases) {
    it(message, () => {
      const e = failure(`account A 111111111111 { user u; role R { trust { allow principal account A action sts:AssumeRole } } }\n${text}`);
      expect(e.message.startsWith(message)).toBe(true);
      expect(e.pos.line).toBe(2);
    });
  }

  it('an unknown parameter is an error with a suggestion', () => {
    const e = failure(
      'account A 111111111111 { user u; role R { trust { allow principal account A action sts:AssumeRole } } }\nstep "s" { as user A/u; call sts:AssumeRole { RoleArn: role A/R, RoleSesionName: s } }',
    );
    expect(e.message).toBe('sts:AssumeRole has no parameter RoleSesionName');
    expect(e.suggestion).toBe('RoleSessionName');
  });
});
