// The `organization` block: what it resolves to, and every structural error, located.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { failure, sim } from './run.js';

const accounts = `account M 999999999999 { bucket data-m; user admin { inline All { allow action * resource * } } }
account A 111111111111 { bucket data-a; user alice { inline All { allow action * resource * } } }
account B 222222222222 { user bob { inline All { allow action * resource * } } }
account C 333333333333
`;
const org = (body: string) => `${accounts}organization o-a1b2c3d4e5 {\n  management M\n${body}\n}\n`;
const deny = (action: string) => `{ deny action ${action} resource * }`;

describe('an organization block resolves to the organization AWS would hold', () => {
  it('the fixture: given ids, nested OUs, account blocks and a policy file', () => {
    const source = readFileSync('test/dsl/fixtures/valid/organizations.iam', 'utf8').replace('detach RCPFullAWSAccess', '');
    const files = {
      'policies/no-public.json':
        '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":"*","Action":"s3:PutBucketPolicy","Resource":"*"}]}',
    };
    const o = sim(source, files).world.organizations.organization!;
    expect([o.id, o.rootId, o.managementAccount]).toEqual(['o-a1b2c3d4e5', 'r-ab12', '999999999999']);
    const units = Object.values(o.units);
    expect(units.map((u) => [u.name, u.parent])).toEqual([
      ['Workloads', 'r-ab12'],
      ['Sandbox', 'ou-ab12-11111111'],
      ['Empty', 'r-ab12'],
      ['Legacy Apps', 'r-ab12'],
    ]);
    expect(units[1]!.id).toMatch(/^ou-ab12-[a-z0-9]{8}$/);
    const sandbox = units[1]!.id;
    expect(o.accounts).toEqual({
      '999999999999': 'r-ab12',
      '444444444444': 'r-ab12',
      '111111111111': 'ou-ab12-11111111',
      '333333333333': sandbox,
    });
    expect(o.accounts['555555555555']).toBeUndefined(); // Outsider is named nowhere: outside the organization
    const names = (target: string) => (o.attached[target] ?? []).map((id) => o.policies[id]!.name);
    expect(names('r-ab12')).toEqual(['FullAWSAccess', 'RCPFullAWSAccess', 'DenyLeaveOrg', 'OrgOnly']);
    expect(names('ou-ab12-11111111')).toEqual(['FullAWSAccess', 'RCPFullAWSAccess', 'RegionLock']);
    expect(names(sandbox)).toEqual(['FullAWSAccess', 'RCPFullAWSAccess', 'NoPublicBuckets']);
    expect(names('333333333333')).toEqual(['RCPFullAWSAccess', 'DenyLeaveOrg', 'SandboxOnly']);
  });

  it('the management account sits at the root unless the block places it', () => {
    expect(sim(org('account A')).world.organizations.organization!.accounts).toEqual({
      '999999999999': expect.stringMatching(/^r-/),
      '111111111111': expect.stringMatching(/^r-/),
    });
    const o = sim(org('ou Admin { account M }')).world.organizations.organization!;
    expect(o.accounts['999999999999']).toMatch(/^ou-/);
  });

  it('an SCP denies member accounts, never the management account; accounts named nowhere are outside', () => {
    const { trace } = sim(`${org(`ou W { account A; scp NoS3 ${deny('s3:*')} }\naccount B`)}
step "member" { as user A/alice; call s3:GetObject resource arn:aws:s3:::data-a/k; expect denied by scp NoS3 }
step "management" { as user M/admin; call s3:GetObject resource arn:aws:s3:::data-m/k; expect allowed }
step "outside" { as root C; call s3:GetObject resource arn:aws:s3:::data-a/k }
`);
    expect(trace.summary).toMatchObject({ expectations: 2, failed: 0 });
    const notes = trace.items.flatMap((i) => (i.kind === 'step' ? (i.call?.notes ?? []) : []));
    expect(notes).toContain("SCPs do not apply: M (999999999999) is the organization's management account");
    expect(notes).toContain('SCPs do not apply: C (333333333333) is outside the organization');
  });

  it('expect denied by scp names the level that does not allow, as the trace does', () => {
    const { trace } = sim(`${org(`ou W { scp OnlyS3 { allow action s3:* resource * }; detach FullAWSAccess; account A }`)}
step "gap" { as user A/alice; call ec2:RunInstances resource *; expect implicit-deny; expect denied by scp "ou W" }`);
    expect(trace.summary.failed).toBe(0);
    const step = trace.items[0];
    expect(step?.kind === 'step' && step.call?.evaluations[0]?.evaluation.reason).toBe(
      'no service control policy at ou W allows ec2:RunInstances',
    );
  });

  it('the request context carries the organization keys of the caller and of the resource', () => {
    const { trace } = sim(`${accounts}account D 444444444444 { bucket dbucket }
organization o-a1b2c3d4e5 { management M; ou W ou-ab12-11111111 { account A, D } }
step "s" { as user A/alice; call s3:GetObject resource arn:aws:s3:::dbucket/k }`);
    const step = trace.items[0];
    const context = step?.kind === 'step' ? step.call?.context : undefined;
    expect(context).toMatchObject({
      'aws:PrincipalOrgID': 'o-a1b2c3d4e5',
      'aws:PrincipalOrgPaths': ['o-a1b2c3d4e5/r-ab12/ou-ab12-11111111/'],
      'aws:ResourceOrgID': 'o-a1b2c3d4e5',
      'aws:ResourceOrgPaths': ['o-a1b2c3d4e5/r-ab12/ou-ab12-11111111/'],
    });
  });
});

