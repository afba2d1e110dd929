// IAM Identity Center: provisioning a permission set to an account (IAM Identity Center User Guide,
// "IAM roles created by IAM Identity Center", "Referencing permission sets in resource policies,
// Amazon EKS, and AWS KMS": AWSReservedSSO_<permission set>_<id> under
// /aws-reserved/sso.amazonaws.com/[Region/]) and the access portal's GetRoleCredentials (AWS IAM
// Identity Center Portal API Reference, "GetRoleCredentials"; "Attributes for access control").
import { describe, expect, it } from 'vitest';
import type { AnyCommand } from '../../src/engine/events.js';
import { portalAccessToken } from '../../src/engine/sso/ids.js';
import type { World } from '../../src/engine/world.js';
import { account, call, DEV, given, inline, PROD, start, user, when } from './given.js';
import { callOf, managedPolicy, run } from './sts-helpers.js';

const MGMT = '999999999999';

const enable = (region = 'eu-west-1'): AnyCommand => ({
  type: 'EnableIdentityCenter',
  data: {
    account: MGMT,
    region,
    accessControlAttributes: ['CostCenter'],
    users: [
      { userName: 'jane', groups: ['Analysts'], attributes: { CostCenter: '4711', Title: 'analyst' } },
      { userName: 'omar', groups: [], attributes: {} },
    ],
    groups: ['Analysts'],
    permissionSets: [
      {
        name: 'DataAnalyst',
        managed: [],
        customerManaged: [{ name: 'ReadReports', path: '/' }],
        inline: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:DeleteObject', Resource: '*' }] },
        boundary: null,
        sessionDuration: 14400,
      },
    ],
  },
});

const assign = (principalType: 'USER' | 'GROUP', principal: string, acct: string): AnyCommand => ({
  type: 'CreateAccountAssignment',
  data: { principalType, principal, permissionSet: 'DataAnalyst', account: acct },
});

const world = (region = 'eu-west-1'): World =>
  given([
    start(),
    account(MGMT, 'Management'),
    account(PROD, 'Production'),
    account(DEV, 'Staging'),
    managedPolicy(PROD, 'ReadReports', [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }]),
    { type: 'CreateBucket', data: { arn: 'arn:aws:s3:::reports', name: 'reports', account: PROD } },
    enable(region),
    assign('GROUP', 'Analysts', PROD),
  ]);

const instanceArn = (w: World) => w.sso.instance!.arn;
const portal = (w: World, user: string, params: Record<string, string>) =>
  call({ kind: 'anonymous' }, 'sso:GetRoleCredentials', { accessToken: portalAccessToken('test', instanceArn(w), user), ...params });

describe('provisioning', () => {
  it('given an assignment, then the role exists in the account with the trust policy Identity Center writes and the permission set’s policies', () => {
    const w = world();
    const roles = Object.values(w.iam.roles).filter((r) => r.account === PROD);
    expect(roles).toHaveLength(1);
    const role = roles[0]!;
    expect(role.name).toMatch(/^AWSReservedSSO_DataAnalyst_[0-9a-f]{16}$/);
    expect(role.arn).toBe(`arn:aws:iam::${PROD}:role/aws-reserved/sso.amazonaws.com/eu-west-1/${role.name}`);
    expect(role.maxSessionDuration).toBe(14400);
    expect(role.trust).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { Federated: `arn:aws:iam::${PROD}:saml-provider/${w.sso.instance!.samlProvider}` },
          Action: ['sts:AssumeRoleWithSAML', 'sts:TagSession'],
          Condition: { StringEquals: { 'SAML:aud': 'https://signin.aws.amazon.com/saml' } },
        },
      ],
    });
    expect(w.sso.instance!.samlProvider).toMatch(/^AWSSSO_[0-9a-f]{16}_DO_NOT_DELETE$/);
    expect(role.attached).toEqual([`arn:aws:iam::${PROD}:policy/ReadReports`]);
    expect(role.inline.map((p) => p.name)).toEqual(['AwsSSOInlinePolicy']);
  });

  it('given an instance in us-east-1, then the path has no Region', () => {
    const role = Object.values(world('us-east-1').iam.roles).find((r) => r.account === PROD)!;
    expect(role.path).toBe('/aws-reserved/sso.amazonaws.com/');
  });

  it('given a second assignment of the same permission set in the account, then nothing is provisioned again', () => {
    const events = when(world(), assign('USER', 'omar', PROD));
    expect(events.map((e) => e.type)).toEqual(['AccountAssignmentCreated']);
  });
});

