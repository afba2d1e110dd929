// The resolver refuses actions and condition keys that the AWS service catalogue does not know,
// where they are written, with the nearest real name (issue 3, item 4).
import { describe, expect, it } from 'vitest';
import { formatScenarioError } from '../../src/errors.js';
import { failure, sim } from '../resolve/run.js';

const world = `account A 111111111111 {
  bucket data
  user alice
}
`;
const step = (call: string) => `${world}step "s" {
  as user A/alice
  call ${call}
}
`;
/** line, column and underline length of an error */
const at = (e: { pos: { line: number; col: number }; length: number }) => [e.pos.line, e.pos.col, e.length];

describe('a step calls an action of the catalogue', () => {
  it('an unknown action is a located error that suggests the real one', () => {
    const source = step('s3:PutObjet resource arn:aws:s3:::data/x');
    const e = failure(source);
    expect(e.message).toBe('unknown action s3:PutObjet');
    expect(e.suggestion).toBe('s3:PutObject');
    expect(at(e)).toEqual([7, 8, 11]);
    expect(formatScenarioError(e, source)).toBe(
      [
        'test.iam:7:8: error: unknown action s3:PutObjet',
        '  |',
        '7 |   call s3:PutObjet resource arn:aws:s3:::data/x',
        '  |        ^^^^^^^^^^^',
        'did you mean s3:PutObject?',
      ].join('\n'),
    );
  });

  it('action names are case-insensitive: s3:putobject runs', () => {
    expect(() => sim(step('s3:putobject resource arn:aws:s3:::data/x'))).not.toThrow();
  });

  it('an unknown service prefix names the prefix, and the suggestion fixes it', () => {
    const e = failure(step('s33:PutObject resource arn:aws:s3:::data/x'));
    expect(e.message).toBe('unknown action s33:PutObject: no AWS service has the prefix s33');
    expect(e.suggestion).toBe('s3:PutObject');
  });

  it('with nothing close, the error says what was expected instead', () => {
    const e = failure(step('qqq:Zzzzzzzz'));
    expect(e.suggestion).toBeUndefined();
    expect(e.expected).toMatch(
      /^a service prefix of the AWS service catalogue \(@cloud-copilot\/iam-data [\d.]+\), such as s3, ec2 or iam$/,
    );
  });

  it('an STS action is checked like any other', () => {
    const e = failure(step('sts:GetCallerIdentty'));
    expect(e.message).toBe('unknown action sts:GetCallerIdentty');
    expect(e.suggestion).toBe('sts:GetCallerIdentity');
  });

  it('context keys are condition keys: global, of the called service, or refused', () => {
    expect(() =>
      sim(
        step(
          's3:ListBucket resource arn:aws:s3:::data context { aws:SourceIp: 203.0.113.9, s3:prefix: home/, aws:PrincipalTag/team: blue }',
        ),
      ),
    ).not.toThrow();
    const source = step('s3:ListBucket resource arn:aws:s3:::data context { aws:SorceIp: 203.0.113.9 }');
    const e = failure(source);
    expect(e.message).toBe('unknown condition key aws:SorceIp');
    expect(e.suggestion).toBe('aws:SourceIp');
    expect(at(e)).toEqual([7, 59, 11]);
    const bare = failure(step('s3:ListBucket resource arn:aws:s3:::data context { prefix: home/ }'));
    expect(bare.suggestion).toBe('s3:prefix');
  });
});

const policy = (statement: string) => `account A 111111111111 {
  user alice {
    inline P {
      ${statement}
    }
  }
}
`;

