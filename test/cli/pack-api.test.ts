// The library API as a user gets it: `npm pack` of the built tree, installed offline into an empty
// folder; an ES module imports 'iamsim' and runs a scenario, and a TypeScript file that does the same
// is type-checked against the package's own types (dist/index.d.ts) by the repo's tsc, under both
// module resolutions a user's project may have (node16 and bundler), with no @types package at all.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'iamsim-pack-api-'));
const app = join(dir, 'app');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const MJS = `import { readFileSync } from 'node:fs';
import { runScenario, checkScenario } from 'iamsim';

const file = 'scenarios/cross-account.iam';
const { exitCode, output, events } = await runScenario(readFileSync(file, 'utf8'), file);
process.stdout.write(output);
console.log(exitCode, events.length > 0, checkScenario('scenario "x"\\nstep', 'x.iam')[0].line);
`;

// no node: imports, so that the check needs no @types/node: the package's types must stand alone
const TS = `import { FORMATS, runScenario, type Diagnostic, type Format, type RunResult } from 'iamsim';

declare const source: string;
const format: Format = FORMATS[0]!;
const result: RunResult = await runScenario(source, 'a.iam', { format, color: false, until: 2, readFile: (path) => ({ text: '{}', file: path }) });
const code: 0 | 1 | 2 = result.exitCode;
const where: Diagnostic | undefined = result.diagnostics[0];
export const seen = [code, where?.line, result.events[0]?.type, result.summary?.failed];
// @ts-expect-error: not a format
await runScenario(source, 'a.iam', { format: 'html' });
`;

beforeAll(() => {
  const tarball = execFileSync('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', dir], {
    cwd: root,
    encoding: 'utf8',
  }).trim();
  mkdirSync(join(app, 'scenarios'), { recursive: true });
  cpSync(join(root, 'scenarios', 'cross-account.iam'), join(app, 'scenarios', 'cross-account.iam'));
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'api-check', private: true, type: 'module' }));
  const install = spawnSync('npm', ['install', '--offline', '--no-audit', '--no-fund', join(dir, tarball)], { cwd: app, encoding: 'utf8' });
  expect(install.stderr).not.toMatch(/ERR/);
  expect(install.status).toBe(0);
}, 120_000);

describe("import … from 'iamsim', from the packed package", () => {
  it('an ES module imports the API and runs a scenario: the golden trace', () => {
    writeFileSync(join(app, 'run.mjs'), MJS);
    const run = spawnSync(process.execPath, ['run.mjs'], { cwd: app, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(readFileSync(join(root, 'scenarios', 'cross-account.trace'), 'utf8') + '0 true 2\n');
  });

  for (const resolution of ['node16', 'bundler'] as const) {
    it(`a TypeScript file type-checks against the package's types (moduleResolution ${resolution})`, () => {
      const sub = join(app, resolution);
      mkdirSync(sub, { recursive: true });
      writeFileSync(join(sub, 'use.ts'), TS);
      const compilerOptions = {
        target: 'ES2022',
        module: resolution === 'node16' ? 'node16' : 'ES2022',
        moduleResolution: resolution,
        strict: true,
        noUncheckedIndexedAccess: true,
        noEmit: true,
        skipLibCheck: false,
        types: [],
      };
      writeFileSync(join(sub, 'tsconfig.json'), JSON.stringify({ compilerOptions, files: ['use.ts'] }));
      const tsc = spawnSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', sub], {
        cwd: app,
        encoding: 'utf8',
      });
      expect(tsc.stdout + tsc.stderr).toBe('');
      expect(tsc.status).toBe(0);
    }, 60_000);
  }

  it('a type error in the use of the API is found (the check is not vacuous)', () => {
    const sub = join(app, 'bad');
    mkdirSync(sub, { recursive: true });
    writeFileSync(join(sub, 'use.ts'), "import { runScenario } from 'iamsim';\nexport const r = runScenario(1, 'a.iam');\n");
    const compilerOptions = { module: 'node16', moduleResolution: 'node16', strict: true, noEmit: true, types: [] };
    writeFileSync(join(sub, 'tsconfig.json'), JSON.stringify({ compilerOptions, files: ['use.ts'] }));
    const tsc = spawnSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', sub], {
      cwd: app,
      encoding: 'utf8',
    });
    expect(tsc.stdout).toContain("error TS2345: Argument of type 'number' is not assignable to parameter of type 'string'");
  }, 60_000);
});
