// `npm test` builds first only when the build is missing or older than what it is made from, so
// that a clean clone builds once (`npm ci` runs the build through `prepare`) and a warm checkout
// goes straight to the tests. `npm run build` always builds.
import { execSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const LAST_OUTPUT = 'dist/simulate.cache'; // the build writes it last
const INPUTS = ['src', 'grammar', 'scripts', 'bin', 'package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json'];
const GENERATED = new Set(['src/dsl/grammar.generated.ts', 'src/catalogue/catalogue.generated.txt']);

function newest(path) {
  if (GENERATED.has(path)) return 0;
  const stat = statSync(join(root, path), { throwIfNoEntry: false });
  if (stat === undefined) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(join(root, path)).map((name) => newest(join(path, name))));
}

const built = statSync(join(root, LAST_OUTPUT), { throwIfNoEntry: false })?.mtimeMs ?? 0;
const changed = Math.max(...INPUTS.map(newest));
if (changed > built) execSync('npm run build', { cwd: root, stdio: 'inherit' });
else console.log('build: dist/ is up to date');
