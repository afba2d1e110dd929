// The built command is one bundle for a plain run (dist/simulate.cjs) and one bundle per command it
// loads on demand (dist/simulate-NAME.cjs, scripts/bundle-on-demand.mjs). The engine is in the
// command's bundle only: an on-demand bundle that carried a second copy would be a second
// implementation at run time (module-level caches, classes for `instanceof`, symbols). Checked on
// the built files (the build also refuses a module in two bundles), by marker functions and
// classes of each layer: each is declared once, in dist/simulate.cjs.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const dist = join(import.meta.dirname, '..', '..', 'dist');
const onDemand = readdirSync(dist).filter((f) => /^simulate-[a-z0-9-]+\.cjs$/.test(f));
const text = (file: string) => readFileSync(join(dist, file), 'latin1');

/** Declarations esbuild keeps as they are written: one of each in the command's bundle, none elsewhere. */
const MARKERS: readonly [string, RegExp][] = [
  ['the engine: decideScenario', /\bfunction decideScenario\(/g],
  ['the engine: runScenario', /\bfunction runScenario\(/g],
  ['the engine: evolveAll', /\bfunction evolveAll\(/g],
  ['STS: evaluateTrust', /\bfunction evaluateTrust\(/g],
  ['the services: decideRequest', /\bfunction decideRequest\(/g],
  ['the questions: answerQuestion', /\bfunction answerQuestion\(/g],
  ['the resolver: resolveDeclarations', /\bfunction resolveDeclarations\(/g],
  ['the parser: parseItems', /\bfunction\*\s*parseItems\(/g],
  ['the errors: class ScenarioError', /\bScenarioError=class\b/g],
  ['immer', /"immer-nothing"/g],
];

describe('the bundles of the built command', () => {
  it('are the command and its on-demand bundles', () => {
    expect(onDemand.sort()).toEqual(['eval', 'import', 'questions', 'serve', 'test', 'walk'].map((n) => `simulate-${n}.cjs`));
  });

  for (const [what, marker] of MARKERS) {
    it(`hold one copy of ${what}, in simulate.cjs`, () => {
      expect(text('simulate.cjs').match(marker)?.length).toBe(1);
      for (const file of onDemand) expect(text(file).match(marker), file).toBeNull();
    });
  }

  it('each on-demand bundle takes the engine from the command', () => {
    for (const file of onDemand) expect(text(file), file).toContain(`require("./simulate.cjs").__module(`);
  });
});
