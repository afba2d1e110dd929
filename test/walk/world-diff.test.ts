// What `simulate walk` says changed in the world after a step (src/walk/world-diff.ts): leaves
// added, changed and removed, a new subtree shown once with its fields, and an empty record that
// gains entries not reported as removed — also where a key holds "." or "[" and is quoted.
import { describe, expect, it } from 'vitest';
import { changeLines, worldDiff } from '../../src/walk/world-diff.js';

const lines = (before: unknown, after: unknown) => changeLines(worldDiff(before, after), before);

describe('what changed in the world', () => {
  const before = { sts: { sessions: {} }, iam: { users: { a: { name: 'a', tags: {} } } }, clock: '09:00' };
  const after = {
    sts: { sessions: { ASIA1: { role: 'r', tags: [] } } },
    iam: { users: { a: { name: 'a', tags: { team: 'x' } } } },
    clock: '10:00',
  };

  it('groups a new subtree under its root, and an empty record that fills is not removed', () => {
    expect(lines(before, after)).toEqual([
      '+ sts.sessions.ASIA1',
      '    role = r',
      '    tags = []',
      '+ iam.users.a.tags.team = x',
      '~ clock: 09:00 → 10:00',
    ]);
    expect(lines(after, before)).toEqual([
      '+ sts.sessions = {}',
      '+ iam.users.a.tags = {}',
      '~ clock: 10:00 → 09:00',
      '- sts.sessions.ASIA1.role (was r)',
      '- sts.sessions.ASIA1.tags (was [])',
      '- iam.users.a.tags.team (was x)',
    ]);
  });

  it('a quoted key with "." or "[" in it is a key like any other', () => {
    const a = { m: { 'a.b': { x: 1 }, 'c[0]': {} } };
    const b = { m: { 'a.b': { x: 1, y: 2 }, 'c[0]': { z: 3 } } };
    expect(lines(a, b)).toEqual(['+ m."a.b".y = 2', '+ m."c[0]".z = 3']);
    expect(lines(b, a)).toEqual(['+ m."c[0]" = {}', '- m."a.b".y (was 2)', '- m."c[0]".z (was 3)']);
  });
});