describe('what AWS Organizations refuses is a located scenario error', () => {
  const cases: [string, string, string, Record<string, string>?][] = [
    ['no management account', `${accounts}organization { account A }`, 'the organization does not name its management account'],
    ['two management lines', `${accounts}organization { management M; management A }`, 'an organization has one management account'],
    [
      'two organizations',
      `${accounts}organization { management M }\norganization { management A }`,
      'the scenario sets organization twice',
    ],
    ['a bad organization id', `${accounts}organization o-bad { management M }`, '"o-bad" is not an organization ID'],
    ['a bad OU id', org('ou X ou-1'), '"ou-1" is not an OU ID'],
    [
      'OU ids under two roots',
      org('ou X ou-ab12-11111111; ou Y ou-cd34-22222222'),
      'OU ID ou-cd34-22222222 names root r-cd34, but another OU of this organization names root r-ab12',
    ],
    ['a duplicate OU', org('ou X; ou X'), 'DuplicateOrganizationalUnitException: an OU named X already exists under the same parent'],
    [
      'OUs too deep',
      org('ou a { ou b { ou c { ou d { ou e { ou f } } } } }'),
      'ConstraintViolationException (OU_DEPTH_LIMIT_EXCEEDED): ou f would be nested 6 levels below the root',
    ],
    [
      'an account in two places',
      org('account A; ou X { account A }'),
      'account A is placed twice in the organization: it is already in the root (line 7)',
    ],
    [
      'a policy defined twice',
      org(`scp D ${deny('s3:*')}; ou X { scp D ${deny('ec2:*')} }`),
      'DuplicatePolicyException: a policy named D is already defined (line 7)',
    ],
    [
      'FullAWSAccess redefined',
      org('scp FullAWSAccess { allow action * resource * }'),
      'FullAWSAccess is the AWS managed SCP; it cannot be redefined',
    ],
    ['an RCP attached as an SCP', org(`rcp R { deny principal * action s3:* resource * }; ou X { scp R }`), 'R is an RCP, not an SCP'],
    [
      'a duplicate attachment',
      org('scp FullAWSAccess'),
      'DuplicatePolicyAttachmentException: SCP FullAWSAccess is already attached to the root (AWS attaches it to every root, OU and account)',
    ],
    [
      'detaching an inherited policy',
      org(`scp D ${deny('s3:*')}; ou X { detach D }`),
      'PolicyNotAttachedException: SCP D is not attached to ou X',
    ],
    [
      'detaching RCPFullAWSAccess',
      org('ou X { detach RCPFullAWSAccess }'),
      'RCPFullAWSAccess cannot be detached: AWS keeps it attached to the root, every OU and every account while RCPs are enabled',
    ],
    [
      'detaching the last SCP',
      org('account A { detach FullAWSAccess }'),
      'ConstraintViolationException (MIN_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED): detaching FullAWSAccess would leave account A without any SCP',
    ],
    [
      'six SCPs on one target',
      org([1, 2, 3, 4, 5].map((n) => `scp D${n} ${deny('s3:*')}`).join('\n')),
      'ConstraintViolationException (POLICY_NUMBER_LIMIT_EXCEEDED): the root would have 6 SCPs attached',
    ],
    [
      'a principal in an SCP',
      org('scp P { deny principal * action s3:* resource * }'),
      'SCP P: MalformedPolicyDocument: Policy document should not specify a principal.',
    ],
    [
      'an Allow in a customer RCP',
      org('rcp R { allow principal * action s3:* resource * }'),
      'RCP R: MalformedPolicyDocument: Syntax errors in policy.',
    ],
    [
      'an RCP without a principal',
      org('rcp R { deny action s3:* resource * }'),
      'RCP R: MalformedPolicyDocument: Missing required field Principal',
    ],
  ];
  for (const [what, source, message] of cases) {
    it(what, () => {
      const e = failure(source);
      expect(e.message).toBe(message);
      expect(e.pos.line).toBeGreaterThanOrEqual(5);
    });
  }

  it('an unknown account is located and suggests the declared one', () => {
    const e = failure(org('ou W { account Bb }').replace('account B 2', 'account Bob 2'));
    expect(e.message).toBe('account Bb is not defined');
    expect(e.suggestion).toBe('Bob');
    expect([e.pos.line, e.pos.col]).toEqual([7, 16]);
  });

  it('an unknown policy suggests the defined one of the same type', () => {
    const e = failure(org(`scp DenyS3 ${deny('s3:*')}; ou X { scp DenyS33 }`));
    expect(e.message).toBe('SCP DenyS33 is not defined in the organization block');
    expect(e.suggestion).toBe('DenyS3');
    expect(failure(org('ou X { detach FullAccess }')).suggestion).toBe('FullAWSAccess');
  });

  it('a management account that is not declared suggests the nearest account', () => {
    const e = failure(`${accounts}organization { management Mm }`);
    expect(e.message).toBe('account Mm is not defined');
    expect(e.suggestion).toBe('M');
  });
});
