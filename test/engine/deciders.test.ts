// The engine's table of deciders, given/when/then: routing comes from it, and a Call goes to the one
// decider whose stage it is in.
import { describe, expect, it } from 'vitest';
import { deciders, initialWorld, isEventType } from '../../src/engine/deciders.js';
import { run } from '../../src/engine/run.js';
import { runScenario } from '../../src/engine/run-scenario.js';
import { account, call, given, inline, PROD, start, trustAccount, user, userArn, when } from './given.js';

describe('the table of deciders', () => {
  it('builds the initial world from each decider’s initial state', () => {
    for (const [name, decider] of Object.entries(deciders)) expect(initialWorld[name as keyof typeof deciders]).toBe(decider.initialState);
  });

  it('knows the event types its deciders own, and no others', () => {
    expect(isEventType('RoleAssumed')).toBe(true);
    expect(isEventType('PodCredentialsObtained')).toBe(true);
    expect(isEventType('RoleDeleted')).toBe(true);
    expect(isEventType('RoleRenamed')).toBe(false);
  });
});

describe('a Call', () => {
  describe('given an account with a user', () => {
    const setup = [start(), account(PROD, 'Production'), user(PROD, 'alice')];
    const world = () => given(setup);

    it('goes to STS when its action is an STS action', () => {
      expect(when(world(), call({ kind: 'user', arn: userArn(PROD, 'alice') }, 'sts:GetCallerIdentity')).map((e) => e.type)).toEqual([
        'CallerIdentityReturned',
      ]);
    });

    it('goes to IAM when IAM carries the action out, and the change follows the request', () => {
      const alice = { kind: 'user', arn: userArn(PROD, 'alice') } as const;
      const admin = inline(userArn(PROD, 'alice'), 'Iam', [{ Effect: 'Allow', Action: 'iam:*', Resource: '*' }]);
      const trust = JSON.stringify(trustAccount(PROD));
      const create = call(alice, 'iam:CreateRole', { RoleName: 'app', AssumeRolePolicyDocument: trust });
      // without a policy alice is denied, and nothing is created
      expect(when(world(), create).map((e) => e.type)).toEqual(['RequestDenied']);
      expect(when(given([...setup, admin]), create).map((e) => e.type)).toEqual(['RequestAllowed', 'RoleCreated']);
    });

    it('goes to the resources decider for any other service', () => {
      expect(when(world(), call({ kind: 'user', arn: userArn(PROD, 'alice') }, 's3:ListAllMyBuckets')).map((e) => e.type)).toEqual([
        'RequestDenied',
      ]);
    });

    it('is not made, and the scenario says why, when the credentials it uses were never kept', () => {
      expect(when(world(), call({ kind: 'kept', name: 'missing' }, 's3:ListAllMyBuckets'))).toEqual([
        {
          type: 'CallNotMade',
          data: {
            action: 's3:ListAllMyBuckets',
            reason: 'credentials missing were never issued: the step that was to keep them did not get any',
          },
        },
      ]);
    });
  });

  describe('that needs tokens', () => {
    const commands = [start(), account(PROD, 'Production'), call({ kind: 'anonymous' }, 'sts:AssumeRoleWithWebIdentity')].map(
      (command) => ({ command, meta: {} }),
    );

    it('is refused by the synchronous run', () => {
      expect(() => run(commands)).toThrow(/needs tokens, which were not prepared/);
    });

    it('is prepared by the token service when the scenario runs', async () => {
      const { events } = await runScenario(commands);
      expect(events.map((e) => e.type)).toEqual(['ScenarioStarted', 'AccountCreated', 'AssumeRoleWithWebIdentityFailed']);
    });
  });
});
