// The console opened from the AWS access portal (src/engine/sso/portal-sign-in.ts): given an Identity
// Center instance with a permission set assigned in one account, when a user opens it from the
// portal, then the portal's sign-in, its sso:GetRoleCredentials and the console. Sources: IAM
// Identity Center User Guide "AWS access portal" (the portal lists what the user is assigned; the
// default URL https://d-xxxxxxxxxx.awsapps.com/start), "Set session duration for AWS accounts"; AWS
// IAM Identity Center Portal API Reference, "GetRoleCredentials" (ForbiddenException as the AWS CLI
// reports it, "No access").
import { describe, expect, it } from 'vitest';
import type { AnyCommand, AnyEvent } from '../../src/engine/events.js';
import { run } from '../../src/engine/run.js';
import { portalAccessToken } from '../../src/engine/sso/ids.js';
import { account, DEV, PROD, start } from './given.js';

const MGMT = '999999999999';

const declared: AnyCommand[] = [
  start(),
  account(MGMT, 'Management'),
  account(PROD, 'Production'),
  account(DEV, 'Staging'),
  {
    type: 'EnableIdentityCenter',
    data: {
      account: MGMT,
      region: 'eu-west-1',
      accessControlAttributes: [],
      users: [{ userName: 'jane', groups: [], attributes: {} }],
      groups: [],
      permissionSets: [{ name: 'Reader', managed: [], customerManaged: [], inline: null, boundary: null, sessionDuration: 7200 }],
    },
  },
  { type: 'CreateAccountAssignment', data: { principalType: 'USER', principal: 'jane', permissionSet: 'Reader', account: PROD } },
];

/** When jane opens Reader in `acct` from the portal: the events after the world's. */
function open(acct: string): AnyEvent[] {
  const world = run(declared.map((command) => ({ command, meta: {} })));
  const accessToken = portalAccessToken('test', world.world.sso.instance!.arn, 'jane');
  const signIn: AnyCommand = { type: 'SignInToPortal', data: { user: 'jane', accessToken, account: acct, permissionSet: 'Reader' } };
  return run([{ command: signIn, meta: {} }], world.world).events as AnyEvent[];
}

type Answer = {
  type: string;
  data: { call: { error: { code: string; message: string } | null; response: Record<string, unknown> | null } };
};

describe('the console from the access portal', () => {
  it("an assigned permission set: GetRoleCredentials, then the console for the permission set's session duration", () => {
    const events = open(PROD);
    expect(events.map((e) => e.type)).toEqual(['PortalSignInStarted', 'RoleAssumed', 'ConsoleSignInAnswered']);
    expect(events[0]).toMatchObject({ data: { url: expect.stringMatching(/^https:\/\/d-[0-9a-f]{10}\.awsapps\.com\/start$/) } });
    const answer = events[2] as unknown as Answer;
    expect(answer.data.call.response).toMatchObject({
      ConsoleLogin: 'Success',
      Credentials: { Expiration: '2026-01-01T11:00:00Z' },
      AssumedRoleUser: { Arn: expect.stringMatching(/^arn:aws:sts::111111111111:assumed-role\/AWSReservedSSO_Reader_[0-9a-f]{16}\/jane$/) },
    });
  });

  it('an account where the user is not assigned: the portal gives no access', () => {
    const events = open(DEV);
    expect(events.map((e) => e.type)).toEqual(['PortalSignInStarted', 'PortalCallFailed', 'ConsoleSignInRefused']);
    expect((events[2] as unknown as Answer).data.call.error).toEqual({ code: 'ForbiddenException', message: 'No access' });
  });
});