// AWS re:Post Knowledge Center "iam-identity-center-federation": the provisioned roles' trust policy
// "only trusts the SAML provider that IAM Identity Center creates automatically" in the account,
// AWSSSO_<id>_DO_NOT_DELETE (its IAM identity provider, shown by the IAM console's Identity providers)
describe("Identity Center's SAML provider", () => {
  it('given an assignment, then the account has the IAM SAML provider the role trusts, holding the metadata of Identity Center', () => {
    const w = world();
    const instance = w.sso.instance!;
    const arn = `arn:aws:iam::${PROD}:saml-provider/${instance.samlProvider}`;
    const provider = w.saml.providers[arn]!;
    expect(provider).toMatchObject({ account: PROD, name: instance.samlProvider, idp: 'IAM Identity Center' });
    expect(provider.entityId).toMatch(/^https:\/\/portal\.sso\.eu-west-1\.amazonaws\.com\/saml\/assertion\/[A-Za-z0-9+/=]+$/);
    expect(w.saml.idps['IAM Identity Center']!.entityId).toBe(provider.entityId);
    const role = Object.values(w.iam.roles).find((r) => r.account === PROD)!;
    expect(JSON.stringify(role.trust)).toContain(arn);
    // not in an account nothing was provisioned to
    expect(Object.values(w.saml.providers).map((p) => p.account)).toEqual([PROD]);
  });

  it('given a second permission set provisioned to the same account, then the account keeps its one provider', () => {
    const second = enable();
    if (second.type !== 'EnableIdentityCenter') throw new Error('unreachable');
    const sets = [...second.data.permissionSets, { ...second.data.permissionSets[0]!, name: 'Auditor', customerManaged: [] }];
    const w = given([
      start(),
      account(MGMT, 'Management'),
      account(PROD, 'Production'),
      managedPolicy(PROD, 'ReadReports', [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }]),
      { ...second, data: { ...second.data, permissionSets: sets } },
      assign('GROUP', 'Analysts', PROD),
      { type: 'CreateAccountAssignment', data: { principalType: 'USER', principal: 'omar', permissionSet: 'Auditor', account: PROD } },
    ]);
    expect(Object.values(w.iam.roles).filter((r) => r.account === PROD)).toHaveLength(2);
    expect(Object.keys(w.saml.providers)).toEqual([`arn:aws:iam::${PROD}:saml-provider/${w.sso.instance!.samlProvider}`]);
  });
});

// AWSReservedSSO_ roles trust only the account's AWSSSO_ SAML provider (re:Post
// iam-identity-center-federation); iam:PassRole has no rule of its own for them (IAM User Guide
// id_roles_use_passrole), so an administrator may pass one, and Lambda then refuses a role it cannot
// assume ("The role defined for the function cannot be assumed by Lambda.", jarpy/lambkin#3)
describe('using an AWSReservedSSO_ role outside Identity Center', () => {
  const admin = (): World =>
    given([
      start(),
      account(MGMT, 'Management'),
      account(PROD, 'Production'),
      managedPolicy(PROD, 'ReadReports', [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }]),
      enable(),
      assign('GROUP', 'Analysts', PROD),
      user(PROD, 'priya'),
      inline(`arn:aws:iam::${PROD}:user/priya`, 'Administrator', [{ Effect: 'Allow', Action: '*', Resource: '*' }]),
    ]);
  const priya = { kind: 'user' as const, arn: `arn:aws:iam::${PROD}:user/priya` };
  const ssoRole = (w: World) => Object.values(w.iam.roles).find((r) => r.account === PROD)!.arn;

  it('given an administrator of the account, when she calls sts:AssumeRole on it, then its trust policy refuses her', () => {
    const w = admin();
    const c = callOf(when(w, call(priya, 'sts:AssumeRole', { RoleArn: ssoRole(w), RoleSessionName: 'priya' })));
    expect(c.outcome).toBe('denied');
    expect(c.error?.code).toBe('AccessDenied');
  });

  it('given an administrator, when she passes it to a Lambda function, then iam:PassRole is allowed and Lambda cannot assume the role', () => {
    const w = admin();
    const c = callOf(when(w, call(priya, 'lambda:CreateFunction', { FunctionName: 'shadow', Role: ssoRole(w) })));
    expect(c.error).toEqual({
      code: 'InvalidParameterValueException',
      message: 'The role defined for the function cannot be assumed by Lambda.',
    });
    expect(c.notes.some((n) => n.includes('iam:PassRole') && n.endsWith(': allowed'))).toBe(true);
  });
});

