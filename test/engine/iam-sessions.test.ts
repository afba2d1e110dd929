// AWS's timing rules for role sessions when IAM changes, given/when/then. The changes a step's IAM
// call makes are IAM events; these tests apply them to a world in which a session already exists:
// - permissions are evaluated at each request (IAM User Guide "Disabling permissions for temporary
//   security credentials", https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_control-access_disable-perms.html:
//   "Permissions assigned to temporary security credentials are evaluated each time they are used");
// - revoking sessions puts AWS's AWSRevokeOlderSessions inline policy on the role (IAM User Guide
//   "Revoke IAM role temporary security credentials",
//   https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_revoke-sessions.html);
// - a role created again with the same name is another role, with a new unique ID (IAM User Guide
//   "IAM identifiers", https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html,
//   and "AWS JSON policy elements: Principal"), so the sessions of the deleted one stay without
//   permissions. What AWS answers them is not documented: iamsim evaluates them as a principal without
//   identity-based policies (an implicit deny).
import { describe, expect, it } from 'vitest';
import type { AnyEvent } from '../../src/engine/events.js';
import { evolve } from '../../src/engine/run.js';
import type { World } from '../../src/engine/world.js';
import {
  asKept,
  assumeRoleAs,
  asUser,
  inline,
  keep,
  outcome,
  production,
  PROD,
  role,
  roleArn,
  rootArn,
  run,
  s3,
  sts,
  trustWith,
  user,
  userArn,
  wait,
} from './sts-helpers.js';

const APP = roleArn(PROD, 'app');
const trust = trustWith([{ Effect: 'Allow', Principal: { AWS: rootArn(PROD) }, Action: 'sts:AssumeRole' }]);
const ALICE = asUser(PROD, 'alice');
const read = (name: string) => s3(asKept(name), 's3:ListAllMyBuckets', '*');
const readPolicy = (entity = APP) => inline(entity, 'Read', [{ Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: '*' }]);
const apply = (world: World, event: AnyEvent): World => evolve(world, event);

const world = (...roleCommands: ReturnType<typeof inline>[]): World =>
  production(
    user(PROD, 'alice'),
    inline(userArn(PROD, 'alice'), 'Admin', [{ Effect: 'Allow', Action: ['sts:AssumeRole', 'iam:*'], Resource: '*' }]),
    role(PROD, 'app', trust),
    ...roleCommands,
  );

const session = (w: World, name = 's1') => keep(w, assumeRoleAs(ALICE, APP, name)(), name);

describe('policies are evaluated at each request', () => {
  it('given a session of a role without policies, when an inline policy is put on the role, then the session’s next call is allowed', () => {
    let w = session(world());
    expect(outcome(w, read('s1')).decision).toBe('ImplicitDeny');
    w = run(w, readPolicy()).world; // the InlinePolicyPut that iam:PutRolePolicy records
    expect(outcome(w, read('s1')).decision).toBe('Allow');
  });

  it('when the inline policy is deleted again, then the same session is denied at once', () => {
    let w = session(world(readPolicy()));
    expect(outcome(w, read('s1')).decision).toBe('Allow');
    w = apply(w, { type: 'InlinePolicyDeleted', data: { entity: APP, name: 'Read' } });
    expect(outcome(w, read('s1')).decision).toBe('ImplicitDeny');
  });

  it('given a trust-policy change that no longer lets alice in, then her existing session keeps working: the trust policy is read only at AssumeRole', () => {
    let w = session(world(readPolicy()));
    const closed = trustWith([{ Effect: 'Deny', Principal: { AWS: rootArn(PROD) }, Action: 'sts:AssumeRole' }]);
    w = apply(w, { type: 'TrustPolicyUpdated', data: { role: APP, document: closed } });
    expect(outcome(w, read('s1')).decision).toBe('Allow');
    expect(outcome(w, assumeRoleAs(ALICE, APP, 's2')()).error?.code).toBe('AccessDenied');
  });
});

describe('revoking older sessions with AWSRevokeOlderSessions', () => {
  // the document of IAM User Guide "Disabling permissions for temporary security credentials", with the revocation time
  const revoke = (at: string) =>
    inline(APP, 'AWSRevokeOlderSessions', [
      { Effect: 'Deny', Action: '*', Resource: '*', Condition: { DateLessThan: { 'aws:TokenIssueTime': at } } },
    ]);

  it('given a session issued at 09:00, when sessions are revoked at 09:30, then it is explicitly denied, and a session issued after is not', () => {
    let w = session(world(readPolicy()));
    w = run(w, wait(1800)).world;
    expect(outcome(w, read('s1')).decision).toBe('Allow');
    w = run(w, revoke('2026-01-01T09:30:00Z')).world;
    const old = outcome(w, read('s1'));
    expect(old.decision).toBe('ExplicitDeny');
    expect(old.error?.message).toContain('with an explicit deny in an identity-based policy');
    w = session(w, 's2');
    expect(outcome(w, read('s2')).decision).toBe('Allow');
  });
});

describe('a deleted role, and a role created again with its name', () => {
  const iam = (action: string, params: Record<string, string>) => sts(ALICE, `iam:${action}`, params);

  it('given a session of a deleted role, then it has no permissions, and the new role of that name does not give them back', () => {
    let w = session(world(readPolicy()));
    const oldId = w.iam.roles[APP]!.id;
    // DeleteRole needs the role's policies gone first (IAM API Reference, DeleteRole)
    expect(outcome(w, iam('DeleteRole', { RoleName: 'app' })).error?.code).toBe('DeleteConflict');
    w = apply(w, { type: 'InlinePolicyDeleted', data: { entity: APP, name: 'Read' } });
    w = run(w, iam('DeleteRole', { RoleName: 'app' })).world;
    expect(outcome(w, read('s1')).decision).toBe('ImplicitDeny');
    w = run(w, iam('CreateRole', { RoleName: 'app', AssumeRolePolicyDocument: JSON.stringify(trust) })).world;
    w = run(w, readPolicy()).world;
    expect(w.iam.roles[APP]!.id).not.toBe(oldId);
    const stale = outcome(w, read('s1'));
    expect(stale.decision).toBe('ImplicitDeny');
    expect(stale.error?.message).toContain('because no identity-based policy allows the s3:ListAllMyBuckets action');
    expect(stale.notes.join(' ')).toContain('was deleted and created again');
    w = session(w, 's2');
    expect(outcome(w, read('s2')).decision).toBe('Allow');
  });
});
