// One runner for every fixture: valid ones parse exactly once and match their golden tree
// (`x.iam` → `x.ast.json`); the ones in errors/ fail with their golden message (`x.error`).
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseResults, parseScenario } from '../../src/dsl/parse.js';
import { formatScenarioError, ScenarioError } from '../../src/errors.js';
import { compact, fixture, fixturesDir } from './helpers.js';

const valid = readdirSync(`${fixturesDir}valid`).filter((f) => f.endsWith('.iam'));
const invalid = readdirSync(`${fixturesDir}errors`).filter((f) => f.endsWith('.iam'));

describe('valid fixtures', () => {
  it('covers the examples of language.md and the vocabulary', () => {
    expect(valid).toEqual(expect.arrayContaining(['cross-account.iam', 'irsa.iam', 'sts-basics.iam', 'organizations.iam', 'steps.iam']));
  });

  it.each(valid)('%s has exactly one parse', (name) => {
    expect(parseResults(fixture(`valid/${name}`), name)).toHaveLength(1);
  });

  it.each(valid)('%s matches its golden tree', async (name) => {
    const ast = parseScenario(fixture(`valid/${name}`), name);
    const golden = `${JSON.stringify(compact(ast.items), null, 2)}\n`;
    await expect(golden).toMatchFileSnapshot(`${fixturesDir}valid/${name.replace(/\.iam$/, '.ast.json')}`);
  });
});

describe('invalid fixtures', () => {
  it.each(invalid)('%s fails with its golden message', async (name) => {
    const source = fixture(`errors/${name}`);
    let message = '';
    try {
      parseScenario(source, name);
    } catch (e) {
      expect(e).toBeInstanceOf(ScenarioError);
      message = formatScenarioError(e as ScenarioError, source);
    }
    expect(message).not.toBe('');
    await expect(`${message}\n`).toMatchFileSnapshot(`${fixturesDir}errors/${name.replace(/\.iam$/, '.error')}`);
  });
});
