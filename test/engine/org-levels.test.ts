// Which SCP and RCP levels apply to whom (IAM User Guide "Policy evaluation logic"), and the
// organization keys of the request context (IAM User Guide "AWS global condition context keys").
import { describe, expect, it } from 'vitest';
import { orgContext } from '../../src/engine/call/org-context.js';
import { orgLevels, orgNotes } from '../../src/engine/call/org-levels.js';
import type { CallRecord } from '../../src/engine/call-record.js';
import type { AnyCommand, AnyEvent } from '../../src/engine/events.js';
import type { PolicyDocument } from '../../src/engine/iam/state.js';
import type { RequestPrincipal } from '../../src/policy/types.js';
import { account, call, DEV, given, inline, PROD, role, start, trustAccount, user, userArn, when } from './given.js';

const MGMT = '999999999999';
const OUT = '555555555555';
const denyS3: PolicyDocument = { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 's3:*', Resource: '*' }] };
const denyAssume: PolicyDocument = { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 'sts:AssumeRole', Resource: '*' }] };

const world = given([
  start(),
  account(MGMT, 'Management'),
  account(PROD, 'Production'),
  account(DEV, 'Development'),
  account(OUT, 'Outsider'),
  user(PROD, 'alice'),
  inline(userArn(PROD, 'alice'), 'All', [{ Effect: 'Allow', Action: '*', Resource: '*' }]),
  role(DEV, 'Target', trustAccount(PROD)),
  { type: 'CreateOrganization', data: { id: 'o-a1b2c3d4e5', rootId: 'r-ab12', managementAccount: MGMT } },
  { type: 'CreateOrganizationPolicy', data: { name: 'NoS3', policyType: 'scp', document: denyS3 } },
  { type: 'CreateOrganizationPolicy', data: { name: 'NoAssume', policyType: 'scp', document: denyAssume } },
  { type: 'CreateOrganizationalUnit', data: { id: 'ou-ab12-11111111', name: 'Workloads', parent: [] } },
  { type: 'AddAccountToOrganization', data: { account: MGMT, parent: [] } },
  { type: 'AddAccountToOrganization', data: { account: PROD, parent: ['Workloads'] } },
  { type: 'AddAccountToOrganization', data: { account: DEV, parent: [] } },
  { type: 'AttachOrganizationPolicy', data: { policy: 'NoS3', target: { kind: 'ou', path: ['Workloads'] } } },
  { type: 'AttachOrganizationPolicy', data: { policy: 'NoAssume', target: { kind: 'account', account: PROD } } },
] satisfies AnyCommand[]);

const member: RequestPrincipal = { kind: 'iamUser', accountId: PROD, arn: userArn(PROD, 'alice') };
const callOf = (events: AnyEvent[]) => (events[0]?.data as { call: CallRecord }).call;
const names = (levels: { name: string; policies: readonly { name: string }[] }[] | undefined) =>
  levels?.map((l) => [l.name, l.policies.map((p) => p.name)]);

describe('SCP levels', () => {
  it('a member principal gets every level from the root to its account, with that level’s SCPs only', () => {
    const documents = new Map<string, PolicyDocument>();
    const { scpLevels, rcpLevels } = orgLevels(member, null, 's3:GetObject', world, documents);
    expect(names(scpLevels)).toEqual([
      ['root', ['FullAWSAccess']],
      ['ou Workloads', ['FullAWSAccess', 'NoS3']],
      ['account Production', ['FullAWSAccess', 'NoAssume']],
    ]);
    expect(rcpLevels).toBeUndefined(); // no resource named: RCPs apply to resources
    expect([...documents.keys()]).toEqual(['FullAWSAccess', 'NoS3', 'NoAssume']);
  });

  it('the member account’s root user is filtered too', () => {
    const root: RequestPrincipal = { kind: 'root', accountId: PROD, arn: `arn:aws:iam::${PROD}:root` };
    expect(orgLevels(root, null, 's3:GetObject', world).scpLevels).toHaveLength(3);
  });

  it('not the management account, an account outside, a service-linked role, a service or anonymous', () => {
    const principals: [RequestPrincipal, string][] = [
      [
        { kind: 'iamUser', accountId: MGMT, arn: userArn(MGMT, 'admin') },
        "SCPs do not apply: Management (999999999999) is the organization's management account",
      ],
      [
        { kind: 'iamUser', accountId: OUT, arn: userArn(OUT, 'eve') },
        'SCPs do not apply: Outsider (555555555555) is outside the organization',
      ],
      [
        { kind: 'roleSession', accountId: PROD, arn: `arn:aws:sts::${PROD}:assumed-role/AWSServiceRoleForX/s`, isServiceLinkedRole: true },
        'SCPs and RCPs do not apply to service-linked roles',
      ],
      [
        { kind: 'servicePrincipal', service: 'cloudtrail.amazonaws.com' },
        'SCPs do not apply: AWS service principals are not principals of a member account',
      ],
      [{ kind: 'anonymous' }, 'SCPs do not apply: anonymous callers are not principals of a member account'],
    ];
    for (const [p, note] of principals) {
      expect(orgLevels(p, null, 's3:GetObject', world).scpLevels).toBeUndefined();
      expect(orgNotes(p, null, 's3:GetObject', world)).toEqual([note]);
    }
  });
});

