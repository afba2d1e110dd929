// `expect error CODE [message [contains] TEXT]`: the scenario component checks the last call's error
// code, and, when the expectation says so, its message (exactly, or a part of it), so that a call
// refused for another reason with the same code does not pass.
import { describe, expect, it } from 'vitest';
import type { ExpectationSpec } from '../../src/engine/scenario/index.js';
import { account, call, given, PROD, start, user, userArn, when } from './given.js';

const DENIED = `User: ${userArn(PROD, 'alice')} is not authorized to perform: s3:GetObject on resource: * because no identity-based policy allows the s3:GetObject action`;

/** A world whose last call is alice's s3:GetObject, implicitly denied. */
function afterDeniedCall() {
  return given([
    start(),
    account(PROD, 'Production'),
    user(PROD, 'alice'),
    { type: 'StartStep', data: { index: 1, title: 'read' } },
    call({ kind: 'user', arn: userArn(PROD, 'alice') }, 's3:GetObject'),
  ]);
}

function check(spec: ExpectationSpec) {
  const events = when(afterDeniedCall(), { type: 'CheckExpectation', data: { text: 'expect …', spec } });
  expect(events).toHaveLength(1);
  const e = events[0]!;
  if (e.type !== 'ExpectationChecked') throw new Error(`expected ExpectationChecked, got ${e.type}`);
  return e.data;
}

describe('expect error CODE message …', () => {
  it('given a denied call, the code alone holds and the outcome is named without the message', () => {
    expect(check({ kind: 'error', code: 'AccessDenied' })).toMatchObject({ passed: true, actual: 'implicit-deny (error AccessDenied)' });
  });

  it('an exact message holds when it is the whole message', () => {
    expect(check({ kind: 'error', code: 'AccessDenied', message: { match: 'exact', text: DENIED } }).passed).toBe(true);
    const part = check({ kind: 'error', code: 'AccessDenied', message: { match: 'exact', text: 'is not authorized' } });
    expect(part).toMatchObject({ passed: false, actual: `implicit-deny (error AccessDenied): ${JSON.stringify(DENIED)}` });
  });

  it('a `contains` message holds when the message contains it, case and all', () => {
    expect(check({ kind: 'error', code: 'AccessDenied', message: { match: 'contains', text: 'no identity-based policy' } }).passed).toBe(
      true,
    );
    expect(check({ kind: 'error', code: 'AccessDenied', message: { match: 'contains', text: 'No identity-based policy' } }).passed).toBe(
      false,
    );
    expect(check({ kind: 'error', code: 'AccessDenied', message: { match: 'contains', text: 'explicit deny' } }).passed).toBe(false);
  });

  it('the right message with another code does not hold', () => {
    const v = check({ kind: 'error', code: 'AccessDeniedException', message: { match: 'contains', text: 'is not authorized' } });
    expect(v.passed).toBe(false);
  });

  it('without a call, nothing holds', () => {
    const world = given([start(), { type: 'StartStep', data: { index: 1, title: 'nothing' } }]);
    const [e] = when(world, {
      type: 'CheckExpectation',
      data: { text: 'x', spec: { kind: 'error', code: 'AccessDenied', message: { match: 'contains', text: 'x' } } },
    });
    expect(e).toMatchObject({ type: 'ExpectationChecked', data: { passed: false, actual: 'the call was not made' } });
  });
});