describe('native policy statements', () => {
  it('an unknown action is an error at the action, naming the policy', () => {
    const e = failure(policy('allow action s3:GetObject, s3:GetObjet resource *'));
    expect(e.message).toBe('inline policy P of user alice: unknown action s3:GetObjet');
    expect(e.suggestion).toBe('s3:GetObject');
    expect(at(e)).toEqual([4, 34, 11]);
  });

  it('quoting an action does not bypass the check', () => {
    const e = failure(policy('allow action "s3:GetObjet" resource *'));
    expect(e.message).toBe('inline policy P of user alice: unknown action s3:GetObjet');
    expect(at(e)).toEqual([4, 20, 13]);
  });

  it('not-action is checked too, and a wrong case is fine', () => {
    expect(failure(policy('deny not-action iam:ListUser resource *')).suggestion).toBe('iam:ListUsers');
    expect(() => sim(policy('allow action S3:GETOBJECT, iam:listusers resource *'))).not.toThrow();
  });

  it('a pattern must name a known service and match at least one of its actions', () => {
    expect(() => sim(policy('allow action s3:Get*, s3:*, s3:Get?bject, ec2:Describe*, * resource *'))).not.toThrow();
    const none = failure(policy('allow action s3:Gte* resource *'));
    expect(none.message).toBe('inline policy P of user alice: action pattern s3:Gte* matches no s3 action');
    expect(none.suggestion).toBe('s3:Get*');
    const prefix = failure(policy('allow action s33:Get* resource *'));
    expect(prefix.message).toBe('inline policy P of user alice: action pattern s33:Get*: no AWS service has the prefix s33');
    expect(prefix.suggestion).toBe('s3:Get*');
  });

  it('an unknown condition key is an error at the key', () => {
    expect(() =>
      sim(policy('allow action s3:GetObject resource * when StringEquals aws:PrincipalTag/team blue when Bool aws:SecureTransport true')),
    ).not.toThrow();
    const e = failure(policy('allow action s3:GetObject resource * when IpAddress aws:SorceIp 203.0.113.0/24'));
    expect(e.message).toBe('inline policy P of user alice: unknown condition key aws:SorceIp');
    expect(e.suggestion).toBe('aws:SourceIp');
    expect(at(e)).toEqual([4, 59, 11]);
  });

  it('a trust policy is checked, including the keys of an OIDC provider', () => {
    const trust = (body: string) => `account A 111111111111 { role R { trust { ${body} } } }`;
    expect(failure(trust('allow principal account A action sts:AssumeRol')).suggestion).toBe('sts:AssumeRole');
    const oidc =
      'allow principal federated arn:aws:iam::111111111111:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/ABC action sts:AssumeRoleWithWebIdentity';
    expect(() =>
      sim(trust(`${oidc} when StringEquals oidc.eks.us-east-1.amazonaws.com/id/ABC:sub system:serviceaccount:default:app`)),
    ).not.toThrow();
    expect(failure(trust(`${oidc} when StringEquals oidc.eks.us-east-1.amazonaws.com/id/ABC:subb x`)).suggestion).toBe(
      'oidc.eks.us-east-1.amazonaws.com/id/ABC:sub',
    );
  });
});

describe('JSON policies', () => {
  const json = (body: string) => `account A 111111111111 {
  policy P json {
    "Version": "2012-10-17",
    "Statement": [
${body}
    ]
  }
}
`;

  it('an unknown action is located inside the json body', () => {
    const e = failure(json('      {"Effect": "Allow", "Action": ["s3:GetObject", "s3:GetObjet"], "Resource": "*"}'));
    expect(e.message).toBe('managed policy P: unknown action s3:GetObjet');
    expect(e.suggestion).toBe('s3:GetObject');
    expect(at(e)).toEqual([5, 55, 11]);
  });

  it('a single action string and a lone statement object are located too', () => {
    const e = failure(`account A 111111111111 {
  policy P json {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "NotAction": "iam:ListUser", "Resource": "*"}}
}`);
    expect(e.message).toBe('managed policy P: unknown action iam:ListUser');
    expect(at(e)).toEqual([2, 90, 12]);
  });

  it('an unknown condition key is located at the key', () => {
    const e = failure(
      json(
        '      {"Effect": "Allow", "Action": "s3:*", "Resource": "*",\n       "Condition": {"StringEquals": {"aws:username": "a", "aws:PrincipalTags/team": "b"}}}',
      ),
    );
    expect(e.message).toBe('managed policy P: unknown condition key aws:PrincipalTags/team');
    expect(e.suggestion).toBe('aws:PrincipalTag/team');
    expect(at(e)).toEqual([6, 61, 22]);
  });

  it('a condition key is located where it is written as a key, not where its text first stands', () => {
    const e = failure(
      json(
        '      {"Effect": "Allow", "Action": "s3:*", "Resource": "*", "Condition": {"StringEquals": {"aws:username": "aws:PrincipalTags/team", "aws:PrincipalTags/team": "b"}}}',
      ),
    );
    expect(e.message).toBe('managed policy P: unknown condition key aws:PrincipalTags/team');
    expect(at(e)).toEqual([5, 136, 22]);
  });

  it('a policy file is checked and the error names the file', () => {
    const file = '{\n  "Version": "2012-10-17",\n  "Statement": [{"Effect": "Allow", "Action": "s3:PutObjet", "Resource": "*"}]\n}\n';
    const e = failure('account A 111111111111 { policy P file "p.json" }', { 'p.json': file });
    expect(e.file).toBe('p.json');
    expect(e.message).toBe('managed policy P: unknown action s3:PutObjet');
    expect(at(e)).toEqual([3, 48, 11]);
  });

  it('a problem the policy validator reports comes first, in AWS words', () => {
    const e = failure(json('      {"Effect": "Alow", "Action": "s3:GetObjet", "Resource": "*"}'));
    expect(e.message).toMatch(/^managed policy P: MalformedPolicyDocument: /);
  });
});