describe('RCP levels', () => {
  it('apply to member-account resources of RCP services, whoever calls (even from outside)', () => {
    const outsider: RequestPrincipal = { kind: 'iamUser', accountId: OUT, arn: userArn(OUT, 'eve') };
    expect(names(orgLevels(outsider, PROD, 's3:GetObject', world).rcpLevels)).toEqual([
      ['root', ['RCPFullAWSAccess']],
      ['ou Workloads', ['RCPFullAWSAccess']],
      ['account Production', ['RCPFullAWSAccess']],
    ]);
    expect(orgLevels({ kind: 'anonymous' }, DEV, 'S3:GetObject', world).rcpLevels).toHaveLength(2);
  });

  it('not to services off the RCP list, management-account resources, or service-linked roles', () => {
    expect(orgLevels(member, PROD, 'sns:Publish', world).rcpLevels).toBeUndefined();
    expect(orgNotes(member, PROD, 'sns:Publish', world)).toEqual(['RCPs do not apply: sns is not one of the services RCPs support']);
    expect(orgLevels(member, MGMT, 's3:GetObject', world).rcpLevels).toBeUndefined();
    const slr: RequestPrincipal = { ...member, kind: 'roleSession', isServiceLinkedRole: true };
    expect(orgLevels(slr, PROD, 's3:GetObject', world).rcpLevels).toBeUndefined();
    expect(orgLevels(member, OUT, 's3:GetObject', world).rcpLevels).toBeUndefined();
  });
});

describe('the organization keys of the request context', () => {
  it('the caller’s and the resource’s organization and entity paths', () => {
    expect(orgContext(member, DEV, world)).toEqual({
      'aws:PrincipalOrgID': 'o-a1b2c3d4e5',
      'aws:PrincipalOrgPaths': ['o-a1b2c3d4e5/r-ab12/ou-ab12-11111111/'],
      'aws:ResourceOrgID': 'o-a1b2c3d4e5',
      'aws:ResourceOrgPaths': ['o-a1b2c3d4e5/r-ab12/'],
    });
    const mgmt: RequestPrincipal = { kind: 'iamUser', accountId: MGMT, arn: userArn(MGMT, 'admin') };
    expect(orgContext(mgmt, OUT, world)).toEqual({
      'aws:PrincipalOrgID': 'o-a1b2c3d4e5',
      'aws:PrincipalOrgPaths': ['o-a1b2c3d4e5/r-ab12/'],
    });
    expect(orgContext({ kind: 'anonymous' }, null, world)).toEqual({});
  });
});

describe('wired into authorization', () => {
  it('an SCP at the account level denies sts:AssumeRole to the member’s principals', () => {
    const events = when(
      world,
      call({ kind: 'user', arn: userArn(PROD, 'alice') }, 'sts:AssumeRole', {
        RoleArn: `arn:aws:iam::${DEV}:role/Target`,
        RoleSessionName: 'alice',
      }),
    );
    const c = callOf(events);
    expect(c.decision).toBe('ExplicitDeny');
    expect(c.evaluations[0]?.evaluation.decidedBy).toEqual({ type: 'scp', name: 'NoAssume' });
  });

  it('an SCP on the OU denies s3 to the member, with the level in the verdict', () => {
    const events = when(world, call({ kind: 'user', arn: userArn(PROD, 'alice') }, 's3:GetObject', {}, 'arn:aws:s3:::b/k'));
    const c = callOf(events);
    expect(c.decision).toBe('ExplicitDeny');
    expect(c.evaluations[0]?.evaluation.policies.find((p) => p.verdict === 'Deny')).toMatchObject({ name: 'NoS3', level: 'ou Workloads' });
  });
});