describe('GetRoleCredentials', () => {
  it('given a user assigned through a group, then a session of the role named after the user, with the configured attributes as tags', () => {
    const w = world();
    const events = when(w, portal(w, 'jane', { accountId: PROD, roleName: 'DataAnalyst' }));
    expect(events.map((e) => e.type)).toEqual(['RoleAssumed']);
    const { session } = events[0]!.data as { session: { arn: string; sessionName: string; tags: object; expiration: string } };
    expect(session.sessionName).toBe('jane');
    expect(session.arn).toMatch(new RegExp(`^arn:aws:sts::${PROD}:assumed-role/AWSReservedSSO_DataAnalyst_[0-9a-f]{16}/jane$`));
    // only the attributes configured for access control (Title is not)
    expect(session.tags).toEqual({ CostCenter: '4711' });
    expect(session.expiration).toBe('2026-01-01T13:00:00Z');
    const c = callOf(events);
    expect(Object.keys(c.response!['roleCredentials'] as object)).toEqual(['accessKeyId', 'secretAccessKey', 'sessionToken', 'expiration']);
  });

  it('given credentials kept from it, then the session calls with the role’s policies', () => {
    const w = world();
    const kept = run(w, portal(w, 'jane', { accountId: PROD, roleName: 'DataAnalyst' }), {
      type: 'KeepCredentials',
      data: { name: 'jane' },
    }).world;
    const read = run(kept, call({ kind: 'kept', name: 'jane' }, 's3:GetObject', {}, 'arn:aws:s3:::reports/q1.csv')).events;
    expect(callOf(read).outcome).toBe('allowed');
  });

  it('given a user not assigned in the account, then ForbiddenException "No access"', () => {
    const w = world();
    expect(callOf(when(w, portal(w, 'omar', { accountId: PROD, roleName: 'DataAnalyst' }))).error).toEqual({
      code: 'ForbiddenException',
      message: 'No access',
    });
    expect(callOf(when(w, portal(w, 'jane', { accountId: DEV, roleName: 'DataAnalyst' }))).error?.code).toBe('ForbiddenException');
  });

  it('given a token no sign-in issued, then UnauthorizedException', () => {
    const w = world();
    const c = callOf(
      when(
        w,
        call({ kind: 'anonymous' }, 'sso:GetRoleCredentials', { accessToken: 'aoa-forged', accountId: PROD, roleName: 'DataAnalyst' }),
      ),
    );
    expect(c.error).toEqual({ code: 'UnauthorizedException', message: 'Session token not found or invalid' });
  });

  it('given no instance, then UnauthorizedException', () => {
    const w = given([start(), account(PROD, 'Production')]);
    const c = callOf(
      when(w, call({ kind: 'anonymous' }, 'sso:GetRoleCredentials', { accessToken: 'aoa', accountId: PROD, roleName: 'X' })),
    );
    expect(c.error?.code).toBe('UnauthorizedException');
  });

  it('given a missing parameter, then InvalidRequestException', () => {
    const w = world();
    const c = callOf(when(w, call({ kind: 'anonymous' }, 'sso:GetRoleCredentials', { accessToken: 'aoa', accountId: PROD })));
    expect(c.error).toEqual({ code: 'InvalidRequestException', message: 'roleName is required' });
  });
});

describe('ListAccounts and ListAccountRoles', () => {
  it('list what the user is assigned', () => {
    const w = world();
    const token = portalAccessToken('test', instanceArn(w), 'jane');
    const accounts = callOf(when(w, call({ kind: 'anonymous' }, 'sso:ListAccounts', { accessToken: token })));
    expect(accounts.response).toEqual({ accountList: [{ accountId: PROD, accountName: 'Production' }] });
    const roles = callOf(when(w, call({ kind: 'anonymous' }, 'sso:ListAccountRoles', { accessToken: token, accountId: DEV })));
    expect(roles.response).toEqual({ roleList: [] });
  });
});
