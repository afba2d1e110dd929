// The scenario texts scanner.test.ts checks against the moo lexer: every fixture (valid and
// invalid), every scenario under scenarios/ (including those that must fail) and the benchmark's
// large scenario.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { largeScenario } from '../bench/large-scenario.js';
import { fixturesDir } from './helpers.js';

const scenariosDir = fileURLToPath(new URL('../../scenarios/', import.meta.url));

function iamFiles(dir: string, label: string): [string, string][] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.iam'))
    .map((f) => [`${label}${f}`, readFileSync(dir + f, 'utf8')]);
}

/** [name, source] */
export const sources: readonly [string, string][] = [
  ...iamFiles(`${fixturesDir}valid/`, 'fixtures/valid/'),
  ...iamFiles(`${fixturesDir}errors/`, 'fixtures/errors/'),
  ...iamFiles(scenariosDir, 'scenarios/'),
  ...iamFiles(`${scenariosDir}invalid/`, 'scenarios/invalid/'),
];

export const large: string = largeScenario();
